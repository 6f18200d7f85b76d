// hues-tool outbox list / sync / retry / discard: what waits to be sent from this profile, and
// sending it now, with the app's store and outbox sender.
#include "Commands.h"
#include "Reporting.h"
#include "reports/OutboxSender.h"
#include "reports/ReportDraft.h"
#include "store/Outbox.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tool {

namespace {

QString time(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

int runOutboxList(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the outbox of the profile, oldest first: id, kind, state (pending, sending,\n"
        "waiting, sent, failed), attempts, photos, remote id and the last error."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON array instead of text."));
    parser.addOption(json);
    if (const int code =
            parseCommandLine(parser, invocation, args, invocation + QStringLiteral(" [--json]"));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);
    Reporting r;
    if (const int code = r.open(context, Reporting::StoreOnly, invocation); code >= 0)
        return code;
    const QList<store::OutboxItem> items = r.outbox().items();
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const store::OutboxItem &item : items) {
            array.append(QJsonObject{
                {QStringLiteral("id"), item.id},
                {QStringLiteral("kind"), item.kind},
                {QStringLiteral("state"), store::OutboxItem::stateName(item.state)},
                {QStringLiteral("attempts"), item.attempts},
                {QStringLiteral("attachments"), item.attachmentCount},
                {QStringLiteral("attachment_bytes"), item.attachmentBytes},
                {QStringLiteral("remote_id"), orNull(item.remoteId)},
                {QStringLiteral("last_error"), orNull(item.lastError)},
                {QStringLiteral("account"), orNull(item.account)},
                {QStringLiteral("server"), item.server},
                {QStringLiteral("created_at"), time(item.createdAt)},
                {QStringLiteral("next_attempt_at"), orNull(time(item.nextAttemptAt))},
            });
        }
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    for (const store::OutboxItem &item : items) {
        printLine(QStringList{item.id, item.kind, store::OutboxItem::stateName(item.state),
                              QStringLiteral("attempts=%1").arg(item.attempts),
                              QStringLiteral("photos=%1").arg(item.attachmentCount),
                              QStringLiteral("remote=") +
                                  (item.remoteId.isEmpty() ? QStringLiteral("-") : item.remoteId),
                              item.lastError}
                      .join(QLatin1Char('\t'))
                      .trimmed());
    }
    return ExitOk;
}

int runSync(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sends every item of the outbox made for --server (anonymously, or by the account\n"
        "signed in with 'login') now, whatever its retry time; prints one line per item:\n"
        "'sent ID REMOTE_ID', 'waiting ID REASON' or 'failed ID REASON'. Exit 0 when all are\n"
        "sent, 1 when some still wait or failed."));
    if (const int code = parseCommandLine(parser, invocation, args, invocation); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);
    Reporting r;
    if (const int code = r.open(context, Reporting::Server, invocation); code >= 0)
        return code;
    reports::OutboxSender &sender = r.sender();
    QObject::connect(
        &sender, &reports::OutboxSender::itemSent, &sender,
        [](const QString &id, const QString &remoteId, bool replayed) {
            printLine(QStringLiteral("sent %1 %2%3")
                          .arg(id, remoteId, replayed ? QStringLiteral(" (replayed)") : QString()));
        });
    QObject::connect(&sender, &reports::OutboxSender::itemWaiting, &sender,
                     [](const QString &id, const QString &reason) {
                         printLine(QStringLiteral("waiting %1 %2").arg(id, reason));
                     });
    QObject::connect(&sender, &reports::OutboxSender::itemFailed, &sender,
                     [](const QString &id, const QString &reason) {
                         printLine(QStringLiteral("failed %1 %2").arg(id, reason));
                     });
    bool done = false;
    QObject::connect(&sender, &reports::OutboxSender::syncFinished, &sender,
                     [&done] { done = true; });
    sender.syncNow();
    waitFor([&done] { return done; }, 24 * 3600 * 1000, &sender,
            &reports::OutboxSender::syncFinished);
    const bool locked = !sender.isStarted();
    sender.stop();
    r.finish();
    if (locked) {
        printError(QStringLiteral("another process is sending this outbox; try again later"));
        return ExitFailure;
    }
    // Exit 0 only when nothing of this server and account is left unsent.
    store::OutboxFilter filter;
    filter.kinds = {reports::kReportKind};
    filter.server = r.server();
    filter.accounts = QStringList{QString(), r.account()};
    int unsent = 0;
    const auto items = r.outbox().items(filter);
    for (const store::OutboxItem &item : items)
        unsent += item.state != store::OutboxItem::State::Sent;
    if (unsent)
        printError(QStringLiteral("%1 item(s) not sent").arg(unsent));
    return unsent ? ExitFailure : ExitOk;
}

int runRetry(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Puts a failed (or waiting) item back in the queue, due now."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The outbox item."));
    if (const int code =
            parseCommandLine(parser, invocation, args, invocation + QStringLiteral(" ID"));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give one outbox item id"), invocation);
    Reporting r;
    if (const int code = r.open(context, Reporting::StoreOnly, invocation); code >= 0)
        return code;
    if (!r.outbox().retryNow(parser.positionalArguments().constFirst())) {
        printError(r.outbox().errorString());
        return ExitFailure;
    }
    return ExitOk;
}

int runDiscard(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Deletes an item that was not sent (pending, waiting or failed) with its photos."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The outbox item."));
    if (const int code =
            parseCommandLine(parser, invocation, args, invocation + QStringLiteral(" ID"));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give one outbox item id"), invocation);
    Reporting r;
    if (const int code = r.open(context, Reporting::StoreOnly, invocation); code >= 0)
        return code;
    if (!r.outbox().remove(parser.positionalArguments().constFirst())) {
        printError(r.outbox().errorString());
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

int runOutbox(const Context &context, const QString &invocation, const QStringList &args)
{
    static const std::vector<Command> subcommands = {
        {"list", "List the outbox: what waits to be sent, and what was.", runOutboxList},
        {"sync", "Send every item now.", runSync},
        {"retry", "Queue a failed item again.", runRetry},
        {"discard", "Delete an unsent item.", runDiscard},
    };
    return dispatch(context, invocation,
                    QStringLiteral("The outbox of the profile: what the user created, kept until "
                                   "the server has it."),
                    subcommands, args);
}

} // namespace tool
