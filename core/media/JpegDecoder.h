#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>

// JPEG decoding for the photo pipeline straight through libjpeg(-turbo), where Qt's JPEG
// handler would hide what the pipeline needs: it decodes at exactly the DCT-scaled size
// (M/8), into Qt's RGB32 layout without a conversion pass, and reports libjpeg's warnings
// about corrupt data (Qt fills a damaged or truncated image with grey and only logs).
namespace media::jpeg {

struct Decoded
{
    enum class Status { Ok, Damaged, Unsupported };
    Status status = Status::Unsupported;
    QImage image; // RGB32 or Grayscale8, in the stored orientation (EXIF not applied)
};

// Decodes `data` at the smallest M/8 scale whose size is at least `target` in both
// dimensions (full size when `target` is not smaller). Unsupported: no libjpeg in this
// build, or a colour model other than grey and YCbCr/RGB (CMYK): use QImageReader then.
Decoded decodeScaled(const QByteArray &data, const QSize &target);

} // namespace media::jpeg
