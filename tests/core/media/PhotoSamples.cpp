#include "PhotoSamples.h"

#include <QBuffer>
#include <QImageWriter>
#include <QtEndian>

#include <cmath>

namespace photosamples {

namespace {

// Little-endian TIFF writer for the EXIF block.
class Tiff
{
public:
    void u16(quint16 v) { append<quint16>(qToLittleEndian(v)); }
    void u32(quint32 v) { append<quint32>(qToLittleEndian(v)); }
    void bytes(const QByteArray &b) { data += b; }
    // One IFD entry; `value` is either the inline value or the offset of the data.
    void entry(quint16 tag, quint16 type, quint32 count, quint32 value)
    {
        u16(tag);
        u16(type);
        u32(count);
        u32(value);
    }
    QByteArray data;

private:
    template <typename T> void append(T v)
    {
        data.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
};

constexpr quint16 Byte = 1, Ascii = 2, Short = 3, Long = 4, Rational = 5;

// 16° 27' 49.32" N, 107° 35' 27.24" E
const quint32 latitude[6] = {16, 1, 27, 1, 4932, 100};
const quint32 longitude[6] = {107, 1, 35, 1, 2724, 100};

QByteArray rationals(const quint32 (&v)[6])
{
    Tiff t;
    for (quint32 x : v)
        t.u32(x);
    return t.data;
}

QByteArray segment(quint8 marker, const QByteArray &payload)
{
    QByteArray s;
    s.append(char(0xFF));
    s.append(char(marker));
    const quint16 length = quint16(payload.size() + 2);
    s.append(char(length >> 8));
    s.append(char(length & 0xFF));
    return s + payload;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : bytes) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char *type, const QByteArray &payload)
{
    QByteArray typed = QByteArray(type, 4) + payload;
    QByteArray chunk(4, '\0');
    qToBigEndian<quint32>(quint32(payload.size()), chunk.data());
    chunk += typed;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(crc32(typed), crc.data());
    return chunk + crc;
}

} // namespace

QImage photoLike(int width, int height, quint32 seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    QVector<int> column(width), row(height);
    for (int x = 0; x < width; ++x)
        column[x] = int(18 * std::sin(x / 37.0) + 9 * std::sin(x / 7.3) + 70.0 * x / width);
    for (int y = 0; y < height; ++y)
        row[y] = int(15 * std::cos(y / 53.0) + 8 * std::sin(y / 5.9) + 40.0 * y / height);
    quint32 state = seed * 2654435761u + 1;
    auto noise = [&state] { // xorshift32: sensor noise in [-6, 6]
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return int(state % 13) - 6;
    };
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int base = 70 + column[x] + row[y] + ((x / 97 + y / 89) % 3) * 6;
            line[x] = qRgb(qBound(0, base + 12 + noise(), 255), qBound(0, base + noise(), 255),
                           qBound(0, base - 14 + noise(), 255));
        }
    }
    return image;
}

QByteArray encode(const QImage &image, const char *format, int quality, bool progressive)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        return {};
    return bytes;
}

QByteArray gif(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QByteArray out("GIF89a");
    auto u16 = [&out](int v) {
        out.append(char(v & 0xFF));
        out.append(char((v >> 8) & 0xFF));
    };
    u16(rgb.width());
    u16(rgb.height());
    out.append(char(0xF7)); // global colour table of 256 entries, 8 bits per primary
    out.append(char(0));
    out.append(char(0));
    for (int i = 0; i < 256; ++i) { // 3-3-2 palette
        out.append(char(((i >> 5) & 7) * 255 / 7));
        out.append(char(((i >> 2) & 7) * 255 / 7));
        out.append(char((i & 3) * 255 / 3));
    }
    out.append(char(0x2C)); // image descriptor
    u16(0);
    u16(0);
    u16(rgb.width());
    u16(rgb.height());
    out.append(char(0));
    out.append(char(8)); // LZW minimum code size

    QByteArray stream;
    quint32 bits = 0;
    int bitCount = 0;
    auto code = [&](int value) { // 9-bit codes, least significant bit first
        bits |= quint32(value) << bitCount;
        bitCount += 9;
        while (bitCount >= 8) {
            stream.append(char(bits & 0xFF));
            bits >>= 8;
            bitCount -= 8;
        }
    };
    int sinceClear = 0;
    code(256);
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            if (sinceClear == 250) { // before the decoder's table needs 10-bit codes
                code(256);
                sinceClear = 0;
            }
            const QRgb c = rgb.pixel(x, y);
            code(((qRed(c) >> 5) << 5) | ((qGreen(c) >> 5) << 2) | (qBlue(c) >> 6));
            ++sinceClear;
        }
    }
    code(257);
    if (bitCount > 0)
        stream.append(char(bits & 0xFF));
    for (qsizetype i = 0; i < stream.size(); i += 255) {
        const QByteArray block = stream.mid(i, 255);
        out.append(char(block.size()));
        out.append(block);
    }
    out.append(char(0));
    out.append(char(0x3B));
    return out;
}

QByteArray exifSegment(int orientation, const QByteArray &make, const QByteArray &model)
{
    const QByteArray makeZ = make + '\0', modelZ = model + '\0';
    const quint32 ifd0 = 8, ifd0Entries = 4;
    const quint32 makeAt = ifd0 + 2 + 12 * ifd0Entries + 4;
    const quint32 modelAt = makeAt + quint32(makeZ.size());
    const quint32 gpsAt = modelAt + quint32(modelZ.size());
    const quint32 gpsEntries = 5;
    const quint32 latAt = gpsAt + 2 + 12 * gpsEntries + 4;
    const quint32 lonAt = latAt + 24;

    Tiff t;
    t.bytes("II");
    t.u16(42);
    t.u32(ifd0);
    t.u16(ifd0Entries);                                      // IFD0, tags in ascending order
    t.entry(0x010F, Ascii, quint32(makeZ.size()), makeAt);   // Make
    t.entry(0x0110, Ascii, quint32(modelZ.size()), modelAt); // Model
    t.entry(0x0112, Short, 1, quint32(orientation));         // Orientation
    t.entry(0x8825, Long, 1, gpsAt);                         // GPS IFD pointer
    t.u32(0);                                                // no IFD1
    t.bytes(makeZ);
    t.bytes(modelZ);
    t.u16(gpsEntries);                     // GPS IFD
    t.entry(0x0000, Byte, 4, 0x00000302u); // GPSVersionID 2.3.0.0
    t.entry(0x0001, Ascii, 2, 'N');        // GPSLatitudeRef
    t.entry(0x0002, Rational, 3, latAt);   // GPSLatitude
    t.entry(0x0003, Ascii, 2, 'E');        // GPSLongitudeRef
    t.entry(0x0004, Rational, 3, lonAt);   // GPSLongitude
    t.u32(0);
    t.bytes(rationals(latitude));
    t.bytes(rationals(longitude));
    return segment(0xE1, QByteArray("Exif\0\0", 6) + t.data);
}

QByteArray exifGpsLatitudeBytes()
{
    return rationals(latitude);
}

QByteArray xmpSegment(const QByteArray &xml)
{
    return segment(0xE1, QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) + xml);
}

QByteArray commentSegment(const QByteArray &text)
{
    return segment(0xFE, text);
}

QByteArray insertAfterSoi(const QByteArray &jpeg, const QByteArray &segments)
{
    return jpeg.left(2) + segments + jpeg.mid(2);
}

QByteArray pngHeaderBomb(quint32 width, quint32 height, int colourType)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = char(colourType);
    QByteArray rows(3 * 1024, '\0');                // a few rows' worth of zeros
    const QByteArray zlib = qCompress(rows).mid(4); // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", {});
}

} // namespace photosamples
