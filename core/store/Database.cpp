#include "Database.h"

#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace store {

namespace {

// Tables that only cache what the server has: clearCache() empties them.
const QStringList kCacheTables = {QStringLiteral("kv_cache"), QStringLiteral("payment_receipts")};

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool isCorruption(const QSqlError &e)
{
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), as the QSQLITE driver reports them.
    const QString code = e.nativeErrorCode();
    const QString text = e.text().toLower();
    return code == QLatin1String("11") || code == QLatin1String("26") ||
           text.contains(QLatin1String("not a database")) ||
           text.contains(QLatin1String("malformed"));
}

QStringList columnNames(const QSqlRecord &record)
{
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

// The columns of each table the migrations create, from a replay on an empty in-memory
// database: what the app's queries rely on.
const QMap<QString, QStringList> &expectedColumns()
{
    static const QMap<QString, QStringList> columns = [] {
        QMap<QString, QStringList> result;
        const QString name = QStringLiteral("hues-store-reference");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QStringLiteral(":memory:"));
            bool ok = db.open();
            QSqlQuery q(db);
            for (const Migration &m : Database::migrations()) {
                for (const QString &sql : m.statements)
                    ok = ok && q.exec(sql);
            }
            const QStringList tables = ok ? db.tables() : QStringList();
            for (const QString &table : tables)
                result.insert(table, columnNames(db.record(table)));
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }();
    return columns;
}

} // namespace

const QVector<Migration> &Database::migrations()
{
    static const QVector<Migration> list = {
        {1,
         {QStringLiteral("CREATE TABLE kv_cache (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                         "updated_at INTEGER NOT NULL)"),
          QStringLiteral("CREATE TABLE outbox (id TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                         "idempotency_key TEXT NOT NULL UNIQUE, payload BLOB NOT NULL, "
                         "state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL "
                         "DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL)")}},
        // The outbox of store::Outbox: who created an item and for which server, when to try
        // again, what the server answered, and the item's files (written in the item's
        // transaction). Outbox times are milliseconds since the epoch; created_at values of
        // version 1 were seconds.
        {2,
         {QStringLiteral("ALTER TABLE outbox ADD COLUMN account TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN server TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER NOT NULL "
                         "DEFAULT 0"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN remote_id TEXT"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN response BLOB"),
          QStringLiteral("UPDATE outbox SET created_at = created_at * 1000 WHERE created_at < "
                         "100000000000"),
          QStringLiteral("UPDATE outbox SET updated_at = created_at"),
          QStringLiteral("CREATE TABLE outbox_attachments (outbox_id TEXT NOT NULL REFERENCES "
                         "outbox(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, mime TEXT NOT "
                         "NULL, bytes BLOB NOT NULL, PRIMARY KEY (outbox_id, ordinal))"),
          QStringLiteral("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)")}},
        // What the user set up and must keep when the cache is cleared: settings of features
        // (e.g. muted alert categories), saved places (home, work: alerts there concern them),
        // and per alert whether it was notified (under which notification key) and opened.
        {3,
         {QStringLiteral("CREATE TABLE kv_user (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                         "updated_at INTEGER NOT NULL)"),
          QStringLiteral("CREATE TABLE saved_places (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                         "kind TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, created_at "
                         "INTEGER NOT NULL)"),
          QStringLiteral("CREATE TABLE alert_marks (server TEXT NOT NULL, alert_id TEXT NOT "
                         "NULL, notify_key TEXT, notified_at INTEGER, read_at INTEGER, "
                         "updated_at INTEGER NOT NULL, PRIMARY KEY (server, alert_id))")}},
        // Payments: each attempt (its Idempotency-Key and the exact request) is written before
        // it is sent and kept until resolved; the user's payments (receipts, for history and
        // receipts offline); saved bill customer codes. Times are milliseconds since the epoch.
        {4,
         {QStringLiteral("CREATE TABLE payment_attempts (id TEXT PRIMARY KEY, account TEXT NOT "
                         "NULL, server TEXT NOT NULL, path TEXT NOT NULL, body BLOB NOT NULL, "
                         "state TEXT NOT NULL, error_code TEXT, payment_ids TEXT, display BLOB, "
                         "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
          QStringLiteral("CREATE INDEX payment_attempts_open ON payment_attempts (state, "
                         "account, server)"),
          QStringLiteral("CREATE TABLE payment_receipts (server TEXT NOT NULL, account TEXT NOT "
                         "NULL, payment_id TEXT NOT NULL, created_at INTEGER NOT NULL, direction "
                         "TEXT NOT NULL, category TEXT NOT NULL, search TEXT NOT NULL, payment "
                         "BLOB NOT NULL, PRIMARY KEY (server, account, payment_id))"),
          QStringLiteral("CREATE INDEX payment_receipts_time ON payment_receipts (server, "
                         "account, created_at)"),
          QStringLiteral("CREATE TABLE saved_bill_codes (server TEXT NOT NULL, account TEXT NOT "
                         "NULL, provider_id TEXT NOT NULL, customer_code TEXT NOT NULL, "
                         "provider_name TEXT NOT NULL, label TEXT NOT NULL, created_at INTEGER "
                         "NOT NULL, PRIMARY KEY (server, account, provider_id, customer_code))")}},
    };
    return list;
}

int Database::latestVersion()
{
    return migrations().constLast().version;
}

Database::Database()
    : m_connectionName(QStringLiteral("hues-store-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Database::OpenStatus Database::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    m_movedAside.clear();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return OpenStatus::Failed;
    }

    Attempt attempt = tryOpen();
    if (attempt == Attempt::Ok)
        return OpenStatus::Opened;
    close(); // a failed open() leaves nothing open
    if (attempt == Attempt::Error)
        return OpenStatus::Failed;

    // Corrupt: keep the file for inspection, start afresh. The stamp has one-second
    // resolution: a second recovery within that second gets a numbered name.
    const QString base =
        path + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = base;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = base + QLatin1Char('-') + QString::number(n);
    qCWarning(lcStore) << "database is corrupt, moving it aside to" << aside << ":" << m_error;
    if (!QFile::rename(path, aside)) {
        m_error = QStringLiteral("the database file is corrupt and cannot be moved aside");
        return OpenStatus::Failed;
    }
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    m_movedAside = aside;
    if (tryOpen() == Attempt::Ok)
        return OpenStatus::Recovered;
    close();
    return OpenStatus::Failed;
}

Database::Attempt Database::tryOpen()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return isCorruption(db.lastError()) ? Attempt::Corrupt : Attempt::Error;
    }
    QSqlQuery q(db);
    // Checked before anything can write to the file (journal_mode=WAL may rewrite its header),
    // so that a corrupt file is moved aside as it was. integrity_check, not quick_check: only
    // it finds indexes that disagree with their table, which quick_check passes and the first
    // write then trips over. Costs about the same.
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout=5000")) ||
        !q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        m_error = q.lastError().text();
        return isCorruption(q.lastError()) ? Attempt::Corrupt : Attempt::Error;
    }
    if (!q.next() || q.value(0).toString() != QLatin1String("ok")) {
        m_error = q.isValid() ? q.value(0).toString() : QStringLiteral("no integrity check result");
        return Attempt::Corrupt;
    }
    // The outbox must survive power loss: WAL with synchronous=FULL.
    for (const auto &pragma :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON")}) {
        if (!q.exec(pragma)) {
            m_error = q.lastError().text();
            return isCorruption(q.lastError()) ? Attempt::Corrupt : Attempt::Error;
        }
    }
    if (!migrate())
        return Attempt::Error;
    // Bytes flipped in the stored schema can rename a table or column without SQLite noticing.
    const auto &expected = expectedColumns();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (columnNames(db.record(it.key())) != it.value()) {
            m_error = QStringLiteral("the table %1 is not as the schema defines it").arg(it.key());
            return Attempt::Corrupt;
        }
    }
    return Attempt::Ok;
}

bool Database::migrate()
{
    QSqlDatabase db = connection();
    // One transaction for the version table and every pending migration: a first start (all
    // of them) commits once, one fsync of the WAL (synchronous=FULL) instead of one for each,
    // and a migration that fails leaves the file as it was.
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    const auto abandon = [&db, this](const QString &error) {
        db.rollback();
        m_error = error.isEmpty() ? db.lastError().text() : error;
        return false;
    };
    QString error;
    if (!exec(db,
              QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT "
                             "NULL, applied_at INTEGER NOT NULL)"),
              &error))
        return abandon(error);
    // A file SQLite can only read (a newer file format, no write permission) opens without
    // an error: find out now, not at the first write. Changes nothing.
    if (!exec(db, QStringLiteral("DELETE FROM schema_version WHERE 0"), &error))
        return abandon(QStringLiteral("the database cannot be written: %1").arg(error));
    const int current = schemaVersion();
    if (current > latestVersion()) {
        return abandon(QStringLiteral("the database was written by a newer version of Hue-S "
                                      "(schema %1, this version knows up to %2); update the app")
                           .arg(current)
                           .arg(latestVersion()));
    }
    QVector<int> applied;
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        bool ok = true;
        for (const QString &sql : m.statements)
            ok = ok && exec(db, sql, &error);
        if (ok) {
            QSqlQuery q(db);
            q.prepare(
                QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
            q.addBindValue(m.version);
            q.addBindValue(QDateTime::currentSecsSinceEpoch());
            ok = q.exec();
            if (!ok)
                error = q.lastError().text();
        }
        if (!ok) {
            abandon(error);
            qCWarning(lcStore) << "migration" << m.version << "failed:" << m_error;
            return false;
        }
        applied.append(m.version);
    }
    if (!db.commit()) {
        abandon(db.lastError().text());
        if (!applied.isEmpty())
            qCWarning(lcStore) << "migrations" << applied << "failed:" << m_error;
        return false;
    }
    for (int version : applied)
        qCInfo(lcStore) << "applied migration" << version;
    return true;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

QVector<QPair<QString, qint64>> Database::rowCounts() const
{
    QVector<QPair<QString, qint64>> counts;
    QSqlDatabase db = connection();
    QStringList tables = db.tables(QSql::Tables);
    tables.removeAll(QStringLiteral("schema_version"));
    tables.sort();
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery q(db);
        // Table names come from sqlite_master, not from the user.
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table)) && q.next())
            counts.append({table, q.value(0).toLongLong()});
    }
    return counts;
}

bool Database::clearCache()
{
    QSqlDatabase db = connection();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    for (const QString &table : kCacheTables) {
        if (!exec(db, QStringLiteral("DELETE FROM \"%1\"").arg(table), &m_error)) {
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

} // namespace store
