// Field reports beyond Open311, under /api/v1: the caller's own reports, and the status
// changes, ratings and reopening of a request. Errors in the server's JSON format.
#include "auth/AuthService.h"
#include "http/Router.h"
#include "open311/ReportService.h"
#include "routes/Routes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hues::server {

using namespace open311;

namespace {

constexpr int kMaxNote = 2000;
constexpr int kMaxAgency = 200;

Response failure(const Outcome &outcome)
{
    static const QHash<int, QString> codes{{400, QStringLiteral("invalid_request")},
                                           {403, QStringLiteral("forbidden")},
                                           {404, QStringLiteral("not_found")},
                                           {409, QStringLiteral("conflict")}};
    return Response::error(outcome.status,
                           codes.value(outcome.status, QStringLiteral("internal_error")),
                           outcome.message);
}

Response badRequest(const QString &message)
{
    return Response::error(400, QStringLiteral("invalid_request"), message);
}

// The JSON object body, or the 400 to send.
std::optional<Response> jsonBody(const Request &request, QJsonObject *body)
{
    if (!request.json.isObject())
        return badRequest(QStringLiteral("send a JSON object with Content-Type: "
                                         "application/json"));
    *body = request.json.object();
    return std::nullopt;
}

// An optional string member no longer than max characters.
std::optional<Response> optionalString(const QJsonObject &body, const char *name, int max,
                                       QString *out)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull()) {
        out->clear();
        return std::nullopt;
    }
    if (!value.isString())
        return badRequest(QStringLiteral("%1 must be a string").arg(QLatin1String(name)));
    *out = value.toString().trimmed();
    if (out->size() > max)
        return badRequest(
            QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(name)).arg(max));
    const bool control = std::any_of(out->begin(), out->end(), [](QChar c) {
        return c.unicode() < 0x20 && c != u'\n' && c != u'\r' && c != u'\t';
    });
    if (control)
        return badRequest(
            QStringLiteral("%1 contains control characters").arg(QLatin1String(name)));
    return std::nullopt;
}

// The request object after a change, as GET requests/{id} shows it to the caller.
Response updated(ServerContext &context, const Request &request, const QString &id,
                 const QString &viewer)
{
    bool ok = false;
    const std::optional<reports::ServiceRequest> found = context.reports->one(
        id, languageOf(request.raw.value("Accept-Language")), context.auth->issuer(), viewer, &ok);
    if (!ok || !found)
        return Response::error(500, QStringLiteral("internal_error"),
                               QStringLiteral("the service request cannot be read"));
    Response response = Response::json(reports::toJson(*found));
    response.headers.append(
        qMakePair(QByteArray("Cache-Control"), QByteArray("private, no-store")));
    return response;
}

} // namespace

void registerReportRoutes(Router &router, ServerContext &context)
{
    ServerContext *ctx = &context;
    // The caller's own requests, newest first (any age, at most 1000).
    router.get(QStringLiteral("/api/v1/me/reports"), [ctx](const Request &request) {
        const auth::BearerCheck caller =
            ctx->auth->requireBearer(request, auth::Requirement::anyPerson());
        if (!caller)
            return caller.error;
        RequestFilter filter;
        filter.accountId = caller.token->subject;
        QList<reports::ServiceRequest> found;
        if (!ctx->reports->find(filter, languageOf(request.raw.value("Accept-Language")),
                                ctx->auth->issuer(), &found))
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the reports cannot be read"));
        QJsonArray array;
        for (const reports::ServiceRequest &r : found)
            array.append(reports::toJson(r));
        Response response = Response::json(array);
        response.headers.append(
            qMakePair(QByteArray("Cache-Control"), QByteArray("private, no-store")));
        return response;
    });
    // Operations-centre staff: a new status with a note and the responsible agency.
    router.post(QStringLiteral("/api/v1/reports/{id}/status"), [ctx](const Request &request) {
        const auth::BearerCheck caller = ctx->auth->requireBearer(
            request, auth::Requirement::withRole({QStringLiteral("ioc_staff")}));
        if (!caller)
            return caller.error;
        QJsonObject body;
        if (auto problem = jsonBody(request, &body))
            return *problem;
        const QString status = body.value(QStringLiteral("detailed_status")).toString();
        if (status != u"in_progress" && status != u"closed" && status != u"open")
            return badRequest(QStringLiteral("detailed_status must be in_progress, closed or "
                                             "open"));
        QString note;
        QString agency;
        if (auto problem = optionalString(body, "note", kMaxNote, &note))
            return *problem;
        if (auto problem = optionalString(body, "agency", kMaxAgency, &agency))
            return *problem;
        const QString id = request.param(QStringLiteral("id"));
        const Outcome outcome =
            ctx->reports->changeStatus(id, status, note, agency, caller.token->subject);
        if (!outcome.ok())
            return failure(outcome);
        return updated(*ctx, request, id, caller.token->subject);
    });
    // The reporter rates a closed request (once per closure).
    router.post(QStringLiteral("/api/v1/reports/{id}/rating"), [ctx](const Request &request) {
        const auth::BearerCheck caller =
            ctx->auth->requireBearer(request, auth::Requirement::anyPerson());
        if (!caller)
            return caller.error;
        QJsonObject body;
        if (auto problem = jsonBody(request, &body))
            return *problem;
        const QJsonValue satisfied = body.value(QStringLiteral("satisfied"));
        if (!satisfied.isBool())
            return badRequest(QStringLiteral("satisfied must be true or false"));
        QString comment;
        if (auto problem = optionalString(body, "comment", kMaxNote, &comment))
            return *problem;
        const QString id = request.param(QStringLiteral("id"));
        const Outcome outcome =
            ctx->reports->rate(id, caller.token->subject, satisfied.toBool(), comment);
        if (!outcome.ok())
            return failure(outcome);
        return updated(*ctx, request, id, caller.token->subject);
    });
    // The reporter reopens a request closed at most 7 days ago.
    router.post(QStringLiteral("/api/v1/reports/{id}/reopen"), [ctx](const Request &request) {
        const auth::BearerCheck caller =
            ctx->auth->requireBearer(request, auth::Requirement::anyPerson());
        if (!caller)
            return caller.error;
        QJsonObject body;
        if (auto problem = jsonBody(request, &body))
            return *problem;
        QString comment;
        if (auto problem = optionalString(body, "comment", kMaxNote, &comment))
            return *problem;
        const QString id = request.param(QStringLiteral("id"));
        const Outcome outcome = ctx->reports->reopen(id, caller.token->subject, comment);
        if (!outcome.ok())
            return failure(outcome);
        return updated(*ctx, request, id, caller.token->subject);
    });
}

} // namespace hues::server
