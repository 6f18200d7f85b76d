#include "PushStream.h"

#include "Tokens.h"

#include <QTest>
#include <QUrlQuery>

namespace hues::test {

QUrl streamUrl(const QUrl &base, qint64 since, const QString &token)
{
    QUrl url = base;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/push"));
    QUrlQuery query;
    if (since >= 0)
        query.addQueryItem(QStringLiteral("since"), QString::number(since));
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("token"), token);
    url.setQuery(query);
    return url;
}

QString socketToken(const TestServer &server, const QString &accessToken)
{
    const HttpResult reply = httpRequest("POST", server.url(QStringLiteral("/api/v1/push/token")),
                                         {}, bearer(accessToken));
    return reply.object().value(QStringLiteral("token")).toString();
}

StreamClient::StreamClient()
{
    connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(&socket, &QWebSocket::disconnected, this, [this] { closed = true; });
}

bool StreamClient::open(const QUrl &url, int timeoutMs)
{
    closed = false;
    socket.open(url);
    return QTest::qWaitFor([this] { return hello() >= 0 || closed; }, timeoutMs) && hello() >= 0;
}

qint64 StreamClient::hello() const
{
    for (const QJsonObject &frame : frames) {
        if (frame.value(QLatin1String("type")).toString() == u"hello")
            return qint64(frame.value(QLatin1String("latest_seq")).toDouble());
    }
    return -1;
}

QList<QJsonObject> StreamClient::events(const QString &kind) const
{
    QList<QJsonObject> list;
    for (const QJsonObject &frame : frames) {
        if (frame.value(QLatin1String("type")).toString() == u"event" &&
            (kind.isEmpty() || frame.value(QLatin1String("kind")).toString() == kind))
            list.append(frame);
    }
    return list;
}

QList<qint64> StreamClient::seqs(const QString &kind) const
{
    QList<qint64> list;
    for (const QJsonObject &event : events(kind))
        list.append(qint64(event.value(QLatin1String("seq")).toDouble()));
    return list;
}

bool StreamClient::waitForEvents(int count, const QString &kind, int timeoutMs)
{
    return QTest::qWaitFor([&] { return events(kind).size() >= count || closed; }, timeoutMs) &&
           events(kind).size() >= count;
}

QStringList StreamClient::types() const
{
    QStringList list;
    for (const QJsonObject &frame : frames)
        list << frame.value(QLatin1String("type")).toString();
    return list;
}

QByteArray handshake(const QByteArray &target, const QByteArray &extra, const QByteArray &key,
                     const QByteArray &version)
{
    return "GET " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: " +
           key + "\r\nSec-WebSocket-Version: " + version + "\r\n" + extra + "\r\n";
}

int statusOf(const QByteArray &answer)
{
    if (!answer.startsWith("HTTP/1.1 "))
        return 0;
    return answer.mid(9, 3).toInt();
}

} // namespace hues::test
