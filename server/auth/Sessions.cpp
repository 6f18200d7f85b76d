#include "auth/Sessions.h"

#include "auth/Http.h"
#include "db/Database.h"
#include "jose/Jose.h"

#include <QSqlQuery>

namespace hues::server::auth {

std::optional<Session> Sessions::insert(const QString &accountId, const QString &kind,
                                        const QByteArray &cookieHash, qint64 authTimeMs,
                                        qint64 lifetimeMs)
{
    Session session;
    session.id = QString::fromLatin1(jose::randomToken(18));
    session.accountId = accountId;
    session.authTimeMs = authTimeMs;
    const qint64 now = nowMs();
    if (!m_db.exec(
            QStringLiteral("INSERT INTO auth_sessions (id, cookie_hash, account_id, kind, "
                           "auth_time, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {session.id,
             cookieHash.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                  : QVariant(QString::fromLatin1(cookieHash)),
             accountId, kind, authTimeMs, now, now + lifetimeMs}))
        return std::nullopt;
    return session;
}

std::optional<Session> Sessions::createBrowser(const QString &accountId, QByteArray *cookie)
{
    *cookie = jose::randomToken(32);
    return insert(accountId, QStringLiteral("browser"), sha256Hex(*cookie), nowMs(),
                  kBrowserLifetimeMs);
}

std::optional<Session> Sessions::createDevice(const QString &accountId, qint64 authTimeMs)
{
    return insert(accountId, QStringLiteral("device"), {}, authTimeMs, kDeviceLifetimeMs);
}

std::optional<Session> Sessions::select(const QString &column, const QString &value) const
{
    if (value.isEmpty() || value.size() > 200)
        return std::nullopt;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT id, account_id, auth_time FROM auth_sessions WHERE ") +
                       column + QStringLiteral(" = ? AND ended_at IS NULL AND expires_at > ?"),
                   {value, nowMs()}) ||
        !query.next())
        return std::nullopt;
    return Session{query.value(0).toString(), query.value(1).toString(),
                   query.value(2).toLongLong()};
}

std::optional<Session> Sessions::fromRequest(const Request &request) const
{
    const QByteArray cookie = cookieValue(request, kCookie);
    if (cookie.isEmpty())
        return std::nullopt;
    return select(QStringLiteral("cookie_hash"), QString::fromLatin1(sha256Hex(cookie)));
}

std::optional<Session> Sessions::byId(const QString &id) const
{
    return select(QStringLiteral("id"), id);
}

bool Sessions::end(const QString &id, const QString &reason)
{
    const qint64 now = nowMs();
    return m_db.exec(QStringLiteral("UPDATE auth_sessions SET ended_at = ? WHERE id = ? AND "
                                    "ended_at IS NULL"),
                     {now, id}) &&
           m_db.exec(QStringLiteral("UPDATE token_families SET revoked_at = ?, revoked_reason = ? "
                                    "WHERE session_id = ? AND revoked_at IS NULL"),
                     {now, reason, id});
}

} // namespace hues::server::auth
