// Several hues-server processes on one PostgreSQL database (needs HUES_TEST_PG_URL).
#include "TestServer.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

using namespace hues::test;

class TestServerPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void concurrentStartMigratesOnce()
    {
        if (postgresUrlFromEnv().isEmpty())
            QSKIP("needs HUES_TEST_PG_URL (start one with scripts/test-postgres.sh start DIR)");
        ScratchDatabase scratch(postgresUrlFromEnv());
        QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));

        std::vector<std::unique_ptr<TestServer>> servers;
        for (int i = 0; i < 3; ++i) {
            TestServer::Options o;
            o.databaseUrl = scratch.url();
            o.seedDemo = true;
            servers.push_back(std::make_unique<TestServer>(o));
        }
        for (auto &server : servers)
            server->launch(); // all at once: migrations and seeds race
        for (auto &server : servers)
            QVERIFY2(server->waitUntilListening(), qPrintable(server->errorString()));

        int migrated = 0;
        for (auto &server : servers) {
            const HttpResult health = httpGet(server->url(QStringLiteral("/healthz")));
            QCOMPARE(health.status, 200);
            QCOMPARE(health.object().value(QStringLiteral("database")).toString(),
                     QStringLiteral("postgresql"));
            QCOMPARE(httpGet(server->url(QStringLiteral("/api/v1/centres"))).array().size(), 9);
            if (server->stderrText().contains(QLatin1String("applying migration 1")))
                ++migrated;
        }
        QCOMPARE(migrated, 1);
        QSqlQuery versions(servers.front()->database());
        QVERIFY(versions.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")));
        QVERIFY(versions.next());
        QCOMPARE(versions.value(0).toInt(), 5);
        for (auto &server : servers)
            QCOMPARE(server->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerPostgres)
#include "tst_server_postgres.moc"
