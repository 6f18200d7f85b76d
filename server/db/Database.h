#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace hues::server {

// The one QtSql connection of hues-server. SQLite (a file in the data dir) and PostgreSQL
// (QPSQL) share every statement: portable SQL, "?" placeholders, text ids.
class Database
{
public:
    enum class Kind { Sqlite, Postgresql };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens DIR/hues.sqlite (WAL, foreign keys on) when url is empty, else a
    // postgresql://user[:password]@host[:port]/db URL. Returns false and sets errorString().
    bool open(const QString &dataDir, const QString &url);
    void close();

    Kind kind() const { return m_kind; }
    QString kindName() const
    {
        return m_kind == Kind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    }
    QSqlDatabase connection() const;
    QString errorString() const { return m_error; }

    // Prepares and runs sql with the bound values. On failure returns false, sets
    // errorString() and logs the error on hues.store.
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
    bool exec(const QString &sql, const QVariantList &values = {});

    // Transactions as plain statements, the same on both databases (SQLite: BEGIN IMMEDIATE).
    bool begin();
    bool commit();
    void rollback();

    // Serialises schema changes between processes sharing a PostgreSQL database (an advisory
    // lock; on SQLite the IMMEDIATE transaction of each migration is enough).
    bool lockSchema();
    void unlockSchema();

private:
    QString m_name;
    Kind m_kind = Kind::Sqlite;
    QString m_error;
};

} // namespace hues::server
