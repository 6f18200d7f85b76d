#pragma once

#include <QByteArray>
#include <QFuture>
#include <QSize>
#include <QString>

// The photo pipeline of field reports: every photo a citizen attaches (app, hues-tool) and
// every photo hues-server receives goes through processPhoto() before it is stored or sent.
namespace media {

struct PhotoLimits
{
    qint64 maxInputBytes = 25 * 1024 * 1024; // refuse larger files before decoding
    qint64 maxPixels = 64'000'000; // refuse larger images from the header, before decoding
    int maxLongSide = 1600;        // output: longest side at most this (never upscaled)
    int jpegQuality = 80;
    // Addition: if the JPEG at jpegQuality is larger than this, it is encoded again at lower
    // qualities (down to 50) until it fits; 0 turns this off.
    qint64 targetOutputBytes = 500 * 1024;
};

struct PhotoResult
{
    enum class Error { None, TooLarge, TooManyPixels, NotAnImage, Damaged, EncodeFailed };
    Error error = Error::None;
    QString message; // translated, for a person ("The photo is damaged (truncated file).")
    QByteArray jpeg; // the re-encoded JPEG: orientation applied, no metadata at all
    QSize size;      // pixel size of `jpeg`
    bool ok() const { return error == Error::None; }
};

// Thread-safe, synchronous: decode (content sniffed, never by name), apply EXIF orientation,
// scale, re-encode as baseline JPEG without EXIF/XMP/ICC/comments.
PhotoResult processPhoto(const QByteArray &input, const PhotoLimits &limits = {});
// A file that cannot be opened or read gives Error::NotAnImage with a message saying so.
PhotoResult processPhotoFile(const QString &path, const PhotoLimits &limits = {});
// The same on a worker thread (QtConcurrent); the future is never cancelled by the pipeline.
QFuture<PhotoResult> processPhotoAsync(const QString &path, const PhotoLimits &limits = {});
// Addition: processPhoto() on a worker thread, for bytes already in memory (an upload).
QFuture<PhotoResult> processPhotoDataAsync(const QByteArray &input, const PhotoLimits &limits = {});

} // namespace media
