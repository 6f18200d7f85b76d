#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace hues::server {

// One part of a multipart/form-data body (RFC 7578).
struct MultipartPart
{
    QByteArray name;        // the form field name (raw bytes of the name parameter)
    QByteArray filename;    // the filename parameter, raw ("" if none)
    bool isFile = false;    // a filename (or filename*) parameter was present
    QByteArray contentType; // the part's Content-Type ("" if none)
    QByteArray body;        // binary-safe
};

struct MultipartLimits
{
    int maxParts = 32;
    int maxHeaderBytes = 4096; // of one part's header block
    int maxHeaderLines = 8;    // per part
};

// A strict, bounded multipart/form-data parser (QtHttpServer 6.4 has none). Refuses what a
// browser, curl or QHttpMultiPart would never send: a preamble, folded or malformed header
// lines, parts without Content-Disposition: form-data; name=..., transfer encodings other than
// 7bit/8bit/binary, a missing close delimiter. Errors name what is wrong, never quote content.
class Multipart
{
public:
    // The boundary parameter of a "multipart/form-data; boundary=..." Content-Type (RFC 2046
    // §5.1.1: 1-70 bchars, not ending in a space). False and *error if it is something else.
    static bool boundaryFrom(QByteArrayView contentType, QByteArray *boundary, QString *error);
    static bool parse(QByteArrayView body, QByteArrayView boundary, QList<MultipartPart> *parts,
                      QString *error, const MultipartLimits &limits = {});
};

} // namespace hues::server
