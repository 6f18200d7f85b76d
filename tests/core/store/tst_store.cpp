#include "store/Database.h"
#include "store/StoreService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using store::Database;

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void createsAndMigrates()
    {
        Database db;
        QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        const auto counts = db.rowCounts();
        QStringList names;
        for (const auto &c : counts)
            names << c.first;
        QVERIFY2(names.contains(QStringLiteral("outbox")), qPrintable(names.join(u',')));
        QVERIFY(names.contains(QStringLiteral("kv_cache")));
    }

    void reopenKeepsDataAndVersion()
    {
        {
            Database db;
            QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO kv_cache (key, value, updated_at) VALUES ('k', 'Huế', 1)")));
        }
        Database db;
        QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM kv_cache WHERE key='k'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Huế"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), Database::migrations().size()); // not applied twice
    }

    void newerSchemaIsRefused()
    {
        {
            Database db;
            QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (999, 0)")));
        }
        Database db;
        QCOMPARE(db.open(path()), Database::OpenStatus::Failed);
        QVERIFY2(db.errorString().contains(QStringLiteral("newer version")),
                 qPrintable(db.errorString()));
        QVERIFY(QFile::exists(path())); // the newer database is left alone, not moved aside
        QVERIFY(db.movedAsidePath().isEmpty());
    }

    void corruptFileIsMovedAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage")
            << QByteArray("this is not a database at all, just text. ").repeated(200);
        QTest::newRow("truncated header")
            << QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\xff');
        QByteArray zeros(8192, '\0');
        QTest::newRow("zeros") << zeros;
    }
    void corruptFileIsMovedAside()
    {
        QFETCH(QByteArray, content);
        QFile f(path());
        QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();

        Database db;
        const auto status = db.open(path());
        QCOMPARE(status, Database::OpenStatus::Recovered);
        QVERIFY(QFile::exists(db.movedAsidePath()));
        QFile aside(db.movedAsidePath());
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), content); // nothing of the user's is destroyed
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
    }

    void corruptPageInsideDatabase()
    {
        {
            Database db;
            QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
            QSqlQuery q(db.connection());
            for (int i = 0; i < 200; ++i)
                QVERIFY(
                    q.exec(QStringLiteral("INSERT INTO kv_cache VALUES ('k%1', randomblob(300), 1)")
                               .arg(i)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        QFile f(path());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 8192);
        // Keep page 1 (header and schema), scribble over the table pages after it.
        f.seek(4096);
        f.write(QByteArray(3 * 4096, '\x5a'));
        f.close();

        store::StoreService service;
        QSignalSpy notice(&service, &store::StoreService::noticeChanged);
        QVERIFY(service.open(m_dir->path()));
        QCOMPARE(notice.count(), 1);
        QVERIFY(!service.notice().isEmpty());
        service.dismissNotice();
        QVERIFY(service.notice().isEmpty());
    }

    void unwritableLocationFails()
    {
        Database db;
        QCOMPARE(db.open(QStringLiteral("/proc/hues-cannot-exist/x.sqlite")),
                 Database::OpenStatus::Failed);
        QVERIFY(!db.errorString().isEmpty());
    }

    void clearCacheKeepsOutbox()
    {
        store::StoreService service;
        QVERIFY(service.open(m_dir->path()));
        QSqlQuery q(service.database()->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO kv_cache VALUES ('a', 'x', 1)")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO outbox (id, kind, idempotency_key, payload, created_at) "
                           "VALUES ('1', 'report', 'key-1', 'p', 1)")));
        QSignalSpy cleared(&service, &store::StoreService::cacheCleared);
        QVERIFY(service.clearCache());
        QCOMPARE(cleared.count(), 1);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM kv_cache), (SELECT COUNT(*) FROM outbox)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 1);
    }

private:
    QString path() const
    {
        return store::StoreService::databasePath(m_dir->path(), QStringLiteral("default"));
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
