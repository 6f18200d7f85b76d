#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace hues::server {

class Database;

// One versioned step of the schema: portable SQL statements applied in one transaction.
struct Migration
{
    int version;
    QString description;
    QStringList statements;
};

// Brings the schema to the latest version, recording each step in schema_version. Safe when
// several hues-server processes start on one database at once. Refuses a schema newer than
// this build knows.
class Migrations
{
public:
    static const std::vector<Migration> &all();
    static int latestVersion();

    // Returns false and sets *error when the schema cannot be brought up to date.
    static bool run(Database &db, QString *error);

private:
    static bool runLocked(Database &db, QString *error);
    static bool currentVersion(Database &db, int *version, QString *error);
};

} // namespace hues::server
