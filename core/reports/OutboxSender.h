#pragma once

#include "net/ApiClient.h"

#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace store {
class Outbox;
struct OutboxItem;
struct OutboxFilter;
struct OutboxAttachment;
} // namespace store

namespace reports {

// What a kind's builder makes of one outbox item: the request to send, or why it cannot be sent.
struct OutboxRequest
{
    enum class Outcome {
        Ready,   // send `request`
        Damaged, // the item can never be sent: it fails with `reason`
        NotNow,  // something on this device is missing for now: retried later with `reason`
    };
    Outcome outcome = Outcome::Ready;
    net::ApiRequest request;
    QString reason; // translated, for a person

    static OutboxRequest ready(net::ApiRequest request);
    static OutboxRequest damaged(const QString &reason);
    static OutboxRequest notNow(const QString &reason);
};

// Sends the items waiting in the outbox to the server of the API client, one at a time, each
// kind of item (a report, a citizen alert...) through the request builder registered for it
// (setRequestBuilder(); reports are known from the start), each with its Idempotency-Key, so
// that a send repeated after a crash or a lost answer creates nothing twice. Network errors, 5xx,
// 408 and 429 wait and retry with exponential backoff and jitter; other refusals fail the item with
// the server's reason. Only items made for this server, anonymously or by the current account, are
// sent (anonymous ones without credentials). One sender per store across processes: start() takes a
// lock file beside the database.
class OutboxSender : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool started READ isStarted NOTIFY startedChanged)

public:
    struct Policy
    {
        int firstRetryDelayMs = 5000;         // the delay after the first failure (jittered)
        int maxRetryDelayMs = 15 * 60 * 1000; // the cap of the exponential growth
    };

    // Builds the request of one item of a kind from its payload and attachments. Called on
    // the sender's thread just before each attempt; must not keep the item.
    using RequestBuilder = std::function<OutboxRequest(
        const store::OutboxItem &item, const QList<store::OutboxAttachment> &attachments)>;
    // Reads the id the server gave the created thing from a 200/201 answer; "" (with *why
    // set) when the answer is not understood (the item then waits and is sent again).
    using RemoteIdReader = std::function<QString(const QJsonDocument &answer, QString *why)>;

    OutboxSender(store::Outbox *outbox, net::ApiClient *api, QObject *parent = nullptr);
    ~OutboxSender() override;

    // Registers (or replaces) how items of `kind` are sent; from then on they are sent like
    // the others. "report" (Open311 service requests, ReportsClient::submission) is built in.
    void setRequestBuilder(const QString &kind, RequestBuilder build, RemoteIdReader readRemoteId);
    // The kinds this sender sends.
    QStringList kinds() const;

    void setPolicy(const Policy &policy) { m_policy = policy; }
    Policy policy() const { return m_policy; }

    // The subject of the signed-in user, empty when signed out. Their items and anonymous
    // ones are sent; another account's items wait for that account. A change starts a pass.
    void setAccount(const QString &subject);
    QString account() const { return m_account; }

    // Takes the sender lock (a lock left by a killed process is taken over), puts sends that
    // were interrupted back in the queue and sends what is due; from then on sends after each
    // enqueue, when the next retry is due, when the network comes back (watchNetwork()) and
    // on setAccount(). False when another process is sending this store's outbox.
    bool start();
    // Stops sending and releases the lock. A send under way is abandoned: its item is sent
    // again (same key) by the next sender.
    void stop();
    bool isStarted() const { return m_started; }
    bool isBusy() const { return !m_current.isNull(); }

    // Sends every item it may send (or only those of `ids`), once each, now, whatever its
    // retry time (the user's "send now", `hues-tool outbox sync`); syncFinished() when done.
    // Starts if needed; when another process holds the lock, syncFinished(0, 0) at once.
    void syncNow(const QStringList &ids = {});
    // Follows the system's reachability (QNetworkInformation), where a backend exists: when
    // the network comes back, waiting items are sent at once. False without a backend.
    bool watchNetwork();

    // The delay before the next attempt after `attempts` sends failed (1, 2, ...).
    static int retryDelayMs(const Policy &policy, int attempts);

Q_SIGNALS:
    void itemSent(const QString &id, const QString &remoteId, bool replayed);
    void itemWaiting(const QString &id, const QString &reason, qint64 nextAttemptAtMs);
    void itemFailed(const QString &id, const QString &reason);
    // A syncNow() pass is over: how many items were sent and how many were not.
    void syncFinished(int sent, int notSent);
    void busyChanged();
    void startedChanged();

private:
    void scheduleNext();
    void pump();
    void send(const store::OutboxItem &item);
    void handleReply(const QString &id, const QString &kind, int attempts, bool anonymous,
                     net::ApiReply *reply);
    void queuePump();
    void sendWaitingNow();
    void finishSync();
    // The items this sender may send: the known kinds for this server, anonymous or the
    // account's.
    store::OutboxFilter sendable() const;

    struct KindHandler
    {
        RequestBuilder build;
        RemoteIdReader readRemoteId;
    };
    QHash<QString, KindHandler> m_kinds;

    store::Outbox *m_outbox;
    net::ApiClient *m_api;
    Policy m_policy;
    QString m_account;
    bool m_started = false;
    std::unique_ptr<QLockFile> m_lock;
    QTimer *m_timer;
    QPointer<net::ApiReply> m_current;
    QString m_currentId;
    bool m_pumpQueued = false;
    // syncNow(): the items of the pass still to send, and its tally.
    std::optional<QStringList> m_syncQueue;
    int m_syncSent = 0;
    int m_syncNotSent = 0;
};

} // namespace reports
