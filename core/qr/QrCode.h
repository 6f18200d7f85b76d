#pragma once

#include <QBitArray>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QString>
#include <optional>

// QR codes (ISO/IEC 18004): encoding bytes to a module matrix and reading them back from an
// image. Used for the kiosk sign-in code, merchants' VietQR codes and e-tickets.
namespace qr {

// How much of the symbol may be damaged and still be read: about 7, 15, 25 and 30 %.
enum class ErrorCorrection { Low, Medium, Quartile, High };

enum class EncodeError {
    None,
    EmptyInput, // nothing to encode
    TooLong,    // more than the largest QR code (version 40) holds at this error correction
    Failed,     // the encoder refused the input for another reason
};

// Translated, for the user; empty for EncodeError::None.
QString errorString(EncodeError error);

// The modules of one QR code symbol, dark or light, without the quiet zone. A null matrix
// (size() == 0) says why in error().
class QrMatrix
{
public:
    QrMatrix() = default;
    QrMatrix(int size, QBitArray modules);
    static QrMatrix failed(EncodeError error);

    bool isNull() const { return m_size == 0; }
    // Modules per side (21 for version 1, up to 177 for version 40); 0 when null.
    int size() const { return m_size; }
    // False outside the symbol.
    bool isDark(int x, int y) const;
    const QBitArray &modules() const { return m_modules; }
    EncodeError error() const { return m_error; }
    QString errorString() const { return qr::errorString(m_error); }

    friend bool operator==(const QrMatrix &a, const QrMatrix &b)
    {
        return a.m_size == b.m_size && a.m_modules == b.m_modules && a.m_error == b.m_error;
    }
    friend bool operator!=(const QrMatrix &a, const QrMatrix &b) { return !(a == b); }

private:
    int m_size = 0;
    QBitArray m_modules; // row-major, size * size bits, set = dark
    EncodeError m_error = EncodeError::None;
};

// The longest input tried at all (numeric mode at Low, version 40); longer is TooLong at once.
constexpr qsizetype MaxInputBytes = 7089;

// Encodes text as one QR code symbol. Valid UTF-8 that is not plain ASCII is marked as UTF-8
// (ECI 26) so that readers show it right; ASCII and other bytes go as they are.
QrMatrix encode(const QByteArray &text, ErrorCorrection ecc = ErrorCorrection::Medium);

// Draws the matrix with square modules of moduleSize pixels and a light quiet zone of
// quietZone modules around it. Null image for a null matrix, a module size below 1, a
// negative quiet zone, or a result wider than 8192 pixels.
QImage toImage(const QrMatrix &matrix, int moduleSize = 4, int quietZone = 4,
               QColor dark = Qt::black, QColor light = Qt::white);

// Images larger than this (in either direction, or in pixels) are not searched.
constexpr int MaxDecodeSide = 8192;
constexpr qint64 MaxDecodePixels = 4096LL * 4096LL;

// Reads the first QR code found in the image and returns its payload's raw bytes (for what
// encode() wrote: exactly its input). nullopt when there is none, or the image is null or
// too large. Transparent pixels count as white. Safe on any image.
std::optional<QByteArray> decode(const QImage &image);

// An 8-bit grey image in memory the caller owns and keeps alive during the call, e.g. the luma
// (Y) plane of a camera frame: `width` x `height` samples, `pixelStride` bytes apart within a
// row (1 for planar YUV, 2 for packed YUYV), rows `bytesPerLine` bytes apart.
struct LumaView
{
    const uchar *data = nullptr;
    int width = 0;
    int height = 0;
    int bytesPerLine = 0;
    int pixelStride = 1;
};

// How hard to look. Thorough: every row is scanned for finder patterns (a still picture, one
// chance). Fast: rows are sampled (a stream of camera frames, where the next frame is another
// chance). Glance: as Fast, on every second pixel of every second row when the shorter side is
// at least GlanceMinSide, still in place: about 3x faster on 1080p (bench_scanner), but a code
// whose modules are under about 3 pixels wide may be missed.
enum class Effort { Thorough, Fast, Glance };
constexpr int GlanceMinSide = 720;

struct Decoded
{
    QByteArray bytes; // the payload's raw bytes, as decode(QImage) returns them
    QString text;     // the bytes as text, in the character set the code declares (ECI) or UTF-8
};

// The one reader behind decode(QImage): the first QR code (QR only) in the view, read in place
// without copying. nullopt when there is none, or the view is invalid (null data, a side of 0
// or above MaxDecodeSide, more than MaxDecodePixels, strides too short for the width).
std::optional<Decoded> decode(const LumaView &view, Effort effort = Effort::Thorough);

// As decode(QImage), with the payload as text too.
std::optional<Decoded> decodeImage(const QImage &image);

} // namespace qr
