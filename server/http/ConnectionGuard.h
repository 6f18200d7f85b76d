#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTimer>

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

struct ConnectionLimits
{
    qint64 maxBodyBytes = 1024 * 1024; // every route without its own limit
    qint64 maxHeaderBytes = 16 * 1024;
    int idleTimeoutMs = 30 * 1000;
    QList<RouteBodyLimit> routeBodyLimits;

    // The body limit for a request line's method and target.
    qint64 bodyLimitFor(QByteArrayView method, QByteArrayView target) const;
};

// Watches one connection before QtHttpServer sees its bytes. QtHttpServer 6.4 buffers whole
// bodies and has no limits or timeouts, so this refuses oversized bodies (413, before the
// body is read), oversized header blocks (431), chunked bodies (411) and bytes that are not
// HTTP (400), and drops connections that stay silent longer than the idle timeout. Refusals of
// requests under /open311/ use that API's error format.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);

private:
    enum class State { Head, Body, Rejected };

    void onReadyRead();
    void onIdleTimeout();
    bool inspectHead(qsizetype start, qsizetype end); // the head is m_pending[start, end)
    bool requestLineLooksValid(const QByteArray &line, bool complete) const;
    void reject(int status, const QString &code, const QString &message);
    void shutdownWhenFlushed();

    // What a refused client may still send (and have dropped) before the connection is cut.
    static constexpr qint64 kLingerBytes = 64 * 1024 * 1024;

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    State m_state = State::Head;
    QByteArray m_pending; // bytes of the current request head seen so far
    QByteArray m_path;    // path of the current request, once its request line is known
    qint64 m_bodyLeft = 0;
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
