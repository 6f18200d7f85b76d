// hues-tool alerts watch: the alert events of hues-server's push stream, one JSON line each,
// through the app's push::PushClient (resume from a sequence number, reconnects, backoff).
#include "Commands.h"
#include "Reporting.h"
#include "alerts/Cap.h"
#include "net/ApiClient.h"
#include "push/PushClient.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace tool {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// One line for an alert or alert_cancel event; the fields of a CAP message that cannot be
// read are null.
QJsonObject eventLine(const QString &kind, qint64 seq, const QJsonObject &data,
                      const QString &language)
{
    QJsonObject line{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("alert_id"), orNull(data.value(QLatin1String("alert_id")).toString())}};
    const alerts::ParseResult parsed =
        alerts::parse(data.value(QLatin1String("cap")).toString().toUtf8());
    const alerts::Alert &a = parsed.alert;
    const alerts::Info *info = parsed.ok ? alerts::bestInfo(a, language) : nullptr;
    line.insert(QStringLiteral("identifier"), parsed.ok ? orNull(a.identifier) : QJsonValue());
    line.insert(QStringLiteral("sender"), parsed.ok ? orNull(a.sender) : QJsonValue());
    line.insert(QStringLiteral("sent"),
                parsed.ok ? orNull(alerts::formatTime(a.sent)) : QJsonValue());
    line.insert(QStringLiteral("msg_type"), parsed.ok ? orNull(a.msgType) : QJsonValue());
    line.insert(QStringLiteral("headline"), info ? orNull(info->headline) : QJsonValue());
    line.insert(QStringLiteral("severity"), info ? orNull(info->severity) : QJsonValue());
    line.insert(QStringLiteral("event"), info ? orNull(info->event) : QJsonValue());
    if (!parsed.ok)
        line.insert(QStringLiteral("error"), parsed.errorString());
    return line;
}

int runWatch(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints each alert event of the server's push stream as one JSON line on stdout:\n"
        "{seq, kind (alert | alert_cancel), alert_id, identifier, sender, sent, msg_type,\n"
        "headline, severity, event}; texts from the <info> of --lang. Reconnects by itself\n"
        "and resumes where it was; runs until killed, or until --count events were printed.\n"
        "Progress (live, connection errors) goes to stderr."));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("Start after this sequence number: the events after it come first "
                       "(default: only new events)."),
        QStringLiteral("N"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Exit after printing N events."),
                                   QStringLiteral("N"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language of the texts (default vi-VN)."),
                                  QStringLiteral("TAG"), QStringLiteral("vi-VN"));
    parser.addOptions({since, count, lang});
    if (const int code =
            parseCommandLine(parser, invocation, args,
                             invocation + QStringLiteral(" [--since N] [--count N] [--lang TAG]"));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);
    if (context.server.isEmpty())
        return usageError(QStringLiteral("give the city server with the global option --server "
                                         "URL (before the command)"),
                          invocation);
    qint64 sinceSeq = 0;
    if (parser.isSet(since)) {
        bool ok = false;
        sinceSeq = parser.value(since).toLongLong(&ok);
        if (!ok || sinceSeq < 0)
            return usageError(QStringLiteral("bad --since '%1' (a sequence number, 0 or more)")
                                  .arg(parser.value(since)),
                              invocation);
    }
    qint64 maxEvents = -1;
    if (parser.isSet(count)) {
        bool ok = false;
        maxEvents = parser.value(count).toLongLong(&ok);
        if (!ok || maxEvents < 1)
            return usageError(
                QStringLiteral("bad --count '%1' (1 or more)").arg(parser.value(count)),
                invocation);
    }
    const QString language = parser.value(lang);

    net::ApiClient api;
    if (!api.setBaseUrl(context.server)) {
        printError(QStringLiteral("cannot use the server %1").arg(context.server.toString()));
        return ExitFailure;
    }
    // The client keeps its position in a store: a throwaway one here, starting at --since,
    // so that watching never moves the profile's own position.
    QTemporaryDir dir;
    store::Database db;
    if (!dir.isValid() || db.open(dir.filePath(QStringLiteral("watch.sqlite"))) ==
                              store::Database::OpenStatus::Failed) {
        printError(QStringLiteral("cannot create a temporary store: %1").arg(db.errorString()));
        return ExitFailure;
    }
    const QString key = push::PushClient(&api, nullptr).storeKey();
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO kv_cache (key, value, updated_at) VALUES (?, ?, ?)"));
    q.addBindValue(key);
    q.addBindValue(QByteArray::number(sinceSeq));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        printError(QStringLiteral("cannot prepare the temporary store"));
        return ExitFailure;
    }

    push::PushClient client(&api, &db);
    QEventLoop loop;
    qint64 printed = 0;
    QObject::connect(
        &client, &push::PushClient::event, &loop,
        [&](const QString &kind, qint64 seq, const QJsonObject &data) {
            if (kind != QLatin1String("alert") && kind != QLatin1String("alert_cancel"))
                return;
            printLine(QString::fromUtf8(QJsonDocument(eventLine(kind, seq, data, language))
                                            .toJson(QJsonDocument::Compact)));
            if (maxEvents > 0 && ++printed >= maxEvents)
                loop.quit();
        });
    QObject::connect(&client, &push::PushClient::stateChanged, &loop, [&client] {
        if (client.state() == push::PushClient::State::Live)
            printError(QStringLiteral("live after seq %1").arg(client.lastSeq()));
    });
    QObject::connect(&client, &push::PushClient::reset, &loop, [] {
        printError(QStringLiteral("the server no longer keeps the events asked for; "
                                  "continuing with new ones"));
    });
    QObject::connect(&client, &push::PushClient::connectionError, &loop,
                     [](const QString &why) { printError(why + QStringLiteral("; retrying")); });
    client.start();
    loop.exec();
    client.stop();
    return ExitOk;
}

} // namespace

int runAlerts(const Context &context, const QString &invocation, const QStringList &args)
{
    static const std::vector<Command> subcommands = {
        {"watch", "Print the alert events of the push stream as JSON lines.", runWatch},
    };
    return dispatch(context, invocation,
                    QStringLiteral("Alerts of the city server (CAP 1.2 over the push stream)."),
                    subcommands, args);
}

} // namespace tool
