#include "auth/AuthService.h"

#include "auth/Http.h"
#include "jose/Jose.h"
#include "logging.h"

#include <QHttpServerRequest>

#include <openssl/crypto.h>

namespace hues::server::auth {

namespace {

// RFC 6750 §3: the challenge of a refused bearer request.
Response bearerError(int status, const QString &code, const QString &description,
                     const QString &scope = QString())
{
    Response response = Response::error(status, code, description);
    QByteArray challenge = "Bearer realm=\"hues-api\"";
    if (!code.isEmpty())
        challenge += ", error=\"" + code.toLatin1() + "\"";
    if (!scope.isEmpty())
        challenge += ", scope=\"" + scope.toLatin1() + "\"";
    response.headers.append({QByteArrayLiteral("WWW-Authenticate"), challenge});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

constexpr char kCsrfCookie[] = "hues_csrf";

} // namespace

AuthService::AuthService(Database &db, const QString &dataDir, QObject *parent)
    : QObject(parent), m_db(db), m_dataDir(dataDir), m_accounts(db), m_clients(db), m_sessions(db),
      m_tokens(db, m_keys, m_accounts, m_sessions),
      m_deviceCodes(db, m_tokens, m_sessions, m_accounts), m_limiter(db)
{
}

bool AuthService::init(QString *error)
{
    if (!m_keys.load(m_db, m_dataDir, error))
        return false;
    housekeeping();
    m_housekeeping.setInterval(10 * 60 * 1000);
    connect(&m_housekeeping, &QTimer::timeout, this, &AuthService::housekeeping);
    m_housekeeping.start();
    return true;
}

void AuthService::setIssuer(const QString &issuer)
{
    QString value = issuer;
    while (value.endsWith(QLatin1Char('/')))
        value.chop(1);
    m_tokens.setIssuer(value);
}

void AuthService::housekeeping()
{
    m_tokens.housekeeping();
    m_limiter.prune();
}

BearerCheck AuthService::requireBearer(const Request &request, const Requirement &need) const
{
    BearerCheck check;
    const QByteArray token = bearerToken(request);
    if (token.isEmpty()) {
        // RFC 6750 §3.1: no error code when the request had no credentials at all.
        check.error = bearerError(401, QString(), QStringLiteral("an access token is required"));
        return check;
    }
    QString why;
    std::optional<AccessToken> access = m_tokens.verifyAccess(token, &why);
    if (!access) {
        check.error = bearerError(401, QStringLiteral("invalid_token"),
                                  QStringLiteral("the access token is not valid: ") + why);
        return check;
    }
    if ((need.person || !need.roles.isEmpty()) && !access->isUser) {
        check.error = bearerError(403, QStringLiteral("insufficient_scope"),
                                  QStringLiteral("this needs a person's access token"));
        return check;
    }
    if (!need.scope.isEmpty() && !access->scopes.contains(need.scope)) {
        check.error = bearerError(
            403, QStringLiteral("insufficient_scope"),
            QStringLiteral("the access token lacks the scope %1").arg(need.scope), need.scope);
        return check;
    }
    if (!need.roles.isEmpty()) {
        bool allowed = false;
        for (const QString &role : access->roles)
            allowed = allowed || need.roles.contains(role);
        if (!allowed) {
            check.error = bearerError(403, QStringLiteral("insufficient_scope"),
                                      QStringLiteral("this needs one of the roles: %1")
                                          .arg(need.roles.join(QStringLiteral(", "))));
            return check;
        }
    }
    check.token = std::move(access);
    return check;
}

SignIn AuthService::signIn(const Request &request, const QString &username, const QString &password)
{
    SignIn result;
    const QString accountBucket =
        QStringLiteral("account:") + username.trimmed().toLower().left(100);
    const QString addressBucket =
        QStringLiteral("address:") + request.raw.remoteAddress().toString();
    result.retryAfterS = qMax(m_limiter.retryAfterSeconds(accountBucket, RateLimiter::kPerAccount),
                              m_limiter.retryAfterSeconds(addressBucket, RateLimiter::kPerAddress));
    if (result.retryAfterS > 0) {
        qCInfo(lcServer) << "sign-in refused by the rate limiter";
        return result;
    }
    result.account = m_accounts.checkPassword(username, password);
    if (!result.account) {
        m_limiter.recordFailure(accountBucket);
        m_limiter.recordFailure(addressBucket);
        qCInfo(lcServer) << "sign-in failed";
        return result;
    }
    m_limiter.clear(accountBucket);
    result.session = m_sessions.createBrowser(result.account->id, &result.cookie);
    if (!result.session)
        result.account.reset();
    else
        qCInfo(lcServer).noquote() << "signed in:" << result.account->id;
    return result;
}

QByteArray AuthService::csrfToken(const Request &request, bool *isNew) const
{
    const QByteArray existing = cookieValue(request, kCsrfCookie);
    *isNew = existing.size() != 43 || !jose::base64UrlDecode(existing);
    return *isNew ? jose::randomToken(32) : existing;
}

QPair<QByteArray, QByteArray> AuthService::csrfCookie(const QByteArray &token) const
{
    return setCookie(kCsrfCookie, token, -1, secureCookies());
}

bool AuthService::csrfMatches(const Request &request, const QString &formValue) const
{
    const QByteArray cookie = cookieValue(request, kCsrfCookie);
    const QByteArray sent = formValue.toLatin1();
    return cookie.size() == 43 && sent.size() == cookie.size() &&
           CRYPTO_memcmp(cookie.constData(), sent.constData(), size_t(cookie.size())) == 0;
}

} // namespace hues::server::auth
