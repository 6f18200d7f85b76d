// hues-server as a black box: the real executable on an ephemeral port, over SQLite and, when
// HUES_TEST_PG_URL is set, PostgreSQL.
#include "Backends.h"
#include "TestServer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace hues::test;

namespace {

QJsonObject findById(const QJsonArray &rows, const QString &id)
{
    for (const QJsonValue &row : rows) {
        if (row.toObject().value(QStringLiteral("id")).toString() == id)
            return row.toObject();
    }
    return {};
}

} // namespace

class TestServerBlackBox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void healthz_data() { backends(); }
    void healthz()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(unseeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.baseUrl().toString().startsWith(QLatin1String("http://127.0.0.1:")));
        const HttpResult reply = httpGet(server.url(QStringLiteral("/healthz")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(reply.object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(reply.object().value(QStringLiteral("version")).toString(),
                 QStringLiteral(HUES_VERSION));
        QCOMPARE(reply.object().value(QStringLiteral("database")).toString(), backend);
        QVERIFY2(server.stderrText().contains(QLatin1String("GET /healthz 200")),
                 qPrintable(server.stderrText()));
    }

    void unknownPathIsJson404()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const HttpResult reply = httpGet(server.url(QStringLiteral("/api/v1/nothing-here")));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("not_found"));
        QVERIFY(!reply.object().value(QStringLiteral("message")).toString().isEmpty());
    }

    void wrongMethodIsJson405WithAllow()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        for (const QByteArray &method : {QByteArray("POST"), QByteArray("DELETE")}) {
            const HttpResult reply =
                httpRequest(method, server.url(QStringLiteral("/api/v1/sites")), "{}",
                            {{"Content-Type", "application/json"}});
            QCOMPARE(reply.status, 405);
            QCOMPARE(reply.header("Allow"), QByteArray("GET"));
            QCOMPARE(reply.object().value(QStringLiteral("error")).toString(),
                     QStringLiteral("method_not_allowed"));
        }
    }

    void malformedJsonIs400()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const HttpResult reply =
            httpRequest("GET", server.url(QStringLiteral("/healthz")),
                        "{\"broken\": ", {{"Content-Type", "application/json; charset=utf-8"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("malformed_json"));
        // A well-formed body passes the check.
        QCOMPARE(httpRequest("GET", server.url(QStringLiteral("/healthz")), "{\"ok\":true}",
                             {{"Content-Type", "application/json"}})
                     .status,
                 200);
    }

    void seededDirectory_data() { backends(); }
    void seededDirectory()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        const HttpResult centres = httpGet(server.url(QStringLiteral("/api/v1/centres")));
        QCOMPARE(centres.status, 200);
        QVERIFY(centres.array().size() >= 9);
        const QJsonObject province = findById(centres.array(), QStringLiteral("centre-province"));
        QCOMPARE(province.value(QStringLiteral("name_vi")).toString(),
                 QStringLiteral("Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế"));
        QVERIFY(province.value(QStringLiteral("address"))
                    .toString()
                    .startsWith(QStringLiteral("01 Lê Lai")));
        QVERIFY(!findById(centres.array(), QStringLiteral("centre-a-luoi")).isEmpty());

        const HttpResult sites = httpGet(server.url(QStringLiteral("/api/v1/sites")));
        QCOMPARE(sites.status, 200);
        const QJsonObject tuDuc = findById(sites.array(), QStringLiteral("site-tu-duc"));
        QCOMPARE(tuDuc.value(QStringLiteral("name_vi")).toString(), QStringLiteral("Lăng Tự Đức"));
        QVERIFY(qAbs(tuDuc.value(QStringLiteral("lat")).toDouble() - 16.4334) < 1e-6);
        QVERIFY(qAbs(tuDuc.value(QStringLiteral("lon")).toDouble() - 107.5634) < 1e-6);
        QVERIFY(!tuDuc.value(QStringLiteral("opening_hours")).toString().isEmpty());
        const QJsonObject imperial = findById(sites.array(), QStringLiteral("site-imperial-city"));
        QCOMPARE(imperial.value(QStringLiteral("name_vi")).toString(),
                 QStringLiteral("Hoàng thành Huế"));
        QCOMPARE(findById(sites.array(), QStringLiteral("site-hon-chen"))
                     .value(QStringLiteral("name_vi"))
                     .toString(),
                 QStringLiteral("Điện Hòn Chén"));

        // Seeding again on the same store changes nothing.
        const qsizetype centreCount = centres.array().size();
        const qsizetype siteCount = sites.array().size();
        QCOMPARE(server.stop(), 0);
        TestServer::Options again = seeded(dbUrl);
        again.dataDir = server.dataDir();
        TestServer second(again);
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        QCOMPARE(httpGet(second.url(QStringLiteral("/api/v1/centres"))).array().size(),
                 centreCount);
        QCOMPARE(httpGet(second.url(QStringLiteral("/api/v1/sites"))).array().size(), siteCount);
        QSqlQuery accounts(second.database());
        QVERIFY2(accounts.exec(QStringLiteral("SELECT username, display_name FROM accounts "
                                              "ORDER BY username")),
                 qPrintable(accounts.lastError().text()));
        QStringList usernames;
        while (accounts.next())
            usernames << accounts.value(0).toString();
        QCOMPARE(usernames, (QStringList{QStringLiteral("citizen"), QStringLiteral("ioc"),
                                         QStringLiteral("merchant"), QStringLiteral("parent"),
                                         QStringLiteral("tourist"), QStringLiteral("trader"),
                                         QStringLiteral("verifier")}));
        QSqlQuery codes(second.database());
        QVERIFY(codes.exec(QStringLiteral("SELECT name_vi FROM report_categories WHERE "
                                          "service_code = 'sidewalk_encroachment'")));
        QVERIFY(codes.next());
        QCOMPARE(codes.value(0).toString(), QStringLiteral("Lấn chiếm vỉa hè"));
    }

    void noDemoDataWithoutSeed_data() { backends(); }
    void noDemoDataWithoutSeed()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(unseeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const HttpResult centres = httpGet(server.url(QStringLiteral("/api/v1/centres")));
        QCOMPARE(centres.status, 200);
        QVERIFY(centres.json().isArray());
        QCOMPARE(centres.array().size(), 0);
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/sites"))).array().size(), 0);
        QSqlQuery accounts(server.database());
        QVERIFY(accounts.exec(QStringLiteral("SELECT COUNT(*) FROM accounts")));
        QVERIFY(accounts.next());
        QCOMPARE(accounts.value(0).toInt(), 0);
    }

    void clientHangsUpMidRequest()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        {
            QTcpSocket socket;
            socket.connectToHost(server.baseUrl().host(), quint16(server.baseUrl().port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":");
            QVERIFY(socket.waitForBytesWritten(5000));
            socket.abort();
        }
        {
            QTcpSocket socket;
            socket.connectToHost(server.baseUrl().host(), quint16(server.baseUrl().port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /api/v1/si");
            QVERIFY(socket.waitForBytesWritten(5000));
            socket.disconnectFromHost();
        }
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
        QVERIFY(server.isRunning());
    }

    void oversizedBodyRefusedBeforeReading()
    {
        TestServer::Options o;
        o.extraArgs = QStringList{QStringLiteral("--max-body"), QStringLiteral("1000")};
        TestServer server(o);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        // Only the headers are sent: the 413 must arrive without the body.
        bool closed = false;
        const QByteArray answer = rawExchange(
            server.baseUrl(),
            "POST /api/v1/sites HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 5000000\r\n\r\n",
            15000, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        QVERIFY(closed);
        const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("payload_too_large"));
        // Under the limit the request reaches the router (405 here, not 413).
        QCOMPARE(httpRequest("POST", server.url(QStringLiteral("/api/v1/sites")),
                             QByteArray(900, ' '), {{"Content-Type", "text/plain"}})
                     .status,
                 405);
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
    }

    void garbageInsteadOfHttp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("binary") << QByteArray::fromHex("000102fffe20676172626167650d0a0d0a") << 400;
        QTest::newRow("not-a-request-line") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("unknown-method")
            << QByteArray("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n") << 501;
        QTest::newRow("bad-header-name")
            << QByteArray("GET /healthz HTTP/1.1\r\nBad Header: x\r\n\r\n") << 400;
        QTest::newRow("chunked") << QByteArray("POST /healthz HTTP/1.1\r\nHost: x\r\n"
                                               "Transfer-Encoding: chunked\r\n\r\n")
                                 << 411;
        QTest::newRow("huge-header")
            << (QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(20000, 'a') + "\r\n\r\n")
            << 431;
    }
    void garbageInsteadOfHttp()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        bool closed = false;
        const QByteArray answer = rawExchange(server.baseUrl(), bytes, 15000, &closed);
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
                 answer.constData());
        QVERIFY(closed);
        QVERIFY(answer.contains("\"error\":"));
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
    }

    void http10AndConnectionCloseAreHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("http/1.0") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n");
        QTest::newRow("connection-close")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }
    void http10AndConnectionCloseAreHonoured()
    {
        QFETCH(QByteArray, request);
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        bool closed = false;
        const QByteArray answer = rawExchange(server.baseUrl(), request, 15000, &closed);
        QVERIFY2(answer.contains(" 200 OK\r\n"), answer.constData());
        QVERIFY(answer.endsWith("}"));
        QVERIFY(closed);
    }

    void expectContinueGetsInterimResponse()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTcpSocket socket;
        socket.connectToHost(server.baseUrl().host(), quint16(server.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n");
        QByteArray received;
        while (!received.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            received += socket.readAll();
        QCOMPARE(received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write("{}");
        received.clear();
        while (!received.endsWith("}") && socket.waitForReadyRead(5000))
            received += socket.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
    }

    void requestLogRedactsSecrets()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(
            httpGet(server.url(QStringLiteral("/api/v1/sites?access_token=s3cr3t&lang=vi"))).status,
            200);
        QCOMPARE(server.stop(), 0);
        const QString log = server.stderrText();
        QVERIFY2(log.contains(QLatin1String("GET /api/v1/sites?access_token=***&lang=vi 200")),
                 qPrintable(log));
        QVERIFY(!log.contains(QLatin1String("s3cr3t")));
    }

    void silentClientIsDropped()
    {
        TestServer::Options o;
        o.extraArgs = QStringList{QStringLiteral("--idle-timeout-ms"), QStringLiteral("300")};
        TestServer server(o);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        bool closed = false;
        const QByteArray answer =
            rawExchange(server.baseUrl(), "GET /healthz HTTP/1.1\r\nHost: x\r\n", 15000, &closed);
        QVERIFY(closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 408 "), answer.constData());
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
    }

    void portInUse()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        TestServer::Options o;
        o.listen = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());
        TestServer server(o);
        QVERIFY(!server.start());
        QVERIFY(server.waitForExit());
        QVERIFY(!server.crashed());
        QVERIFY(server.exitCode() != 0);
        QVERIFY2(server.stderrText().contains(QLatin1String("cannot listen on 127.0.0.1:")),
                 qPrintable(server.stderrText()));
        QVERIFY2(server.stderrText().contains(QLatin1String("in use")),
                 qPrintable(server.stderrText()));
    }

    void startupErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown-option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("Unknown option 'frobnicate'");
        QTest::newRow("bad-listen")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")}
            << QStringLiteral("bad --listen value");
        QTest::newRow("bad-port") << QStringList{QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:99999")}
                                  << QStringLiteral("bad --listen value");
        QTest::newRow("unreachable-database")
            << QStringList{QStringLiteral("--database"),
                           QStringLiteral("postgresql://postgres@127.0.0.1:1/hues")}
            << QStringLiteral("cannot connect to PostgreSQL");
        QTest::newRow("bad-database-url")
            << QStringList{QStringLiteral("--database"), QStringLiteral("mysql://x/y")}
            << QStringLiteral("invalid --database URL");
        QTest::newRow("unknown-seed")
            << QStringList{QStringLiteral("--seed"), QStringLiteral("everything")}
            << QStringLiteral("unknown --seed");
    }
    void startupErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        TestServer::Options o;
        o.extraArgs = args;
        TestServer server(o);
        QVERIFY(!server.start());
        QVERIFY(server.waitForExit());
        QVERIFY(!server.crashed());
        QVERIFY(server.exitCode() != 0);
        QVERIFY2(server.stderrText().contains(message), qPrintable(server.stderrText()));
    }

    void unwritableDataDir()
    {
        QTemporaryDir tmp;
        QFile file(tmp.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        TestServer::Options o;
        o.dataDir = file.fileName() + QStringLiteral("/data"); // below a regular file
        TestServer server(o);
        QVERIFY(!server.start());
        QVERIFY(server.waitForExit());
        QVERIFY(server.exitCode() != 0);
        QVERIFY2(server.stderrText().contains(QLatin1String("data directory")),
                 qPrintable(server.stderrText()));
    }

    void sigtermExitsCleanly()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.stderrText().contains(QLatin1String("stopped")));
    }

    void reopenKeepsDataWithoutMigrating_data() { backends(); }
    void reopenKeepsDataWithoutMigrating()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer first(seeded(dbUrl));
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        QVERIFY(first.stderrText().contains(QLatin1String("applying migration 1")));
        QCOMPARE(first.stop(), 0);

        TestServer::Options o = unseeded(dbUrl);
        o.dataDir = first.dataDir();
        TestServer second(o);
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        QVERIFY(httpGet(second.url(QStringLiteral("/api/v1/sites"))).array().size() > 0);
        QVERIFY2(!second.stderrText().contains(QLatin1String("applying migration")),
                 qPrintable(second.stderrText()));
        QVERIFY(second.stderrText().contains(QLatin1String("schema up to date")));
        QSqlQuery versions(second.database());
        QVERIFY(versions.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")));
        QVERIFY(versions.next());
        QCOMPARE(versions.value(0).toInt(), 5);
    }

    void newerSchemaIsRefused_data() { backends(); }
    void newerSchemaIsRefused()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer first(unseeded(dbUrl));
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        QCOMPARE(first.stop(), 0);
        QSqlQuery insert(first.database());
        QVERIFY2(insert.exec(QStringLiteral("INSERT INTO schema_version (version, description, "
                                            "applied_at) VALUES (999, 'from the future', "
                                            "'2099-01-01T00:00:00Z')")),
                 qPrintable(insert.lastError().text()));

        TestServer::Options o = unseeded(dbUrl);
        o.dataDir = first.dataDir();
        TestServer second(o);
        QVERIFY(!second.start());
        QVERIFY(second.waitForExit());
        QVERIFY(second.exitCode() != 0);
        QVERIFY2(second.stderrText().contains(QLatin1String("schema is at version 999")),
                 qPrintable(second.stderrText()));
    }
};

QTEST_GUILESS_MAIN(TestServerBlackBox)
#include "tst_server.moc"
