#include "LoopbackReceiver.h"

#include "logging.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace auth {

namespace {

constexpr char kBuffer[] = "hues_request"; // dynamic property: bytes read so far

QByteArray page(bool success)
{
    // Static text only: nothing from the request is echoed back (no injection).
    const QByteArray title = success ? QByteArrayLiteral("Đã đăng nhập · Signed in")
                                     : QByteArrayLiteral("Chưa đăng nhập · Not signed in");
    const QByteArray vi = success ? QByteArrayLiteral("Bạn có thể quay lại ứng dụng Hue-S.")
                                  : QByteArrayLiteral("Đăng nhập chưa hoàn tất. Hãy quay lại ứng "
                                                      "dụng Hue-S và thử lại.");
    const QByteArray en = success ? QByteArrayLiteral("You can return to the Hue-S app.")
                                  : QByteArrayLiteral("Sign-in did not complete. Return to the "
                                                      "Hue-S app and try again.");
    return QByteArrayLiteral("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                             "<meta name=\"viewport\" content=\"width=device-width\">"
                             "<title>") +
           title +
           QByteArrayLiteral("</title></head><body style=\"font-family:sans-serif;"
                             "margin:3em;text-align:center\"><h1>Hue-S</h1><p>") +
           vi + QByteArrayLiteral("</p><p lang=\"en\">") + en +
           QByteArrayLiteral("</p></body></html>\n");
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : RedirectReceiver(parent), m_server(new QTcpServer(this)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        qCInfo(lcAuth) << "no sign-in callback in time";
        close();
        Q_EMIT timedOut();
    });
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(QString *error)
{
    m_done = false;
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    m_timer->start(timeout());
    return true;
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

void LoopbackReceiver::close()
{
    m_timer->stop();
    m_server->close();
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/callback"));
    return url;
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        // Qt stops reading from the kernel beyond this: a flood costs no memory.
        socket->setReadBufferSize(kMaxRequestBytes + 1);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this] { --m_openConnections; });
        ++m_openConnections;
        if (m_done || m_openConnections > kMaxConnections) {
            socket->abort();
            continue;
        }
        // A client that sends nothing (or too slowly) is dropped.
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
        idle->start(m_connectionTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void LoopbackReceiver::respond(QTcpSocket *socket, int status, const QByteArray &reason,
                               const QByteArray &html)
{
    const QByteArray body = html.isEmpty() ? reason + '\n' : html;
    const QByteArray type =
        html.isEmpty() ? QByteArrayLiteral("text/plain") : QByteArrayLiteral("text/html");
    // Nothing more is read from this connection.
    QObject::disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    // The answer must reach the browser even if the receiver is closed or deleted right
    // after: the socket lives on by itself until it is flushed (or its idle timer fires).
    socket->setParent(nullptr);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Type: " + type +
                  "; charset=utf-8\r\nCache-Control: no-store\r\n"
                  "Referrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n"
                  "Content-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    if (m_done) {
        socket->abort();
        return;
    }
    QByteArray buffer = socket->property(kBuffer).toByteArray();
    buffer += socket->read(kMaxRequestBytes + 1 - buffer.size());
    socket->setProperty(kBuffer, buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequestBytes)
            respond(socket, 431, "Request Header Fields Too Large");
        return;
    }

    // Request line: METHOD SP request-target SP HTTP-version (RFC 9112 §3).
    const QByteArray line = buffer.left(buffer.indexOf("\r\n"));
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith('/')) {
        respond(socket, 400, "Bad Request");
        return;
    }
    const QUrl target(QString::fromLatin1(parts[1]), QUrl::StrictMode);
    if (!target.isValid() || !target.host().isEmpty() ||
        target.path() != QLatin1String("/callback")) {
        respond(socket, 404, "Not Found");
        return;
    }
    if (parts[0] != "GET") {
        respond(socket, 405, "Method Not Allowed");
        return;
    }

    // One value per parameter, and state plus either code or error (RFC 6749 §4.1.2).
    const QUrlQuery query(target);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QStringList keys;
    for (const auto &item : items)
        keys << item.first;
    keys.removeDuplicates();
    const bool hasCode = query.hasQueryItem(QStringLiteral("code"));
    const bool hasError = query.hasQueryItem(QStringLiteral("error"));
    if (keys.size() != items.size() || !query.hasQueryItem(QStringLiteral("state")) ||
        hasCode == hasError) {
        respond(socket, 400, "Bad Request", page(false));
        return;
    }

    m_done = true;
    respond(socket, 200, "OK", page(hasCode));
    close();
    qCInfo(lcAuth) << "sign-in callback received" << (hasCode ? "with a code" : "with an error");
    Q_EMIT callbackReceived(query);
}

} // namespace auth
