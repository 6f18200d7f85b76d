#pragma once

#include <QByteArray>
#include <QList>

// Byte-level structure checks of the formats the photo pipeline accepts. Decoders fill a
// truncated file with grey and only warn, so completeness is checked here, before decoding.
namespace media::structure {

// True when the JPEG stream runs from SOI through its segments and entropy-coded data to an
// EOI marker (bytes after EOI, such as a motion photo's video, are allowed).
bool jpegIsComplete(const QByteArray &data);
// The number of SOS markers (scans) up to EOI or the end of the data. A baseline JPEG has
// one, a progressive one about ten; thousands make libjpeg decode for minutes.
int jpegScanCount(const QByteArray &data);
// True when the PNG chunks are complete up to IEND.
bool pngIsComplete(const QByteArray &data);
// True when the first image of the GIF is complete (the one the pipeline uses).
bool gifFirstImageIsComplete(const QByteArray &data);

// The markers of a JPEG stream in order (0xD8 for SOI, 0xE0 for APP0, ...), restart markers
// left out. For an APP0 segment the next entry is 1 if it is a JFIF header, else 0. Stops at
// EOI or at the first structural error (then the last entry is 0x00).
QList<int> jpegMarkers(const QByteArray &data);
// True when `data` holds only SOI, a JFIF APP0, DQT, SOF0/SOF2, DHT, DRI, SOS and a final
// EOI with nothing after it: no EXIF, XMP, ICC, comment or any other segment.
bool jpegHasNoMetadata(const QByteArray &data);

} // namespace media::structure
