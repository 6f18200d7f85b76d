// Alerts: CAP 1.2 publishing by the operations centre and partners, the public list, and
// citizen alert submissions with the verification centre's queue. Errors in the server's JSON
// format.
#include "alerts/AlertService.h"
#include "auth/AuthService.h"
#include "db/Database.h"
#include "db/Idempotency.h"
#include "http/Multipart.h"
#include "http/Router.h"
#include "logging.h"
#include "media/PhotoPipeline.h"
#include "routes/Routes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace hues::server {

using namespace alerting;

namespace {

constexpr char kSubmitRoute[] = "POST /api/v1/alert-submissions";
constexpr int kMaxText = 2000;
constexpr int kMaxReason = 500;
constexpr int kMaxHeadline = 160;
constexpr int kMaxInstruction = 2000;

Response answer(const Outcome &outcome)
{
    if (!outcome.ok()) {
        QJsonObject body{{QStringLiteral("error"), outcome.error},
                         {QStringLiteral("message"), outcome.message}};
        if (!outcome.details.isEmpty())
            body.insert(QStringLiteral("details"), QJsonArray::fromStringList(outcome.details));
        return Response::json(body, outcome.status);
    }
    Response response = Response::json(outcome.body, outcome.status);
    if (outcome.replayed)
        response.headers.append({QByteArrayLiteral("Idempotent-Replayed"), "true"});
    return response;
}

Response badRequest(const QString &message)
{
    return Response::error(400, QStringLiteral("invalid_request"), message);
}

Response privateJson(const QJsonValue &value, int status = 200)
{
    Response response = Response::json(value, status);
    response.headers.append({QByteArrayLiteral("Cache-Control"), "private, no-store"});
    return response;
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return (c.unicode() < 0x20 && c != u'\n' && c != u'\r' && c != u'\t') ||
               c.unicode() == 0x7f;
    });
}

// Characters as people count them (code points), not UTF-16 units.
qsizetype characters(const QString &text)
{
    return text.toUcs4().size();
}

// Who may publish: a token with the scope alerts:publish (a partner's client credentials, e.g.
// evn-hue) or a person with the role ioc_staff.
std::optional<Response> publisherOf(auth::AuthService &auth, const Request &request, Publisher *who)
{
    const auth::BearerCheck scoped =
        auth.requireBearer(request, auth::Requirement::withScope(QStringLiteral("alerts:publish")));
    if (scoped) {
        const auth::AccessToken &token = *scoped.token;
        who->id = token.isUser ? token.subject : QStringLiteral("client:") + token.clientId;
        who->staff = token.isUser && token.roles.contains(QStringLiteral("ioc_staff"));
        return std::nullopt;
    }
    if (scoped.error.status == 401)
        return scoped.error;
    const auth::BearerCheck staff =
        auth.requireBearer(request, auth::Requirement::withRole({QStringLiteral("ioc_staff")}));
    if (staff) {
        who->id = staff.token->subject;
        who->staff = true;
        return std::nullopt;
    }
    Response refused = Response::error(403, QStringLiteral("insufficient_scope"),
                                       QStringLiteral("publishing alerts needs the scope "
                                                      "alerts:publish or the role ioc_staff"));
    refused.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                            "Bearer realm=\"hues-api\", error=\"insufficient_scope\", "
                            "scope=\"alerts:publish\""});
    return refused;
}

Response publishAlert(ServerContext &context, const Request &request)
{
    Publisher who;
    if (auto refused = publisherOf(*context.auth, request, &who))
        return *refused;
    const QByteArray mime =
        request.raw.value("Content-Type").split(';').first().trimmed().toLower();
    if (mime != "application/cap+xml" && mime != "application/xml")
        return Response::error(415, QStringLiteral("unsupported_media_type"),
                               QStringLiteral("send one CAP 1.2 <alert> as application/cap+xml "
                                              "or application/xml"));
    const QByteArray body = request.raw.body();
    if (body.size() > AlertService::kMaxCapBytes)
        return Response::error(413, QStringLiteral("payload_too_large"),
                               QStringLiteral("a CAP message may have at most %1 bytes")
                                   .arg(AlertService::kMaxCapBytes));
    return answer(context.alerts->publish(body, who));
}

// A text member of the approval: a string (Vietnamese) or {"vi-VN": ..., "en-US": ...}.
std::optional<Response> localized(const QJsonObject &body, const char *name, int max, QString *vi,
                                  QString *en)
{
    const QJsonValue value = body.value(QLatin1String(name));
    auto check = [&](const QJsonValue &v, QString *out, const QString &label) -> bool {
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return false;
        *out = v.toString().trimmed();
        Q_UNUSED(label);
        return characters(*out) <= max && !hasControlCharacters(*out);
    };
    bool ok = true;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != u"vi-VN" && it.key() != u"en-US")
                return badRequest(
                    QStringLiteral("%1: languages are vi-VN and en-US").arg(QLatin1String(name)));
        }
        ok = check(object.value(QStringLiteral("vi-VN")), vi, QStringLiteral("vi-VN")) &&
             check(object.value(QStringLiteral("en-US")), en, QStringLiteral("en-US"));
    } else {
        ok = check(value, vi, QString());
    }
    if (!ok)
        return badRequest(QStringLiteral("%1 must be a string of at most %2 characters (or an "
                                         "object of them by language) without control "
                                         "characters")
                              .arg(QLatin1String(name))
                              .arg(max));
    return std::nullopt;
}

std::optional<Response> parseApproval(const QJsonObject &body, Approval *approval)
{
    static const QStringList known = {
        QStringLiteral("headline"),   QStringLiteral("severity"),
        QStringLiteral("urgency"),    QStringLiteral("certainty"),
        QStringLiteral("radius_m"),   QStringLiteral("expires_in_minutes"),
        QStringLiteral("instruction")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()))
            return badRequest(QStringLiteral("unknown member %1").arg(it.key().left(64)));
    }
    if (auto problem =
            localized(body, "headline", kMaxHeadline, &approval->headlineVi, &approval->headlineEn))
        return problem;
    if (approval->headlineVi.isEmpty() && approval->headlineEn.isEmpty())
        return badRequest(QStringLiteral("headline is required"));
    if (auto problem = localized(body, "instruction", kMaxInstruction, &approval->instructionVi,
                                 &approval->instructionEn))
        return problem;
    const QString severity = body.value(QStringLiteral("severity")).toString();
    if (severity != u"Extreme" && severity != u"Severe" && severity != u"Moderate" &&
        severity != u"Minor")
        return badRequest(QStringLiteral("severity must be Extreme, Severe, Moderate or Minor"));
    approval->severity = severity;
    const auto enumeration = [&](const char *name, const QStringList &values,
                                 QString *out) -> std::optional<Response> {
        const QJsonValue value = body.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isString() || !values.contains(value.toString()))
            return badRequest(QStringLiteral("%1 must be one of %2")
                                  .arg(QLatin1String(name), values.join(QStringLiteral(", "))));
        *out = value.toString();
        return std::nullopt;
    };
    if (auto problem = enumeration("urgency", ::alerts::urgencyValues(), &approval->urgency))
        return problem;
    if (auto problem = enumeration("certainty", ::alerts::certaintyValues(), &approval->certainty))
        return problem;
    const auto integer = [&](const char *name, int min, int max,
                             int *out) -> std::optional<Response> {
        const QJsonValue value = body.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::trunc(number) || number < min || number > max)
            return badRequest(QStringLiteral("%1 must be a whole number from %2 to %3")
                                  .arg(QLatin1String(name))
                                  .arg(min)
                                  .arg(max));
        *out = int(number);
        return std::nullopt;
    };
    if (auto problem = integer("radius_m", 50, 20000, &approval->radiusM))
        return problem;
    if (auto problem = integer("expires_in_minutes", 5, 7 * 24 * 60, &approval->expiresInMinutes))
        return problem;
    return std::nullopt;
}

QByteArray submissionHash(const QString &scope, const NewSubmission &s, const QByteArray &photo)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](QByteArrayView bytes) {
        const quint64 size = quint64(bytes.size());
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
        hash.addData(bytes);
    };
    add(scope.toUtf8());
    add(s.category.toUtf8());
    add(s.text.toUtf8());
    add(QByteArray::number(s.lat, 'g', 17));
    add(QByteArray::number(s.lon, 'g', 17));
    add(photo);
    return hash.result().toHex();
}

Response submitAlert(ServerContext &context, const Request &request)
{
    const auth::BearerCheck caller =
        context.auth->requireBearer(request, auth::Requirement::anyPerson());
    if (!caller)
        return caller.error;
    // Idempotency-Key as for Open311 POSTs: 1..255 printable ASCII characters, sent once.
    const QList<QPair<QByteArray, QByteArray>> headers = request.raw.headers();
    QByteArray key;
    int keyCount = 0;
    for (const auto &[name, value] : headers) {
        if (name.compare("Idempotency-Key", Qt::CaseInsensitive) == 0) {
            key = value;
            ++keyCount;
        }
    }
    if (keyCount > 1 || (keyCount == 1 && !Idempotency::validKey(key)))
        return badRequest(QStringLiteral("Idempotency-Key must be sent once, with 1 to 255 "
                                         "printable ASCII characters"));

    QByteArray boundary;
    QString why;
    if (!Multipart::boundaryFrom(request.raw.value("Content-Type"), &boundary, &why))
        return Response::error(415, QStringLiteral("unsupported_media_type"),
                               QStringLiteral("send multipart/form-data: ") + why);
    QList<MultipartPart> parts;
    if (!Multipart::parse(request.raw.body(), boundary, &parts, &why))
        return badRequest(why);
    QHash<QByteArray, QString> fields;
    QByteArray photo;
    bool havePhoto = false;
    for (const MultipartPart &part : parts) {
        if (part.name == "media") {
            if (!part.isFile)
                return badRequest(QStringLiteral("media must be a file part"));
            if (havePhoto)
                return badRequest(QStringLiteral("at most one photo (media) may be sent"));
            havePhoto = true;
            photo = part.body;
            continue;
        }
        if (part.name != "category" && part.name != "text" && part.name != "lat" &&
            part.name != "long")
            return badRequest(
                QStringLiteral("unknown field %1").arg(QString::fromUtf8(part.name.left(64))));
        if (part.isFile)
            return badRequest(
                QStringLiteral("%1 must be a plain field").arg(QString::fromLatin1(part.name)));
        if (fields.contains(part.name))
            return badRequest(
                QStringLiteral("%1 was sent twice").arg(QString::fromLatin1(part.name)));
        const QString value = QString::fromUtf8(part.body);
        if (value.toUtf8() != part.body)
            return badRequest(
                QStringLiteral("%1 is not valid UTF-8").arg(QString::fromLatin1(part.name)));
        fields.insert(part.name, value);
    }

    NewSubmission submission;
    submission.accountId = caller.token->subject;
    submission.category = fields.value("category").trimmed();
    if (!::alerts::categoryValues().contains(submission.category))
        return badRequest(QStringLiteral("category must be one of %1")
                              .arg(::alerts::categoryValues().join(QStringLiteral(", "))));
    submission.text = fields.value("text").trimmed();
    if (submission.text.isEmpty())
        return badRequest(QStringLiteral("text is required"));
    if (characters(submission.text) > kMaxText)
        return badRequest(QStringLiteral("text is longer than %1 characters").arg(kMaxText));
    if (hasControlCharacters(submission.text))
        return badRequest(QStringLiteral("text contains control characters"));
    const auto coordinate = [&](const char *name, double limit, double *out) {
        bool ok = false;
        const QString text = fields.value(name).trimmed();
        *out = text.toDouble(&ok);
        return ok && std::isfinite(*out) && std::fabs(*out) <= limit;
    };
    if (!coordinate("lat", 90, &submission.lat))
        return badRequest(QStringLiteral("lat must be a number from -90 to 90"));
    if (!coordinate("long", 180, &submission.lon))
        return badRequest(QStringLiteral("long must be a number from -180 to 180"));

    const QString scope = Idempotency::callerScope(submission.accountId);
    const QByteArray hash = submissionHash(scope, submission, photo);
    Database &db = context.db;
    const auto replay = [&](const StoredResponse &stored) {
        if (stored.requestHash != QString::fromLatin1(hash))
            return Response::error(422, QStringLiteral("idempotency_conflict"),
                                   QStringLiteral("this Idempotency-Key was already used for a "
                                                  "submission with different content"));
        Response response = privateJson(QJsonDocument::fromJson(stored.body).object(), 200);
        response.headers.append({QByteArrayLiteral("Idempotent-Replayed"), "true"});
        return response;
    };
    if (!key.isEmpty()) {
        bool ok = false;
        const std::optional<StoredResponse> stored =
            Idempotency::find(db, scope, QLatin1String(kSubmitRoute), key, &ok);
        if (!ok)
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the alert database failed"));
        if (stored)
            return replay(*stored);
    }
    if (havePhoto) {
        media::PhotoLimits limits;
        limits.maxInputBytes = context.maxUploadBytes;
        const media::PhotoResult result = media::processPhoto(photo, limits);
        if (!result.ok())
            return Response::error(result.error == media::PhotoResult::Error::TooLarge ? 413 : 422,
                                   QStringLiteral("unprocessable_photo"),
                                   QStringLiteral("the photo cannot be used: ") + result.message);
        submission.photoJpeg = result.jpeg;
        submission.photoSize = result.size;
    }

    const auto failed = [&db] {
        db.rollback();
        return Response::error(500, QStringLiteral("internal_error"),
                               QStringLiteral("the alert submission cannot be stored"));
    };
    const auto replayAfterConflict = [&]() -> Response {
        db.rollback();
        bool found = false;
        const std::optional<StoredResponse> stored =
            Idempotency::find(db, scope, QLatin1String(kSubmitRoute), key, &found);
        if (stored)
            return replay(*stored);
        return Response::error(500, QStringLiteral("internal_error"),
                               QStringLiteral("the alert submission cannot be stored"));
    };
    if (!db.begin())
        return failed();
    const QString id =
        context.alerts->insertSubmission(submission, QDateTime::currentMSecsSinceEpoch());
    if (id.isEmpty())
        return failed();
    const QJsonObject created{{QStringLiteral("submission_id"), id},
                              {QStringLiteral("status"), QStringLiteral("pending")}};
    if (!key.isEmpty() &&
        !Idempotency::insert(db, scope, QLatin1String(kSubmitRoute), key, QString::fromLatin1(hash),
                             {QString::fromLatin1(hash), 201,
                              QJsonDocument(created).toJson(QJsonDocument::Compact)}))
        return replayAfterConflict();
    if (!db.commit())
        return key.isEmpty() ? failed() : replayAfterConflict();
    qCInfo(lcServer).noquote() << "alert submission" << id << "received," << submission.category
                               << (havePhoto ? "with a photo" : "without photo");
    return privateJson(created, 201);
}

std::optional<Response> jsonObject(const Request &request, QJsonObject *body)
{
    if (!request.json.isObject())
        return badRequest(QStringLiteral("send a JSON object with Content-Type: "
                                         "application/json"));
    *body = request.json.object();
    return std::nullopt;
}

} // namespace

void registerAlertRoutes(Router &router, ServerContext &context)
{
    ServerContext *ctx = &context;
    const Handler publish = [ctx](const Request &request) { return publishAlert(*ctx, request); };
    router.post(QStringLiteral("/api/v1/alerts"), publish);
    router.post(QStringLiteral("/alerts"), publish);
    // Public: the active alerts, newest first.
    router.get(QStringLiteral("/api/v1/alerts"), [ctx](const Request &) {
        QJsonArray list;
        if (!ctx->alerts->active(&list))
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the alerts cannot be read"));
        Response response = Response::json(list);
        response.headers.append({QByteArrayLiteral("Cache-Control"), "no-cache"});
        return response;
    });
    router.get(QStringLiteral("/api/v1/alerts/{id}"), [ctx](const Request &request) {
        bool ok = false;
        const QString id = request.param(QStringLiteral("id"));
        const std::optional<QJsonObject> alert = ctx->alerts->one(id, &ok);
        if (!ok)
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the alert cannot be read"));
        if (!alert)
            return Response::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("no alert %1").arg(id.left(64)));
        return Response::json(*alert);
    });

    // Citizens: submit an alert, see their own.
    router.post(QStringLiteral("/api/v1/alert-submissions"),
                [ctx](const Request &request) { return submitAlert(*ctx, request); });
    router.get(QStringLiteral("/api/v1/alert-submissions/mine"), [ctx](const Request &request) {
        const auth::BearerCheck caller =
            ctx->auth->requireBearer(request, auth::Requirement::anyPerson());
        if (!caller)
            return caller.error;
        QJsonArray list;
        if (!ctx->alerts->submissions(caller.token->subject, QString(), ctx->auth->issuer(), &list))
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the submissions cannot be read"));
        return privateJson(list);
    });
    // The verification centre: the queue, approve, reject.
    const auth::Requirement verifier = auth::Requirement::withRole({QStringLiteral("verifier")});
    router.get(QStringLiteral("/api/v1/alert-submissions"), [ctx,
                                                             verifier](const Request &request) {
        const auth::BearerCheck caller = ctx->auth->requireBearer(request, verifier);
        if (!caller)
            return caller.error;
        const QStringList statuses = request.query.allQueryItemValues(QStringLiteral("status"));
        const QString status = statuses.isEmpty() ? QStringLiteral("pending") : statuses.first();
        if (statuses.size() > 1 ||
            (status != u"pending" && status != u"approved" && status != u"rejected"))
            return badRequest(QStringLiteral("status must be pending, approved or rejected"));
        QJsonArray list;
        if (!ctx->alerts->submissions(QString(), status, ctx->auth->issuer(), &list))
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the submissions cannot be read"));
        return privateJson(list);
    });
    router.post(QStringLiteral("/api/v1/alert-submissions/{id}/approve"),
                [ctx, verifier](const Request &request) {
                    const auth::BearerCheck caller = ctx->auth->requireBearer(request, verifier);
                    if (!caller)
                        return caller.error;
                    QJsonObject body;
                    if (auto problem = jsonObject(request, &body))
                        return *problem;
                    Approval approval;
                    if (auto problem = parseApproval(body, &approval))
                        return *problem;
                    return answer(ctx->alerts->approve(request.param(QStringLiteral("id")),
                                                       approval, caller.token->subject,
                                                       ctx->auth->issuer()));
                });
    router.post(QStringLiteral("/api/v1/alert-submissions/{id}/reject"),
                [ctx, verifier](const Request &request) {
                    const auth::BearerCheck caller = ctx->auth->requireBearer(request, verifier);
                    if (!caller)
                        return caller.error;
                    QJsonObject body;
                    if (auto problem = jsonObject(request, &body))
                        return *problem;
                    const QJsonValue reason = body.value(QStringLiteral("reason"));
                    const QString text = reason.toString().trimmed();
                    if (!reason.isString() || text.isEmpty() || characters(text) > kMaxReason ||
                        hasControlCharacters(text))
                        return badRequest(QStringLiteral("reason is required: at most %1 "
                                                         "characters, no control characters")
                                              .arg(kMaxReason));
                    return answer(ctx->alerts->reject(request.param(QStringLiteral("id")), text,
                                                      caller.token->subject, ctx->auth->issuer()));
                });
}

} // namespace hues::server
