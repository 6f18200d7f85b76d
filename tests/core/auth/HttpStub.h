#pragma once

// A tiny scripted HTTP/1.1 server on 127.0.0.1 for the auth tests: each request (method, path,
// query, headers, body) goes to a handler that returns the raw response. Protocol-level
// scripting of an OpenID Provider's endpoints, to show failures a real provider never shows.
#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace authtest {

struct StubRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    qint64 receivedMs = 0; // QDateTime::currentMSecsSinceEpoch() on arrival
    QUrlQuery form() const { return QUrlQuery(QString::fromUtf8(body)); }
};

inline QByteArray httpResponse(int status, const QByteArray &body,
                               const QByteArray &contentType = "application/json",
                               const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
           "\r\n" + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

inline QByteArray jsonResponse(int status, const QJsonObject &object)
{
    return httpResponse(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class HttpStub : public QObject
{
public:
    using Handler = std::function<QByteArray(const StubRequest &)>;

    HttpStub()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &HttpStub::onConnection);
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    // Routes by path; an unknown path gets 404.
    void route(const QString &path, Handler handler) { m_routes.insert(path, std::move(handler)); }
    QUrl url(const QString &path = {}) const
    {
        QUrl u(QStringLiteral("http://127.0.0.1"));
        u.setPort(m_server.serverPort());
        u.setPath(path);
        return u;
    }
    QString base() const { return url().toString(); }
    const QList<StubRequest> &requests() const { return m_requests; }
    int count(const QString &path) const
    {
        int n = 0;
        for (const auto &r : m_requests)
            n += r.path == path;
        return n;
    }
    StubRequest last(const QString &path) const
    {
        for (qsizetype i = m_requests.size() - 1; i >= 0; --i) {
            if (m_requests[i].path == path)
                return m_requests[i];
        }
        return {};
    }

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
        }
    }
    void onRead(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buf").toByteArray() + socket->readAll();
        socket->setProperty("buf", buffer);
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        StubRequest request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        const QUrl target(QString::fromLatin1(first.value(1)));
        request.path = target.path();
        request.query = QUrlQuery(target);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const int length = request.headers.value("content-length").toInt();
        if (buffer.size() - end - 4 < length)
            return;
        request.body = buffer.mid(end + 4, length);
        request.receivedMs = QDateTime::currentMSecsSinceEpoch();
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        m_requests.append(request);
        const auto it = m_routes.constFind(request.path);
        const QByteArray response =
            it == m_routes.constEnd()
                ? jsonResponse(404,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}})
                : (*it)(request);
        if (response.isEmpty())
            return; // never answer
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QMap<QString, Handler> m_routes;
    QList<StubRequest> m_requests;
};

} // namespace authtest
