// push::PushClient against the real hues-server (resume across a disconnect and a server
// restart, reset, personal events with a socket token, reconnection with backoff) and against
// stub servers (duplicates, malformed frames, a silent connection); push::PushFrame on its own.
#include "PushSupport.h"
#include "TestServer.h"
#include "net/ApiClient.h"
#include "push/PushClient.h"
#include "push/PushFrame.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocketServer>
#include <QtTest>

#include <memory>

using namespace hues::test;
using push::PushClient;
using push::PushFrame;

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

TestServer::Options seeded(const QString &dataDir = {}, int port = 0)
{
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = dataDir;
    o.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    return o;
}

// Sends the signed-in user's bearer token with every request to the base URL.
class StaticAuthenticator : public net::ApiAuthenticator
{
public:
    QByteArray authorization() const override
    {
        return token.isEmpty() ? QByteArray() : "Bearer " + token.toLatin1();
    }
    void renewAfterUnauthorized(const QByteArray &, std::function<void(bool)> done) override
    {
        done(false);
    }
    QString token;
};

// Records what a PushClient emits.
struct Recorder
{
    explicit Recorder(PushClient *client)
    {
        QObject::connect(client, &PushClient::event, client,
                         [this](const QString &kind, qint64 seq, const QJsonObject &data) {
                             kinds << kind;
                             seqs << seq;
                             datas << data;
                         });
        QObject::connect(client, &PushClient::reset, client, [this] { ++resets; });
    }
    QStringList alertIds() const
    {
        QStringList ids;
        for (const QJsonObject &data : datas)
            ids << data.value(QStringLiteral("alert_id")).toString();
        return ids;
    }
    QStringList kinds;
    QList<qint64> seqs;
    QList<QJsonObject> datas;
    int resets = 0;
};

PushClient::Timings fastTimings()
{
    PushClient::Timings t;
    t.backoff = net::RetryPolicy{0, 100, 400};
    return t;
}

QString publish(const TestServer &server, const QString &token, const QString &id)
{
    Cap cap;
    cap.identifier = id;
    return postCap(server, cap.xml(), token).object().value(QStringLiteral("alert_id")).toString();
}

QByteArray storedSeq(store::Database &db, const QString &key)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT value FROM kv_cache WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toByteArray() : QByteArray();
}

} // namespace

class TestPushClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_store;

    store::Database *freshStore()
    {
        m_store = std::make_unique<store::Database>();
        const QString path = m_dir.filePath(
            QStringLiteral("store-%1.sqlite").arg(QRandomGenerator::global()->generate()));
        if (m_store->open(path) == store::Database::OpenStatus::Failed)
            qWarning() << m_store->errorString();
        return m_store.get();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void frameParser_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("type");
        QTest::addColumn<qint64>("number");
        const auto row = [](const char *name, const QByteArray &json, PushFrame::Type type,
                            qint64 number = 0) {
            QTest::newRow(name) << json << int(type) << number;
        };
        row("hello", R"({"type":"hello","latest_seq":42})", PushFrame::Type::Hello, 42);
        row("hello zero", R"({"type":"hello","latest_seq":0})", PushFrame::Type::Hello, 0);
        row("reset", R"({"type":"reset"})", PushFrame::Type::Reset);
        row("event",
            R"({"type":"event","seq":7,"kind":"alert","at":"2026-11-28T09:30:00+07:00","data":{"alert_id":"A"}})",
            PushFrame::Type::Event, 7);
        row("event without data", R"({"type":"event","seq":8,"kind":"x"})", PushFrame::Type::Event,
            8);
        row("unknown type", R"({"type":"payment_received_v2","seq":1})", PushFrame::Type::Unknown);
        row("not JSON", "hello", PushFrame::Type::Invalid);
        row("array", "[1,2]", PushFrame::Type::Invalid);
        row("no type", R"({"seq":1})", PushFrame::Type::Invalid);
        row("type not string", R"({"type":1})", PushFrame::Type::Invalid);
        row("hello negative", R"({"type":"hello","latest_seq":-1})", PushFrame::Type::Invalid);
        row("hello fraction", R"({"type":"hello","latest_seq":1.5})", PushFrame::Type::Invalid);
        row("hello string", R"({"type":"hello","latest_seq":"1"})", PushFrame::Type::Invalid);
        row("event seq 0", R"({"type":"event","seq":0,"kind":"a"})", PushFrame::Type::Invalid);
        row("event huge seq", R"({"type":"event","seq":1e300,"kind":"a"})",
            PushFrame::Type::Invalid);
        row("event no kind", R"({"type":"event","seq":3})", PushFrame::Type::Invalid);
        row("event empty kind", R"({"type":"event","seq":3,"kind":""})", PushFrame::Type::Invalid);
        row("event data array", R"({"type":"event","seq":3,"kind":"a","data":[]})",
            PushFrame::Type::Invalid);
    }
    void frameParser()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, type);
        QFETCH(qint64, number);
        const PushFrame frame = PushFrame::parse(json);
        QCOMPARE(int(frame.type), type);
        if (frame.type == PushFrame::Type::Hello)
            QCOMPARE(frame.latestSeq, number);
        if (frame.type == PushFrame::Type::Event)
            QCOMPARE(frame.seq, number);
        QCOMPARE(frame.error.isEmpty(), frame.type != PushFrame::Type::Invalid);
    }

    void streamUrls()
    {
        net::ApiClient api;
        PushClient client(&api, nullptr);
        QVERIFY(api.setBaseUrl(QUrl(QStringLiteral("https://api.hue.gov.vn"))));
        QCOMPARE(client.streamUrl(), QUrl(QStringLiteral("wss://api.hue.gov.vn/api/v1/push")));
        QVERIFY(api.setBaseUrl(QUrl(QStringLiteral("https://hue.gov.vn:8443/city/"))));
        QCOMPARE(client.streamUrl(),
                 QUrl(QStringLiteral("wss://hue.gov.vn:8443/city/api/v1/push")));
        QVERIFY(api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080"))));
        QCOMPARE(client.streamUrl(), QUrl(QStringLiteral("ws://127.0.0.1:8080/api/v1/push")));
        QCOMPARE(client.storeKey(), QStringLiteral("push.last_seq@http://127.0.0.1:8080"));
    }

    // Live events once each; the last seq is kept in the store after each event.
    void liveEventsAndStore()
    {
        TestServer server(seeded());
        QVERIFY(server.start());
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(server.baseUrl()));
        store::Database *db = freshStore();
        PushClient client(&api, db);
        client.setTimings(fastTimings());
        Recorder recorder(&client);
        QSignalSpy states(&client, &PushClient::stateChanged);
        QCOMPARE(client.state(), PushClient::State::Offline);
        client.start();
        QCOMPARE(client.state(), PushClient::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        QCOMPARE(client.lastSeq(), 0);

        const QString partner = partnerToken(server);
        const QString first = publish(server, partner, QStringLiteral("c-1"));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.seqs.size(), 1, 15000);
        QCOMPARE(recorder.kinds, QStringList{QStringLiteral("alert")});
        QCOMPARE(recorder.alertIds(), QStringList{first});
        QVERIFY(recorder.datas.first()
                    .value(QStringLiteral("cap"))
                    .toString()
                    .contains(QLatin1String("<identifier>c-1</identifier>")));
        QCOMPARE(client.lastSeq(), 1);
        QCOMPARE(storedSeq(*db, client.storeKey()), QByteArray("1"));

        client.stop();
        QCOMPARE(client.state(), PushClient::State::Offline);
        QVERIFY(!client.isRunning());
    }

    // The issue's test with the app's client: disconnected while 50 alerts are published,
    // the server restarted in between, the app restarted too (a new client on the same store):
    // exactly those 50, in order, once.
    void resumeFiftyAcrossRestart()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const int port = freePort();
        auto server = std::make_unique<TestServer>(seeded(data.path(), port));
        QVERIFY(server->start());
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(server->baseUrl()));
        store::Database *db = freshStore();
        auto client = std::make_unique<PushClient>(&api, db);
        client->setTimings(fastTimings());
        client->start();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), PushClient::State::Live, 15000);
        const QString partner = partnerToken(*server);
        publish(*server, partner, QStringLiteral("seen"));
        QTRY_COMPARE_WITH_TIMEOUT(client->lastSeq(), 1, 15000);
        client.reset(); // the app quits

        QStringList published;
        for (int i = 0; i < 25; ++i)
            published << publish(*server, partner, QStringLiteral("r-a-%1").arg(i));
        QCOMPARE(server->stop(), 0);
        server = std::make_unique<TestServer>(seeded(data.path(), port));
        QVERIFY(server->start());
        const QString partner2 = partnerToken(*server);
        for (int i = 0; i < 25; ++i)
            published << publish(*server, partner2, QStringLiteral("r-b-%1").arg(i));
        QVERIFY(!published.contains(QString()));

        client = std::make_unique<PushClient>(&api, db);
        client->setTimings(fastTimings());
        QCOMPARE(client->lastSeq(), 1); // from the store
        Recorder recorder(client.get());
        client->start();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), PushClient::State::Live, 15000);
        QCOMPARE(recorder.alertIds(), published);
        QList<qint64> expected;
        for (qint64 s = 2; s <= 51; ++s)
            expected << s;
        QCOMPARE(recorder.seqs, expected);
        QCOMPARE(client->lastSeq(), 51);
        QCOMPARE(storedSeq(*db, client->storeKey()), QByteArray("51"));

        // A server restart under a running client: it reconnects by itself and goes on.
        QSignalSpy errors(client.get(), &PushClient::connectionError);
        QCOMPARE(server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(client->state() != PushClient::State::Live, 15000);
        QVERIFY(errors.count() >= 1);
        server = std::make_unique<TestServer>(seeded(data.path(), port));
        QVERIFY(server->start());
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), PushClient::State::Live, 15000);
        const QString after = publish(*server, partnerToken(*server), QStringLiteral("r-after"));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.seqs.size(), 51, 15000);
        QCOMPARE(recorder.seqs.last(), 52);
        QCOMPARE(recorder.alertIds().last(), after);
    }

    // A position the server no longer has (or never had): reset, then on from hello.
    void resetFromUnknownPosition()
    {
        TestServer server(seeded());
        QVERIFY(server.start());
        const QString partner = partnerToken(server);
        publish(server, partner, QStringLiteral("x-1"));
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(server.baseUrl()));
        store::Database *db = freshStore();
        {
            QSqlQuery query(db->connection());
            query.prepare(QStringLiteral("INSERT INTO kv_cache (key, value, updated_at) VALUES "
                                         "(?, '999', 0)"));
            query.addBindValue(QString(QStringLiteral("push.last_seq@") +
                                       server.baseUrl().toString(QUrl::StripTrailingSlash)));
            QVERIFY(query.exec());
        }
        PushClient client(&api, db);
        client.setTimings(fastTimings());
        QCOMPARE(client.lastSeq(), 999);
        Recorder recorder(&client);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        QCOMPARE(recorder.resets, 1);
        QCOMPARE(client.lastSeq(), 1);
        publish(server, partner, QStringLiteral("x-2"));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.seqs, QList<qint64>{2}, 15000);
    }

    // Signed in: a socket token before each connect brings the user's own events.
    void personalEvents()
    {
        TestServer server(seeded());
        QVERIFY(server.start());
        StaticAuthenticator auth;
        auth.token = signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        QVERIFY(!auth.token.isEmpty());
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(server.baseUrl()));
        api.setAuthenticator(&auth);
        PushClient personal(&api, freshStore());
        personal.setTimings(fastTimings());
        personal.setPersonal(true);
        Recorder mine(&personal);
        personal.start();
        net::ApiClient anonymousApi;
        QVERIFY(anonymousApi.setBaseUrl(server.baseUrl()));
        PushClient anonymous(&anonymousApi, nullptr);
        Recorder theirs(&anonymous);
        anonymous.start();
        QTRY_COMPARE_WITH_TIMEOUT(personal.state(), PushClient::State::Live, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(anonymous.state(), PushClient::State::Live, 15000);

        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const QString report = httpRequest("GET", server.url(QStringLiteral("/api/v1/me/reports")),
                                           {}, bearer(auth.token))
                                   .array()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("service_request_id"))
                                   .toString();
        const HttpResult changed =
            httpRequest("POST", server.url(QStringLiteral("/api/v1/reports/%1/status").arg(report)),
                        R"({"detailed_status":"closed","note":"Đã sửa xong"})",
                        bearer(ioc) + HeaderList{qMakePair(QByteArray("Content-Type"),
                                                           QByteArray("application/json"))});
        QCOMPARE(changed.status, 200);
        publish(server, partnerToken(server), QStringLiteral("p-1"));
        QTRY_COMPARE_WITH_TIMEOUT(mine.seqs, (QList<qint64>{1, 2}), 15000);
        QCOMPARE(mine.kinds,
                 (QStringList{QStringLiteral("report_status"), QStringLiteral("alert")}));
        QCOMPARE(mine.datas.first().value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("closed"));
        QTRY_COMPARE_WITH_TIMEOUT(theirs.seqs, QList<qint64>{2}, 15000);

        // Signing out: reconnects for public events only. A token the server refuses: too.
        auth.token = QStringLiteral("expired-or-revoked");
        personal.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(personal.state(), PushClient::State::Live, 15000);
        QVERIFY(server.stderrText().contains(QLatin1String("POST /api/v1/push/token 401")));
    }

    // Server down: retries with backoff (connectionError each time), live as soon as it is up.
    void backoffUntilTheServerComes()
    {
        const int port = freePort();
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        PushClient client(&api, nullptr);
        client.setTimings(fastTimings());
        QSignalSpy errors(&client, &PushClient::connectionError);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 3, 15000);
        QCOMPARE(client.state() == PushClient::State::Live, false);
        TestServer server(seeded(QString(), port));
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        // The delays grow: 1 s .. 60 s with the default policy, jittered.
        const net::RetryPolicy policy = PushClient::Timings().backoff;
        for (int attempt = 2; attempt < 12; ++attempt) {
            const int delay = net::ApiClient::backoffDelayMs(policy, attempt);
            QVERIFY2(delay >= 1000 && delay <= 60000, qPrintable(QString::number(delay)));
        }
        QVERIFY(net::ApiClient::backoffDelayMs(policy, 12) >= 30000);
    }

    // A stub that sends duplicates, malformed and unknown frames: each seq is emitted once.
    void duplicatesAndGarbageFromAServer()
    {
        QWebSocketServer stub(QStringLiteral("stub"), QWebSocketServer::NonSecureMode);
        QVERIFY(stub.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> sockets;
        QList<QUrl> requested;
        connect(&stub, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *socket = stub.nextPendingConnection();
            sockets << socket;
            requested << socket->requestUrl();
            for (const char *frame :
                 {R"({"type":"event","seq":1,"kind":"alert","data":{"n":1}})",
                  R"({"type":"event","seq":1,"kind":"alert","data":{"n":1}})", "not json",
                  R"({"type":"surprise"})", R"({"type":"event","seq":"2","kind":"alert"})",
                  R"({"type":"event","seq":3,"kind":"future_kind","data":{"n":3}})",
                  R"({"type":"event","seq":2,"kind":"alert","data":{"n":2}})",
                  R"({"type":"hello","latest_seq":3})"})
                socket->sendTextMessage(QString::fromUtf8(frame));
        });
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(stub.serverPort()))));
        PushClient client(&api, freshStore());
        client.setTimings(fastTimings());
        Recorder recorder(&client);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        QCOMPARE(recorder.seqs, (QList<qint64>{1, 3}));
        QCOMPARE(recorder.kinds,
                 (QStringList{QStringLiteral("alert"), QStringLiteral("future_kind")}));
        QCOMPARE(client.lastSeq(), 3);
        QCOMPARE(QUrlQuery(requested.first()).queryItemValue(QStringLiteral("since")),
                 QStringLiteral("0"));
        // Reconnecting: the client says where it is and ignores what it has seen.
        client.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        QCOMPARE(QUrlQuery(requested.last()).queryItemValue(QStringLiteral("since")),
                 QStringLiteral("3"));
        QCOMPARE(recorder.seqs, (QList<qint64>{1, 3}));
        qDeleteAll(sockets);
    }

    // A connection that goes silent (no frame, no pong) is dropped and opened again.
    void silentConnectionIsDead()
    {
        // Completes the handshake, then never sends or answers anything.
        QTcpServer stub;
        QVERIFY(stub.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> sockets;
        connect(&stub, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = stub.nextPendingConnection();
            sockets << socket;
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                const QByteArray head = socket->readAll();
                const int at = head.indexOf("Sec-WebSocket-Key: ");
                if (at < 0)
                    return;
                const QByteArray key = head.mid(at + 19, 24);
                const QByteArray accept =
                    QCryptographicHash::hash(
                        QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                        QCryptographicHash::Sha1)
                        .toBase64();
                socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                              accept + "\r\n\r\n");
                // Then nothing, ever: the readyRead handler stays, reading pings into the void.
            });
        });
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(stub.serverPort()))));
        PushClient client(&api, nullptr);
        PushClient::Timings t = fastTimings();
        t.pingIntervalMs = 100;
        t.silenceTimeoutMs = 600;
        client.setTimings(t);
        QSignalSpy errors(&client, &PushClient::connectionError);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(sockets.size() >= 2, 15000);
        QVERIFY(errors.count() >= 1);
        QVERIFY(client.state() != PushClient::State::Live);
    }

    // After a network change or a wake-up the client connects again at once.
    void reconnectNowResumes()
    {
        TestServer server(seeded());
        QVERIFY(server.start());
        net::ApiClient api;
        QVERIFY(api.setBaseUrl(server.baseUrl()));
        PushClient client(&api, freshStore());
        client.setTimings(fastTimings());
        Recorder recorder(&client);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        const QString partner = partnerToken(server);
        publish(server, partner, QStringLiteral("n-1"));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.seqs.size(), 1, 15000);
        client.reconnectNow();
        QCOMPARE(client.state(), PushClient::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), PushClient::State::Live, 15000);
        QVERIFY(server.stderrText().contains(QLatin1String("GET /api/v1/push?since=1 101")));
        publish(server, partner, QStringLiteral("n-2"));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.seqs, (QList<qint64>{1, 2}), 15000);
    }
};

QTEST_GUILESS_MAIN(TestPushClient)
#include "tst_pushclient.moc"
