#include "http/Multipart.h"

#include <algorithm>

namespace hues::server {

namespace {

bool isTchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// RFC 2046 §5.1.1 bchars.
bool isBchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("'()+_,-./:=? ").contains(c);
}

bool isWhite(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isWhite(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isWhite(v.back()))
        v.chop(1);
    return v;
}

struct Parameter
{
    QByteArray name; // lower case
    QByteArray value;
};

// `value *( OWS ";" OWS name "=" ( token / quoted-string ) )`: *head gets the first token
// (lower case), *params the parameters. False on anything else.
bool parseHeaderValue(QByteArrayView text, QByteArray *head, QList<Parameter> *params)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipWhite = [&] {
        while (i < n && isWhite(text.at(i)))
            ++i;
    };
    skipWhite();
    const qsizetype headStart = i;
    while (i < n && (isTchar(text.at(i)) || text.at(i) == '/'))
        ++i;
    if (i == headStart)
        return false;
    *head = text.sliced(headStart, i - headStart).toByteArray().toLower();
    params->clear();
    for (;;) {
        skipWhite();
        if (i == n)
            return true;
        if (text.at(i) != ';')
            return false;
        ++i;
        skipWhite();
        if (i == n)
            return true; // a trailing ";" is tolerated
        const qsizetype nameStart = i;
        while (i < n && isTchar(text.at(i)))
            ++i;
        if (i == nameStart || i == n || text.at(i) != '=')
            return false;
        Parameter p;
        p.name = text.sliced(nameStart, i - nameStart).toByteArray().toLower();
        ++i;
        if (i < n && text.at(i) == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                const char c = text.at(i++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i == n)
                        return false;
                    p.value.append(text.at(i++));
                } else if (c == '\r' || c == '\n' || c == '\0') {
                    return false;
                } else {
                    p.value.append(c);
                }
            }
            if (!closed)
                return false;
        } else {
            const qsizetype valueStart = i;
            while (i < n && isTchar(text.at(i)))
                ++i;
            if (i == valueStart)
                return false;
            p.value = text.sliced(valueStart, i - valueStart).toByteArray();
        }
        if (std::any_of(params->begin(), params->end(),
                        [&](const Parameter &other) { return other.name == p.name; }))
            return false; // a parameter given twice is ambiguous
        params->append(p);
    }
}

const Parameter *findParameter(const QList<Parameter> &params, QByteArrayView name)
{
    for (const Parameter &p : params) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

// After a delimiter: transport padding (spaces/tabs) then CRLF. Returns the index past the
// CRLF, or -1.
qsizetype afterLineEnd(QByteArrayView body, qsizetype i)
{
    while (i < body.size() && isWhite(body.at(i)))
        ++i;
    if (i + 1 < body.size() && body.at(i) == '\r' && body.at(i + 1) == '\n')
        return i + 2;
    return -1;
}

bool parseHeaders(QByteArrayView block, MultipartPart *part, const MultipartLimits &limits,
                  QString *error)
{
    bool haveDisposition = false;
    bool haveType = false;
    int lines = 0;
    qsizetype i = 0;
    while (i < block.size()) {
        const qsizetype eol = block.indexOf(QByteArrayView("\r\n"), i);
        const QByteArrayView line = block.sliced(i, (eol < 0 ? block.size() : eol) - i);
        i = eol < 0 ? block.size() : eol + 2;
        if (++lines > limits.maxHeaderLines)
            return fail(
                error,
                QStringLiteral("a part has more than %1 header lines").arg(limits.maxHeaderLines));
        if (line.isEmpty() || isWhite(line.front()))
            return fail(error, QStringLiteral("a part has a malformed or folded header line"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(error, QStringLiteral("a part has a header line without a colon"));
        const QByteArrayView rawName = line.first(colon);
        if (!std::all_of(rawName.begin(), rawName.end(), isTchar))
            return fail(error, QStringLiteral("a part has a malformed header name"));
        if (line.contains('\0') || line.contains('\r') || line.contains('\n'))
            return fail(error, QStringLiteral("a part has a control character in a header"));
        const QByteArray name = rawName.toByteArray().toLower();
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (name == "content-disposition") {
            if (haveDisposition)
                return fail(error, QStringLiteral("a part has two Content-Disposition headers"));
            haveDisposition = true;
            QByteArray head;
            QList<Parameter> params;
            if (!parseHeaderValue(value, &head, &params) || head != "form-data")
                return fail(error, QStringLiteral("a part's Content-Disposition is not form-data"));
            const Parameter *nameParam = findParameter(params, "name");
            if (!nameParam || nameParam->value.isEmpty())
                return fail(error, QStringLiteral("a part has no name"));
            part->name = nameParam->value;
            const Parameter *file = findParameter(params, "filename");
            const Parameter *fileStar = findParameter(params, "filename*");
            part->isFile = file || fileStar;
            part->filename = file ? file->value : QByteArray();
        } else if (name == "content-type") {
            if (haveType)
                return fail(error, QStringLiteral("a part has two Content-Type headers"));
            haveType = true;
            part->contentType = value.toByteArray();
        } else if (name == "content-transfer-encoding") {
            const QByteArray encoding = value.toByteArray().toLower();
            if (encoding != "7bit" && encoding != "8bit" && encoding != "binary")
                return fail(error, QStringLiteral("a part uses an unsupported transfer encoding"));
        }
        // Other headers (RFC 7578 §4.8: to be ignored) are skipped.
    }
    if (!haveDisposition)
        return fail(error, QStringLiteral("a part has no Content-Disposition header"));
    return true;
}

} // namespace

bool Multipart::boundaryFrom(QByteArrayView contentType, QByteArray *boundary, QString *error)
{
    QByteArray head;
    QList<Parameter> params;
    if (!parseHeaderValue(contentType, &head, &params) || head != "multipart/form-data")
        return fail(error, QStringLiteral("the Content-Type is not multipart/form-data"));
    const Parameter *param = findParameter(params, "boundary");
    if (!param)
        return fail(error, QStringLiteral("the multipart Content-Type has no boundary"));
    const QByteArray &value = param->value;
    if (value.isEmpty() || value.size() > 70 || value.endsWith(' ') ||
        !std::all_of(value.begin(), value.end(), isBchar))
        return fail(error, QStringLiteral("the multipart boundary is not valid (RFC 2046)"));
    *boundary = value;
    return true;
}

bool Multipart::parse(QByteArrayView body, QByteArrayView boundary, QList<MultipartPart> *parts,
                      QString *error, const MultipartLimits &limits)
{
    parts->clear();
    if (boundary.isEmpty() || boundary.size() > 70)
        return fail(error, QStringLiteral("the multipart boundary is not valid"));
    const QByteArray dash = "--" + boundary.toByteArray();
    const QByteArray delimiter = "\r\n" + dash;
    if (!body.startsWith(dash))
        return fail(error, QStringLiteral("the multipart body does not start with its boundary"));
    qsizetype i = dash.size();
    for (;;) {
        // i is just past a delimiter: "--" closes, otherwise padding + CRLF opens a part.
        if (body.sliced(i).startsWith("--"))
            return true; // the epilogue after the close delimiter is ignored (RFC 2046)
        const qsizetype headerStart = afterLineEnd(body, i);
        if (headerStart < 0)
            return fail(error, QStringLiteral("a multipart boundary is not followed by CRLF"));
        if (parts->size() >= limits.maxParts)
            return fail(
                error,
                QStringLiteral("the multipart body has more than %1 parts").arg(limits.maxParts));
        MultipartPart part;
        // The header block ends with an empty line; a part with no headers starts with CRLF.
        qsizetype bodyStart = -1;
        QByteArrayView headerBlock;
        if (body.sliced(headerStart).startsWith("\r\n")) {
            bodyStart = headerStart + 2;
        } else {
            const qsizetype searchEnd =
                std::min<qsizetype>(body.size(), headerStart + limits.maxHeaderBytes + 4);
            const qsizetype end =
                body.first(searchEnd).indexOf(QByteArrayView("\r\n\r\n"), headerStart);
            if (end < 0)
                return fail(error,
                            searchEnd == body.size()
                                ? QStringLiteral("the multipart body ends inside part headers")
                                : QStringLiteral("a part's headers exceed %1 bytes")
                                      .arg(limits.maxHeaderBytes));
            headerBlock = body.sliced(headerStart, end - headerStart);
            bodyStart = end + 4;
        }
        if (!parseHeaders(headerBlock, &part, limits, error))
            return false;
        const qsizetype next = body.indexOf(QByteArrayView(delimiter), bodyStart);
        if (next < 0)
            return fail(error, QStringLiteral("the multipart body is truncated (no closing "
                                              "boundary)"));
        part.body = body.sliced(bodyStart, next - bodyStart).toByteArray();
        parts->append(std::move(part));
        i = next + delimiter.size();
    }
}

} // namespace hues::server
