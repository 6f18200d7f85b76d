#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace hues::server {

// Set on a socket whose requests are HTTP/1.0: the connection closes after each answer.
inline constexpr char kHttp10Property[] = "hues_http10";
// Set on a socket by HttpServer when QtHttpServer hands over a request: how many bytes are
// still buffered behind it (pipelined requests the ConnectionGuard has already inspected).
inline constexpr char kSeenBytesProperty[] = "hues_seen_bytes";

// A larger (or smaller) body limit for one method and path (the query is not part of it).
struct RouteBodyLimit
{
    QByteArray method;
    QByteArray path;
    qint64 maxBodyBytes = 0;
};

// The head of a request handed over to an UpgradeRoute. Header names are lower case.
struct UpgradeRequest
{
    QByteArray target; // path and query as sent ("/api/v1/push?since=3")
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray peerAddress;

    // The value of a header sent once; isNull() when absent, *repeated set when sent twice.
    QByteArray header(QByteArrayView name, bool *repeated = nullptr) const;
};

// A path whose WebSocket upgrades bypass QtHttpServer: when the first request on a connection is
// "GET <path>" with "Upgrade: websocket" and no body, the ConnectionGuard reads its head and
// calls handler, which owns the connection from then on (answers the handshake, or refuses).
struct UpgradeRoute
{
    QByteArray path;
    std::function<void(QTcpSocket *socket, const UpgradeRequest &request)> handler;
};

struct ConnectionLimits
{
    qint64 maxBodyBytes = 1024 * 1024; // every route without its own limit
    qint64 maxHeaderBytes = 16 * 1024;
    int idleTimeoutMs = 30 * 1000;
    QList<RouteBodyLimit> routeBodyLimits;
    QList<UpgradeRoute> upgradeRoutes;

    // The body limit for a request line's method and target.
    qint64 bodyLimitFor(QByteArrayView method, QByteArrayView target) const;
};

// Watches one connection before QtHttpServer sees its bytes. QtHttpServer 6.4 buffers whole
// bodies and has no limits or timeouts, so this refuses oversized bodies (413, before the
// body is read), oversized header blocks (431), chunked bodies (411) and bytes that are not
// HTTP (400), and drops connections that stay silent longer than the idle timeout. Refusals of
// requests under /open311/ use that API's error format. WebSocket upgrades to an UpgradeRoute are
// handed over to that route's handler before QtHttpServer sees them.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);

private:
    enum class State { Head, Body, Rejected, HandedOver };

    void onReadyRead();
    void onIdleTimeout();
    bool inspectHead(qsizetype start, qsizetype end); // the head is m_pending[start, end)
    bool requestLineLooksValid(const QByteArray &line, bool complete) const;
    void reject(int status, const QString &code, const QString &message);
    const UpgradeRoute *upgradeRouteFor(const QByteArray &method, const UpgradeRequest &request,
                                        qint64 contentLength) const;
    void handOver(const UpgradeRoute &route, const UpgradeRequest &request, qsizetype headBytes);
    void shutdownWhenFlushed();

    // What a refused client may still send (and have dropped) before the connection is cut.
    static constexpr qint64 kLingerBytes = 64 * 1024 * 1024;

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    State m_state = State::Head;
    QByteArray m_pending; // bytes of the current request head seen so far
    QByteArray m_path;    // path of the current request, once its request line is known
    qint64 m_bodyLeft = 0;
    // The current head starts at the first unread byte of the socket (no other request before it
    // is waiting for QtHttpServer): only then may it be handed over to an UpgradeRoute.
    bool m_headAtStart = false;
    qint64 m_lingered = 0;    // bytes dropped since the refusal
    bool m_writeShut = false; // the sending side is shut down (lingering close)
    QTimer m_idle;
};

// The listening socket handed to QAbstractHttpServer::bind(): attaches a ConnectionGuard to
// every accepted connection before the HTTP server connects its own slots.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(const ConnectionLimits &limits, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    ConnectionLimits m_limits;
};

} // namespace hues::server
