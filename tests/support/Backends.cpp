#include "Backends.h"

#include <QTest>

namespace hues::test {

const char kNoPostgres[] = "PostgreSQL rows need HUES_TEST_PG_URL (start one with "
                           "scripts/test-postgres.sh start DIR)";

void backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

TestServer::Options unseeded(const QString &databaseUrl, const QStringList &extraArgs)
{
    TestServer::Options options;
    options.databaseUrl = databaseUrl;
    options.extraArgs = extraArgs;
    return options;
}

TestServer::Options seeded(const QString &databaseUrl, const QStringList &extraArgs)
{
    TestServer::Options options = unseeded(databaseUrl, extraArgs);
    options.seedDemo = true;
    return options;
}

} // namespace hues::test
