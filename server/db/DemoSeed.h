#pragma once

#include <QString>

namespace hues::server {

class Database;

// `--seed demo`: real Huế data (one-stop centres, heritage sites, Open311 report categories,
// bill providers) and demo accounts. Idempotent: rows have fixed ids and are upserted.
class DemoSeed
{
public:
    static bool run(Database &db, QString *error);
};

} // namespace hues::server
