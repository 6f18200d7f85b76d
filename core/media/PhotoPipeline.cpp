#include "PhotoPipeline.h"

#include "ImageStructure.h"
#include "JpegDecoder.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

namespace media {

namespace {

using Error = PhotoResult::Error;

PhotoResult failure(Error error, const QString &message)
{
    PhotoResult result;
    result.error = error;
    result.message = message;
    return result;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// QImageReader's allocation limit is process-wide: it is raised once, never per call (a
// per-call change would race with other threads). 256 MiB holds the default pixel limit
// (64 megapixels) at 4 bytes per pixel; anything bigger is refused by the decoders even if a
// header check were ever bypassed.
constexpr int allocationLimitMiB = 256;

void setAllocationLimitOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(allocationLimitMiB); });
}

// The formats a phone or a desktop hands over as a photo. Others (XPM, XBM, PPM, ICO, BMP,
// ...) are refused as not a photo: less decoder surface for untrusted input.
bool isAcceptedFormat(const QByteArray &format)
{
    return format == "jpeg" || format == "png" || format == "gif" || format == "webp";
}

// Phones and encoders write 1 (baseline) to about 10 (progressive) scans. Each scan makes
// libjpeg pass over the whole coefficient buffer again: a few kilobytes of empty scans would
// keep a decoder busy for minutes.
constexpr int maxJpegScans = 100;

bool isStructurallyComplete(const QByteArray &format, const QByteArray &data)
{
    if (format == "jpeg")
        return structure::jpegIsComplete(data);
    if (format == "png")
        return structure::pngIsComplete(data);
    if (format == "gif")
        return structure::gifFirstImageIsComplete(data);
    return true; // WebP: the decoder refuses a truncated file itself
}

// Transparent pixels (PNG, GIF, WebP) become white, as on paper, not black.
QImage flattenOnWhite(const QImage &image)
{
    QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QImage out(argb.size(), QImage::Format_RGB32);
    if (out.isNull())
        return out;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            const QRgb c = in[x];
            const int a = qAlpha(c);
            auto blend = [a](int v) { return (v * a + 255 * (255 - a) + 127) / 255; };
            dst[x] = qRgb(blend(qRed(c)), blend(qGreen(c)), blend(qBlue(c)));
        }
    }
    return out;
}

// The pixels only: no text (would become JPEG comments), no colour space (would become an ICC
// profile). Pixels in another colour space are converted to sRGB first.
QImage pixelsOnly(QImage image)
{
    if (image.hasAlphaChannel())
        image = flattenOnWhite(image);
    else if (image.format() == QImage::Format_Grayscale16 ||
             image.format() == QImage::Format_Mono || image.format() == QImage::Format_MonoLSB)
        image = image.convertToFormat(QImage::Format_Grayscale8);
    else if (image.format() != QImage::Format_Grayscale8 && image.format() != QImage::Format_RGB32)
        image = image.convertToFormat(QImage::Format_RGB32);
    if (image.isNull())
        return image;

    const QColorSpace space = image.colorSpace();
    if (space.isValid() && space != QColorSpace(QColorSpace::SRgb) &&
        image.format() == QImage::Format_RGB32)
        image.convertToColorSpace(QColorSpace::SRgb);
    image.setColorSpace(QColorSpace());
    if (image.textKeys().isEmpty())
        return image;

    // QImage cannot drop its text: copy the pixels into a fresh image.
    QImage clean(image.size(), image.format());
    if (clean.isNull())
        return clean;
    const qsizetype lineBytes = std::min(image.bytesPerLine(), clean.bytesPerLine());
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(clean.scanLine(y), image.constScanLine(y), size_t(lineBytes));
    return clean;
}

QByteArray encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    // Standard Huffman tables: optimised ones save about 5 % of bytes for twice the encoding
    // time, and the output is far below its size budget anyway.
    writer.setOptimizedWrite(false);
    writer.setProgressiveScanWrite(false);
    if (!writer.write(image))
        return {};
    return bytes;
}

// The size to decode to, in the stored (not yet rotated) orientation: the longest side at
// most maxLongSide, aspect ratio kept, never larger than stored.
QSize targetSize(const QSize &stored, int maxLongSide)
{
    const int longest = std::max(stored.width(), stored.height());
    if (maxLongSide <= 0 || longest <= maxLongSide)
        return stored;
    const double factor = double(maxLongSide) / longest;
    return QSize(std::max(1, int(stored.width() * factor + 0.5)),
                 std::max(1, int(stored.height() * factor + 0.5)));
}

// The size libjpeg decodes `stored` to when Qt's JPEG handler is asked for `target`: Qt picks
// the scale M/8 (M = 1..8) just large enough for the target (see QJpegHandler), and libjpeg
// rounds the scaled dimensions up.
QSize jpegDctSize(const QSize &stored, const QSize &target)
{
    const double f = std::min(double(stored.width()) / target.width(),
                              double(stored.height()) / target.height());
    const int m = std::clamp(int(std::ceil(8 / f)), 1, 8);
    return QSize(int((qint64(stored.width()) * m + 7) / 8),
                 int((qint64(stored.height()) * m + 7) / 8));
}

// The last step to the exact output size. Below a factor of 2 (always the case after JPEG DCT
// scaling) bilinear filtering loses nothing and is twice as fast as Qt's area-averaging
// smooth scale; beyond it, area averaging avoids aliasing.
QImage scaledTo(const QImage &image, const QSize &size)
{
    if (image.size() == size)
        return image;
    const bool small = image.width() <= 2 * size.width() && image.height() <= 2 * size.height();
    if (!small || image.format() != QImage::Format_RGB32)
        return image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage out(size, QImage::Format_RGB32);
    if (out.isNull())
        return out;
    out.setColorSpace(image.colorSpace());
    QPainter painter(&out);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRect(QPoint(0, 0), size), image);
    painter.end();
    return out;
}

// The EXIF orientation as QImageIOHandler reports it: mirror and/or flip, then a quarter turn
// clockwise (Rotate270 is all three).
QImage transformed(QImage image, QImageIOHandler::Transformations transformation)
{
    const bool mirror = transformation & QImageIOHandler::TransformationMirror;
    const bool flip = transformation & QImageIOHandler::TransformationFlip;
    if (mirror || flip)
        image = image.mirrored(mirror, flip);
    if (transformation & QImageIOHandler::TransformationRotate90)
        image = image.transformed(QTransform().rotate(90));
    return image;
}

int bytesPerPixel(QImage::Format format)
{
    const int depth = QImage::toPixelFormat(format).bitsPerPixel();
    return depth > 0 ? (depth + 7) / 8 : 4;
}

} // namespace

PhotoResult processPhoto(const QByteArray &input, const PhotoLimits &limits)
{
    if (input.isEmpty())
        return failure(Error::NotAnImage,
                       QCoreApplication::translate("media::PhotoPipeline", "The file is empty."));
    if (input.size() > limits.maxInputBytes)
        return failure(Error::TooLarge,
                       QCoreApplication::translate("media::PhotoPipeline",
                                                   "The photo is too large (%1 MB; at most %2 MB).")
                           .arg(megabytes(input.size()), megabytes(limits.maxInputBytes)));
    setAllocationLimitOnce();

    QBuffer device;
    device.setData(input);
    device.open(QIODevice::ReadOnly);
    QImageReader reader(&device); // no format and no file name: the content decides
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format.isEmpty())
        return failure(Error::NotAnImage, QCoreApplication::translate("media::PhotoPipeline",
                                                                      "The file is not an image."));
    if (!isAcceptedFormat(format))
        return failure(Error::NotAnImage,
                       QCoreApplication::translate(
                           "media::PhotoPipeline",
                           "This image format is not accepted for photos (use JPEG or PNG)."));
    if (!isStructurallyComplete(format, input))
        return failure(Error::Damaged,
                       QCoreApplication::translate("media::PhotoPipeline",
                                                   "The photo is damaged (truncated file)."));
    if (format == "jpeg" && structure::jpegScanCount(input) > maxJpegScans)
        return failure(Error::Damaged,
                       QCoreApplication::translate("media::PhotoPipeline",
                                                   "The photo is damaged (too many scans)."));

    // From the header only: nothing is decoded yet.
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty())
        return failure(Error::Damaged, QCoreApplication::translate(
                                           "media::PhotoPipeline",
                                           "The photo is damaged (its size cannot be read)."));
    const qint64 pixels = qint64(stored.width()) * stored.height();
    if (pixels > limits.maxPixels)
        return failure(Error::TooManyPixels,
                       QCoreApplication::translate(
                           "media::PhotoPipeline",
                           "The photo has too many pixels (%1 x %2; at most %3 megapixels).")
                           .arg(stored.width())
                           .arg(stored.height())
                           .arg(double(limits.maxPixels) / 1e6, 0, 'f', 1));

    // JPEG decodes at M/8 of its size (libjpeg's DCT scaling: 2000x1500 for 4000x3000) and
    // scaledTo() does the rest; PNG scales while decoding; others decode fully and
    // QImageReader smooth-scales them. The EXIF orientation is applied to the scaled image.
    const QSize target = targetSize(stored, limits.maxLongSide);
    const QImageIOHandler::Transformations transformation = reader.transformation();
    QImage image;
    if (format == "jpeg") {
        jpeg::Decoded decoded = jpeg::decodeScaled(input, target);
        if (decoded.status == jpeg::Decoded::Status::Damaged)
            return failure(Error::Damaged, QCoreApplication::translate(
                                               "media::PhotoPipeline",
                                               "The photo is damaged (corrupt image data)."));
        image = std::move(decoded.image); // null when unsupported: QImageReader below
    }
    if (image.isNull()) {
        const QSize decodeSize =
            format == "jpeg" && target != stored ? jpegDctSize(stored, target) : target;
        if (decodeSize != stored)
            reader.setScaledSize(decodeSize);
        reader.setAutoTransform(false);
        if (!reader.read(&image) || image.isNull()) {
            // A decoder that allocates the full image refuses more than the allocation limit.
            const qint64 decodeBytes = pixels * bytesPerPixel(reader.imageFormat());
            const qint64 limitBytes = qint64(QImageReader::allocationLimit()) << 20;
            if (format != "jpeg" && limitBytes > 0 && decodeBytes > limitBytes)
                return failure(Error::TooManyPixels,
                               QCoreApplication::translate(
                                   "media::PhotoPipeline",
                                   "The photo has too many pixels to be decoded (%1 x %2).")
                                   .arg(stored.width())
                                   .arg(stored.height()));
            return failure(Error::Damaged, QCoreApplication::translate(
                                               "media::PhotoPipeline",
                                               "The photo is damaged (it cannot be decoded)."));
        }
    }
    image = transformed(scaledTo(image, target), transformation);
    const QImage clean = pixelsOnly(std::move(image));
    if (clean.isNull())
        return failure(Error::EncodeFailed,
                       QCoreApplication::translate("media::PhotoPipeline",
                                                   "The photo could not be converted."));

    int quality = std::clamp(limits.jpegQuality, 1, 100);
    QByteArray jpeg = encodeJpeg(clean, quality);
    // Over the size budget: lower the quality in steps, never below 50 (a noisy night shot).
    while (!jpeg.isEmpty() && limits.targetOutputBytes > 0 &&
           jpeg.size() > limits.targetOutputBytes && quality > 50) {
        quality = std::max(50, quality - 10);
        jpeg = encodeJpeg(clean, quality);
    }
    if (jpeg.isEmpty() || !structure::jpegHasNoMetadata(jpeg))
        return failure(Error::EncodeFailed,
                       QCoreApplication::translate("media::PhotoPipeline",
                                                   "The photo could not be converted."));

    PhotoResult result;
    result.jpeg = std::move(jpeg);
    result.size = clean.size();
    return result;
}

PhotoResult processPhotoFile(const QString &path, const PhotoLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            Error::NotAnImage,
            QCoreApplication::translate("media::PhotoPipeline", "The file cannot be opened: %1")
                .arg(file.errorString()));
    const auto tooLarge = [&](qint64 bytes) {
        return failure(Error::TooLarge,
                       QCoreApplication::translate("media::PhotoPipeline",
                                                   "The photo is too large (%1 MB; at most %2 MB).")
                           .arg(megabytes(bytes), megabytes(limits.maxInputBytes)));
    };
    if (!file.isSequential() && file.size() > limits.maxInputBytes)
        return tooLarge(file.size()); // refused before reading, let alone decoding
    const QByteArray data = file.read(std::max<qint64>(0, limits.maxInputBytes) + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(Error::NotAnImage, QCoreApplication::translate("media::PhotoPipeline",
                                                                      "The file cannot be read: %1")
                                              .arg(file.errorString()));
    if (data.size() > limits.maxInputBytes)
        return tooLarge(data.size());
    return processPhoto(data, limits);
}

QFuture<PhotoResult> processPhotoAsync(const QString &path, const PhotoLimits &limits)
{
    return QtConcurrent::run([path, limits] { return processPhotoFile(path, limits); });
}

QFuture<PhotoResult> processPhotoDataAsync(const QByteArray &input, const PhotoLimits &limits)
{
    return QtConcurrent::run([input, limits] { return processPhoto(input, limits); });
}

} // namespace media
