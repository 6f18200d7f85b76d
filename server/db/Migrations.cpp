#include "db/Migrations.h"

#include "db/Database.h"
#include "logging.h"

#include <QDateTime>
#include <QSqlQuery>

namespace hues::server {

const std::vector<Migration> &Migrations::all()
{
    // Portable SQL only: TEXT/INTEGER/BIGINT/DOUBLE PRECISION, text ids, no AUTOINCREMENT/SERIAL.
    // Never edit a released migration: add a new one.
    static const std::vector<Migration> migrations = {
        {1,
         QStringLiteral("directory: centres, heritage sites, report categories, bill providers, "
                        "accounts"),
         {
             QStringLiteral("CREATE TABLE service_centres ("
                            " id TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " address TEXT NOT NULL,"
                            " lat DOUBLE PRECISION NOT NULL,"
                            " lon DOUBLE PRECISION NOT NULL,"
                            " phone TEXT,"
                            " opening_hours TEXT,"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE heritage_sites ("
                            " id TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " address TEXT NOT NULL,"
                            " lat DOUBLE PRECISION NOT NULL,"
                            " lon DOUBLE PRECISION NOT NULL,"
                            " opening_hours TEXT NOT NULL,"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE report_categories ("
                            " service_code TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " description_vi TEXT NOT NULL,"
                            " description_en TEXT NOT NULL,"
                            " keywords TEXT NOT NULL DEFAULT '',"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE bill_providers ("
                            " id TEXT PRIMARY KEY,"
                            " name_vi TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " sort_order INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE accounts ("
                            " id TEXT PRIMARY KEY,"
                            " username TEXT NOT NULL UNIQUE,"
                            " role TEXT NOT NULL,"
                            " display_name TEXT NOT NULL,"
                            " created_at TEXT NOT NULL)"),
         }},
    };
    return migrations;
}

int Migrations::latestVersion()
{
    return all().empty() ? 0 : all().back().version;
}

bool Migrations::currentVersion(Database &db, int *version, QString *error)
{
    QSqlQuery query(db.connection());
    if (!db.exec(query, QStringLiteral("SELECT MAX(version) FROM schema_version"))) {
        *error = QStringLiteral("cannot read schema_version: ") + db.errorString();
        return false;
    }
    *version = query.next() ? query.value(0).toInt() : 0;
    return true;
}

bool Migrations::run(Database &db, QString *error)
{
    if (!db.lockSchema()) {
        *error = QStringLiteral("cannot lock the schema for migration: ") + db.errorString();
        return false;
    }
    const bool ok = runLocked(db, error);
    db.unlockSchema();
    return ok;
}

bool Migrations::runLocked(Database &db, QString *error)
{
    if (!db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                " version INTEGER PRIMARY KEY,"
                                " description TEXT NOT NULL,"
                                " applied_at TEXT NOT NULL)"))) {
        *error = QStringLiteral("cannot create schema_version: ") + db.errorString();
        return false;
    }
    int current = 0;
    if (!currentVersion(db, &current, error))
        return false;
    if (current > latestVersion()) {
        *error = QStringLiteral("the database schema is at version %1, newer than the version "
                                "%2 this hues-server knows; refusing to start (upgrade "
                                "hues-server)")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    if (current == latestVersion()) {
        qCInfo(lcStore) << "schema up to date at version" << current;
        return true;
    }
    for (const Migration &migration : all()) {
        if (migration.version <= current)
            continue;
        if (!db.begin()) {
            *error = QStringLiteral("cannot begin migration: ") + db.errorString();
            return false;
        }
        // Another process may have migrated between our read and our lock (SQLite).
        int now = 0;
        if (!currentVersion(db, &now, error)) {
            db.rollback();
            return false;
        }
        if (now >= migration.version) {
            db.rollback();
            current = now;
            continue;
        }
        qCInfo(lcStore).noquote() << "applying migration" << migration.version << "-"
                                  << migration.description;
        bool ok = true;
        for (const QString &statement : migration.statements) {
            if (!db.exec(statement)) {
                ok = false;
                break;
            }
        }
        ok = ok && db.exec(QStringLiteral("INSERT INTO schema_version (version, description, "
                                          "applied_at) VALUES (?, ?, ?)"),
                           {migration.version, migration.description,
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
        if (!ok || !db.commit()) {
            *error = QStringLiteral("migration %1 failed: %2")
                         .arg(migration.version)
                         .arg(db.errorString());
            db.rollback();
            return false;
        }
        current = migration.version;
    }
    return true;
}

} // namespace hues::server
