// hues-tool report categories / new / list: field reports from a terminal, with the app's core
// code (Open311 client, photo pipeline, outbox, outbox sender) on the profile's store.
#include "Commands.h"
#include "Reporting.h"
#include "media/PhotoPipeline.h"
#include "reports/OutboxSender.h"
#include "reports/ReportDraft.h"
#include "reports/ReportsClient.h"
#include "store/Outbox.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tool {

namespace {

// Waits for a reply of the reports client (its own time-outs bound the wait).
void wait(reports::ReportsReply *reply)
{
    waitFor([reply] { return reply->isFinished(); }, 120000, reply,
            &reports::ReportsReply::finished);
}

QString cachedNote(const reports::ReportsReply *reply)
{
    return QStringLiteral("warning: %1 (saved %2)")
        .arg(reply->errorMessage(),
             QDateTime::fromSecsSinceEpoch(reply->cachedAt()).toString(Qt::ISODate));
}

bool noPositional(const QCommandLineParser &parser, const QString &invocation, int *code)
{
    if (parser.positionalArguments().isEmpty())
        return true;
    *code = usageError(
        QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
        invocation);
    return false;
}

int runCategories(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the report categories (Open311 services) of the server: code, name, group.\n"
        "They are kept on this device: without a network the saved list is shown."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON array instead of text."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language of the names: vi (default) or en."),
                                  QStringLiteral("LANG"), QStringLiteral("vi"));
    parser.addOptions({json, lang});
    if (const int code = parseCommandLine(parser, invocation, args,
                                          invocation + QStringLiteral(" [--json] [--lang LANG]"));
        code >= 0)
        return code;
    if (int code = 0; !noPositional(parser, invocation, &code))
        return code;
    if (parser.value(lang) != QLatin1String("vi") && parser.value(lang) != QLatin1String("en"))
        return usageError(QStringLiteral("bad --lang '%1': use vi or en").arg(parser.value(lang)),
                          invocation);

    Reporting r;
    if (const int code = r.open(context, Reporting::Server, invocation); code >= 0)
        return code;
    r.api().setLanguage(parser.value(lang));
    reports::ReportsReply *reply = r.client().fetchServices();
    wait(reply);
    if (!reply->hasData()) {
        printError(reply->errorMessage() + QStringLiteral(" (") + reply->error().detail +
                   QLatin1Char(')'));
        return ExitFailure;
    }
    if (reply->isFromCache())
        printError(cachedNote(reply));
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const reports::Service &s : reply->services())
            array.append(reports::toJson(s));
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    } else {
        for (const reports::Service &s : reply->services())
            printLine(s.code + QLatin1Char('\t') + s.name + QLatin1Char('\t') + s.group);
    }
    r.finish();
    return ExitOk;
}

bool parseCoordinate(const QString &text, double *out)
{
    bool ok = false;
    *out = text.toDouble(&ok);
    return ok;
}

int runNew(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Files a field report as the app does: checks it here first (the category exists,\n"
        "the place is valid, the photos can be processed), writes it with its processed\n"
        "photos to the outbox, then sends it (unless --offline) and prints the server's\n"
        "service_request_id. Signed in with 'login', the report is yours; otherwise it is\n"
        "anonymous. Exit 2: the report is not valid; 1: queued but not sent."));
    const QCommandLineOption category(QStringLiteral("category"),
                                      QStringLiteral("Category (service code, see 'categories')."),
                                      QStringLiteral("CODE"));
    const QCommandLineOption lat(QStringLiteral("lat"), QStringLiteral("Latitude (WGS84)."),
                                 QStringLiteral("DEG"));
    const QCommandLineOption lon(QStringLiteral("long"), QStringLiteral("Longitude (WGS84)."),
                                 QStringLiteral("DEG"));
    const QCommandLineOption address(QStringLiteral("address"),
                                     QStringLiteral("Address (instead of or with lat/long)."),
                                     QStringLiteral("TEXT"));
    const QCommandLineOption text(QStringLiteral("text"),
                                  QStringLiteral("What is wrong (the description)."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption attribute(
        QStringLiteral("attribute"),
        QStringLiteral("An answer to a question of the category (repeat a code for several "
                       "answers to a multiple-choice question)."),
        QStringLiteral("CODE=VALUE"));
    const QCommandLineOption photo(QStringLiteral("photo"),
                                   QStringLiteral("A photo file (up to 3; repeat the option)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption offline(QStringLiteral("offline"),
                                     QStringLiteral("Only queue it; 'outbox sync' sends it."));
    parser.addOptions({category, lat, lon, address, text, attribute, photo, offline});
    if (const int code = parseCommandLine(
            parser, invocation, args,
            invocation + QStringLiteral(" --category CODE (--lat DEG --long DEG | --address "
                                        "TEXT) [--text TEXT] [--attribute CODE=VALUE]... "
                                        "[--photo FILE]... [--offline]"));
        code >= 0)
        return code;
    if (int code = 0; !noPositional(parser, invocation, &code))
        return code;
    if (!parser.isSet(category))
        return usageError(QStringLiteral("give --category CODE"), invocation);

    reports::ReportDraft draft;
    draft.serviceCode = parser.value(category);
    draft.address = parser.value(address);
    draft.description = parser.value(text);
    if (parser.isSet(lat) || parser.isSet(lon)) {
        double la = 0;
        double lo = 0;
        if (!parser.isSet(lat) || !parser.isSet(lon))
            return usageError(QStringLiteral("give both --lat and --long"), invocation);
        if (!parseCoordinate(parser.value(lat), &la) || !parseCoordinate(parser.value(lon), &lo))
            return usageError(QStringLiteral("--lat and --long take decimal degrees, e.g. "
                                             "16.4637"),
                              invocation);
        draft.lat = la;
        draft.lon = lo;
    }
    QList<QPair<QString, QString>> answers;
    for (const QString &a : parser.values(attribute)) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(QStringLiteral("bad --attribute '%1': use CODE=VALUE").arg(a),
                              invocation);
        answers.append({a.left(eq), a.mid(eq + 1)});
    }
    const QStringList photoFiles = parser.values(photo);
    if (photoFiles.size() > reports::ReportDraft::kMaxPhotos) {
        printError(QStringLiteral("at most %1 photos can be sent with a report")
                       .arg(reports::ReportDraft::kMaxPhotos));
        return ExitUsage;
    }

    Reporting r;
    if (const int code = r.open(context, Reporting::Server, invocation); code >= 0)
        return code;

    // The category list and the category's questions: from this device, else the server.
    QList<reports::Service> services =
        r.client().cachedServices().value_or(QList<reports::Service>{});
    auto known = [&services, &draft] {
        return std::any_of(services.cbegin(), services.cend(),
                           [&draft](const auto &s) { return s.code == draft.serviceCode; });
    };
    if (!known()) {
        reports::ReportsReply *reply = r.client().fetchServices();
        wait(reply);
        if (!reply->hasData()) {
            printError(QStringLiteral("cannot check the category: %1").arg(reply->errorMessage()));
            return ExitFailure;
        }
        services = reply->services();
    }
    const auto service = std::find_if(services.cbegin(), services.cend(), [&draft](const auto &s) {
        return s.code == draft.serviceCode;
    });
    std::optional<reports::ServiceDefinition> definition;
    if (service != services.cend()) {
        draft.serviceName = service->name;
        if (service->metadata) {
            definition = r.client().cachedDefinition(draft.serviceCode);
            if (!definition) {
                reports::ReportsReply *reply = r.client().fetchDefinition(draft.serviceCode);
                wait(reply);
                if (reply->hasData())
                    definition = reply->definition();
                else
                    printError(QStringLiteral("warning: the questions of this category could "
                                              "not be loaded (%1); the server will check the "
                                              "answers")
                                   .arg(reply->errorMessage()));
            }
        } else {
            definition = reports::ServiceDefinition{draft.serviceCode, {}};
        }
    }
    for (const auto &[code, value] : std::as_const(answers)) {
        bool multiple = false;
        if (definition) {
            for (const reports::ServiceAttribute &a : definition->attributes)
                multiple =
                    multiple || (a.code == code && a.datatype == QLatin1String("multivaluelist"));
        }
        auto it = std::find_if(draft.attributes.begin(), draft.attributes.end(),
                               [&code](const auto &a) { return a.code == code; });
        if (it == draft.attributes.end())
            draft.attributes.append({code, {value}, multiple});
        else
            it->values.append(value);
    }

    // The photos as the app processes them: oriented, scaled, re-encoded, no metadata.
    QList<store::OutboxAttachment> photos;
    for (const QString &file : photoFiles) {
        const media::PhotoResult result = media::processPhotoFile(file);
        if (!result.ok()) {
            printError(QStringLiteral("photo %1: %2").arg(file, result.message));
            return ExitUsage;
        }
        photos.append({QStringLiteral("image/jpeg"), result.jpeg});
    }

    const QStringList problems =
        draft.problems(services, definition ? &*definition : nullptr, int(photos.size()));
    if (!problems.isEmpty()) {
        for (const QString &p : problems)
            printError(p);
        return ExitUsage;
    }

    const QString id = r.outbox().enqueue(reports::kReportKind, draft.toPayload(), photos,
                                          r.account(), r.server());
    if (id.isEmpty()) {
        printError(QStringLiteral("cannot write the report to the outbox: %1")
                       .arg(r.outbox().errorString()));
        return ExitFailure;
    }
    printLine(QStringLiteral("queued: ") + id);
    if (parser.isSet(offline)) {
        r.finish();
        return ExitOk;
    }

    bool done = false;
    QObject::connect(&r.sender(), &reports::OutboxSender::syncFinished, &r.sender(),
                     [&done] { done = true; });
    r.sender().syncNow({id});
    waitFor([&done] { return done; }, 600000, &r.sender(), &reports::OutboxSender::syncFinished);
    const bool locked = !r.sender().isStarted();
    r.sender().stop();
    r.finish();
    const auto item = r.outbox().item(id);
    if (locked) {
        printError(QStringLiteral("another process is sending the outbox; it will send this "
                                  "report"));
        return ExitFailure;
    }
    if (item && item->state == store::OutboxItem::State::Sent) {
        printLine(QStringLiteral("sent: ") + item->remoteId);
        return ExitOk;
    }
    if (item && item->state == store::OutboxItem::State::Failed) {
        printError(QStringLiteral("the server refused the report: %1").arg(item->lastError));
        return ExitFailure;
    }
    printError(QStringLiteral("not sent yet: %1; it stays in the outbox ('outbox sync' sends "
                              "it)")
                   .arg(item ? item->lastError : QString()));
    return ExitFailure;
}

int runList(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists my reports: those in this profile's outbox (waiting, sending, failed, sent)\n"
        "with their state on the server, and, when signed in, the account's reports made\n"
        "elsewhere. Without a network the saved state is shown."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON array instead of text."));
    parser.addOption(json);
    if (const int code =
            parseCommandLine(parser, invocation, args, invocation + QStringLiteral(" [--json]"));
        code >= 0)
        return code;
    if (int code = 0; !noPositional(parser, invocation, &code))
        return code;
    Reporting r;
    if (const int code = r.open(context, Reporting::Server, invocation); code >= 0)
        return code;

    store::OutboxFilter filter;
    filter.kinds = {reports::kReportKind};
    filter.server = r.server();
    filter.accounts = QStringList{QString(), r.account()};
    const QList<store::OutboxItem> items = r.outbox().items(filter);
    QStringList anonymousIds;
    for (const store::OutboxItem &item : items) {
        if (item.account.isEmpty() && !item.remoteId.isEmpty())
            anonymousIds << item.remoteId;
    }
    reports::ReportsReply *reply = r.client().fetchMine(r.isSignedIn(), anonymousIds);
    wait(reply);
    // Nothing to ask (signed out, nothing sent) is not an error.
    const bool asked = r.isSignedIn() || !anonymousIds.isEmpty();
    if (asked && reply->isFromCache())
        printError(cachedNote(reply));
    else if (asked && !reply->isOk())
        printError(QStringLiteral("warning: %1").arg(reply->errorMessage()));
    QHash<QString, reports::ServiceRequest> remote;
    for (const reports::ServiceRequest &req : reply->requests())
        remote.insert(req.id, req);

    QJsonArray array;
    QSet<QString> listed;
    auto emitRow = [&](const store::OutboxItem *item, const reports::ServiceRequest *req) {
        reports::ReportDraft draft;
        QString ignored;
        if (item)
            reports::ReportDraft::fromPayload(item->payload, &draft, &ignored);
        const QString remoteId = item ? item->remoteId : req->id;
        const QString state = req ? req->detailedStatus : store::OutboxItem::stateName(item->state);
        const QString code = req ? req->serviceCode : draft.serviceCode;
        const QString description = req ? req->description : draft.description;
        if (parser.isSet(json)) {
            QJsonObject o{
                {QStringLiteral("outbox_id"), item ? QJsonValue(item->id) : QJsonValue()},
                {QStringLiteral("outbox_state"),
                 item ? QJsonValue(store::OutboxItem::stateName(item->state)) : QJsonValue()},
                {QStringLiteral("service_request_id"),
                 remoteId.isEmpty() ? QJsonValue() : QJsonValue(remoteId)},
                {QStringLiteral("service_code"), code},
                {QStringLiteral("description"), description},
                {QStringLiteral("last_error"),
                 item && !item->lastError.isEmpty() ? QJsonValue(item->lastError) : QJsonValue()},
                {QStringLiteral("photos"), item ? item->attachmentCount : QJsonValue()},
                {QStringLiteral("server"), req ? QJsonValue(reports::toJson(*req)) : QJsonValue()}};
            array.append(o);
        } else {
            QString line = (remoteId.isEmpty() ? QStringLiteral("-") : remoteId) +
                           QLatin1Char('\t') + state + QLatin1Char('\t') + code +
                           QLatin1Char('\t') +
                           description.left(60).replace(QLatin1Char('\n'), QLatin1Char(' '));
            if (item && item->state == store::OutboxItem::State::Failed)
                line += QStringLiteral("\t(") + item->lastError + QLatin1Char(')');
            printLine(line);
        }
    };
    for (const store::OutboxItem &item : items) {
        const auto it = remote.constFind(item.remoteId);
        emitRow(&item, item.remoteId.isEmpty() || it == remote.cend() ? nullptr : &*it);
        listed.insert(item.remoteId);
    }
    for (const reports::ServiceRequest &req : reply->requests()) {
        if (!listed.contains(req.id))
            emitRow(nullptr, &req);
    }
    if (parser.isSet(json))
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
    r.finish();
    return ExitOk;
}

} // namespace

int runReport(const Context &context, const QString &invocation, const QStringList &args)
{
    static const std::vector<Command> subcommands = {
        {"categories", "List the report categories of the server.", runCategories},
        {"new", "File a report (queued in the outbox, then sent).", runNew},
        {"list", "List my reports and their state.", runList},
    };
    return dispatch(context, invocation,
                    QStringLiteral("Field reports (Open311) to the city's operations centre."),
                    subcommands, args);
}

} // namespace tool
