// The push stream (GET /api/v1/push as a WebSocket) for tests: its URL and socket token, a
// client that records every frame, and raw handshakes.
#pragma once

#include "TestServer.h"

#include <QWebSocket>

namespace hues::test {

// ws://host:port/api/v1/push[?since=N][&token=T] of the server at base.
QUrl streamUrl(const QUrl &base, qint64 since = -1, const QString &token = {});

// A one-time socket token (POST /api/v1/push/token) for the user of accessToken.
QString socketToken(const TestServer &server, const QString &accessToken);

// A WebSocket client of the push stream that records every frame.
class StreamClient : public QObject
{
public:
    StreamClient();

    // Opens the socket and waits until the hello came (or the socket closed).
    bool open(const QUrl &url, int timeoutMs = 15000);
    // latest_seq of the first hello, -1 before it.
    qint64 hello() const;
    // The event frames (of one kind if given).
    QList<QJsonObject> events(const QString &kind = {}) const;
    QList<qint64> seqs(const QString &kind = {}) const;
    bool waitForEvents(int count, const QString &kind = {}, int timeoutMs = 15000);
    QStringList types() const; // the type of every frame, in order

    QWebSocket socket;
    QList<QJsonObject> frames;
    bool closed = false;
};

// The raw bytes of an opening handshake for the push path, plus extra header lines.
QByteArray handshake(const QByteArray &target, const QByteArray &extra = {},
                     const QByteArray &key = "dGhlIHNhbXBsZSBub25jZQ==",
                     const QByteArray &version = "13");

// The status code of a raw HTTP answer ("HTTP/1.1 403 ..." -> 403), 0 if none.
int statusOf(const QByteArray &answer);

} // namespace hues::test
