#include "auth/RateLimiter.h"

#include "auth/Http.h"
#include "db/Database.h"

#include <QSqlQuery>

namespace hues::server::auth {

qint64 RateLimiter::retryAfterSeconds(const QString &bucket, int maxFailures) const
{
    const qint64 now = nowMs();
    QSqlQuery query(m_db.connection());
    // The failure that must leave the window before another attempt is allowed.
    if (!m_db.exec(query,
                   QStringLiteral("SELECT at FROM login_failures WHERE bucket = ? AND at > ? "
                                  "ORDER BY at DESC LIMIT 1 OFFSET ?"),
                   {bucket, now - kWindowMs, maxFailures - 1}))
        return 60; // fail closed: the database cannot say how many attempts were made
    if (!query.next())
        return 0;
    const qint64 until = query.value(0).toLongLong() + kWindowMs;
    return qMax<qint64>(1, (until - now + 999) / 1000);
}

void RateLimiter::recordFailure(const QString &bucket)
{
    m_db.exec(QStringLiteral("INSERT INTO login_failures (bucket, at) VALUES (?, ?)"),
              {bucket, nowMs()});
}

void RateLimiter::clear(const QString &bucket)
{
    m_db.exec(QStringLiteral("DELETE FROM login_failures WHERE bucket = ?"), {bucket});
}

void RateLimiter::prune()
{
    m_db.exec(QStringLiteral("DELETE FROM login_failures WHERE at < ?"), {nowMs() - kWindowMs});
}

} // namespace hues::server::auth
