#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hues::server {

class Database;

// The first answer to a request sent with an Idempotency-Key.
struct StoredResponse
{
    QString requestHash;
    int status = 0;
    QByteArray body;
};

// Client-chosen idempotency keys (table idempotency_keys), for every route that creates
// something (reports now, payments later). A key is scoped to (caller, route); its row is
// written in the same transaction as what the request creates, so one never exists without
// the other, and the primary key makes a concurrent second insert fail: the loser replays.
class Idempotency
{
public:
    // Keys are kept at least this long (the contract says 7 days).
    static constexpr qint64 kRetentionMs = 30LL * 24 * 3600 * 1000;

    // 1..255 printable ASCII characters (0x20-0x7E), not only spaces.
    static bool validKey(QByteArrayView key);
    // The caller scope: "account:<subject>" or "anonymous".
    static QString callerScope(const QString &subject);

    // The stored answer for (caller, route, key). nullopt when there is none; *ok false when
    // the database failed.
    static std::optional<StoredResponse> find(Database &db, const QString &caller,
                                              const QString &route, const QByteArray &key,
                                              bool *ok);
    // Inserts the row; false when it exists already (or the database failed): the caller
    // rolls back and looks again.
    static bool insert(Database &db, const QString &caller, const QString &route,
                       const QByteArray &key, const QString &requestHash,
                       const StoredResponse &response);
    // Deletes keys older than the retention.
    static bool purge(Database &db);
};

} // namespace hues::server
