// Tests that run on both database backends: a "backend" column with a SQLite and a PostgreSQL
// row (skipped without HUES_TEST_PG_URL), each on a fresh database.
#pragma once

#include "TestServer.h"

#include <memory>

namespace hues::test {

// Why a PostgreSQL row is skipped.
extern const char kNoPostgres[];

// For a test's _data(): the "backend" column with the rows "sqlite" and "postgresql".
void backends();

// Options of a server on databaseUrl (empty: SQLite in a fresh data dir), extraArgs appended.
TestServer::Options unseeded(const QString &databaseUrl, const QStringList &extraArgs = {});
// The same with the demo data (--seed demo).
TestServer::Options seeded(const QString &databaseUrl = {}, const QStringList &extraArgs = {});

} // namespace hues::test

// Fetches the "backend" column and, for PostgreSQL, creates a fresh database (or skips).
#define HUES_FETCH_BACKEND(dbUrl)                                                                  \
    QFETCH(QString, backend);                                                                      \
    std::unique_ptr<hues::test::ScratchDatabase> scratch_;                                         \
    if (backend == QLatin1String("postgresql")) {                                                  \
        if (hues::test::postgresUrlFromEnv().isEmpty())                                            \
            QSKIP(hues::test::kNoPostgres);                                                        \
        scratch_ =                                                                                 \
            std::make_unique<hues::test::ScratchDatabase>(hues::test::postgresUrlFromEnv());       \
        QVERIFY2(scratch_->isValid(), qPrintable(scratch_->errorString()));                        \
    }                                                                                              \
    const QString dbUrl = scratch_ ? scratch_->url() : QString()

// Starts a seeded server on the backend of the current row; the optional argument is a
// QStringList of extra server arguments.
#define HUES_START_SERVER(server, ...)                                                             \
    HUES_FETCH_BACKEND(dbUrl_);                                                                    \
    hues::test::TestServer server(hues::test::seeded(dbUrl_, ##__VA_ARGS__));                      \
    QVERIFY2(server.start(), qPrintable(server.errorString()))
