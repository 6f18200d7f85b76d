#pragma once

#include "db/Database.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

class QHostAddress;
class QTcpSocket;

namespace hues::server {
struct UpgradeRequest;
} // namespace hues::server

namespace hues::server::push {

class PushConnection;

struct PushOptions
{
    // Origins of browser pages allowed to open the stream besides the server's own
    // (--allowed-origin), as "scheme://host[:port]".
    QStringList allowedOrigins;
    int pingIntervalMs = 30 * 1000;
    // Connections that sent nothing (not even a pong) for this long are closed.
    int silenceTimeoutMs = 75 * 1000;
    // A connection whose unsent bytes grow beyond this is dropped (it resumes on reconnect).
    qint64 maxBufferedBytes = 4 * 1024 * 1024;
    // How often push_events is read even without a publish or notification (a safety net).
    int pollIntervalMs = 2000;
    // Open connections one client address may hold (--push-max-per-address); a handshake over
    // it is refused with 429 before upgrading. Loopback counts like any address.
    int maxPerAddress = 64;
};

// One event as stored in push_events.
struct StoredEvent
{
    qint64 seq = 0;
    QString kind;
    QString audience;
    QByteArray data; // compact JSON object
    qint64 createdAt = 0;
};

// The push stream of hues-server (GET /api/v1/push upgraded to a WebSocket). Events are rows of
// push_events with one global sequence, written in the transaction of what caused them
// (publish()). After commit the hub reads the new rows and sends each to every connection
// that may see it, framed once for all. A connecting client says the last seq it saw and
// first gets what it missed (replay), then a hello, then live events; nothing twice on one
// connection. Several processes on PostgreSQL: each publish NOTIFYs hues_push with its seq
// (sent by the commit), every process LISTENs and forwards the rows it has not sent yet.
class PushHub : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kRetentionMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 kTokenLifetimeMs = 60 * 1000;
    static constexpr char kChannel[] = "hues_push";

    PushHub(Database &db, const PushOptions &options, QObject *parent = nullptr);
    ~PushHub() override;

    // Reads where the sequence stands, prunes old events and tokens, and on PostgreSQL opens
    // a second connection (databaseUrl) that LISTENs. False and *error on failure.
    bool start(const QString &dataDir, const QString &databaseUrl, QString *error);
    // The server's own origin (from its public base URL), always allowed.
    void setOwnOrigin(const QString &baseUrl);

    // Records an event; call it inside the caller's open transaction, so that the event exists
    // exactly when what caused it does. audience "" is public, otherwise the subject
    // (accounts.id) that alone receives it. The event is sent after the commit; nothing is sent
    // when the transaction rolls back. Returns its seq, or 0 when the database failed (the
    // caller then rolls back).
    qint64 publish(const QString &kind, const QString &audience, const QJsonObject &data);

    // A single-use socket token for subject, valid kTokenLifetimeMs (only its hash is stored).
    std::optional<QByteArray> issueToken(const QString &subject);

    // The ConnectionGuard's hand-over of a "GET /api/v1/push" WebSocket upgrade.
    void acceptUpgrade(QTcpSocket *socket, const UpgradeRequest &request);

    // The highest seq sent to live connections by this process.
    qint64 latestSeq() const { return m_latest; }
    int connectionCount() const { return int(m_connections.size()); }
    // The key a client address is counted under for maxPerAddress: an IPv4 address (also one
    // mapped into IPv6) as such, an IPv6 address without its scope.
    static QString addressKey(const QHostAddress &address);

    // Normalises an origin ("HTTP://Host:80/" -> "http://host"); empty when it is not one.
    static QString normaliseOrigin(const QString &origin);

private:
    friend class PushConnection;

    struct Page
    {
        QList<QPair<qint64, QByteArray>> frames; // seq, text frame
        bool complete = false;                   // nothing more up to the asked seq
        bool ok = true;
    };
    // Frames of the events a connection of subject may see with after < seq <= upTo.
    Page replayPage(const QString &subject, qint64 after, qint64 upTo, int limit);
    QByteArray frameFor(const StoredEvent &event);
    void remember(qint64 seq, const QByteArray &frame);

    void schedulePump();
    void pump();
    void fanOut(const StoredEvent &event, const QByteArray &frame);
    void heartbeat();
    void housekeeping();
    bool readSequence(qint64 *value, qint64 *prunedThrough);
    // The subject of a socket token, consumed; nullopt when unknown or expired (*dbError set
    // when the database failed).
    std::optional<QString> consumeToken(const QByteArray &token, bool *dbError);
    bool originAllowed(const QByteArray &origin) const;

    void attach(PushConnection *connection);
    void detach(PushConnection *connection);
    qint64 nowMs() const { return m_clock.elapsed(); }

    Database &m_db;
    PushOptions m_options;
    QString m_ownOrigin;
    std::unique_ptr<Database> m_listenDb; // PostgreSQL: the LISTEN connection
    qint64 m_latest = 0;
    bool m_pumpScheduled = false;
    QSet<PushConnection *> m_connections;
    QMultiHash<QString, PushConnection *> m_bySubject;
    QHash<QString, int> m_perAddress;        // open connections by addressKey()
    QMap<qint64, QByteArray> m_recentFrames; // the last frames by seq, shared by replays
    QByteArray m_pingFrame;
    QElapsedTimer m_clock;
    QTimer m_heartbeat;
    QTimer m_housekeeping;
    QTimer m_poll;
};

} // namespace hues::server::push
