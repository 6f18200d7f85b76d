// hues-server's push stream (GET /api/v1/push as a WebSocket), black box: the real executable,
// QWebSocket and raw TCP clients, over SQLite and, when HUES_TEST_PG_URL is set, PostgreSQL
// (with two processes fanning out through LISTEN/NOTIFY).
#include "Backends.h"
#include "CapMessage.h"
#include "PushStream.h"
#include "TestServer.h"
#include "Tokens.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace hues::test;

namespace {

// A raw TCP client that has completed the handshake: reads server frames (unmasked) and can
// send masked client frames.
class RawClient
{
public:
    bool open(const QUrl &base, const QByteArray &target, const QByteArray &extra = {},
              int timeoutMs = 10000)
    {
        socket.connectToHost(base.host(), quint16(base.port()));
        if (!socket.waitForConnected(timeoutMs))
            return false;
        socket.write(handshake(target, extra));
        while (!buffer.contains("\r\n\r\n")) {
            if (!socket.waitForReadyRead(timeoutMs))
                return false;
            buffer += socket.readAll();
        }
        const qsizetype end = buffer.indexOf("\r\n\r\n") + 4;
        head = buffer.left(end);
        buffer.remove(0, end);
        return statusOf(head) == 101;
    }
    // The next server frame: opcode and payload; false on timeout or close.
    bool next(int *opcode, QByteArray *payload, int timeoutMs = 10000)
    {
        for (;;) {
            if (buffer.size() >= 2) {
                const auto *b = reinterpret_cast<const quint8 *>(buffer.constData());
                qint64 length = b[1] & 0x7f;
                int header = 2;
                if (length == 126 && buffer.size() >= 4) {
                    length = (b[2] << 8) | b[3];
                    header = 4;
                } else if (length == 127 && buffer.size() >= 10) {
                    length = 0;
                    for (int i = 2; i < 10; ++i)
                        length = (length << 8) | b[i];
                    header = 10;
                } else if (length >= 126) {
                    header = -1;
                }
                if (header > 0 && buffer.size() >= header + length) {
                    *opcode = b[0] & 0x0f;
                    *payload = buffer.mid(header, length);
                    buffer.remove(0, header + length);
                    return true;
                }
            }
            if (socket.state() != QAbstractSocket::ConnectedState ||
                !socket.waitForReadyRead(timeoutMs))
                return false;
            buffer += socket.readAll();
        }
    }
    void sendFrame(quint8 firstByte, const QByteArray &payload, bool masked = true)
    {
        QByteArray frame;
        frame.append(char(firstByte));
        frame.append(char((masked ? 0x80 : 0) | payload.size())); // < 126 bytes
        const QByteArray mask = QByteArray::fromHex("37fa213d");
        QByteArray body = payload;
        if (masked) {
            frame += mask;
            for (int i = 0; i < body.size(); ++i)
                body[i] = char(body.at(i) ^ mask.at(i % 4));
        }
        socket.write(frame + body);
        socket.flush();
    }
    // Waits for the server to close the connection; the close code of its close frame (0 none).
    int waitClosed(int timeoutMs = 10000)
    {
        int code = 0;
        int opcode = 0;
        QByteArray payload;
        while (next(&opcode, &payload, timeoutMs)) {
            if (opcode == 0x8 && payload.size() >= 2)
                code = (quint8(payload.at(0)) << 8) | quint8(payload.at(1));
        }
        if (socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForDisconnected(timeoutMs);
        return code;
    }

    QTcpSocket socket;
    QByteArray buffer;
    QByteArray head;
};

} // namespace

class TestServerPush : public QObject
{
    Q_OBJECT

private:
    static QString publish(const TestServer &server, const QString &token, const QString &id)
    {
        Cap cap;
        cap.identifier = id;
        const HttpResult reply = postCap(server, cap.xml(), token);
        if (reply.status != 201)
            qWarning() << reply.status << reply.body;
        return reply.object().value(QStringLiteral("alert_id")).toString();
    }

    // A report of the demo citizen (from GET /api/v1/me/reports).
    static QString citizensReport(const TestServer &server, const QString &citizen)
    {
        const HttpResult mine = httpRequest("GET", server.url(QStringLiteral("/api/v1/me/reports")),
                                            {}, bearer(citizen));
        return mine.array().at(0).toObject().value(QStringLiteral("service_request_id")).toString();
    }

    static HttpResult changeStatus(const TestServer &server, const QString &id,
                                   const QString &token, const QString &status)
    {
        return httpRequest("POST", server.url(QStringLiteral("/api/v1/reports/%1/status").arg(id)),
                           QJsonDocument(QJsonObject{{QStringLiteral("detailed_status"), status},
                                                     {QStringLiteral("note"),
                                                      QStringLiteral("Đội đã đến hiện trường")}})
                               .toJson(QJsonDocument::Compact),
                           bearer(token) + HeaderList{qMakePair(QByteArray("Content-Type"),
                                                                QByteArray("application/json"))});
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // since absent: a hello with where live starts, then each event once, as published.
    void helloThenLiveEvents_data() { backends(); }
    void helloThenLiveEvents()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString partner = partnerToken(server);
        QVERIFY(!partner.isEmpty());

        StreamClient client;
        QVERIFY(client.open(streamUrl(server.baseUrl())));
        QCOMPARE(client.hello(), 0);
        QCOMPARE(client.types(), QStringList{QStringLiteral("hello")});

        Cap cap;
        cap.identifier = QStringLiteral("live-1");
        const HttpResult posted = postCap(server, cap.xml(), partner);
        QCOMPARE(posted.status, 201);
        QVERIFY(client.waitForEvents(1));
        const QJsonObject event = client.events().first();
        QCOMPARE(event.value(QStringLiteral("seq")).toInt(), 1);
        QCOMPARE(posted.object().value(QStringLiteral("seq")).toInt(), 1);
        QCOMPARE(event.value(QStringLiteral("kind")).toString(), QStringLiteral("alert"));
        const QJsonObject data = event.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("alert_id")).toString(),
                 posted.object().value(QStringLiteral("alert_id")).toString());
        QCOMPARE(data.value(QStringLiteral("cap")).toString().toUtf8(), cap.xml());
        const QString at = event.value(QStringLiteral("at")).toString();
        QVERIFY2(at.endsWith(QLatin1String("+07:00")), qPrintable(at));
        QVERIFY(
            qAbs(QDateTime::fromString(at, Qt::ISODate).secsTo(QDateTime::currentDateTimeUtc())) <
            120);

        // A second client connecting now starts after seq 1.
        StreamClient late;
        QVERIFY(late.open(streamUrl(server.baseUrl(), 0)));
        QCOMPARE(late.hello(), 1);
        QVERIFY(late.events().isEmpty());
        // A refused alert publishes nothing: the next event is seq 2 on both.
        QCOMPARE(postCap(server, "<alert/>", partner).status, 400);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM push_events")), 1);
        cap.identifier = QStringLiteral("live-2");
        QCOMPARE(postCap(server, cap.xml(), partner).status, 201);
        QVERIFY(client.waitForEvents(2));
        QVERIFY(late.waitForEvents(1));
        QCOMPARE(client.seqs(), (QList<qint64>{1, 2}));
        QCOMPARE(late.seqs(), QList<qint64>{2});
    }

    // The test: a client disconnected while 50 alerts are published, with a server
    // restart in between, ends with exactly those 50, in order, without duplicates.
    void resumeAcrossRestart_data() { backends(); }
    void resumeAcrossRestart()
    {
        HUES_FETCH_BACKEND(dbUrl);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TestServer::Options o = seeded(dbUrl);
        o.dataDir = dir.path();
        auto server = std::make_unique<TestServer>(o);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        const QString partner = partnerToken(*server);
        QVERIFY(!publish(*server, partner, QStringLiteral("before")).isEmpty());

        StreamClient first;
        QVERIFY(first.open(streamUrl(server->baseUrl())));
        const qint64 seen = first.hello();
        QCOMPARE(seen, 1);
        first.socket.close();
        QTRY_VERIFY(first.closed);

        QStringList published;
        for (int i = 0; i < 25; ++i)
            published << publish(*server, partner, QStringLiteral("resume-a-%1").arg(i));
        QCOMPARE(server->stop(), 0);
        server = std::make_unique<TestServer>(o);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        const QString partner2 = partnerToken(*server);
        for (int i = 0; i < 25; ++i)
            published << publish(*server, partner2, QStringLiteral("resume-b-%1").arg(i));
        QVERIFY(!published.contains(QString()));

        StreamClient back;
        QVERIFY(back.open(streamUrl(server->baseUrl(), seen)));
        QStringList received;
        QList<qint64> seqs = back.seqs();
        for (const QJsonObject &event : back.events())
            received << event.value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("alert_id"))
                            .toString();
        QCOMPARE(received, published);
        QList<qint64> expected;
        for (qint64 s = 2; s <= 51; ++s)
            expected << s;
        QCOMPARE(seqs, expected);
        // The replay comes before the hello, which says where live starts.
        QCOMPARE(back.types().last(), QStringLiteral("hello"));
        QCOMPARE(back.hello(), 51);
        // Live from there, nothing twice.
        QVERIFY(!publish(*server, partner2, QStringLiteral("after")).isEmpty());
        QVERIFY(back.waitForEvents(51));
        QCOMPARE(back.seqs().last(), 52);
        QCOMPARE(back.seqs().size(), 51);
    }

    // since older than what is kept (pruned after 7 days), or from another database: reset.
    void resetWhenTooOld()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TestServer::Options o = seeded(QString());
        o.dataDir = dir.path();
        auto server = std::make_unique<TestServer>(o);
        QVERIFY(server->start());
        const QString partner = partnerToken(*server);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!publish(*server, partner, QStringLiteral("old-%1").arg(i)).isEmpty());
        // Events 1 and 2 are 8 days old: pruned at the next start.
        const qint64 old = QDateTime::currentMSecsSinceEpoch() - 8LL * 24 * 3600 * 1000;
        QVERIFY(server->execSql(QStringLiteral("UPDATE push_events SET created_at = %1 WHERE seq "
                                               "<= 2")
                                    .arg(old)));
        QCOMPARE(server->stop(), 0);
        server = std::make_unique<TestServer>(o);
        QVERIFY(server->start());
        QCOMPARE(server->queryNumber(QStringLiteral("SELECT COUNT(*) FROM push_events")), 1);
        QCOMPARE(server->queryNumber(QStringLiteral("SELECT pruned_through FROM push_sequence")),
                 2);

        StreamClient behind;
        QVERIFY(behind.open(streamUrl(server->baseUrl(), 1)));
        QCOMPARE(behind.types(), (QStringList{QStringLiteral("reset"), QStringLiteral("hello")}));
        QCOMPARE(behind.hello(), 3);
        StreamClient justInTime; // saw 2: nothing it needs was pruned
        QVERIFY(justInTime.open(streamUrl(server->baseUrl(), 2)));
        QCOMPARE(justInTime.types(),
                 (QStringList{QStringLiteral("event"), QStringLiteral("hello")}));
        QCOMPARE(justInTime.seqs(), QList<qint64>{3});
        StreamClient future; // a seq this database never handed out
        QVERIFY(future.open(streamUrl(server->baseUrl(), 999)));
        QCOMPARE(future.types(), (QStringList{QStringLiteral("reset"), QStringLiteral("hello")}));
        QCOMPARE(future.hello(), 3);
        // After a reset the stream goes on live.
        const QString partner2 = partnerToken(*server);
        QVERIFY(!publish(*server, partner2, QStringLiteral("new")).isEmpty());
        QVERIFY(behind.waitForEvents(1));
        QVERIFY(future.waitForEvents(1));
        QCOMPARE(behind.seqs(), QList<qint64>{4});
        QCOMPARE(future.seqs(), QList<qint64>{4});
    }

    // Browser handshakes only from the server's own origin or --allowed-origin ones.
    void originCheck()
    {
        TestServer server(seeded(QString(), {QStringLiteral("--allowed-origin"),
                                             QStringLiteral("https://app.hue.gov.vn")}));
        QVERIFY(server.start());
        bool closed = false;
        const QByteArray evil = rawExchange(
            server.baseUrl(), handshake("/api/v1/push", "Origin: https://evil.example\r\n"), 10000,
            &closed);
        QCOMPARE(statusOf(evil), 403);
        QVERIFY(closed);
        QVERIFY(evil.contains("forbidden_origin"));
        QCOMPARE(
            statusOf(rawExchange(server.baseUrl(), handshake("/api/v1/push", "Origin: null\r\n"))),
            403);
        // A page of the same host on another port is another origin.
        QCOMPARE(statusOf(rawExchange(server.baseUrl(),
                                      handshake("/api/v1/push", "Origin: http://127.0.0.1:1\r\n"))),
                 403);
        // Origin sent twice: refused.
        const QByteArray own = server.baseUrl().toString(QUrl::StripTrailingSlash).toLatin1();
        QCOMPARE(statusOf(rawExchange(
                     server.baseUrl(),
                     handshake("/api/v1/push", "Origin: " + own + "\r\nOrigin: " + own + "\r\n"))),
                 403);

        for (const QByteArray &origin : {own, QByteArray("https://app.hue.gov.vn"),
                                         QByteArray("HTTPS://APP.hue.gov.vn:443")}) {
            RawClient client;
            QVERIFY2(client.open(server.baseUrl(), "/api/v1/push", "Origin: " + origin + "\r\n"),
                     origin.constData());
        }
        // QWebSocket (a native client) sends no Origin.
        StreamClient native;
        QVERIFY(native.open(streamUrl(server.baseUrl())));
    }

    // Socket tokens: for a person, single use, 60 s, bound to the subject.
    void socketTokens_data() { backends(); }
    void socketTokens()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY(server.start());
        const QUrl url = server.url(QStringLiteral("/api/v1/push/token"));
        QCOMPARE(httpRequest("POST", url).status, 401);
        QCOMPARE(httpRequest("POST", url, {}, bearer(QStringLiteral("garbage"))).status, 401);
        QCOMPARE(httpRequest("POST", url, {}, bearer(partnerToken(server))).status, 403);
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        QVERIFY(!citizen.isEmpty());
        const HttpResult issued = httpRequest("POST", url, {}, bearer(citizen));
        QCOMPARE(issued.status, 200);
        QCOMPARE(issued.object().value(QStringLiteral("expires_in")).toInt(), 60);
        QCOMPARE(issued.header("Cache-Control"), QByteArray("no-store"));
        const QString token = issued.object().value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 40);
        // Only a hash is stored.
        QCOMPARE(
            server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM push_tokens WHERE token_hash "
                                              "= '%1'")
                                   .arg(token)),
            0);

        StreamClient first;
        QVERIFY(first.open(streamUrl(server.baseUrl(), 0, token)));
        // Used: a second handshake with it is 401 before upgrading.
        bool closed = false;
        const QByteArray again = rawExchange(
            server.baseUrl(), handshake("/api/v1/push?since=0&token=" + token.toLatin1()), 10000,
            &closed);
        QCOMPARE(statusOf(again), 401);
        QVERIFY(closed);
        QVERIFY(again.contains("WWW-Authenticate: Bearer"));
        QCOMPARE(
            statusOf(rawExchange(server.baseUrl(), handshake("/api/v1/push?token=not-a-token"))),
            401);
        QCOMPARE(statusOf(rawExchange(server.baseUrl(), handshake("/api/v1/push?token="))), 401);
        // Expired (60 s): 401.
        const QString stale = socketToken(server, citizen);
        QVERIFY(server.execSql(QStringLiteral("UPDATE push_tokens SET expires_at = %1")
                                   .arg(QDateTime::currentMSecsSinceEpoch() - 1)));
        QCOMPARE(statusOf(rawExchange(server.baseUrl(),
                                      handshake("/api/v1/push?token=" + stale.toLatin1()))),
                 401);
        // The server's log never shows a token.
        QVERIFY(!server.stderrText().contains(token));
        QVERIFY(!server.stderrText().contains(stale));
    }

    // Personal events (report_status) go to their subject only, live and in replays; anonymous
    // reports produce none.
    void personalEventsIsolated_data() { backends(); }
    void personalEventsIsolated()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY(server.start());
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const QString partner = partnerToken(server);
        QVERIFY(!citizen.isEmpty() && !ioc.isEmpty() && !partner.isEmpty());

        StreamClient mine;
        QVERIFY(mine.open(streamUrl(server.baseUrl(), 0, socketToken(server, citizen))));
        StreamClient staff;
        QVERIFY(staff.open(streamUrl(server.baseUrl(), 0, socketToken(server, ioc))));
        StreamClient anonymous;
        QVERIFY(anonymous.open(streamUrl(server.baseUrl())));

        const QString report = citizensReport(server, citizen);
        QVERIFY(!report.isEmpty());
        QCOMPARE(changeStatus(server, report, ioc, QStringLiteral("in_progress")).status, 200);
        QVERIFY(!publish(server, partner, QStringLiteral("public-after")).isEmpty());

        QVERIFY(mine.waitForEvents(2));
        QCOMPARE(mine.events().first().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("report_status"));
        const QJsonObject data = mine.events().first().value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("service_request_id")).toString(), report);
        QCOMPARE(data.value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("in_progress"));
        QCOMPARE(data.value(QStringLiteral("note")).toString(),
                 QStringLiteral("Đội đã đến hiện trường"));
        QVERIFY(data.contains(QStringLiteral("agency")));
        QCOMPARE(mine.seqs(), (QList<qint64>{1, 2}));
        // The others see the public alert (seq 2) and never seq 1: the stream is in order.
        QVERIFY(staff.waitForEvents(1));
        QVERIFY(anonymous.waitForEvents(1));
        QCOMPARE(staff.seqs(), QList<qint64>{2});
        QCOMPARE(anonymous.seqs(), QList<qint64>{2});

        // since=0 means "none seen": only live events, after a hello saying where live starts.
        StreamClient citizenFrom0;
        QVERIFY(citizenFrom0.open(streamUrl(server.baseUrl(), 0, socketToken(server, citizen))));
        QCOMPARE(citizenFrom0.hello(), 2);
        QVERIFY(citizenFrom0.events().isEmpty());

        // Anonymous reports: no event at all.
        const HttpResult anonymousReport = httpRequest(
            "POST", server.url(QStringLiteral("/open311/v2/requests.json")),
            formEncode({{QStringLiteral("service_code"), QStringLiteral("street_light")},
                        {QStringLiteral("lat"), QStringLiteral("16.4667")},
                        {QStringLiteral("long"), QStringLiteral("107.5906")},
                        {QStringLiteral("description"), QStringLiteral("Đèn hỏng")}}),
            {qMakePair(QByteArray("Content-Type"),
                       QByteArray("application/x-www-form-urlencoded"))});
        QCOMPARE(anonymousReport.status, 201);
        const QString anonymousId = anonymousReport.array()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("service_request_id"))
                                        .toString();
        QCOMPARE(changeStatus(server, anonymousId, ioc, QStringLiteral("closed")).status, 200);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM push_events WHERE kind = "
                                                   "'report_status'")),
                 1);
    }

    // A reconnecting citizen gets the personal events it missed; others never do.
    void personalReplay()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const QString partner = partnerToken(server);
        QVERIFY(!publish(server, partner, QStringLiteral("first")).isEmpty()); // seq 1
        const QString report = citizensReport(server, citizen);
        QCOMPARE(changeStatus(server, report, ioc, QStringLiteral("in_progress")).status, 200);
        QCOMPARE(changeStatus(server, report, ioc, QStringLiteral("closed")).status, 200);
        QVERIFY(!publish(server, partner, QStringLiteral("last")).isEmpty()); // seq 4

        StreamClient citizenBack;
        QVERIFY(citizenBack.open(streamUrl(server.baseUrl(), 1, socketToken(server, citizen))));
        QCOMPARE(citizenBack.seqs(), (QList<qint64>{2, 3, 4}));
        QCOMPARE(citizenBack.events(QStringLiteral("report_status"))
                     .last()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("detailed_status"))
                     .toString(),
                 QStringLiteral("closed"));
        StreamClient staffBack;
        QVERIFY(staffBack.open(streamUrl(server.baseUrl(), 1, socketToken(server, ioc))));
        QCOMPARE(staffBack.seqs(), QList<qint64>{4});
        StreamClient anonymousBack;
        QVERIFY(anonymousBack.open(streamUrl(server.baseUrl(), 1)));
        QCOMPARE(anonymousBack.seqs(), QList<qint64>{4});
        QCOMPARE(anonymousBack.hello(), 4);
    }

    // Refused handshakes are answered before upgrading; broken clients never hurt the server.
    void handshakeErrorsAndHangups()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        const QUrl base = server.baseUrl();
        const QByteArray wrongVersion =
            rawExchange(base, handshake("/api/v1/push", {}, "dGhlIHNhbXBsZSBub25jZQ==", "8"));
        QCOMPARE(statusOf(wrongVersion), 426);
        QVERIFY(wrongVersion.contains("Sec-WebSocket-Version: 13\r\n"));
        QCOMPARE(statusOf(rawExchange(base, handshake("/api/v1/push", {}, "short"))), 400);
        QCOMPARE(statusOf(rawExchange(base, handshake("/api/v1/push?since=-1"))), 400);
        QCOMPARE(statusOf(rawExchange(base, handshake("/api/v1/push?since=abc"))), 400);
        QCOMPARE(statusOf(rawExchange(base, handshake("/api/v1/push?since="))), 400);
        QCOMPARE(statusOf(rawExchange(base, handshake("/api/v1/push?since=1&since=2"))), 400);
        QCOMPARE(statusOf(rawExchange(base, handshake("/api/v1/push?since=99999999999999999999"))),
                 400);
        QCOMPARE(statusOf(rawExchange(base, "GET /api/v1/push HTTP/1.1\r\nHost: x\r\nUpgrade: "
                                            "websocket\r\nSec-WebSocket-Key: "
                                            "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
                                            "13\r\n\r\n")),
                 400); // no Connection: Upgrade
        // A plain GET: 426 with the protocol to upgrade to.
        const HttpResult plain = httpGet(server.url(QStringLiteral("/api/v1/push")));
        QCOMPARE(plain.status, 426);
        QCOMPARE(plain.header("Upgrade"), QByteArray("websocket"));
        // An upgrade pipelined behind another request: refused, the first still answered.
        const QByteArray pipelined = rawExchange(base, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" +
                                                           handshake("/api/v1/push"));
        QCOMPARE(statusOf(pipelined), 200);
        QVERIFY(pipelined.contains("HTTP/1.1 400"));

        // Clients hanging up mid-handshake, right after it, or after half a frame.
        for (int i = 0; i < 20; ++i) {
            QTcpSocket socket;
            socket.connectToHost(base.host(), quint16(base.port()));
            QVERIFY(socket.waitForConnected(10000));
            const QByteArray bytes = handshake("/api/v1/push?since=0");
            switch (i % 4) {
            case 0:
                socket.write(bytes.left(bytes.size() / 2));
                break;
            case 1:
                socket.write(bytes);
                break;
            case 2:
                socket.write(bytes + QByteArray::fromHex("8185")); // half a frame
                break;
            case 3:
                socket.write(bytes.left(10));
                break;
            }
            socket.flush();
            socket.abort();
        }
        // A client that sends a handshake in two pieces is served.
        {
            QTcpSocket socket;
            socket.connectToHost(base.host(), quint16(base.port()));
            QVERIFY(socket.waitForConnected(10000));
            const QByteArray bytes = handshake("/api/v1/push?since=0");
            socket.write(bytes.left(30));
            QVERIFY(socket.waitForBytesWritten(10000));
            socket.write(bytes.mid(30));
            QByteArray answer;
            QVERIFY(QTest::qWaitFor([&] {
                answer += socket.readAll();
                return answer.contains("latest_seq");
            }));
            QCOMPARE(statusOf(answer), 101);
        }
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
        StreamClient client;
        QVERIFY(client.open(streamUrl(base, 0)));
        QVERIFY(server.isRunning());
    }

    // RFC 6455 rules on client frames: pings answered, unmasked frames and bad opcodes close
    // the connection with 1002, a close is echoed.
    void clientFrames()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        int opcode = 0;
        QByteArray payload;
        {
            RawClient client;
            QVERIFY(client.open(server.baseUrl(), "/api/v1/push?since=0"));
            QVERIFY(client.next(&opcode, &payload));
            QCOMPARE(opcode, 0x1);        // hello
            client.sendFrame(0x89, "hi"); // ping
            QVERIFY(client.next(&opcode, &payload));
            QCOMPARE(opcode, 0xA);
            QCOMPARE(payload, QByteArray("hi"));
            client.sendFrame(0x81, "ignored text"); // the stream defines no client messages
            client.sendFrame(0x88, QByteArray::fromHex("03e8"));
            QVERIFY(client.next(&opcode, &payload));
            QCOMPARE(opcode, 0x8);
            QCOMPARE(client.waitClosed(), 0);
        }
        {
            RawClient client;
            QVERIFY(client.open(server.baseUrl(), "/api/v1/push?since=0"));
            client.sendFrame(0x89, "x", false); // unmasked
            QCOMPARE(client.waitClosed(), 1002);
        }
        {
            RawClient client;
            QVERIFY(client.open(server.baseUrl(), "/api/v1/push?since=0"));
            client.sendFrame(0x83, "x"); // reserved opcode
            QCOMPARE(client.waitClosed(), 1002);
        }
        {
            RawClient client;
            QVERIFY(client.open(server.baseUrl(), "/api/v1/push?since=0"));
            client.sendFrame(0x09, "x"); // fragmented ping
            QCOMPARE(client.waitClosed(), 1002);
        }
        QVERIFY(server.isRunning());
    }

    // The server pings every --push-ping-ms; a client that never answers is dropped after
    // 2.5 intervals, one that answers stays.
    void pingsAndSilentClients()
    {
        TestServer server(
            seeded(QString(), {QStringLiteral("--push-ping-ms"), QStringLiteral("200")}));
        QVERIFY(server.start());
        RawClient silent;
        QVERIFY(silent.open(server.baseUrl(), "/api/v1/push?since=0"));
        int opcode = 0;
        QByteArray payload;
        QVERIFY(silent.next(&opcode, &payload)); // hello
        QVERIFY(silent.next(&opcode, &payload));
        QCOMPARE(opcode, 0x9);
        StreamClient answering; // QWebSocket answers pings
        QVERIFY(answering.open(streamUrl(server.baseUrl(), 0)));
        silent.waitClosed(5000);
        QCOMPARE(silent.socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(!answering.closed);
        QCOMPARE(answering.socket.state(), QAbstractSocket::ConnectedState);
    }

    // Several processes on one PostgreSQL: an alert POSTed to A reaches a client of B (and
    // the reverse) through LISTEN/NOTIFY; tokens work across processes.
    void twoProcessesFanOut()
    {
        if (postgresUrlFromEnv().isEmpty())
            QSKIP(kNoPostgres);
        ScratchDatabase database(postgresUrlFromEnv());
        QVERIFY2(database.isValid(), qPrintable(database.errorString()));
        TestServer a(seeded(database.url()));
        TestServer b(seeded(database.url()));
        a.launch();
        b.launch();
        QVERIFY2(a.waitUntilListening(), qPrintable(a.errorString()));
        QVERIFY2(b.waitUntilListening(), qPrintable(b.errorString()));

        const QString citizen =
            signIn(a, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        StreamClient onB;
        // A token issued by A opens B's stream.
        QVERIFY(onB.open(streamUrl(b.baseUrl(), 0, socketToken(a, citizen))));
        StreamClient onA;
        QVERIFY(onA.open(streamUrl(a.baseUrl(), 0)));

        const QString partnerA = partnerToken(a);
        const QString partnerB = partnerToken(b);
        QStringList sent;
        for (int i = 0; i < 10; ++i)
            sent << publish(i % 2 ? b : a, i % 2 ? partnerB : partnerA,
                            QStringLiteral("fanout-%1").arg(i));
        QVERIFY(onB.waitForEvents(10));
        QVERIFY(onA.waitForEvents(10));
        QList<qint64> expected;
        for (qint64 s = 1; s <= 10; ++s)
            expected << s;
        QCOMPARE(onB.seqs(), expected);
        QCOMPARE(onA.seqs(), expected);
        QStringList received;
        for (const QJsonObject &event : onB.events())
            received << event.value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("alert_id"))
                            .toString();
        QCOMPARE(received, sent);
        // A personal event made on A reaches the citizen's socket on B only.
        const QString ioc = signIn(a, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        QCOMPARE(
            changeStatus(a, citizensReport(a, citizen), ioc, QStringLiteral("in_progress")).status,
            200);
        QVERIFY(onB.waitForEvents(1, QStringLiteral("report_status")));
        QVERIFY(!publish(b, partnerB, QStringLiteral("fanout-last")).isEmpty());
        QVERIFY(onA.waitForEvents(11));
        QCOMPARE(onA.seqs().last(), 12);
        QVERIFY(onA.events(QStringLiteral("report_status")).isEmpty());
        // A client of A resuming on B gets what it missed from B.
        StreamClient resumed;
        QVERIFY(resumed.open(streamUrl(b.baseUrl(), 5)));
        QCOMPARE(resumed.seqs(), (QList<qint64>{6, 7, 8, 9, 10, 12}));
    }

    // Hundreds of clients each get every event once (all from 127.0.0.1: over the default
    // per-address limit, so it is raised).
    void manyClients()
    {
        TestServer server(
            seeded(QString(), {QStringLiteral("--push-max-per-address"), QStringLiteral("200")}));
        QVERIFY(server.start());
        std::vector<std::unique_ptr<StreamClient>> clients;
        for (int i = 0; i < 200; ++i) {
            clients.push_back(std::make_unique<StreamClient>());
            clients.back()->socket.open(streamUrl(server.baseUrl(), 0));
        }
        QVERIFY(QTest::qWaitFor([&] {
            return std::all_of(clients.begin(), clients.end(),
                               [](const auto &c) { return c->hello() >= 0; });
        }));
        const QString partner = partnerToken(server);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!publish(server, partner, QStringLiteral("many-%1").arg(i)).isEmpty());
        QVERIFY(QTest::qWaitFor([&] {
            return std::all_of(clients.begin(), clients.end(),
                               [](const auto &c) { return c->events().size() >= 3; });
        }));
        for (const auto &client : clients)
            QCOMPARE(client->seqs(), (QList<qint64>{1, 2, 3}));
    }

    // --push-max-per-address N: an address (loopback too) holds at most N connections; the
    // next handshake is refused with 429 and Retry-After before upgrading, the others go on;
    // a closed connection frees its place, one that is dropped too.
    void perAddressLimit()
    {
        for (const QString &bad :
             {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("x")}) {
            TestServer refused(seeded(QString(), {QStringLiteral("--push-max-per-address"), bad}));
            QVERIFY(!refused.start());
            QCOMPARE(refused.exitCode(), 2);
        }
        TestServer server(
            seeded(QString(), {QStringLiteral("--push-max-per-address"), QStringLiteral("3")}));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        int opcode = 0;
        QByteArray payload;
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY(clients.back()->open(server.baseUrl(), "/api/v1/push?since=0"));
            QVERIFY(clients.back()->next(&opcode, &payload)); // hello
            QCOMPARE(opcode, 0x1);
        }
        const auto fourth = [&] {
            bool closed = false;
            const QByteArray answer =
                rawExchange(server.baseUrl(), handshake("/api/v1/push?since=0"), 10000, &closed);
            return std::make_pair(answer, closed);
        };
        const auto [answer, closedByServer] = fourth();
        QCOMPARE(statusOf(answer), 429);
        QVERIFY(closedByServer);
        QVERIFY2(answer.contains("\r\nRetry-After: 30\r\n"), answer.constData());
        QVERIFY(!answer.contains("Sec-WebSocket-Accept"));
        const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("too_many_connections"));
        // A socket token is not used up by a refused handshake.
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString token = socketToken(server, citizen);
        QVERIFY(!token.isEmpty());
        QCOMPARE(statusOf(rawExchange(server.baseUrl(),
                                      handshake("/api/v1/push?token=" + token.toLatin1()))),
                 429);
        // Nothing else was closed: each of the three still answers a ping.
        for (const auto &client : clients) {
            client->sendFrame(0x89, "still");
            QVERIFY(client->next(&opcode, &payload));
            QCOMPARE(opcode, 0xA);
            QCOMPARE(payload, QByteArray("still"));
        }
        // Closed by the client: its place is free for the next.
        clients.front()->sendFrame(0x88, QByteArray::fromHex("03e8"));
        QVERIFY(clients.front()->next(&opcode, &payload));
        QCOMPARE(opcode, 0x8);
        clients.front()->waitClosed();
        clients.erase(clients.begin());
        clients.push_back(std::make_unique<RawClient>());
        QVERIFY(clients.back()->open(server.baseUrl(),
                                     "/api/v1/push?since=0&token=" + token.toLatin1()));
        QCOMPARE(statusOf(fourth().first), 429);
        // Dropped without a close frame: the server frees its place when it sees the socket
        // gone (a refused attempt in between takes no place).
        clients.front()->socket.abort();
        clients.erase(clients.begin());
        const auto reopen = [&] {
            auto client = std::make_unique<RawClient>();
            if (!client->open(server.baseUrl(), "/api/v1/push?since=0"))
                return false;
            clients.push_back(std::move(client));
            return true;
        };
        bool reopened = false;
        // (QTRY evaluates once more at the end: a success is not repeated.)
        QTRY_VERIFY_WITH_TIMEOUT(reopened || (reopened = reopen()), 10000);
        QCOMPARE(int(clients.size()), 3);
        QCOMPARE(statusOf(fourth().first), 429);
        QVERIFY(server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestServerPush)
#include "tst_server_push.moc"
