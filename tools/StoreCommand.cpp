#include "Commands.h"
#include "store/Database.h"
#include "store/StoreService.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace tool {

namespace {

int runInfo(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Opens the database of the profile the way the app does (creating or\n"
                       "migrating it, rebuilding a corrupt file) and prints its path, schema\n"
                       "version and the row count of each table."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON object instead of text."));
    parser.addOption(json);
    if (const int code =
            parseCommandLine(parser, invocation, args, invocation + QStringLiteral(" [--json]"));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);

    if (!context.ensureDataDir())
        return ExitFailure;
    store::StoreService service;
    const QString path = store::StoreService::databasePath(context.dataDir, context.profile);
    if (!service.open(context.dataDir, context.profile)) {
        printError(QStringLiteral("cannot open the store %1: %2").arg(path, service.errorString()));
        return ExitFailure;
    }
    const store::Database &db = *service.database();
    const QString movedAside = db.movedAsidePath();
    if (!movedAside.isEmpty())
        printError(QStringLiteral("warning: the database file was corrupt; it was moved aside "
                                  "to %1 and a new, empty database was created")
                       .arg(movedAside));

    const auto counts = db.rowCounts();
    if (parser.isSet(json)) {
        QJsonObject tables;
        for (const auto &[table, rows] : counts)
            tables.insert(table, rows);
        const QJsonObject info{
            {QStringLiteral("database"), db.path()},
            {QStringLiteral("profile"), context.profile},
            {QStringLiteral("schema_version"), db.schemaVersion()},
            {QStringLiteral("latest_schema_version"), store::Database::latestVersion()},
            {QStringLiteral("moved_aside_to"),
             movedAside.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(movedAside)},
            {QStringLiteral("tables"), tables},
        };
        printOut(QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text = QStringLiteral("database: %1\nprofile: %2\nschema version: %3 (latest known: "
                                  "%4)\n")
                       .arg(db.path(), context.profile)
                       .arg(db.schemaVersion())
                       .arg(store::Database::latestVersion());
    for (const auto &[table, rows] : counts)
        text += QStringLiteral("rows in %1: %2\n").arg(table).arg(rows);
    printOut(text);
    return ExitOk;
}

} // namespace

int runStore(const Context &context, const QString &invocation, const QStringList &args)
{
    static const std::vector<Command> subcommands = {
        {"info", "Print the path, schema version and row counts of the database.", runInfo},
    };
    return dispatch(context, invocation,
                    QStringLiteral("The local database of a profile: "
                                   "DATA/profiles/PROFILE/hues.sqlite."),
                    subcommands, args);
}

} // namespace tool
