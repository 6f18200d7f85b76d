#pragma once

#include "http/HttpTypes.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

// HTTP details shared by the sign-on routes: form bodies, cookies, Basic credentials, OAuth
// error bodies, HTML pages and redirects.
namespace hues::server::auth {

// Parameters of an application/x-www-form-urlencoded string (a POST body or a query).
// RFC 6749 §3.1/§3.2: a parameter sent more than once is an error, and an empty value is
// treated as absent.
class FormData
{
public:
    // Parses text. On malformed input (bad UTF-8, a repeated name) isValid() is false and
    // errorString() says why (naming the parameter, never its value).
    static FormData parse(QByteArrayView text);
    // The query of a GET or the body of a POST with the form content type; a POST with another
    // content type gives an invalid FormData.
    static FormData fromRequest(const Request &request);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString value(const QString &name) const { return m_values.value(name); }
    bool has(const QString &name) const { return !m_values.value(name).isEmpty(); }
    const QHash<QString, QString> &values() const { return m_values; }

private:
    QHash<QString, QString> m_values;
    QString m_error;
};

// The value of one cookie of the request ("" if absent).
QByteArray cookieValue(const Request &request, QByteArrayView name);

// A Set-Cookie header: HttpOnly, SameSite=Lax, Path=/, Secure when secure. maxAgeSeconds < 0
// makes a session cookie; 0 deletes it.
QPair<QByteArray, QByteArray> setCookie(QByteArrayView name, QByteArrayView value,
                                        qint64 maxAgeSeconds, bool secure);

// RFC 6749 §2.3.1 Basic credentials (form-urlencoded id and secret). False when the request has
// no Basic Authorization header; *malformed is set when it has one that cannot be read.
bool basicCredentials(const Request &request, QString *id, QString *secret, bool *malformed);

// The bearer token of the Authorization header (RFC 6750 §2.1), or "" if there is none.
QByteArray bearerToken(const Request &request);

// RFC 6749 §5.2 error body {"error", "error_description"}, never cached.
Response oauthError(int status, const QString &code, const QString &description);
// A JSON answer that must not be cached (tokens, userinfo).
Response noStoreJson(const QJsonObject &object, int status = 200);
// An HTML page, never cached nor framed.
Response htmlPage(int status, const QString &html);
// 302 (after GET) or 303 (after POST) to location.
Response redirect(const QUrl &location, int status = 302);

// The redirect of an authorization response: redirectUri plus params in its query.
QUrl withQuery(const QString &redirectUri, const QList<QPair<QString, QString>> &params);

// Space-separated scope tokens (RFC 6749 §3.3); false on characters outside the grammar.
bool parseScope(const QString &text, QStringList *scopes);

QByteArray sha256Hex(QByteArrayView data);

qint64 nowMs();

} // namespace hues::server::auth
