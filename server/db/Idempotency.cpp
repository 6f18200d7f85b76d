#include "db/Idempotency.h"

#include "db/Database.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

namespace hues::server {

bool Idempotency::validKey(QByteArrayView key)
{
    return !key.isEmpty() && key.size() <= 255 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7E; }) &&
           !std::all_of(key.begin(), key.end(), [](char c) { return c == ' '; });
}

QString Idempotency::callerScope(const QString &subject)
{
    return subject.isEmpty() ? QStringLiteral("anonymous") : QStringLiteral("account:") + subject;
}

std::optional<StoredResponse> Idempotency::find(Database &db, const QString &caller,
                                                const QString &route, const QByteArray &key,
                                                bool *ok)
{
    QSqlQuery query(db.connection());
    *ok = db.exec(query,
                  QStringLiteral("SELECT request_hash, response_status, response_body FROM "
                                 "idempotency_keys WHERE caller = ? AND route = ? AND "
                                 "idem_key = ?"),
                  {caller, route, QString::fromLatin1(key)});
    if (!*ok || !query.next())
        return std::nullopt;
    StoredResponse stored;
    stored.requestHash = query.value(0).toString();
    stored.status = query.value(1).toInt();
    stored.body = query.value(2).toString().toUtf8();
    return stored;
}

bool Idempotency::insert(Database &db, const QString &caller, const QString &route,
                         const QByteArray &key, const QString &requestHash,
                         const StoredResponse &response)
{
    return db.exec(QStringLiteral("INSERT INTO idempotency_keys (caller, route, idem_key, "
                                  "request_hash, response_status, response_body, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   {caller, route, QString::fromLatin1(key), requestHash, response.status,
                    QString::fromUtf8(response.body), QDateTime::currentMSecsSinceEpoch()});
}

bool Idempotency::purge(Database &db)
{
    return db.exec(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"),
                   {QDateTime::currentMSecsSinceEpoch() - kRetentionMs});
}

} // namespace hues::server
