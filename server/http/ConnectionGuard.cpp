#include "http/ConnectionGuard.h"

#include "http/HttpTypes.h"
#include "logging.h"
#include "reports/Open311.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace hues::server {

namespace {

// Where the header block ends (index just past the empty line), or -1. HTTP/1.1 allows a
// bare LF as line terminator (RFC 9112 section 2.2), so accept both.
qsizetype headerEnd(const QByteArray &data)
{
    for (qsizetype i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) {
        if (i + 1 < data.size() && data.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < data.size() && data.at(i + 1) == '\r' && data.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

// Methods QtHttpServer 6.4 parses; its parser drops the connection silently on any other.
bool isKnownMethod(const QByteArray &method)
{
    static const QByteArrayList known = {"GET",     "HEAD",  "POST",  "PUT",    "DELETE",
                                         "OPTIONS", "PATCH", "TRACE", "CONNECT"};
    return known.contains(method);
}

// RFC 9110 section 5.6.2 tchar: what a header name may contain.
bool isHeaderNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

// The answer to a refused request: the Open311 error format under /open311/ (XML for a .xml
// resource), the server's JSON error format elsewhere.
QByteArray refusal(const QByteArray &path, int status, const QString &code, const QString &message)
{
    if (!path.startsWith("/open311/"))
        return Response::rawError(status, code, message);
    using reports::open311::Format;
    const Format format = path.endsWith(".xml") ? Format::Xml : Format::Json;
    const QByteArray body = reports::open311::errorsDocument({{status, message}}, format);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
           "\r\nContent-Type: " + reports::open311::contentType(format) +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray pathOf(QByteArrayView target)
{
    const qsizetype query = target.indexOf('?');
    return (query < 0 ? target : target.first(query)).toByteArray();
}

} // namespace

qint64 ConnectionLimits::bodyLimitFor(QByteArrayView method, QByteArrayView target) const
{
    const QByteArray path = pathOf(target);
    for (const RouteBodyLimit &rule : routeBodyLimits) {
        if (rule.method == method && rule.path == path)
            return rule.maxBodyBytes;
    }
    return maxBodyBytes;
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdleTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, &m_idle, qOverload<>(&QTimer::start));
    connect(socket, &QTcpSocket::disconnected, &m_idle, &QTimer::stop);
    m_idle.start();
}

void ConnectionGuard::onReadyRead()
{
    m_idle.start();
    if (m_state == State::Rejected) {
        m_lingered += m_socket->readAll().size();
        if (m_lingered > kLingerBytes)
            m_socket->abort(); // enough: whatever the client misses now is its own doing
        return;
    }
    // QtHttpServer reads what is available after this slot, but stops at the end of a
    // request and emits readyRead() again for the rest: skip the bytes seen before.
    const qint64 seen = m_socket->property(kSeenBytesProperty).toLongLong();
    m_socket->setProperty(kSeenBytesProperty, QVariant());
    QByteArray fresh = m_socket->peek(m_socket->bytesAvailable()).mid(seen);
    bool otherBytesBefore = seen > 0; // of another request, still unread by QtHttpServer
    while (!fresh.isEmpty()) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyLeft, fresh.size());
            m_bodyLeft -= take;
            fresh.remove(0, take);
            if (m_bodyLeft == 0)
                m_state = State::Head;
            otherBytesBefore = true;
            continue;
        }
        if (m_pending.isEmpty())
            m_headAtStart = !otherBytesBefore;
        m_pending.append(fresh);
        fresh.clear();
        // Empty lines before a request line are to be ignored (RFC 9112 section 2.2).
        qsizetype skip = 0;
        while (skip < m_pending.size() &&
               (m_pending.at(skip) == '\r' || m_pending.at(skip) == '\n'))
            ++skip;
        const qsizetype end = headerEnd(m_pending.mid(skip));
        if (end < 0) {
            const qsizetype eol = m_pending.indexOf('\n', skip);
            const QByteArray line = m_pending.mid(skip, eol < 0 ? -1 : eol - skip);
            if (!requestLineLooksValid(line, eol >= 0))
                return reject(400, QStringLiteral("bad_request"),
                              QStringLiteral("the request is not HTTP/1.x"));
            if (eol >= 0 && !isKnownMethod(line.left(line.indexOf(' '))))
                return reject(501, QStringLiteral("not_implemented"),
                              QStringLiteral("unsupported HTTP method"));
            if (m_pending.size() > m_limits.maxHeaderBytes)
                return reject(431, QStringLiteral("headers_too_large"),
                              QStringLiteral("the request header block exceeds %1 bytes")
                                  .arg(m_limits.maxHeaderBytes));
            return;
        }
        if (!inspectHead(skip, skip + end))
            return;
        otherBytesBefore = true;
        fresh = m_pending.mid(skip + end);
        m_pending.clear();
        if (m_state == State::Head)
            m_path.clear();
    }
}

bool ConnectionGuard::requestLineLooksValid(const QByteArray &line, bool complete) const
{
    const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
    const qsizetype space = trimmed.indexOf(' ');
    const QByteArray method = space < 0 ? trimmed : trimmed.left(space);
    if (!std::all_of(method.begin(), method.end(), isTokenChar) || method.size() > 16)
        return false;
    if (!complete)
        return space < 0 || trimmed.size() <= m_limits.maxHeaderBytes;
    const QList<QByteArray> parts = trimmed.split(' ');
    return parts.size() == 3 && !parts.at(0).isEmpty() && !parts.at(1).isEmpty() &&
           (parts.at(2) == "HTTP/1.1" || parts.at(2) == "HTTP/1.0");
}

bool ConnectionGuard::inspectHead(qsizetype start, qsizetype end)
{
    if (end > m_limits.maxHeaderBytes) {
        reject(431, QStringLiteral("headers_too_large"),
               QStringLiteral("the request header block exceeds %1 bytes")
                   .arg(m_limits.maxHeaderBytes));
        return false;
    }
    // Not trimmed: whitespace after the version must fail the request-line check, as it fails
    // QtHttpServer's parser, which then closes the connection without an answer.
    QList<QByteArray> lines = m_pending.mid(start, end - start).split('\n');
    lines.resize(lines.size() - 2); // drop the empty line that ends the head and "" after it
    if (lines.isEmpty() || !requestLineLooksValid(lines.first(), true)) {
        reject(400, QStringLiteral("bad_request"), QStringLiteral("the request is not HTTP/1.x"));
        return false;
    }
    const QByteArray requestLine = lines.first().trimmed();
    const QList<QByteArray> requestParts = requestLine.split(' ');
    m_path = pathOf(requestParts.value(1));
    if (!isKnownMethod(requestLine.left(requestLine.indexOf(' ')))) {
        reject(501, QStringLiteral("not_implemented"), QStringLiteral("unsupported HTTP method"));
        return false;
    }
    // QtHttpServer 6.4 does not expose the version; HttpServer closes HTTP/1.0 connections.
    if (requestLine.endsWith("HTTP/1.0"))
        m_socket->setProperty(kHttp10Property, true);
    qint64 contentLength = 0;
    bool haveLength = false;
    bool expectContinue = false;
    UpgradeRequest upgrade;
    upgrade.target = requestParts.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        const QByteArray rawName = line.left(colon);
        if (colon <= 0 || !std::all_of(rawName.begin(), rawName.end(), isHeaderNameChar)) {
            reject(400, QStringLiteral("bad_request"), QStringLiteral("malformed header line"));
            return false;
        }
        const QByteArray name = rawName.toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        upgrade.headers.append({name, value});
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (haveLength && length != contentLength)) {
                reject(400, QStringLiteral("bad_request"),
                       QStringLiteral("invalid Content-Length header"));
                return false;
            }
            contentLength = length;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            reject(411, QStringLiteral("length_required"),
                   QStringLiteral("chunked request bodies are not supported; send Content-Length"));
            return false;
        } else if (name == "expect") {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    const qint64 maxBody = m_limits.bodyLimitFor(requestParts.value(0), requestParts.value(1));
    if (contentLength > maxBody) {
        reject(413, QStringLiteral("payload_too_large"),
               QStringLiteral("the request body of %1 bytes exceeds the limit of %2 bytes")
                   .arg(contentLength)
                   .arg(maxBody));
        return false;
    }
    if (const UpgradeRoute *route =
            upgradeRouteFor(requestParts.value(0), upgrade, haveLength ? contentLength : 0)) {
        handOver(*route, upgrade, end);
        return false;
    }
    // QtHttpServer 6.4 never sends the interim response, so clients would stall.
    if (expectContinue && contentLength > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyLeft = contentLength;
    m_state = contentLength > 0 ? State::Body : State::Head;
    return true;
}

void ConnectionGuard::reject(int status, const QString &code, const QString &message)
{
    qCInfo(lcServer).noquote() << "connection from" << m_socket->peerAddress().toString()
                               << "refused:" << status << message;
    m_state = State::Rejected;
    m_pending.clear();
    // Slots disconnected during an emission are not called: QtHttpServer never sees these bytes.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_socket->readAll();
    m_socket->write(refusal(m_path, status, code, message));
    // Lingering close, as Apache and nginx do: the client may still be sending the body it
    // announced. Closing with unread bytes makes the kernel reset the connection, and most
    // clients (Qt's among them) then report "connection reset" instead of this answer. So the
    // answer is flushed, the sending side shut down, and what arrives is read and dropped
    // until the client closes, for at most kLingerBytes or the idle timeout.
    m_lingered = 0;
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::shutdownWhenFlushed);
    connect(m_socket, &QTcpSocket::readChannelFinished, m_socket, &QTcpSocket::disconnectFromHost);
    shutdownWhenFlushed();
}

void ConnectionGuard::shutdownWhenFlushed()
{
    if (m_writeShut || m_socket->bytesToWrite() > 0 ||
        m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_writeShut = true;
    if (::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) != 0)
        m_socket->disconnectFromHost();
}

const UpgradeRoute *ConnectionGuard::upgradeRouteFor(const QByteArray &method,
                                                     const UpgradeRequest &request,
                                                     qint64 contentLength) const
{
    if (method != "GET" || !m_headAtStart || contentLength != 0 || m_limits.upgradeRoutes.isEmpty())
        return nullptr;
    // Upgrade is a comma-separated list of protocols (RFC 9110 section 7.8).
    bool websocket = false;
    for (const auto &[name, value] : request.headers) {
        if (name != "upgrade")
            continue;
        for (const QByteArray &protocol : value.split(','))
            websocket =
                websocket || protocol.trimmed().compare("websocket", Qt::CaseInsensitive) == 0;
    }
    if (!websocket)
        return nullptr;
    const QByteArray path = pathOf(request.target);
    for (const UpgradeRoute &route : m_limits.upgradeRoutes) {
        if (route.path == path)
            return &route;
    }
    return nullptr;
}

void ConnectionGuard::handOver(const UpgradeRoute &route, const UpgradeRequest &request,
                               qsizetype headBytes)
{
    // QtHttpServer may have read part of this head inside its transaction: give it back, so that
    // the socket's unread bytes start with the head (nothing else is queued before it).
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    if (m_socket->peek(headBytes) != m_pending.left(headBytes)) {
        reject(400, QStringLiteral("bad_request"),
               QStringLiteral("send a WebSocket upgrade as the first request of a connection"));
        return;
    }
    m_state = State::HandedOver;
    m_idle.stop();
    m_pending.clear();
    // Slots disconnected during an emission are not called: QtHttpServer never sees the head.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    disconnect(m_socket, nullptr, this, nullptr);
    disconnect(m_socket, nullptr, &m_idle, nullptr);
    m_socket->read(headBytes);
    UpgradeRequest withPeer = request;
    withPeer.peerAddress = m_socket->peerAddress().toString().toLatin1();
    QTcpSocket *socket = m_socket;
    deleteLater();
    route.handler(socket, withPeer);
}

QByteArray UpgradeRequest::header(QByteArrayView name, bool *repeated) const
{
    QByteArray found;
    int count = 0;
    for (const auto &[key, value] : headers) {
        if (key == name) {
            if (count++ == 0)
                found = value.isNull() ? QByteArray("") : value;
        }
    }
    if (repeated)
        *repeated = count > 1;
    return found;
}

void ConnectionGuard::onIdleTimeout()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket->abort();
        m_socket->deleteLater();
        return;
    }
    if (m_state == State::Rejected) {
        m_socket->abort();
        m_socket->deleteLater(); // also when QtHttpServer has let go of the socket
        return;
    }
    if (m_state == State::Body || !m_pending.isEmpty()) {
        reject(408, QStringLiteral("request_timeout"),
               QStringLiteral("no data received for %1 ms").arg(m_limits.idleTimeoutMs));
        m_idle.start(); // abort if the close does not complete
        return;
    }
    qCDebug(lcServer) << "closing idle connection";
    m_socket->disconnectFromHost();
    m_socket->deleteLater();
}

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer) << "cannot adopt connection:" << socket->errorString();
        delete socket;
        return;
    }
    new ConnectionGuard(socket, m_limits);
    addPendingConnection(socket);
}

} // namespace hues::server
