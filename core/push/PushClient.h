#pragma once

#include "net/ApiClient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <optional>

class QWebSocket;

namespace store {
class Database;
}

namespace push {

struct PushFrame;

// The client of hues-server's push stream (GET /api/v1/push as a WebSocket): stays connected
// while started, resumes from the last sequence number it handled (kept in the local store's
// kv_cache, one key per server), and emits each event once, in order, across reconnects,
// server restarts, network changes and sleep. With `personal` set (the app sets it while
// signed in) it fetches a single-use socket token through the ApiClient before each connect,
// so that the user's personal events come too.
class PushClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(qint64 lastSeq READ lastSeq NOTIFY lastSeqChanged)
    Q_PROPERTY(bool personal READ isPersonal WRITE setPersonal NOTIFY personalChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)

public:
    // Offline: no connection (waiting to retry, or stopped); Connecting: fetching a token,
    // opening the socket or catching up; Live: caught up, events arrive as they happen.
    enum class State { Offline, Connecting, Live };
    Q_ENUM(State)

    struct Timings
    {
        int pingIntervalMs = 30 * 1000;
        // No frame (message or pong) for this long: the socket is dead.
        int silenceTimeoutMs = 75 * 1000;
        // Delays between attempts: exponential with equal jitter, 1 s .. 60 s.
        net::RetryPolicy backoff{0, 2000, 60 * 1000};
        // How often the wall clock is compared with the monotonic one to notice a sleep.
        int sleepCheckMs = 10 * 1000;
    };

    // api gives the base URL (ws:// for http://, wss:// for https://) and the credentials of
    // the token request; store keeps the last seq (nullptr: kept in memory only). Both must
    // outlive the client.
    PushClient(net::ApiClient *api, store::Database *store, QObject *parent = nullptr);
    ~PushClient() override;

    void setTimings(const Timings &timings);
    Timings timings() const { return m_timings; }
    // TLS settings of the socket (e.g. an extra CA). Peer verification always stays on.
    void setSslConfiguration(const QSslConfiguration &configuration);

    State state() const { return m_state; }
    qint64 lastSeq() const { return m_lastSeq; }
    bool isPersonal() const { return m_personal; }
    void setPersonal(bool personal);
    bool isRunning() const { return m_running; }
    // ws(s)://<base>/api/v1/push, or an empty URL when the base URL is not acceptable.
    QUrl streamUrl() const;
    // The kv_cache key of the last seq for the current server.
    QString storeKey() const;

public Q_SLOTS:
    // Connects, and reconnects after every loss, until stop().
    void start();
    void stop();
    // Drops the connection and connects again at once, backoff reset (after a network change
    // or a sleep; called by the client itself when it notices them).
    void reconnectNow();

Q_SIGNALS:
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Woverloaded-virtual"
#endif
    // One event, once per seq, in increasing seq. The seq is recorded as handled when the
    // connected slots return. Kinds the receiver does not know are to be ignored.
    void event(const QString &kind, qint64 seq, const QJsonObject &data);
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
    // The server no longer has every event after lastSeq: refetch the full state.
    void reset();
    void stateChanged();
    void lastSeqChanged();
    void personalChanged();
    void runningChanged();
    // An attempt failed (for logs and tests; the client retries by itself).
    void connectionError(const QString &message);

private:
    void setState(State state);
    void loadLastSeq();
    void storeLastSeq();
    void attempt();
    void openSocket(const QByteArray &token);
    void scheduleRetry(const QString &why);
    void dropSocket();
    void onTextMessage(const QString &message);
    void handleFrame(const PushFrame &frame);
    void onSilence();
    void checkSleep();
    void watchNetwork();

    net::ApiClient *m_api;
    store::Database *m_store;
    Timings m_timings;
    // Set only by setSslConfiguration(): a default-constructed QSslConfiguration would load
    // the TLS backend (OpenSSL) in the constructor, at the app's start-up.
    std::optional<QSslConfiguration> m_ssl;
    State m_state = State::Offline;
    qint64 m_lastSeq = 0;
    bool m_personal = false;
    bool m_running = false;
    bool m_resetPending = false;
    bool m_watchingNetwork = false;
    int m_attempt = 0;
    QString m_loadedKey;
    QPointer<QWebSocket> m_socket;
    QPointer<net::ApiReply> m_tokenReply;
    QTimer m_retry;
    QTimer m_silence;
    QTimer m_ping;
    QTimer m_sleepCheck;
    QElapsedTimer m_monotonic;
    qint64 m_wallAtCheck = 0;
    qint64 m_monoAtCheck = 0;
};

} // namespace push
