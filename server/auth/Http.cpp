#include "auth/Http.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUrlQuery>

namespace hues::server::auth {

namespace {

bool decodeComponent(QByteArray raw, QString *out)
{
    raw.replace('+', ' ');
    const QByteArray bytes = QByteArray::fromPercentEncoding(raw);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

void addHeader(Response &response, const char *name, const char *value)
{
    response.headers.append({QByteArray(name), QByteArray(value)});
}

} // namespace

FormData FormData::parse(QByteArrayView text)
{
    FormData form;
    if (text.isEmpty())
        return form;
    const QList<QByteArray> pairs = text.toByteArray().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString name;
        QString value;
        if (!decodeComponent(eq < 0 ? pair : pair.left(eq), &name) ||
            !decodeComponent(eq < 0 ? QByteArray() : pair.mid(eq + 1), &value)) {
            form.m_error = QStringLiteral("a parameter is not valid UTF-8");
            return form;
        }
        if (form.m_values.contains(name)) {
            form.m_error = QStringLiteral("the parameter %1 is repeated").arg(name.left(40));
            return form;
        }
        form.m_values.insert(name, value);
    }
    // RFC 6749 §3.1: parameters sent without a value are treated as omitted.
    for (auto it = form.m_values.begin(); it != form.m_values.end();) {
        if (it.value().isEmpty())
            it = form.m_values.erase(it);
        else
            ++it;
    }
    return form;
}

FormData FormData::fromRequest(const Request &request)
{
    if (request.raw.method() != QHttpServerRequest::Method::Post)
        return parse(request.raw.url().query(QUrl::FullyEncoded).toUtf8());
    const QByteArray mime =
        request.raw.value("Content-Type").split(';').first().trimmed().toLower();
    if (mime != "application/x-www-form-urlencoded") {
        FormData form;
        form.m_error = QStringLiteral("the body must be application/x-www-form-urlencoded");
        return form;
    }
    return parse(request.raw.body());
}

QByteArray cookieValue(const Request &request, QByteArrayView name)
{
    const QByteArray header = request.raw.value("Cookie");
    for (const QByteArray &part : header.split(';')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq > 0 && QByteArrayView(item).first(eq) == name)
            return item.mid(eq + 1);
    }
    return {};
}

QPair<QByteArray, QByteArray> setCookie(QByteArrayView name, QByteArrayView value,
                                        qint64 maxAgeSeconds, bool secure)
{
    QByteArray header = name.toByteArray() + '=' + value.toByteArray() + "; Path=/";
    if (maxAgeSeconds >= 0)
        header += "; Max-Age=" + QByteArray::number(maxAgeSeconds);
    header += "; HttpOnly; SameSite=Lax";
    if (secure)
        header += "; Secure";
    return {QByteArrayLiteral("Set-Cookie"), header};
}

bool basicCredentials(const Request &request, QString *id, QString *secret, bool *malformed)
{
    *malformed = false;
    const QByteArray header = request.raw.value("Authorization").trimmed();
    if (!header.toLower().startsWith("basic "))
        return false;
    const auto result = QByteArray::fromBase64Encoding(header.mid(6).trimmed(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray decoded = result ? result.decoded : QByteArray();
    const qsizetype colon = decoded.indexOf(':');
    // RFC 6749 §2.3.1: the id and the secret are form-urlencoded before Basic encoding.
    if (colon < 0 || !decodeComponent(decoded.left(colon), id) ||
        !decodeComponent(decoded.mid(colon + 1), secret) || id->isEmpty()) {
        *malformed = true;
        return true;
    }
    return true;
}

QByteArray bearerToken(const Request &request)
{
    const QByteArray header = request.raw.value("Authorization").trimmed();
    if (header.size() < 8 || !header.left(7).toLower().startsWith("bearer "))
        return {};
    return header.mid(7).trimmed();
}

Response oauthError(int status, const QString &code, const QString &description)
{
    Response response = noStoreJson(QJsonObject{{QStringLiteral("error"), code},
                                                {QStringLiteral("error_description"), description}},
                                    status);
    return response;
}

Response noStoreJson(const QJsonObject &object, int status)
{
    Response response = Response::json(object, status);
    addHeader(response, "Cache-Control", "no-store");
    addHeader(response, "Pragma", "no-cache");
    return response;
}

Response htmlPage(int status, const QString &html)
{
    Response response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.body = html.toUtf8();
    addHeader(response, "Cache-Control", "no-store");
    addHeader(response, "Pragma", "no-cache");
    addHeader(response, "X-Frame-Options", "DENY");
    addHeader(response, "X-Content-Type-Options", "nosniff");
    addHeader(response, "Referrer-Policy", "no-referrer");
    addHeader(response, "Content-Security-Policy",
              "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return response;
}

Response redirect(const QUrl &location, int status)
{
    Response response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.headers.append({QByteArrayLiteral("Location"), location.toEncoded()});
    addHeader(response, "Cache-Control", "no-store");
    addHeader(response, "Referrer-Policy", "no-referrer");
    return response;
}

QUrl withQuery(const QString &redirectUri, const QList<QPair<QString, QString>> &params)
{
    QUrl url(redirectUri, QUrl::StrictMode);
    QUrlQuery query(url);
    for (const auto &[name, value] : params) {
        // Encode everything outside the unreserved set so '+' and '&' survive any decoder.
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

bool parseScope(const QString &text, QStringList *scopes)
{
    scopes->clear();
    for (const QString &token : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        for (const QChar c : token) {
            const ushort u = c.unicode();
            if (u < 0x21 || u > 0x7e || u == 0x22 || u == 0x5c)
                return false;
        }
        if (!scopes->contains(token))
            scopes->append(token);
    }
    return true;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace hues::server::auth
