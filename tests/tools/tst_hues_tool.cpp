#include "ToolRunner.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hues::test;

class TestHuesTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(toolExecutable()).isExecutable(), qPrintable(toolExecutable()));
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void version()
    {
        const QStringList args{QStringLiteral("--version")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QCOMPARE(r.out, QStringLiteral("hues-tool " HUES_VERSION "\n"));
        QCOMPARE(r.err, QString());
    }

    void helpListsCommandsAndGlobalOptions()
    {
        const QStringList args{QStringLiteral("--help")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: hues-tool ")), qPrintable(r.out));
        const QRegularExpression storeLine(QStringLiteral("^Commands:\\n(.*\\n)*  store +\\S"),
                                           QRegularExpression::MultilineOption);
        QVERIFY2(storeLine.match(r.out).hasMatch(), qPrintable(r.out));
        for (const char *option : {"--data-dir", "--server", "--profile", "--version"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
        QCOMPARE(r.err, QString());
    }

    void storeHelpListsSubcommands()
    {
        const QStringList args{QStringLiteral("store"), QStringLiteral("--help")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: hues-tool store ")), qPrintable(r.out));
        QVERIFY2(r.listsCommand(QStringLiteral("info")), qPrintable(r.out));
    }

    void storeInfoHelpShowsJson()
    {
        const QStringList args{QStringLiteral("store"), QStringLiteral("info"),
                               QStringLiteral("--help")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: hues-tool store info")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("--json")), qPrintable(r.out));
        QVERIFY2(!QFile::exists(dataDir()), "help must not create the store");
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("hint");
        const QString top = QStringLiteral("Try 'hues-tool --help'.");
        QTest::newRow("no command") << QStringList() << QStringLiteral("missing command") << top;
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("'frobnicate'") << top;
        QTest::newRow("unknown global option")
            << QStringList{QStringLiteral("--bogus"), QStringLiteral("store")}
            << QStringLiteral("'bogus'") << top;
        QTest::newRow("option value missing")
            << QStringList{QStringLiteral("--data-dir")} << QStringLiteral("data-dir") << top;
        QTest::newRow("bad profile")
            << QStringList{QStringLiteral("--profile"), QStringLiteral("../escape"),
                           QStringLiteral("store"), QStringLiteral("info")}
            << QStringLiteral("'../escape'") << top;
        const QString store = QStringLiteral("Try 'hues-tool store --help'.");
        QTest::newRow("store without subcommand")
            << QStringList{QStringLiteral("store")} << QStringLiteral("missing command") << store;
        QTest::newRow("unknown store subcommand")
            << QStringList{QStringLiteral("store"), QStringLiteral("shred")}
            << QStringLiteral("'shred'") << store;
        const QString info = QStringLiteral("Try 'hues-tool store info --help'.");
        QTest::newRow("global option after the command")
            << QStringList{QStringLiteral("store"), QStringLiteral("info"),
                           QStringLiteral("--data-dir"), QStringLiteral("/tmp")}
            << QStringLiteral("'data-dir'") << info;
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("store"), QStringLiteral("info"), QStringLiteral("extra")}
            << QStringLiteral("'extra'") << info;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        QFETCH(QString, hint);
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(named), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(hint), qPrintable(r.describe()));
        QCOMPARE(r.out, QString());
        QVERIFY2(!QFile::exists(dataDir()), "a usage error must not create the store");
    }

    void badServer_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("http to another host") << QStringLiteral("http://example.com");
        QTest::newRow("other scheme") << QStringLiteral("ftp://hues.example.vn");
        QTest::newRow("no host") << QStringLiteral("https://");
        QTest::newRow("credentials") << QStringLiteral("https://admin:s3cr3t@hues.example.vn");
    }
    void badServer()
    {
        QFETCH(QString, url);
        const QStringList args{QStringLiteral("--server"), url, QStringLiteral("store"),
                               QStringLiteral("info")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QLatin1String("--server")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Try 'hues-tool --help'.")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("s3cr3t")), "the password was echoed");
        QVERIFY(!QFile::exists(dataDir()));
    }

    void goodServerIsAccepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("https") << QStringLiteral("https://hues.example.vn");
        QTest::newRow("http to loopback") << QStringLiteral("http://127.0.0.1:8080");
    }
    void goodServerIsAccepted()
    {
        QFETCH(QString, url);
        const QStringList args = withDataDir(
            {QStringLiteral("--server"), url, QStringLiteral("store"), QStringLiteral("info")});
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
    }

    void storeInfoOnFreshDir()
    {
        const QStringList args = withDataDir({QStringLiteral("store"), QStringLiteral("info")});
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("database: ") + dbPath()), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("profile: default")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("schema version: %1 (latest known: %1)")
                                    .arg(store::Database::latestVersion())),
                 qPrintable(r.out));
        QCOMPARE(store::Database::latestVersion(), 4); // update the expectations with a migration
        QVERIFY2(lines.contains(QStringLiteral("rows in payment_attempts: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in payment_receipts: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in saved_bill_codes: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in outbox_attachments: 0")),
                 qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in saved_places: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in alert_marks: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in kv_user: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in kv_cache: 0")), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rows in outbox: 0")), qPrintable(r.out));
        QCOMPARE(r.err, QString());
        QVERIFY(QFile::exists(dbPath()));
    }

    void storeInfoCountsRows()
    {
        const QStringList args = withDataDir({QStringLiteral("store"), QStringLiteral("info")});
        HUES_EXPECT_EXIT(run(args), 0);
        QVERIFY(execSql({QStringLiteral("INSERT INTO kv_cache VALUES ('a', 'x', 1)"),
                         QStringLiteral("INSERT INTO kv_cache VALUES ('b', 'y', 1)"),
                         QStringLiteral("INSERT INTO outbox (id, kind, idempotency_key, payload, "
                                        "created_at) VALUES ('1', 'report', 'k-1', 'p', 1)")}));
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QLatin1String("\nrows in kv_cache: 2\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("\nrows in outbox: 1\n")), qPrintable(r.out));
    }

    void storeInfoJson()
    {
        const QStringList args = withDataDir(
            {QStringLiteral("store"), QStringLiteral("info"), QStringLiteral("--json")});
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(r.out));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QLatin1String("database")).toString(), dbPath());
        QCOMPARE(o.value(QLatin1String("profile")).toString(), QStringLiteral("default"));
        QCOMPARE(o.value(QLatin1String("schema_version")).toInt(-1),
                 store::Database::latestVersion());
        QCOMPARE(o.value(QLatin1String("latest_schema_version")).toInt(-1),
                 store::Database::latestVersion());
        QVERIFY(o.contains(QLatin1String("moved_aside_to")));
        QVERIFY(o.value(QLatin1String("moved_aside_to")).isNull());
        const QJsonObject tables = o.value(QLatin1String("tables")).toObject();
        QCOMPARE(tables.value(QLatin1String("kv_cache")).toInt(-1), 0);
        QCOMPARE(tables.value(QLatin1String("outbox")).toInt(-1), 0);
        QVERIFY2(!tables.contains(QLatin1String("schema_version")), qPrintable(r.out));
        QCOMPARE(r.err, QString());
    }

    void profileSelectsItsOwnDatabase()
    {
        const QStringList args = withDataDir({QStringLiteral("--profile"), QStringLiteral("work"),
                                              QStringLiteral("store"), QStringLiteral("info")});
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        const QString path = QDir(dataDir()).filePath(QStringLiteral("profiles/work/hues.sqlite"));
        QVERIFY2(r.out.contains(QStringLiteral("database: ") + path + QLatin1Char('\n')),
                 qPrintable(r.out));
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(dbPath()));
    }

    void defaultDataDirIsTheApps()
    {
        // Without --data-dir: QStandardPaths' AppDataLocation of organization "Hue-S",
        // application "hues", as the app resolves it.
        const QStringList args{QStringLiteral("store"), QStringLiteral("info")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        const QString expected =
            m_dir->filePath(QStringLiteral("xdg-data/Hue-S/hues/profiles/default/hues.sqlite"));
        QVERIFY2(r.out.contains(QStringLiteral("database: ") + expected + QLatin1Char('\n')),
                 qPrintable(r.out));
        QVERIFY(QFile::exists(expected));
    }

    void corruptDatabaseIsMovedAside()
    {
        QVERIFY(QDir().mkpath(QFileInfo(dbPath()).absolutePath()));
        const QByteArray garbage = QByteArray("this is not a database at all. ").repeated(200);
        {
            QFile f(dbPath());
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(garbage), garbage.size());
        }
        const QStringList args = withDataDir({QStringLiteral("store"), QStringLiteral("info")});
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.err.contains(QLatin1String("moved aside")), qPrintable(r.describe()));
        const QStringList aside = QDir(QFileInfo(dbPath()).absolutePath())
                                      .entryList({QStringLiteral("hues.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(r.err.contains(aside.constFirst()), qPrintable(r.err));
        QFile kept(QFileInfo(dbPath()).absoluteDir().filePath(aside.constFirst()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);
        QVERIFY2(r.out.contains(
                     QStringLiteral("schema version: %1 ").arg(store::Database::latestVersion())),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("rows in outbox: 0")), qPrintable(r.out));
    }

    void newerSchemaIsRefused()
    {
        const QStringList args = withDataDir({QStringLiteral("store"), QStringLiteral("info")});
        HUES_EXPECT_EXIT(run(args), 0);
        const int newer = store::Database::latestVersion() + 1;
        QVERIFY(execSql({QStringLiteral("INSERT INTO schema_version (version, applied_at) "
                                        "VALUES (%1, 0)")
                             .arg(newer)}));
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 1);
        QVERIFY2(r.err.contains(QLatin1String("newer version")), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("schema %1").arg(newer)), qPrintable(r.err));
        QCOMPARE(r.out, QString());
        // The newer database is left alone for the newer app, not moved aside.
        QVERIFY(QFile::exists(dbPath()));
        QVERIFY(QDir(QFileInfo(dbPath()).absolutePath())
                    .entryList({QStringLiteral("*.corrupt-*")})
                    .isEmpty());
    }

    void dataDirUnderAFileFails()
    {
        const QString file = m_dir->filePath(QStringLiteral("plain-file"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write("x") == 1);
        }
        const QString under = file + QStringLiteral("/data");
        const QStringList args{QStringLiteral("--data-dir"), under, QStringLiteral("store"),
                               QStringLiteral("info")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 1);
        QVERIFY2(r.err.contains(QLatin1String("cannot create")), qPrintable(r.err));
        QVERIFY2(r.err.contains(under), qPrintable(r.err));
        QCOMPARE(r.out, QString());
    }

    void verboseShowsCoreLogs()
    {
        const QStringList args = QStringList{QStringLiteral("--verbose")} +
                                 withDataDir({QStringLiteral("store"), QStringLiteral("info")});
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.err.contains(QLatin1String("hues.store")), qPrintable(r.err));
    }

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString dbPath() const
    {
        return m_dir->filePath(QStringLiteral("data/profiles/default/hues.sqlite"));
    }
    ToolRun run(const QStringList &args) const
    {
        // Never the user's data, and no logging settings from outside.
        return runTool(args, {m_dir->path(), {}, 60000});
    }
    QStringList withDataDir(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--data-dir"), dataDir()} + args;
    }

    // Runs statements on the test's database, as another program would.
    bool execSql(const QStringList &statements) const
    {
        const QString name = QStringLiteral("tst_hues_tool");
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath());
            ok = db.open();
            QSqlQuery q(db);
            for (const QString &sql : statements) {
                if (ok && !q.exec(sql)) {
                    qWarning() << sql << q.lastError().text();
                    ok = false;
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestHuesTool)
#include "tst_hues_tool.moc"
