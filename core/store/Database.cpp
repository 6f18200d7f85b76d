#include "Database.h"

#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace store {

namespace {

// Tables that only cache what the server has: clearCache() empties them.
const QStringList kCacheTables = {QStringLiteral("kv_cache")};

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
    if (attempt == Attempt::Error)
        return OpenStatus::Failed;

    // Corrupt: keep the file for inspection, start afresh.
    close();
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString aside = path + QStringLiteral(".corrupt-") + stamp;
    qCWarning(lcStore) << "database is corrupt, moving it aside to" << aside << ":" << m_error;
    if (!QFile::rename(path, aside)) {
        m_error = QStringLiteral("the database file is corrupt and cannot be moved aside");
        return OpenStatus::Failed;
    }
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    m_movedAside = aside;
    attempt = tryOpen();
    return attempt == Attempt::Ok ? OpenStatus::Recovered : OpenStatus::Failed;
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
    // The outbox must survive power loss: WAL with synchronous=FULL.
    for (const auto &pragma :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")}) {
        if (!q.exec(pragma)) {
            m_error = q.lastError().text();
            return isCorruption(q.lastError()) ? Attempt::Corrupt : Attempt::Error;
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() ||
        q.value(0).toString() != QLatin1String("ok")) {
        m_error = q.lastError().isValid() ? q.lastError().text() : q.value(0).toString();
        return Attempt::Corrupt;
    }
    if (!migrate())
        return Attempt::Error;
    return Attempt::Ok;
}

bool Database::migrate()
{
    QSqlDatabase db = connection();
    if (!exec(db,
              QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT "
                             "NULL, applied_at INTEGER NOT NULL)"),
              &m_error))
        return false;
    const int current = schemaVersion();
    if (current > latestVersion()) {
        m_error = QStringLiteral("the database was written by a newer version of Hue-S "
                                 "(schema %1, this version knows up to %2); update the app")
                      .arg(current)
                      .arg(latestVersion());
        return false;
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        if (!db.transaction()) {
            m_error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &sql : m.statements)
            ok = ok && exec(db, sql, &m_error);
        QSqlQuery q(db);
        if (ok) {
            q.prepare(
                QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
            q.addBindValue(m.version);
            q.addBindValue(QDateTime::currentSecsSinceEpoch());
            ok = q.exec();
            if (!ok)
                m_error = q.lastError().text();
        }
        if (!ok || !db.commit()) {
            db.rollback();
            if (m_error.isEmpty())
                m_error = db.lastError().text();
            qCWarning(lcStore) << "migration" << m.version << "failed:" << m_error;
            return false;
        }
        qCInfo(lcStore) << "applied migration" << m.version;
    }
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
