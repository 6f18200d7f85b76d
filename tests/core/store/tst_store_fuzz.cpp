// Structure-aware fuzzing of the local store's open path: a valid database, corrupted in the
// places SQLite reads first (the 100-byte header, the schema page, the table pages), cut, padded,
// replaced, or joined by a garbage -wal/-shm, then opened with StoreService. It must either open
// a usable database (moving a corrupt file aside, bytes intact, with a notice) or fail with an
// error; never crash.
//   HUES_FUZZ_SEED=n        replays a run (the seed is printed)
//   HUES_FUZZ_ITERATIONS=n  number of corrupted files (default 300)
#include "store/Database.h"
#include "store/StoreService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using store::Database;
using store::StoreService;

namespace {

constexpr quint32 kDefaultSeed = 0x53544f52; // "STOR"
constexpr int kDefaultIterations = 300;
constexpr int kCacheRows = 60; // in the valid database
constexpr int kOutboxRows = 20;

quint32 envNumber(const char *name, quint32 fallback)
{
    bool ok = false;
    const quint32 value = qEnvironmentVariable(name).toUInt(&ok, 0);
    return ok ? value : fallback;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A tmpfs when there is one: otherwise the run time is the fsyncs of SQLite's synchronous=FULL,
// which what is tested here does not depend on.
QString scratchTemplate()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
    return base + QStringLiteral("/tst_store_fuzz-XXXXXX");
}

// What one iteration puts on disk in place of the profile's database.
struct Corruption
{
    QByteArray db;          // the database file's bytes
    QByteArray wal;         // non-empty: written as hues.sqlite-wal
    QByteArray shm;         // non-empty: written as hues.sqlite-shm
    bool directory = false; // the database path is a directory
    bool dbIntact = false;  // the database file itself is the valid one
    QByteArrayList steps;   // what was done, for the failure message
};

// Corrupts a valid database in ways that follow its layout (sqlite.org/fileformat2.html).
class Corrupter
{
public:
    Corrupter(const QByteArray &valid, quint32 seed, int index) : m_valid(valid)
    {
        const quint32 seeds[] = {seed, quint32(index)};
        m_rng = QRandomGenerator(seeds, 2);
        m_pageSize = (quint8(valid.at(16)) << 8) | quint8(valid.at(17));
    }

    Corruption make()
    {
        Corruption c;
        c.db = m_valid;
        switch (m_rng.bounded(10)) {
        case 0:
            c.directory = true;
            c.steps << "directory";
            return c;
        case 1: {
            static const QByteArrayList texts = {"this is not a database\n", "{\"kv_cache\":[]}",
                                                 QByteArray("SQLite format 3\0", 16) +
                                                     "but then text",
                                                 QByteArray("SQLite format 3\0", 16),
                                                 "\xef\xbb\xbf"
                                                 "Đại Nội Huế\n"};
            c.db = texts.at(pick(texts.size())).repeated(1 + pick(50));
            c.steps << "text file";
            return c;
        }
        case 2:
            c.dbIntact = true;
            c.wal = garbageWal();
            c.steps << "garbage -wal (" + QByteArray::number(c.wal.size()) + " bytes)";
            if (chance(30)) {
                c.shm = randomBytes(32768);
                c.steps << "garbage -shm";
            }
            return c;
        default:
            break;
        }
        const int count = 1 + int(m_rng.bounded(3));
        for (int i = 0; i < count; ++i)
            corruptBytes(c);
        return c;
    }

private:
    qsizetype pick(qsizetype n) { return n <= 0 ? 0 : qsizetype(m_rng.bounded(quint32(n))); }
    bool chance(int percent) { return int(m_rng.bounded(100)) < percent; }
    qsizetype pages(const QByteArray &db) const
    {
        return qMax<qsizetype>(1, db.size() / m_pageSize);
    }

    QByteArray randomBytes(qsizetype n)
    {
        QByteArray out(n, '\0');
        for (char &ch : out)
            ch = char(m_rng.bounded(256));
        return out;
    }

    // A -wal that starts like one (magic, version, page size) or is plain noise.
    QByteArray garbageWal()
    {
        QByteArray wal = randomBytes(chance(20) ? pick(32) : 32 + pick(3 * (m_pageSize + 24)));
        if (wal.size() >= 16 && chance(60)) {
            const char header[] = {'\x37', '\x7f', '\x06', '\x82', '\x00', '\x2d', '\xe2', '\x18'};
            wal.replace(0, 8, QByteArray(header, 8));
            wal[8] = char(m_pageSize >> 24);
            wal[9] = char(m_pageSize >> 16);
            wal[10] = char(m_pageSize >> 8);
            wal[11] = char(m_pageSize);
        }
        return wal;
    }

    void setBigEndian(QByteArray &db, qsizetype at, int width, quint32 value)
    {
        for (int i = 0; i < width && at + i < db.size(); ++i)
            db[at + i] = char(value >> (8 * (width - 1 - i)));
    }

    void corruptBytes(Corruption &c)
    {
        QByteArray &db = c.db;
        switch (m_rng.bounded(9)) {
        case 0: { // one field of the database header
            struct Field
            {
                int offset;
                int width;
            };
            static const Field fields[] = {{0, 4},  {16, 2}, {18, 1}, {19, 1}, {20, 1},
                                           {21, 1}, {22, 1}, {23, 1}, {24, 4}, {28, 4},
                                           {32, 4}, {36, 4}, {40, 4}, {44, 4}, {48, 4},
                                           {52, 4}, {56, 4}, {60, 4}, {64, 4}, {92, 4}};
            static const quint32 values[] = {0,   1,   2,    3,     4,          5,         255,
                                             511, 512, 1024, 65535, 0x7fffffff, 0xffffffff};
            const Field f = fields[pick(std::size(fields))];
            const quint32 v = chance(70) ? values[pick(std::size(values))] : m_rng.generate();
            setBigEndian(db, f.offset, f.width, v);
            c.steps << "header@" + QByteArray::number(f.offset) + '=' + QByteArray::number(v);
            break;
        }
        case 1: { // bytes of the 100-byte header
            const int n = 1 + int(m_rng.bounded(4));
            for (int i = 0; i < n && !db.isEmpty(); ++i)
                db[pick(qMin<qsizetype>(100, db.size()))] ^= char(1 + m_rng.bounded(255));
            c.steps << "header-flip x" + QByteArray::number(n);
            break;
        }
        case 2: { // page 1 after the header: the schema table's b-tree page
            const qsizetype at = 100 + pick(qMin<qsizetype>(m_pageSize, db.size()) - 100);
            const qsizetype n = 1 + pick(chance(70) ? 4 : 64);
            for (qsizetype i = at; i < at + n && i < db.size(); ++i)
                db[i] = chance(50) ? char(m_rng.bounded(256)) : char(db.at(i) ^ 0xff);
            c.steps << "page1@" + QByteArray::number(at) + '+' + QByteArray::number(n);
            break;
        }
        case 3: { // a later page: its b-tree header, cell pointers or cell content
            if (pages(db) < 2)
                break;
            const qsizetype page = 1 + pick(pages(db) - 1);
            const qsizetype at = page * m_pageSize + (chance(40) ? pick(12) : pick(m_pageSize));
            const qsizetype n = 1 + pick(8);
            for (qsizetype i = at; i < at + n && i < db.size(); ++i)
                db[i] = char(m_rng.bounded(256));
            c.steps << "page" + QByteArray::number(page + 1) + '@' +
                           QByteArray::number(at % m_pageSize) + '+' + QByteArray::number(n);
            break;
        }
        case 4: { // cut: empty, inside the header, inside page 1, at or off a page boundary
            const QList<qsizetype> lengths = {0, pick(100), 100 + pick(m_pageSize - 100),
                                              m_pageSize * (1 + pick(pages(db))),
                                              1 + pick(db.size())};
            const qsizetype length = qMin(db.size(), lengths.at(pick(lengths.size())));
            db.truncate(length);
            c.steps << "truncate=" + QByteArray::number(length);
            break;
        }
        case 5: { // garbage after the last page
            const qsizetype n = chance(50) ? m_pageSize : 1 + pick(3 * m_pageSize);
            db += chance(30) ? QByteArray(n, '\0') : randomBytes(n);
            c.steps << "append+" + QByteArray::number(n);
            break;
        }
        case 6: { // a whole page zeroed
            const qsizetype page = pick(pages(db));
            const qsizetype from = page * m_pageSize;
            const qsizetype length = qMin(m_pageSize, db.size() - from);
            if (length > 0)
                db.replace(from, length, QByteArray(length, '\0'));
            c.steps << "zero-page" + QByteArray::number(page + 1);
            break;
        }
        case 7: { // one page copied over another
            const qsizetype from = pick(pages(db)) * m_pageSize;
            const qsizetype to = pick(pages(db)) * m_pageSize;
            const qsizetype length = std::min({m_pageSize, db.size() - from, db.size() - to});
            if (length > 0)
                db.replace(to, length, db.mid(from, length));
            c.steps << "copy-page" + QByteArray::number(from / m_pageSize + 1) + "-to-" +
                           QByteArray::number(to / m_pageSize + 1);
            break;
        }
        default: { // random bit flips anywhere
            const int n = 1 + int(m_rng.bounded(8));
            for (int i = 0; i < n && !db.isEmpty(); ++i)
                db[pick(db.size())] ^= char(1 << m_rng.bounded(8));
            c.steps << "flips x" + QByteArray::number(n);
            break;
        }
        }
    }

    QByteArray m_valid;
    QRandomGenerator m_rng;
    qsizetype m_pageSize = 4096;
};

} // namespace

class TestStoreFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // One warning per corrupt file otherwise; a failure prints what was done to the file.
        QLoggingCategory::setFilterRules(QStringLiteral("hues.store.warning=false\n"
                                                        "hues.store.info=false"));
        QVERIFY(m_root.isValid());
        // A valid store with a few pages of cache rows and outbox entries.
        const QString dir = m_root.filePath(QStringLiteral("template"));
        {
            StoreService service;
            QVERIFY2(service.open(dir), qPrintable(service.errorString()));
            QSqlQuery q(service.database()->connection());
            for (int i = 0; i < kCacheRows; ++i) {
                QVERIFY(q.prepare(QStringLiteral("INSERT INTO kv_cache VALUES (?, ?, ?)")));
                q.addBindValue(QStringLiteral("sites/%1").arg(i));
                q.addBindValue(QByteArray("{\"name\":\"Đại Nội Huế\"}").repeated(1 + i % 20));
                q.addBindValue(1700000000 + i);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            for (int i = 0; i < kOutboxRows; ++i) {
                QVERIFY(q.prepare(QStringLiteral(
                    "INSERT INTO outbox (id, kind, idempotency_key, payload, created_at) "
                    "VALUES (?, 'report', ?, ?, 1700000000)")));
                q.addBindValue(QString::number(i));
                q.addBindValue(QStringLiteral("key-%1").arg(i));
                q.addBindValue(QByteArray("{\"text\":\"ổ gà\"}").repeated(1 + i));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
        }
        const QString path = StoreService::databasePath(dir, QStringLiteral("default"));
        QVERIFY2(!QFile::exists(path + QStringLiteral("-wal")), "the -wal was not checkpointed");
        m_valid = readFile(path);
        QVERIFY(m_valid.startsWith(QByteArray("SQLite format 3\0", 16)));
        QVERIFY2(m_valid.size() >= 6 * 4096, qPrintable(QString::number(m_valid.size())));
    }

    void corruptedDatabases()
    {
        const quint32 seed = envNumber("HUES_FUZZ_SEED", kDefaultSeed);
        const int iterations = int(envNumber("HUES_FUZZ_ITERATIONS", kDefaultIterations));
        qInfo("seed %u, %d corrupted files (override with HUES_FUZZ_SEED, HUES_FUZZ_ITERATIONS)",
              seed, iterations);
        QMap<QString, int> outcomes;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < iterations; ++i) {
            const Corruption c = Corrupter(m_valid, seed, i).make();
            QString outcome;
            // A fresh folder each time: moved-aside names are per second.
            const QString dir = m_root.filePath(QStringLiteral("run-%1").arg(i));
            check(dir, c, &outcome);
            if (QTest::currentTestFailed()) {
                // Kept for a look with the sqlite3 shell.
                const QString kept = QDir::current().absoluteFilePath(
                    QStringLiteral("tst_store_fuzz-%1-%2.sqlite").arg(seed).arg(i));
                writeFile(kept, c.db);
                qWarning("iteration %d failed: %s (seed %u); the file is kept as %s", i,
                         c.steps.join(", ").constData(), seed, qPrintable(kept));
                return;
            }
            ++outcomes[outcome];
            QDir(dir).removeRecursively();
        }
        QString summary;
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
            summary += QStringLiteral(" %1:%2").arg(it.key()).arg(it.value());
        qInfo("%d files in %lld ms:%s", iterations, clock.elapsed(), qPrintable(summary));
    }

private:
    // Puts c in place of dir's database, opens it and checks the outcome (QVERIFY on failure).
    void check(const QString &dir, const Corruption &c, QString *outcome)
    {
        const QString path = StoreService::databasePath(dir, QStringLiteral("default"));
        const QString folder = QFileInfo(path).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        if (c.directory) {
            QVERIFY(QDir().mkpath(path));
        } else {
            QVERIFY(writeFile(path, c.db));
            if (!c.wal.isEmpty())
                QVERIFY(writeFile(path + QStringLiteral("-wal"), c.wal));
            if (!c.shm.isEmpty())
                QVERIFY(writeFile(path + QStringLiteral("-shm"), c.shm));
        }

        StoreService service;
        QSignalSpy notice(&service, &StoreService::noticeChanged);
        const bool opened = service.open(dir);
        Database *db = service.database();
        const QString aside = db->movedAsidePath();
        const QStringList corruptFiles =
            QDir(folder).entryList({QStringLiteral("hues.sqlite.corrupt-*")}, QDir::Files);
        const QByteArray steps = c.steps.join(", ");

        if (!aside.isEmpty()) {
            // Moved aside: the notice tells the user, and the damaged bytes are all kept.
            QVERIFY2(corruptFiles.contains(QFileInfo(aside).fileName()), steps.constData());
            QCOMPARE(notice.count(), 1);
            QVERIFY(!service.notice().isEmpty());
            QVERIFY2(readFile(aside) == c.db,
                     qPrintable(QStringLiteral("the moved-aside file differs from the corrupt "
                                               "one (%1 vs %2 bytes) after: %3")
                                    .arg(QFileInfo(aside).size())
                                    .arg(c.db.size())
                                    .arg(QString::fromLatin1(steps))));
        } else {
            QVERIFY2(corruptFiles.isEmpty(), qPrintable(corruptFiles.join(u' ')));
            QCOMPARE(notice.count(), 0);
            QVERIFY(service.notice().isEmpty());
        }

        if (!opened) {
            QVERIFY2(!service.errorString().isEmpty(), steps.constData());
            QVERIFY(!service.isReady());
            if (c.directory)
                QVERIFY(QFileInfo(path).isDir()); // left alone
            *outcome = aside.isEmpty() ? QStringLiteral("failed") : QStringLiteral("failed-aside");
            return;
        }
        // Opened: at the latest schema, and it takes a write and gives it back.
        QVERIFY(service.isReady());
        QCOMPARE(db->schemaVersion(), Database::latestVersion());
        QSqlQuery q(db->connection());
        QVERIFY(q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO kv_cache VALUES ('fuzz/probe', ?, 1)")));
        q.addBindValue(QByteArray("Huế"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text() + QStringLiteral(" after: ") +
                                      QString::fromLatin1(steps)));
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM kv_cache WHERE key = 'fuzz/probe'")));
        QVERIFY2(q.next(), qPrintable(q.lastError().text() + QStringLiteral(" after: ") +
                                      QString::fromLatin1(steps)));
        QCOMPARE(q.value(0).toByteArray(), QByteArray("Huế"));
        if (c.dbIntact) { // garbage beside a sound database costs none of its rows
            QVERIFY(aside.isEmpty());
            QVERIFY(q.exec(QStringLiteral(
                "SELECT (SELECT COUNT(*) FROM kv_cache), (SELECT COUNT(*) FROM outbox)")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), kCacheRows + 1);
            QCOMPARE(q.value(1).toInt(), kOutboxRows);
        }
        *outcome = aside.isEmpty() ? QStringLiteral("opened") : QStringLiteral("recovered");
    }

    QTemporaryDir m_root{scratchTemplate()};
    QByteArray m_valid;
};

QTEST_GUILESS_MAIN(TestStoreFuzz)
#include "tst_store_fuzz.moc"
