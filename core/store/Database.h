#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace store {

// One schema step: applied in a transaction, recorded in schema_version.
struct Migration
{
    int version;
    QStringList statements;
};

// The local SQLite database of one user profile: WAL, versioned migrations,
// and recovery from a corrupt file (moved aside, a fresh one created).
class Database
{
public:
    enum class OpenStatus { Opened, Recovered, Failed };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) the database file at path and migrates it.
    OpenStatus open(const QString &path);
    void close();

    bool isOpen() const;
    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    // Where a corrupt file was moved to by the last open(), empty if none.
    QString movedAsidePath() const { return m_movedAside; }

    int schemaVersion() const;
    // Row counts of the application tables, by table name.
    QVector<QPair<QString, qint64>> rowCounts() const;
    // Deletes every row of the cache tables (not the outbox: nothing the user
    // created is dropped by clearing the cache).
    bool clearCache();

    static int latestVersion();
    static const QVector<Migration> &migrations();

private:
    enum class Attempt { Ok, Corrupt, Error };
    Attempt tryOpen();
    bool migrate();

    QString m_connectionName;
    QString m_path;
    QString m_error;
    QString m_movedAside;
};

} // namespace store
