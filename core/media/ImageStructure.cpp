#include "ImageStructure.h"

#include <cstring>

namespace media::structure {

namespace {

using Bytes = const unsigned char *;

quint32 be32(Bytes p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

bool isStandalone(int marker)
{
    // TEM, RSTn, SOI, EOI carry no length field (ITU T.81 B.1.1.3).
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9);
}

// Walks the JPEG stream and calls visit(marker, segment, segmentLength) for each marker;
// returns true when it reached EOI, false when the data ended or broke first.
template <typename Visit> bool walkJpeg(const QByteArray &data, Visit visit)
{
    const auto *p = reinterpret_cast<Bytes>(data.constData());
    const qsizetype n = data.size();
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
        return false;
    visit(0xD8, qsizetype(0), qsizetype(0));
    qsizetype i = 2;
    for (;;) {
        // libjpeg skips extraneous bytes before a marker (with a warning); so do we.
        while (i < n && p[i] != 0xFF)
            ++i;
        while (i < n && p[i] == 0xFF) // fill bytes
            ++i;
        if (i >= n)
            return false;
        const int marker = p[i++];
        if (marker == 0x00)
            continue; // a stuffed zero outside entropy-coded data: garbage, skipped as above
        if (marker >= 0xD0 && marker <= 0xD7)
            continue;
        if (marker == 0xD9) {
            visit(marker, i, qsizetype(0));
            return true;
        }
        if (isStandalone(marker)) {
            visit(marker, i, qsizetype(0));
            continue;
        }
        if (n - i < 2)
            return false;
        const qsizetype length = (qsizetype(p[i]) << 8) | p[i + 1];
        if (length < 2 || n - i < length)
            return false;
        visit(marker, i + 2, length - 2);
        i += length;
        if (marker != 0xDA)
            continue;
        // Entropy-coded data after SOS ends at the first marker that is neither a stuffed
        // zero (FF 00) nor a restart marker.
        for (;;) {
            const void *ff = std::memchr(p + i, 0xFF, size_t(n - i));
            if (!ff)
                return false;
            i = static_cast<Bytes>(ff) - p;
            if (i + 1 >= n)
                return false;
            const int next = p[i + 1];
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7))
                i += 2;
            else if (next == 0xFF)
                i += 1;
            else
                break;
        }
    }
}

} // namespace

bool jpegIsComplete(const QByteArray &data)
{
    return walkJpeg(data, [](int, qsizetype, qsizetype) {});
}

int jpegScanCount(const QByteArray &data)
{
    int scans = 0;
    walkJpeg(data, [&scans](int marker, qsizetype, qsizetype) { scans += marker == 0xDA; });
    return scans;
}

bool pngIsComplete(const QByteArray &data)
{
    static const char signature[] = "\x89PNG\r\n\x1a\n";
    const auto *p = reinterpret_cast<Bytes>(data.constData());
    const qsizetype n = data.size();
    if (n < 8 || std::memcmp(p, signature, 8) != 0)
        return false;
    qsizetype i = 8;
    while (n - i >= 12) { // length, type, CRC
        const quint32 length = be32(p + i);
        if (length > 0x7FFFFFFFu || qsizetype(length) > n - i - 12)
            return false;
        if (std::memcmp(p + i + 4, "IEND", 4) == 0)
            return true;
        i += 12 + qsizetype(length);
    }
    return false;
}

bool gifFirstImageIsComplete(const QByteArray &data)
{
    const auto *p = reinterpret_cast<Bytes>(data.constData());
    const qsizetype n = data.size();
    if (n < 13 || (std::memcmp(p, "GIF87a", 6) != 0 && std::memcmp(p, "GIF89a", 6) != 0))
        return false;
    qsizetype i = 13;
    if (p[10] & 0x80)
        i += 3 * (qsizetype(1) << ((p[10] & 7) + 1)); // global colour table
    auto skipSubBlocks = [&]() {
        while (i < n) {
            const int length = p[i++];
            if (length == 0)
                return true;
            i += length;
        }
        return false;
    };
    while (i < n) {
        const int block = p[i++];
        if (block == 0x21) { // extension: label, then sub-blocks
            if (i >= n)
                return false;
            ++i;
            if (!skipSubBlocks())
                return false;
        } else if (block == 0x2C) { // image descriptor
            if (n - i < 9)
                return false;
            const int flags = p[i + 8];
            i += 9;
            if (flags & 0x80)
                i += 3 * (qsizetype(1) << ((flags & 7) + 1)); // local colour table
            if (i >= n)
                return false;
            ++i; // LZW minimum code size
            return skipSubBlocks();
        } else {
            return false; // the trailer before any image, or garbage
        }
    }
    return false;
}

QList<int> jpegMarkers(const QByteArray &data)
{
    QList<int> markers;
    const bool complete = walkJpeg(data, [&](int marker, qsizetype at, qsizetype length) {
        markers.append(marker);
        if (marker == 0xE0)
            markers.append(length >= 5 && std::memcmp(data.constData() + at, "JFIF\0", 5) == 0);
    });
    if (!complete)
        markers.append(0x00);
    return markers;
}

bool jpegHasNoMetadata(const QByteArray &data)
{
    qsizetype end = -1;
    bool clean = true;
    const bool complete = walkJpeg(data, [&](int marker, qsizetype at, qsizetype length) {
        switch (marker) {
        case 0xD8: // SOI
        case 0xDB: // DQT
        case 0xC0: // SOF0, baseline
        case 0xC2: // SOF2, progressive
        case 0xC4: // DHT
        case 0xDD: // DRI
        case 0xDA: // SOS
            break;
        case 0xD9: // EOI
            end = at;
            break;
        case 0xE0: // APP0: only a JFIF header
            if (length < 5 || std::memcmp(data.constData() + at, "JFIF\0", 5) != 0)
                clean = false;
            break;
        default:
            clean = false;
        }
    });
    return complete && clean && end == data.size();
}

} // namespace media::structure
