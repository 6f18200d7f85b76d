#pragma once

#include <QByteArray>
#include <QImage>

// Photos made in memory for the photo pipeline's tests, fuzz seeds and benchmark: no binary
// test files in git. Also used by bench/photo_bench.cpp.
namespace photosamples {

// A photo-like image: smooth gradients, low-frequency texture and per-pixel sensor noise, so
// it compresses like a real photo (a flat colour would not). Same seed, same pixels.
QImage photoLike(int width, int height, quint32 seed = 1);

// `image` encoded with Qt's writer ("jpeg", "png"); quality -1 is the writer's default.
QByteArray encode(const QImage &image, const char *format, int quality = -1,
                  bool progressive = false);

// `image` as a GIF89a with a 3-3-2 colour palette (Qt has no GIF writer). The LZW stream is
// the uncompressed form: a clear code before the table needs wider codes.
QByteArray gif(const QImage &image);

// A complete EXIF APP1 segment (marker included) as a phone writes it: IFD0 with Make,
// Model and Orientation, and a GPS IFD with the position of Hue's citadel.
QByteArray exifSegment(int orientation, const QByteArray &make = "HueCam",
                       const QByteArray &model = "Field-1");
// The little-endian RATIONAL triple of the GPS latitude in exifSegment(): if these bytes are
// in a file, the position is in it.
QByteArray exifGpsLatitudeBytes();
// A complete XMP APP1 segment holding `xml`.
QByteArray xmpSegment(const QByteArray &xml);
// A JPEG comment (COM) segment.
QByteArray commentSegment(const QByteArray &text);
// `segments` inserted right after the SOI marker of `jpeg`.
QByteArray insertAfterSoi(const QByteArray &jpeg, const QByteArray &segments);

// A tiny, valid PNG whose IHDR claims width x height (8 bit, colour type 2 = RGB or
// 0 = grey) with a few bytes of image data: a decompression bomb's header.
QByteArray pngHeaderBomb(quint32 width, quint32 height, int colourType = 2);

} // namespace photosamples
