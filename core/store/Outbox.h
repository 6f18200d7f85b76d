#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace store {

class Database;

// A file that goes with an outbox item (e.g. a processed photo).
struct OutboxAttachment
{
    QString mime;
    QByteArray bytes;

    bool operator==(const OutboxAttachment &other) const
    {
        return mime == other.mime && bytes == other.bytes;
    }
};

// One thing the user created that waits to be (or was) sent to the server.
struct OutboxItem
{
    // pending: due at nextAttemptAt (0: now); sending: a sender has claimed it; waiting: an
    // attempt failed for a reason that may pass, due again at nextAttemptAt; sent: the server
    // has it (remoteId); failed: the server refused it (lastError), only retryNow() or
    // remove() change it.
    enum class State { Pending, Sending, Waiting, Sent, Failed };

    QString id;
    QString kind; // what the payload is, e.g. "report" (an Open311 service request)
    QByteArray idempotencyKey;
    QJsonObject payload;
    State state = State::Pending;
    int attempts = 0; // sends started
    QString lastError;
    qint64 createdAt = 0; // ms since the epoch
    qint64 updatedAt = 0;
    qint64 nextAttemptAt = 0;
    QString account; // subject of the signed-in user who created it; empty: anonymous
    QString server;  // base URL it is for
    QString remoteId;
    QJsonValue response; // what the server answered to the send that succeeded
    int attachmentCount = 0;
    qint64 attachmentBytes = 0;

    bool isValid() const { return !id.isEmpty(); }
    static QString stateName(State state); // "pending", "sending", ...
    static std::optional<State> stateFromName(const QString &name);
};

// Which items a query is about; an empty member matches everything.
struct OutboxFilter
{
    QStringList kinds;
    // Accounts whose items match ("" is anonymous); std::nullopt: any account.
    std::optional<QStringList> accounts;
    QString server;
    QList<OutboxItem::State> states;
};

// The outbox of the local store: everything the user creates is written here first (item and
// files in one transaction), then sent by a sender that claims items one at a time. Each item
// has a random idempotency key, so sending it again after a crash is harmless.
// One Outbox per Database in a process: its signals are how models learn about changes (a
// change made by another process, e.g. hues-tool, is seen on the next items()).
class Outbox : public QObject
{
    Q_OBJECT
public:
    explicit Outbox(Database &db, QObject *parent = nullptr);

    // Writes a new pending item and its attachments in one transaction. Returns its id, or an
    // empty string (errorString() says why; nothing is written).
    QString enqueue(const QString &kind, const QJsonObject &payload,
                    const QList<OutboxAttachment> &attachments, const QString &account,
                    const QString &server);

    // Oldest first.
    QList<OutboxItem> items(const OutboxFilter &filter = {}) const;
    std::optional<OutboxItem> item(const QString &id) const;
    QList<OutboxAttachment> attachments(const QString &id) const;

    // Claims the oldest pending or waiting item that is due at nowMs and matches the filter:
    // it becomes 'sending' and its attempts grow by one. Safe against other processes claiming
    // at the same time (each item is claimed once).
    std::optional<OutboxItem> claimNextDue(qint64 nowMs, const OutboxFilter &filter = {});
    // Claims one pending or waiting item whether or not it is due (a "send now").
    std::optional<OutboxItem> claim(const QString &id);
    // When the next pending or waiting item matching the filter is due (ms), if any.
    std::optional<qint64> nextDueAt(const OutboxFilter &filter = {}) const;

    // Outcomes of a send; each applies to a 'sending' item only and returns false otherwise.
    bool markSent(const QString &id, const QString &remoteId, const QJsonValue &response);
    bool markRetry(const QString &id, const QString &error, qint64 nextAttemptAtMs);
    bool markFailed(const QString &id, const QString &reason);

    // A failed or waiting item becomes pending and due now (the user's "retry").
    bool retryNow(const QString &id);
    // Deletes an item the user discards, with its attachments: only one not sending and not
    // sent.
    bool remove(const QString &id);
    // Items left 'sending' by a sender that is gone (a crash, a kill) become pending again.
    // Call with the sender lock held (see OutboxSender), so no live sender is affected.
    int recoverInterrupted();

    QString errorString() const { return m_error; }
    // The database file (senders lock a file beside it).
    QString databasePath() const;

    // 128 random bits from the system's CSPRNG, base64url: a fresh idempotency key.
    static QByteArray newIdempotencyKey();

Q_SIGNALS:
    void itemAdded(const QString &id);
    void itemChanged(const QString &id);
    void itemRemoved(const QString &id);

private:
    bool transition(const QString &id, const QString &sql, const QVariantList &values);
    std::optional<OutboxItem> claimWhere(const QString &condition, const QVariantList &values);

    Database &m_db;
    QString m_error;
};

} // namespace store
