#pragma once

#include "auth/Accounts.h"
#include "auth/Clients.h"
#include "auth/DeviceCodes.h"
#include "auth/RateLimiter.h"
#include "auth/Sessions.h"
#include "auth/SigningKeys.h"
#include "auth/Tokens.h"
#include "http/HttpTypes.h"

#include <QObject>
#include <QTimer>

namespace hues::server::auth {

// What a protected route asks of the caller's access token.
struct Requirement
{
    QString scope;       // a scope the token must carry ("" = none)
    QStringList roles;   // one of these roles (implies a person's token); empty = any caller
    bool person = false; // the token must have been issued to a person, not to a client

    static Requirement anyPerson() { return {QString(), {}, true}; }
    static Requirement withScope(const QString &scope) { return {scope, {}, false}; }
    static Requirement withRole(const QStringList &roles) { return {QString(), roles, true}; }
};

// The outcome of a bearer check: the caller's token, or the 401/403 to send back.
struct BearerCheck
{
    std::optional<AccessToken> token;
    Response error;
    explicit operator bool() const { return token.has_value(); }
};

// The outcome of a password sign-in in the browser.
struct SignIn
{
    std::optional<Account> account;
    std::optional<Session> session;
    QByteArray cookie;      // the new session cookie's value
    qint64 retryAfterS = 0; // > 0: refused by the rate limiter, try again after this long
};

// hues-server as OpenID Provider: the parts the sign-on routes and every protected route use.
class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(Database &db, const QString &dataDir, QObject *parent = nullptr);

    // Loads (or makes) the signing key and starts housekeeping. False and *error on failure.
    bool init(QString *error);
    // The issuer (the server's public base URL, without a trailing slash).
    void setIssuer(const QString &issuer);
    QString issuer() const { return m_tokens.issuer(); }
    QString endpoint(const QString &path) const { return issuer() + path; }
    // Cookies get the Secure attribute when the issuer is https.
    bool secureCookies() const { return issuer().startsWith(QLatin1String("https:")); }

    // RFC 6750: checks the request's bearer token against what a route needs. Usage in a route:
    //   const auth::BearerCheck caller = auth.requireBearer(request, auth::Requirement::...);
    //   if (!caller) return caller.error;
    BearerCheck requireBearer(const Request &request, const Requirement &need) const;

    // Checks a username and password typed in a login form, rate-limited per account and per
    // client address (failures only). On success starts a browser session.
    SignIn signIn(const Request &request, const QString &username, const QString &password);

    // Double-submit CSRF token of the forms: the request's cookie, or a new one (*isNew set,
    // then the response must carry csrfCookie()).
    QByteArray csrfToken(const Request &request, bool *isNew) const;
    QPair<QByteArray, QByteArray> csrfCookie(const QByteArray &token) const;
    bool csrfMatches(const Request &request, const QString &formValue) const;

    Database &db() { return m_db; }
    Accounts &accounts() { return m_accounts; }
    Clients &clients() { return m_clients; }
    Sessions &sessions() { return m_sessions; }
    Tokens &tokens() { return m_tokens; }
    DeviceCodes &deviceCodes() { return m_deviceCodes; }
    RateLimiter &limiter() { return m_limiter; }
    const SigningKeys &keys() const { return m_keys; }

private:
    void housekeeping();

    Database &m_db;
    QString m_dataDir;
    SigningKeys m_keys;
    Accounts m_accounts;
    Clients m_clients;
    Sessions m_sessions;
    Tokens m_tokens;
    DeviceCodes m_deviceCodes;
    RateLimiter m_limiter;
    QTimer m_housekeeping;
};

} // namespace hues::server::auth
