#include "open311/Form.h"

#include "http/Multipart.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace hues::server::open311 {

namespace {

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool decodeUtf8(QByteArrayView bytes, QString *out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

bool percentDecode(QByteArrayView text, QString *out)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size())
                return false;
            const int hi = hexValue(text.at(i + 1));
            const int lo = hexValue(text.at(i + 2));
            if (hi < 0 || lo < 0)
                return false;
            bytes.append(char(hi * 16 + lo));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    return decodeUtf8(bytes, out);
}

// The simple fields of the spec's POST requests; others are ignored (spec: optional arguments
// a server does not use).
const QStringList &knownFields()
{
    static const QStringList fields = {QStringLiteral("jurisdiction_id"),
                                       QStringLiteral("service_code"),
                                       QStringLiteral("lat"),
                                       QStringLiteral("long"),
                                       QStringLiteral("address_string"),
                                       QStringLiteral("address_id"),
                                       QStringLiteral("email"),
                                       QStringLiteral("device_id"),
                                       QStringLiteral("account_id"),
                                       QStringLiteral("first_name"),
                                       QStringLiteral("last_name"),
                                       QStringLiteral("phone"),
                                       QStringLiteral("description"),
                                       QStringLiteral("media_url"),
                                       QStringLiteral("api_key")};
    return fields;
}

} // namespace

bool Form::parseUrlEncoded(QByteArrayView body, QList<QPair<QString, QString>> *pairs,
                           QString *error)
{
    pairs->clear();
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView item = body.sliced(start, end - start);
        start = end + 1;
        if (item.isEmpty())
            continue;
        if (pairs->size() >= kMaxPairs)
            return fail(error, QStringLiteral("the form has more than %1 fields").arg(kMaxPairs));
        const qsizetype eq = item.indexOf('=');
        QString name;
        QString value;
        if (!percentDecode(eq < 0 ? item : item.first(eq), &name) ||
            (eq >= 0 && !percentDecode(item.sliced(eq + 1), &value)))
            return fail(error, QStringLiteral("the form body is not valid "
                                              "application/x-www-form-urlencoded UTF-8"));
        if (name.isEmpty())
            return fail(error, QStringLiteral("the form has a field without a name"));
        pairs->append({name, value});
    }
    return true;
}

bool Form::interpret(const QList<QPair<QString, QString>> &pairs, Submission *submission,
                     QString *error)
{
    static const QRegularExpression attribute(
        QStringLiteral("^attribute\\[([A-Za-z0-9_.-]{1,%1})\\](\\[\\])?$").arg(kMaxAttributeCode));
    QHash<QString, bool> seen;
    for (const auto &[name, value] : pairs) {
        if (name.startsWith(QLatin1String("attribute"))) {
            const QRegularExpressionMatch match = attribute.match(name);
            if (!match.hasMatch())
                return fail(error, QStringLiteral("malformed attribute field name (expected "
                                                  "attribute[CODE] or attribute[CODE][])"));
            const QString code = match.captured(1);
            const bool multi = match.capturedLength(2) > 0;
            if (submission->multiValued.contains(code) &&
                submission->multiValued.value(code) != multi)
                return fail(error, QStringLiteral("attribute %1 is sent both as attribute[%1] "
                                                  "and attribute[%1][]")
                                       .arg(code));
            if (!multi && submission->multiValued.contains(code))
                return fail(error, QStringLiteral("attribute %1 is sent more than once").arg(code));
            submission->multiValued.insert(code, multi);
            QStringList &values = submission->attributes[code];
            if (!value.isEmpty())
                values.append(value);
            continue;
        }
        if (!knownFields().contains(name))
            continue;
        if (seen.contains(name))
            return fail(error, QStringLiteral("the field %1 is sent more than once").arg(name));
        seen.insert(name, true);
        if (!value.isEmpty()) // spec: an empty parameter is the same as an absent one
            submission->fields.insert(name, value);
    }
    // An attribute sent only with empty values is absent.
    for (auto it = submission->attributes.begin(); it != submission->attributes.end();) {
        if (it->isEmpty()) {
            submission->multiValued.remove(it.key());
            it = submission->attributes.erase(it);
        } else {
            ++it;
        }
    }
    return true;
}

bool Form::parse(QByteArrayView contentType, QByteArrayView body, int maxPhotos,
                 Submission *submission, QString *error)
{
    *submission = Submission();
    const QByteArray mime = contentType.toByteArray().split(';').first().trimmed().toLower();
    QList<QPair<QString, QString>> pairs;
    if (mime == "application/x-www-form-urlencoded") {
        if (!parseUrlEncoded(body, &pairs, error))
            return false;
        return interpret(pairs, submission, error);
    }
    if (mime != "multipart/form-data")
        return fail(error, QStringLiteral("the body must be application/x-www-form-urlencoded "
                                          "or multipart/form-data"));
    QByteArray boundary;
    QList<MultipartPart> parts;
    MultipartLimits limits;
    limits.maxParts = kMaxPairs;
    if (!Multipart::boundaryFrom(contentType, &boundary, error) ||
        !Multipart::parse(body, boundary, &parts, error, limits))
        return false;
    for (MultipartPart &part : parts) {
        QString name;
        if (!decodeUtf8(part.name, &name))
            return fail(error, QStringLiteral("a part's name is not valid UTF-8"));
        if (name == u"media") {
            if (part.body.isEmpty())
                continue; // an empty file input
            if (submission->photos.size() >= maxPhotos)
                return fail(error,
                            QStringLiteral("at most %1 photos may be attached").arg(maxPhotos));
            submission->photos.append(std::move(part.body));
            continue;
        }
        if (part.isFile)
            return fail(error, QStringLiteral("unexpected file part %1 (photos go in parts "
                                              "named media)")
                                   .arg(name.left(64)));
        QString value;
        if (!decodeUtf8(part.body, &value))
            return fail(error,
                        QStringLiteral("the field %1 is not valid UTF-8").arg(name.left(64)));
        pairs.append({name, value});
    }
    return interpret(pairs, submission, error);
}

} // namespace hues::server::open311
