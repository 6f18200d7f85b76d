#include "QrCode.h"

#include "logging.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStringDecoder>

#define ZX_USE_UTF8
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <string>

namespace qr {

namespace {

// MultiFormatWriter takes an Aztec/PDF417-style level 0..8 and maps it to QR's four
// levels as (level - 1) / 2: 2 -> L, 4 -> M, 6 -> Q, 8 -> H.
int zxingEccLevel(ErrorCorrection ecc)
{
    switch (ecc) {
    case ErrorCorrection::Low:
        return 2;
    case ErrorCorrection::Medium:
        return 4;
    case ErrorCorrection::Quartile:
        return 6;
    case ErrorCorrection::High:
        return 8;
    }
    return 4;
}

bool isAscii(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

ZXing::BitMatrix encodeWithZxing(const QByteArray &text, ErrorCorrection ecc)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    // No quiet zone, and width/height 0: one pixel per module.
    writer.setMargin(0).setEccLevel(zxingEccLevel(ecc));
    if (isAscii(text)) {
        // No ECI header: numeric, alphanumeric or byte mode as the content allows.
        return writer.encode(text.toStdString(), 0, 0);
    }
    if (isUtf8(text)) {
        // The std::string overload reads UTF-8; the encoder writes it back as UTF-8 with ECI 26.
        writer.setEncoding(ZXing::CharacterSet::UTF8);
        return writer.encode(text.toStdString(), 0, 0);
    }
    // Arbitrary bytes: as code points 0..255, which byte mode writes unchanged (ISO 8859-1,
    // the default, so no ECI).
    std::wstring latin1;
    latin1.reserve(static_cast<size_t>(text.size()));
    for (char c : text)
        latin1.push_back(static_cast<wchar_t>(static_cast<unsigned char>(c)));
    return writer.encode(latin1, 0, 0);
}

} // namespace

QString errorString(EncodeError error)
{
    switch (error) {
    case EncodeError::None:
        return {};
    case EncodeError::EmptyInput:
        return QCoreApplication::translate("qr", "There is nothing to put in the QR code.");
    case EncodeError::TooLong:
        return QCoreApplication::translate("qr", "The text is too long for a QR code.");
    case EncodeError::Failed:
        return QCoreApplication::translate("qr", "The QR code could not be made.");
    }
    return {};
}

QrMatrix::QrMatrix(int size, QBitArray modules)
    : m_size(size > 0 && modules.size() == qsizetype(size) * size ? size : 0),
      m_modules(m_size ? std::move(modules) : QBitArray())
{
}

QrMatrix QrMatrix::failed(EncodeError error)
{
    QrMatrix matrix;
    matrix.m_error = error;
    return matrix;
}

bool QrMatrix::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.testBit(qsizetype(y) * m_size + x);
}

QrMatrix encode(const QByteArray &text, ErrorCorrection ecc)
{
    if (text.isEmpty())
        return QrMatrix::failed(EncodeError::EmptyInput);
    if (text.size() > MaxInputBytes)
        return QrMatrix::failed(EncodeError::TooLong);

    ZXing::BitMatrix bits;
    try {
        bits = encodeWithZxing(text, ecc);
    } catch (const std::exception &e) {
        // zxing 1.4 says "Data too big" when no version holds the data; anything else is
        // unexpected for non-empty input.
        const bool tooBig = std::strstr(e.what(), "too big") != nullptr;
        if (!tooBig)
            qCWarning(lcApp) << "qr: encoder refused input:" << e.what();
        return QrMatrix::failed(tooBig ? EncodeError::TooLong : EncodeError::Failed);
    }

    const int size = bits.width();
    if (size < 21 || size > 177 || bits.height() != size) {
        qCWarning(lcApp) << "qr: encoder returned a" << bits.width() << "x" << bits.height()
                         << "matrix";
        return QrMatrix::failed(EncodeError::Failed);
    }
    QBitArray modules(qsizetype(size) * size);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (bits.get(x, y))
                modules.setBit(qsizetype(y) * size + x);
        }
    }
    return QrMatrix(size, std::move(modules));
}

QImage toImage(const QrMatrix &matrix, int moduleSize, int quietZone, QColor dark, QColor light)
{
    if (matrix.isNull() || moduleSize < 1 || quietZone < 0 || quietZone > 1000 || moduleSize > 8192)
        return {};
    const qint64 wide = (qint64(matrix.size()) + 2 * quietZone) * moduleSize;
    if (wide > 8192)
        return {};
    const int side = int(wide);

    QImage image(side, side, QImage::Format_ARGB32);
    image.fill(light);
    const QRgb darkPixel = dark.rgba();
    const int n = matrix.size();
    for (int y = 0; y < n; ++y) {
        const int top = (quietZone + y) * moduleSize;
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(top));
        for (int x = 0; x < n; ++x) {
            if (matrix.isDark(x, y)) {
                QRgb *from = line + (quietZone + x) * moduleSize;
                std::fill(from, from + moduleSize, darkPixel);
            }
        }
        for (int row = 1; row < moduleSize; ++row)
            std::memcpy(image.scanLine(top + row), line, size_t(side) * sizeof(QRgb));
    }
    return image;
}

std::optional<QByteArray> decode(const QImage &image)
{
    std::optional<Decoded> decoded = decodeImage(image);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded->bytes);
}

std::optional<Decoded> decodeImage(const QImage &image)
{
    if (image.isNull() || image.width() <= 0 || image.height() <= 0)
        return std::nullopt;
    if (image.width() > MaxDecodeSide || image.height() > MaxDecodeSide ||
        qint64(image.width()) * image.height() > MaxDecodePixels)
        return std::nullopt;

    QImage grey;
    if (image.hasAlphaChannel()) {
        // Transparent means the background the code is shown on: take it as white.
        QImage opaque(image.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        // Pixel for pixel: a grab from a high-DPI screen would otherwise be drawn at its
        // logical size, shrinking its modules.
        QImage source = image;
        source.setDevicePixelRatio(1.0);
        QPainter painter(&opaque);
        painter.drawImage(0, 0, source);
        painter.end();
        grey = opaque.convertToFormat(QImage::Format_Grayscale8);
    } else {
        grey = image.convertToFormat(QImage::Format_Grayscale8);
    }
    if (grey.isNull())
        return std::nullopt;

    return decode(
        LumaView{grey.constBits(), grey.width(), grey.height(), int(grey.bytesPerLine()), 1});
}

std::optional<Decoded> decode(const LumaView &view, Effort effort)
{
    if (!view.data || view.width <= 0 || view.height <= 0 || view.pixelStride < 1 ||
        view.width > MaxDecodeSide || view.height > MaxDecodeSide ||
        qint64(view.width) * view.height > MaxDecodePixels ||
        qint64(view.bytesPerLine) < qint64(view.width - 1) * view.pixelStride + 1)
        return std::nullopt;

    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setMaxNumberOfSymbols(1);
    if (effort != Effort::Thorough) {
        // Rows sampled rather than all scanned; rotation only helps linear codes (QR finder
        // patterns are found at any angle).
        hints.setTryHarder(false);
        hints.setTryRotate(false);
    }
    try {
        ZXing::ImageView image(view.data, view.width, view.height, ZXing::ImageFormat::Lum,
                               view.bytesPerLine, view.pixelStride);
        if (effort == Effort::Glance && std::min(view.width, view.height) >= GlanceMinSide)
            image = image.subsampled(2); // strides doubled: still no copy
        const ZXing::Result result = ZXing::ReadBarcode(image, hints);
        if (!result.isValid() || result.format() != ZXing::BarcodeFormat::QRCode)
            return std::nullopt;
        const ZXing::ByteArray &bytes = result.bytes();
        Decoded decoded;
        decoded.bytes =
            QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
        const std::string text = result.text(); // UTF-8 (ZX_USE_UTF8)
        decoded.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
        return decoded;
    } catch (const std::exception &e) {
        qCWarning(lcApp) << "qr: reader failed:" << e.what();
        return std::nullopt;
    }
}

} // namespace qr
