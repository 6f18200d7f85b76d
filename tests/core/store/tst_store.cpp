#include "store/Database.h"
#include "store/StoreService.h"

#include <QDateTime>
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
        QVERIFY(!db.isOpen()); // a failed open() leaves nothing open
    }

    void readOnlyFileIsRefused()
    {
        {
            Database db;
            QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
        }
        // File format write version 3: SQLite opens it read-only, without an error.
        QFile f(path());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(18));
        QVERIFY(f.putChar(3));
        f.close();
        QFile before(path());
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        before.close();

        store::StoreService service;
        QVERIFY(!service.open(m_dir->path()));
        QVERIFY2(service.errorString().contains(QStringLiteral("cannot be written")),
                 qPrintable(service.errorString()));
        QVERIFY(!service.isReady());
        QVERIFY(service.database()->movedAsidePath().isEmpty());
        QFile after(path());
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes);
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

    void recoversTwiceWithinOneSecond()
    {
        // Moved-aside names have a one-second stamp: the second recovery must not trip over
        // the name the first one took. Retried if the two straddle a second boundary.
        const auto stamp = [] {
            return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        };
        const QByteArray first = QByteArray("first corrupt file ").repeated(100);
        const QByteArray second = QByteArray("second corrupt file ").repeated(100);
        QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
        for (int attempt = 0; attempt < 5; ++attempt) {
            QDir folder(QFileInfo(path()).absolutePath());
            for (const QString &name : folder.entryList(QDir::Files))
                QVERIFY(folder.remove(name));
            const QString before = stamp();
            QStringList aside;
            for (const QByteArray &content : {first, second}) {
                QFile f(path());
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(content);
                f.close();
                Database db;
                QCOMPARE(db.open(path()), Database::OpenStatus::Recovered);
                aside << db.movedAsidePath();
            }
            if (stamp() != before)
                continue;
            QVERIFY(aside.at(0) != aside.at(1));
            QVERIFY(aside.at(0).endsWith(before));
            for (int i = 0; i < 2; ++i) {
                QFile f(aside.at(i));
                QVERIFY(f.open(QIODevice::ReadOnly));
                QCOMPARE(f.readAll(), i == 0 ? first : second);
            }
            return;
        }
        QFAIL("every attempt straddled a second boundary");
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

    void damagedSchemaIsMovedAside()
    {
        {
            Database db;
            QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
        }
        // One flipped byte in the stored CREATE TABLE renames a column: still a sound SQLite
        // file, and its schema version is the latest, but the app's queries cannot run on it.
        QFile f(path());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const qsizetype at = bytes.indexOf("kv_cache (key TEXT");
        QVERIFY(at > 0);
        bytes[at + 12] = 'x';
        QVERIFY(f.seek(0));
        f.write(bytes);
        f.close();

        Database db;
        QCOMPARE(db.open(path()), Database::OpenStatus::Recovered);
        QFile aside(db.movedAsidePath());
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), bytes);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT key FROM kv_cache")));
    }

    void corruptFileIsKeptAsItWas()
    {
        {
            Database db;
            QCOMPARE(db.open(path()), Database::OpenStatus::Opened);
            QSqlQuery q(db.connection());
            for (int i = 0; i < 100; ++i)
                QVERIFY(
                    q.exec(QStringLiteral("INSERT INTO kv_cache VALUES ('k%1', randomblob(300), 1)")
                               .arg(i)));
        }
        // A rollback-journal header (18, 19 = 1): switching it to WAL would rewrite the header
        // of a file whose table pages are damaged, before the check that moves it aside.
        QFile f(path());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 4 * 4096);
        bytes[18] = 1;
        bytes[19] = 1;
        bytes.replace(4096, 2 * 4096, QByteArray(2 * 4096, '\x5a'));
        QVERIFY(f.seek(0));
        f.write(bytes);
        f.close();

        Database db;
        QCOMPARE(db.open(path()), Database::OpenStatus::Recovered);
        QFile aside(db.movedAsidePath());
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), bytes);
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
        // Receipts are the server's copy (cleared); saved bill codes are the user's (kept).
        QVERIFY(q.exec(QStringLiteral("INSERT INTO payment_receipts VALUES ('s', 'a', 'p1', 1, "
                                      "'out', 'food', 'bun bo', '{}')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO saved_bill_codes VALUES ('s', 'a', 'pc-hue', "
                                      "'PC05EE0012345', 'EVN', 'Nhà', 1)")));
        QSignalSpy cleared(&service, &store::StoreService::cacheCleared);
        QVERIFY(service.clearCache());
        QCOMPARE(cleared.count(), 1);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM kv_cache), (SELECT COUNT(*) FROM outbox), "
            "(SELECT COUNT(*) FROM payment_receipts), (SELECT COUNT(*) FROM saved_bill_codes)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toInt(), 0);
        QCOMPARE(q.value(3).toInt(), 1);
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
