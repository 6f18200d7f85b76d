#include "db/Database.h"

#include "logging.h"

#include <QDir>
#include <QSqlError>
#include <QUrl>
#include <QUuid>

namespace hues::server {

namespace {
// Key of the PostgreSQL advisory lock taken around migrations ("hues" in ASCII).
constexpr qint64 kSchemaLockKey = 0x68756573;
} // namespace

Database::~Database()
{
    close();
}

bool Database::open(const QString &dataDir, const QString &url)
{
    m_name = QStringLiteral("hues-server-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (url.isEmpty()) {
        m_kind = Kind::Sqlite;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("hues.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            m_error = QStringLiteral("cannot open SQLite database %1: %2")
                          .arg(db.databaseName(), db.lastError().text());
            return false;
        }
        // WAL lets readers run beside the writer; FULL sync so a commit survives power loss.
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (!exec(QString::fromLatin1(pragma)))
                return false;
        }
        return true;
    }

    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != u"postgresql" && scheme != u"postgres") ||
        parsed.host().isEmpty() || parsed.path().size() < 2) {
        m_error = QStringLiteral("invalid --database URL (expected "
                                 "postgresql://user[:password]@host[:port]/database)");
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_error = QStringLiteral("the QPSQL driver is not installed (libqt6sql6-psql)");
        return false;
    }
    m_kind = Kind::Postgresql;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setDatabaseName(parsed.path().mid(1));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        QUrl safe = parsed;
        safe.setPassword(QString());
        m_error = QStringLiteral("cannot connect to PostgreSQL at %1: %2")
                      .arg(safe.toString(), db.lastError().text().trimmed());
        return false;
    }
    // Server NOTICEs ("relation already exists, skipping") would only be noise on stderr.
    return exec(QStringLiteral("SET client_encoding TO 'UTF8'")) &&
           exec(QStringLiteral("SET client_min_messages TO WARNING"));
}

void Database::close()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_name, false);
}

bool Database::exec(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    if (ok) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (!ok) {
        m_error = query.lastError().text().trimmed();
        qCWarning(lcStore).noquote() << "SQL failed:" << m_error << "in" << sql.simplified();
    }
    return ok;
}

bool Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(connection());
    if (values.isEmpty()) {
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            m_error = query.lastError().text().trimmed();
            qCWarning(lcStore).noquote() << "SQL failed:" << m_error << "in" << sql.simplified();
            return false;
        }
        return true;
    }
    return exec(query, sql, values);
}

bool Database::begin()
{
    // IMMEDIATE takes SQLite's write lock at once, so two processes cannot both read a
    // version and then both write.
    return exec(m_kind == Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                       : QStringLiteral("BEGIN"));
}

bool Database::commit()
{
    return exec(QStringLiteral("COMMIT"));
}

void Database::rollback()
{
    exec(QStringLiteral("ROLLBACK"));
}

bool Database::lockSchema()
{
    if (m_kind == Kind::Postgresql)
        return exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kSchemaLockKey));
    return true;
}

void Database::unlockSchema()
{
    if (m_kind == Kind::Postgresql)
        exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kSchemaLockKey));
}

} // namespace hues::server
