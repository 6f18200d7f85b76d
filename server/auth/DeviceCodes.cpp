#include "auth/DeviceCodes.h"

#include "auth/Clients.h"
#include "auth/Http.h"
#include "auth/Sessions.h"
#include "db/Database.h"
#include "jose/Jose.h"

#include <QSqlQuery>

namespace hues::server::auth {

namespace {

// RFC 8628 §6.1: consonants only (no vowels, so no words), no look-alikes.
constexpr char kAlphabet[] = "BCDFGHJKLMNPQRSTVWXZ";
constexpr int kAlphabetSize = sizeof(kAlphabet) - 1;
constexpr int kUserCodeLength = 8;

QString newUserCode()
{
    QString code;
    while (code.size() < kUserCodeLength) {
        for (const char byte : jose::randomBytes(16)) {
            const int value = static_cast<unsigned char>(byte);
            // Values from 240 up would favour the first letters: skip them.
            if (value < 256 - 256 % kAlphabetSize && code.size() < kUserCodeLength)
                code.append(QLatin1Char(kAlphabet[value % kAlphabetSize]));
        }
    }
    return code;
}

QString hashOf(const QString &secret)
{
    return QString::fromLatin1(sha256Hex(secret.toUtf8()));
}

} // namespace

QString DeviceCodes::normalizeUserCode(const QString &typed)
{
    QString code;
    for (const QChar c : typed) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        const QChar upper = c.toUpper();
        if (upper.unicode() > 127 || !QByteArrayView(kAlphabet).contains(char(upper.unicode())))
            return {};
        code.append(upper);
    }
    return code.size() == kUserCodeLength ? code : QString();
}

QString DeviceCodes::formatUserCode(const QString &normalized)
{
    return normalized.left(4) + QLatin1Char('-') + normalized.mid(4);
}

std::optional<DeviceCodes::Started> DeviceCodes::start(const OAuthClient &client,
                                                       const QStringList &scopes)
{
    const qint64 now = nowMs();
    for (int attempt = 0; attempt < 5; ++attempt) {
        Started started;
        started.deviceCode = QString::fromLatin1(jose::randomToken(32));
        const QString userCode = newUserCode();
        started.userCode = formatUserCode(userCode);
        if (m_db.exec(QStringLiteral("INSERT INTO device_codes (device_code_hash, user_code, "
                                     "client_id, scope, created_at, expires_at, poll_interval, "
                                     "status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"),
                      {hashOf(started.deviceCode), userCode, client.id,
                       scopes.join(QLatin1Char(' ')), now, now + kLifetimeMs, kIntervalS}))
            return started;
        // A user code still in the table (one in 2.5e10): draw again.
    }
    return std::nullopt;
}

std::optional<DeviceCodes::Pending> DeviceCodes::findPending(const QString &typed) const
{
    const QString code = normalizeUserCode(typed);
    if (code.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT client_id, scope FROM device_codes WHERE user_code = ? "
                                  "AND status = 'pending' AND expires_at > ?"),
                   {code, nowMs()}) ||
        !query.next())
        return std::nullopt;
    return Pending{formatUserCode(code), query.value(0).toString(),
                   query.value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)};
}

bool DeviceCodes::decide(const QString &userCode, const Session &session, bool approve)
{
    const QString code = normalizeUserCode(userCode);
    if (code.isEmpty())
        return false;
    QSqlQuery query(m_db.connection());
    return m_db.exec(query,
                     QStringLiteral("UPDATE device_codes SET status = ?, account_id = ?, "
                                    "auth_time = ? WHERE user_code = ? AND status = 'pending' "
                                    "AND expires_at > ?"),
                     {approve ? QStringLiteral("approved") : QStringLiteral("denied"),
                      session.accountId, session.authTimeMs, code, nowMs()}) &&
           query.numRowsAffected() == 1;
}

TokenResult DeviceCodes::poll(const OAuthClient &client, const QString &deviceCode)
{
    if (deviceCode.isEmpty())
        return TokenResult::failure(QStringLiteral("invalid_request"),
                                    QStringLiteral("device_code is missing"));
    const QString hash = hashOf(deviceCode);
    QSqlQuery query(m_db.connection());
    if (deviceCode.size() > 200 ||
        !m_db.exec(query,
                   QStringLiteral("SELECT client_id, scope, expires_at, poll_interval, "
                                  "last_polled_at, status, account_id, auth_time FROM "
                                  "device_codes WHERE device_code_hash = ?"),
                   {hash}) ||
        !query.next())
        return TokenResult::failure(QStringLiteral("invalid_grant"),
                                    QStringLiteral("unknown device_code"));
    const QString clientId = query.value(0).toString();
    const QStringList scopes =
        query.value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const qint64 expiresAt = query.value(2).toLongLong();
    const int interval = query.value(3).toInt();
    const bool polledBefore = !query.value(4).isNull();
    const qint64 lastPolled = query.value(4).toLongLong();
    const QString status = query.value(5).toString();
    const QString accountId = query.value(6).toString();
    const qint64 authTime = query.value(7).toLongLong();
    query.finish();

    if (clientId != client.id)
        return TokenResult::failure(QStringLiteral("invalid_grant"),
                                    QStringLiteral("the device_code was issued to another client"));
    const qint64 now = nowMs();
    if (status == u"used")
        return TokenResult::failure(QStringLiteral("invalid_grant"),
                                    QStringLiteral("the device_code has already been used"));
    if (expiresAt <= now)
        return TokenResult::failure(QStringLiteral("expired_token"),
                                    QStringLiteral("the device_code has expired; start again"));
    if (status == u"denied")
        return TokenResult::failure(QStringLiteral("access_denied"),
                                    QStringLiteral("the sign-in was denied"));
    if (status == u"pending") {
        // RFC 8628 §3.5: polling faster than the interval earns slow_down and 5 s more.
        const bool tooFast = polledBefore && now - lastPolled < qint64(interval) * 1000;
        m_db.exec(QStringLiteral("UPDATE device_codes SET last_polled_at = ?, poll_interval = ? "
                                 "WHERE device_code_hash = ?"),
                  {now, tooFast ? interval + kSlowDownStepS : interval, hash});
        if (tooFast)
            return TokenResult::failure(
                QStringLiteral("slow_down"),
                QStringLiteral("poll every %1 seconds").arg(interval + kSlowDownStepS));
        return TokenResult::failure(QStringLiteral("authorization_pending"),
                                    QStringLiteral("waiting for the person to approve"));
    }
    // Approved: exactly one poll turns it into tokens.
    QSqlQuery claim(m_db.connection());
    if (!m_db.exec(claim,
                   QStringLiteral("UPDATE device_codes SET status = 'used', last_polled_at = ? "
                                  "WHERE device_code_hash = ? AND status = 'approved'"),
                   {now, hash}) ||
        claim.numRowsAffected() != 1)
        return TokenResult::failure(QStringLiteral("invalid_grant"),
                                    QStringLiteral("the device_code has already been used"));
    Grant grant;
    grant.clientId = client.id;
    grant.account = m_accounts.byId(accountId);
    if (!grant.account)
        return TokenResult::failure(QStringLiteral("invalid_grant"),
                                    QStringLiteral("the account no longer exists"));
    const std::optional<Session> session = m_sessions.createDevice(accountId, authTime);
    if (!session)
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the sign-in cannot be stored"));
    grant.sessionId = session->id;
    grant.scopes = scopes;
    grant.authTimeMs = authTime;
    return m_tokens.issueNew(client, grant, nullptr);
}

} // namespace hues::server::auth
