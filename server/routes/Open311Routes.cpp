// Open311 GeoReport v2 under /open311/v2 (wiki.open311.org/GeoReport_v2): services, service
// definitions, creating and querying service requests, and the requests' photos. Errors in the
// spec's format ([{"code","description"}] or <errors>), in the format the path asks for.
#include "auth/AuthService.h"
#include "db/Database.h"
#include "db/Idempotency.h"
#include "http/Router.h"
#include "logging.h"
#include "media/PhotoPipeline.h"
#include "open311/Form.h"
#include "open311/ReportService.h"
#include "routes/Routes.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace hues::server {

using namespace open311;
using reports::Open311Error;
using reports::open311::Format;

namespace {

const QString kCreateRoute = QStringLiteral("POST /open311/v2/requests");
constexpr int kMaxDescription = 4000; // spec: "free form text limited to 4,000 characters"
constexpr double kMaxRadiusM = 5000;

Response document(Format format, const QByteArray &body, int status = 200)
{
    Response response;
    response.status = status;
    response.body = body;
    response.contentType = reports::open311::contentType(format);
    response.headers.append(
        qMakePair(QByteArray("Vary"), QByteArray("Accept-Language, Authorization")));
    return response;
}

Response errors(Format format, int status, const QList<Open311Error> &list)
{
    Response response = document(format, reports::open311::errorsDocument(list, format), status);
    return response;
}

Response error(Format format, int status, const QString &description)
{
    return errors(format, status, {{status, description}});
}

// "services.json" -> ("services", Json). False for another extension.
bool splitFile(const QString &file, QString *stem, Format *format)
{
    const qsizetype dot = file.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        return false;
    *stem = file.left(dot);
    return reports::open311::formatFromExtension(QStringView(file).mid(dot + 1), format);
}

bool hasHeader(const Request &request, QByteArrayView name, QByteArray *value, int *count)
{
    *count = 0;
    for (const auto &[header, headerValue] : request.raw.headers()) {
        if (header.compare(name, Qt::CaseInsensitive) == 0) {
            ++*count;
            *value = headerValue;
        }
    }
    return *count > 0;
}

// The caller of an Open311 route: anonymous without an Authorization header; a present but
// invalid token is a 401, never a silent fallback to anonymous.
struct Caller
{
    std::optional<Response> error;
    QString accountId; // a person's subject, "" otherwise
    QString scope;     // idempotency scope
};

Caller identify(auth::AuthService &auth, const Request &request, Format format)
{
    Caller caller;
    caller.scope = Idempotency::callerScope(QString());
    QByteArray value;
    int count = 0;
    if (!hasHeader(request, "Authorization", &value, &count))
        return caller;
    const auth::BearerCheck check = auth.requireBearer(request, auth::Requirement{});
    if (!check) {
        const QString why = QJsonDocument::fromJson(check.error.body)
                                .object()
                                .value(QStringLiteral("message"))
                                .toString();
        Response response = error(format, check.error.status,
                                  why.isEmpty() ? QStringLiteral("invalid access token") : why);
        for (const auto &header : check.error.headers)
            response.headers.append(header);
        caller.error = response;
        return caller;
    }
    if (check.token->isUser) {
        caller.accountId = check.token->subject;
        caller.scope = Idempotency::callerScope(caller.accountId);
    } else {
        caller.scope = QStringLiteral("client:") + check.token->clientId;
    }
    return caller;
}

qsizetype characters(const QString &text)
{
    return std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isLowSurrogate(); });
}

// Appends an error when text is too long or holds control characters (line breaks are fine
// where multiline).
void checkText(const QString &name, const QString &text, qsizetype max, bool multiline,
               QList<Open311Error> *problems)
{
    const qsizetype length = characters(text);
    if (length > max) {
        problems->append({400, QStringLiteral("%1 is longer than %2 characters (%3)")
                                   .arg(name)
                                   .arg(max)
                                   .arg(length)});
        return;
    }
    const bool bad = std::any_of(text.begin(), text.end(), [multiline](QChar c) {
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\r')
            return !multiline;
        return (u < 0x20 && u != '\t') || u == 0x7F;
    });
    if (bad)
        problems->append({400, QStringLiteral("%1 contains control characters").arg(name)});
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QByteArray requestHash(const QString &scope, const Submission &s)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](QByteArrayView bytes) {
        const quint64 size = quint64(bytes.size());
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
        hash.addData(bytes);
    };
    add(scope.toUtf8());
    QStringList names = s.fields.keys();
    names.removeAll(QStringLiteral("api_key")); // a credential, not content
    names.sort();
    for (const QString &name : names) {
        add(name.toUtf8());
        add(s.fields.value(name).toUtf8());
    }
    QStringList codes = s.attributes.keys();
    codes.sort();
    for (const QString &code : codes) {
        add(code.toUtf8());
        add(s.multiValued.value(code) ? "[]" : "");
        for (const QString &value : s.attributes.value(code))
            add(value.toUtf8());
    }
    add(QByteArray::number(s.photos.size()));
    for (const QByteArray &photo : s.photos)
        add(photo);
    return hash.result().toHex();
}

Response replay(Format format, const StoredResponse &stored, const QByteArray &hash)
{
    if (stored.requestHash != QString::fromLatin1(hash))
        return error(format, 422,
                     QStringLiteral("this Idempotency-Key was already used for a request with "
                                    "different content"));
    QByteArray body = stored.body;
    if (format == Format::Xml) {
        QList<reports::CreatedRequest> created;
        QString why;
        if (!reports::open311::parseCreated(stored.body, &created, &why))
            return error(format, 500, QStringLiteral("the stored answer cannot be read"));
        body = reports::open311::createdDocument(created, Format::Xml);
    }
    Response response = document(format, body, 200);
    response.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
    return response;
}

// Checks the submission against the category; fills the request's location, text and
// attributes. Returns every problem found (the spec's error array can hold several).
QList<Open311Error> validate(const Submission &s, const Category &category, NewRequest *r)
{
    QList<Open311Error> problems;
    const QString lat = s.field(QStringLiteral("lat"));
    const QString lon = s.field(QStringLiteral("long"));
    if (lat.isEmpty() != lon.isEmpty()) {
        problems.append({400, QStringLiteral("lat and long must be sent together")});
    } else if (!lat.isEmpty()) {
        const std::optional<double> latValue = parseNumber(lat);
        const std::optional<double> lonValue = parseNumber(lon);
        if (!latValue || *latValue < -90 || *latValue > 90)
            problems.append({400, QStringLiteral("lat must be a number from -90 to 90")});
        if (!lonValue || *lonValue < -180 || *lonValue > 180)
            problems.append({400, QStringLiteral("long must be a number from -180 to 180")});
        r->lat = latValue;
        r->lon = lonValue;
    }
    r->address = s.field(QStringLiteral("address_string"));
    r->addressId = s.field(QStringLiteral("address_id"));
    if (lat.isEmpty() && r->address.isEmpty() && r->addressId.isEmpty())
        problems.append({400, QStringLiteral("a location is required: lat and long, "
                                             "address_string or address_id")});
    r->description = s.field(QStringLiteral("description"));
    checkText(QStringLiteral("description"), r->description, kMaxDescription, true, &problems);
    checkText(QStringLiteral("address_string"), r->address, 500, false, &problems);
    checkText(QStringLiteral("address_id"), r->addressId, 100, false, &problems);
    r->email = s.field(QStringLiteral("email"));
    r->firstName = s.field(QStringLiteral("first_name"));
    r->lastName = s.field(QStringLiteral("last_name"));
    r->phone = s.field(QStringLiteral("phone"));
    r->deviceId = s.field(QStringLiteral("device_id"));
    checkText(QStringLiteral("email"), r->email, 254, false, &problems);
    checkText(QStringLiteral("first_name"), r->firstName, 100, false, &problems);
    checkText(QStringLiteral("last_name"), r->lastName, 100, false, &problems);
    checkText(QStringLiteral("phone"), r->phone, 32, false, &problems);
    checkText(QStringLiteral("device_id"), r->deviceId, 200, false, &problems);
    checkText(QStringLiteral("media_url"), s.field(QStringLiteral("media_url")), 2000, false,
              &problems);

    for (auto it = s.attributes.begin(); it != s.attributes.end(); ++it) {
        const bool known = std::any_of(
            category.attributes.begin(), category.attributes.end(),
            [&](const reports::ServiceAttribute &a) { return a.code == it.key() && a.variable; });
        if (!known)
            problems.append({400, QStringLiteral("attribute %1 is not defined for service %2")
                                      .arg(it.key(), category.service.code)});
    }
    for (const reports::ServiceAttribute &a : category.attributes) {
        if (!a.variable)
            continue;
        const QStringList values = s.attributes.value(a.code);
        if (values.isEmpty()) {
            if (a.required)
                problems.append(
                    {400,
                     QStringLiteral("attribute %1 (%2) is required").arg(a.code, a.description)});
            continue;
        }
        const bool multi = a.datatype == u"multivaluelist";
        if (!multi && values.size() > 1) {
            problems.append({400, QStringLiteral("attribute %1 takes one value").arg(a.code)});
            continue;
        }
        const QString name = QStringLiteral("attribute %1").arg(a.code);
        bool ok = true;
        for (const QString &value : values) {
            if (a.datatype == u"number") {
                ok = ok && parseNumber(value).has_value();
                if (!parseNumber(value))
                    problems.append({400, name + QStringLiteral(" must be a number")});
            } else if (a.datatype == u"datetime") {
                if (!reports::open311::parseDateTime(value).isValid()) {
                    ok = false;
                    problems.append({400, name + QStringLiteral(" must be an ISO 8601 date and "
                                                                "time with an offset")});
                }
            } else if (a.datatype == u"singlevaluelist" || multi) {
                const bool listed =
                    std::any_of(a.values.begin(), a.values.end(),
                                [&](const reports::AttributeValue &v) { return v.key == value; });
                if (!listed) {
                    ok = false;
                    QStringList keys;
                    for (const reports::AttributeValue &v : a.values)
                        keys << v.key;
                    problems.append({400, name + QStringLiteral(" must be one of: %1")
                                                     .arg(keys.join(QStringLiteral(", ")))});
                }
            } else {
                const qsizetype before = problems.size();
                checkText(name, value, a.datatype == u"text" ? kMaxDescription : 1000,
                          a.datatype == u"text", &problems);
                ok = ok && problems.size() == before;
            }
        }
        if (ok)
            r->attributes.insert(a.code, multi ? QJsonValue(QJsonArray::fromStringList(values))
                                               : QJsonValue(values.first()));
    }
    return problems;
}

Response createRequest(ServerContext &context, const Request &request, Format format)
{
    auth::AuthService &auth = *context.auth;
    ReportService &reports = *context.reports;
    // The Idempotency-Key header (contract): 1..255 printable ASCII characters, sent once.
    QByteArray key;
    int keyCount = 0;
    if (hasHeader(request, "Idempotency-Key", &key, &keyCount) &&
        (keyCount > 1 || !Idempotency::validKey(key)))
        return error(format, 400,
                     QStringLiteral("Idempotency-Key must be sent once, with 1 to 255 printable "
                                    "ASCII characters"));
    const Caller caller = identify(auth, request, format);
    if (caller.error)
        return *caller.error;

    Submission submission;
    QString why;
    if (!Form::parse(request.raw.value("Content-Type"), request.raw.body(),
                     ReportService::kMaxPhotos, &submission, &why))
        return error(format, 400, why);
    if (!context.open311ApiKey.isEmpty()) {
        const QByteArray given = submission.field(QStringLiteral("api_key")).toUtf8();
        const QByteArray wanted = context.open311ApiKey.toUtf8();
        int diff = given.size() ^ wanted.size();
        for (qsizetype i = 0; i < wanted.size(); ++i)
            diff |= wanted.at(i) ^ (i < given.size() ? given.at(i) : 0);
        if (diff != 0)
            return error(format, 403,
                         given.isEmpty() ? QStringLiteral("api_key is required to create a "
                                                          "service request")
                                         : QStringLiteral("invalid api_key received, cannot "
                                                          "create the service request"));
    }

    const QByteArray hash = requestHash(caller.scope, submission);
    if (!key.isEmpty()) {
        bool ok = false;
        const std::optional<StoredResponse> stored =
            Idempotency::find(context.db, caller.scope, kCreateRoute, key, &ok);
        if (!ok)
            return error(format, 500, QStringLiteral("the report database failed"));
        if (stored)
            return replay(format, *stored, hash);
    }

    const QString code = submission.field(QStringLiteral("service_code"));
    if (code.isEmpty())
        return error(format, 400, QStringLiteral("service_code is required"));
    const Lang lang = languageOf(request.raw.value("Accept-Language"));
    bool ok = false;
    const std::optional<Category> english = reports.category(code, Lang::En, &ok);
    if (!ok)
        return error(format, 500, QStringLiteral("the report database failed"));
    if (!english)
        return error(format, 404,
                     QStringLiteral("service_code %1 was not found").arg(code.left(64)));
    const std::optional<Category> category =
        lang == Lang::En ? english : reports.category(code, lang, &ok);
    if (!ok || !category)
        return error(format, 500, QStringLiteral("the report database failed"));

    NewRequest created;
    const QList<Open311Error> problems = validate(submission, *english, &created);
    if (!problems.isEmpty())
        return errors(format, 400, problems);

    // Every photo is decoded (never trusted by name or type), auto-rotated, stripped of all
    // metadata, scaled and re-encoded; what is stored is the pipeline's JPEG.
    media::PhotoLimits limits;
    limits.maxInputBytes = context.maxUploadBytes;
    for (qsizetype i = 0; i < submission.photos.size(); ++i) {
        const media::PhotoResult result = media::processPhoto(submission.photos.at(i), limits);
        if (!result.ok()) {
            const int status = result.error == media::PhotoResult::Error::TooLarge ? 413 : 422;
            return error(
                format, status,
                QStringLiteral("photo %1 cannot be used: %2").arg(i + 1).arg(result.message));
        }
        created.photos.append({ReportService::newPhotoName(), result.jpeg, result.size});
    }

    created.id = ReportService::newRequestId();
    created.serviceCode = code;
    created.accountId = caller.accountId;
    created.agency = english->agency;
    created.requestedAt = QDateTime::currentMSecsSinceEpoch();
    created.expectedAt =
        category->slaHours > 0 ? created.requestedAt + qint64(category->slaHours) * 3600 * 1000 : 0;
    // account_id is always null: the answer never echoes who reported.
    const QList<reports::CreatedRequest> answer{{created.id, category->notice, QString()}};
    const StoredResponse response{QString::fromLatin1(hash), 201,
                                  reports::open311::createdDocument(answer, Format::Json)};

    Database &db = context.db;
    if (!db.begin())
        return error(format, 500, QStringLiteral("the report database failed"));
    // The key and the request are one transaction: neither exists without the other. Under
    // concurrency the second insert of the same key fails (primary key): that caller replays.
    auto replayAfterConflict = [&]() -> Response {
        db.rollback();
        bool found = false;
        const std::optional<StoredResponse> stored =
            Idempotency::find(db, caller.scope, kCreateRoute, key, &found);
        if (stored)
            return replay(format, *stored, hash);
        return error(format, 500, QStringLiteral("the report database failed"));
    };
    if (!key.isEmpty()) {
        const std::optional<StoredResponse> stored =
            Idempotency::find(db, caller.scope, kCreateRoute, key, &ok);
        if (stored || !ok)
            return replayAfterConflict();
        if (!Idempotency::insert(db, caller.scope, kCreateRoute, key, response.requestHash,
                                 response))
            return replayAfterConflict();
    }
    if (!reports.insert(created)) {
        db.rollback();
        return error(format, 500, QStringLiteral("the service request cannot be stored"));
    }
    if (!db.commit()) {
        if (!key.isEmpty())
            return replayAfterConflict();
        db.rollback();
        return error(format, 500, QStringLiteral("the service request cannot be stored"));
    }
    qCInfo(lcServer).noquote() << "service request" << created.id << "created," << code << ","
                               << created.photos.size() << "photo(s),"
                               << (created.accountId.isEmpty() ? "anonymous" : "signed in");
    return document(format,
                    format == Format::Json ? response.body
                                           : reports::open311::createdDocument(answer, Format::Xml),
                    201);
}

// GET requests: the spec's filters, plus lat/long/radius.
Response listRequests(ServerContext &context, const Request &request, Format format)
{
    const QUrlQuery &query = request.query;
    auto param = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
    };
    auto list = [](const QString &text) {
        QStringList items;
        for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!item.trimmed().isEmpty())
                items << item.trimmed();
        }
        return items;
    };
    RequestFilter filter;
    filter.ids = list(param("service_request_id"));
    if (filter.ids.size() > filter.limit)
        return error(format, 400,
                     QStringLiteral("at most %1 service_request_id values").arg(filter.limit));
    if (filter.ids.isEmpty()) {
        QList<Open311Error> problems;
        filter.serviceCodes = list(param("service_code"));
        filter.statuses = list(param("status"));
        for (const QString &status : filter.statuses) {
            if (status != u"open" && status != u"closed")
                problems.append({400, QStringLiteral("status must be open or closed")});
        }
        const QString start = param("start_date");
        const QString end = param("end_date");
        const QDateTime startTime = reports::open311::parseDateTime(start);
        const QDateTime endTime = reports::open311::parseDateTime(end);
        if (!start.isEmpty() && !startTime.isValid())
            problems.append({400, QStringLiteral("start_date must be a W3C date and time, e.g. "
                                                 "2010-01-01T00:00:00Z")});
        if (!end.isEmpty() && !endTime.isValid())
            problems.append({400, QStringLiteral("end_date must be a W3C date and time, e.g. "
                                                 "2010-01-01T00:00:00Z")});
        const qint64 window = ReportService::kDefaultWindowMs;
        if (startTime.isValid() && endTime.isValid()) {
            filter.startMs = startTime.toMSecsSinceEpoch();
            filter.endMs = endTime.toMSecsSinceEpoch();
            if (filter.endMs < filter.startMs)
                problems.append({400, QStringLiteral("end_date is before start_date")});
            else if (filter.endMs - filter.startMs > window)
                problems.append({400, QStringLiteral("start_date and end_date may not span "
                                                     "more than 90 days")});
        } else if (startTime.isValid()) {
            filter.startMs = startTime.toMSecsSinceEpoch();
            filter.endMs = filter.startMs + window;
        } else if (endTime.isValid()) {
            filter.endMs = endTime.toMSecsSinceEpoch();
            filter.startMs = filter.endMs - window;
        } else {
            filter.endMs = QDateTime::currentMSecsSinceEpoch();
            filter.startMs = filter.endMs - window;
        }
        const QString lat = param("lat");
        const QString lon = param("long");
        const QString radius = param("radius");
        if (lat.isEmpty() != lon.isEmpty()) {
            problems.append({400, QStringLiteral("lat and long must be sent together")});
        } else if (!lat.isEmpty()) {
            filter.lat = parseNumber(lat);
            filter.lon = parseNumber(lon);
            if (!filter.lat || *filter.lat < -90 || *filter.lat > 90)
                problems.append({400, QStringLiteral("lat must be a number from -90 to 90")});
            if (!filter.lon || *filter.lon < -180 || *filter.lon > 180)
                problems.append({400, QStringLiteral("long must be a number from -180 to 180")});
        }
        if (!radius.isEmpty()) {
            const std::optional<double> value = parseNumber(radius);
            if (lat.isEmpty())
                problems.append({400, QStringLiteral("radius needs lat and long")});
            else if (!value || *value <= 0 || *value > kMaxRadiusM)
                problems.append({400, QStringLiteral("radius must be a number of metres from 1 "
                                                     "to %1")
                                          .arg(kMaxRadiusM)});
            else
                filter.radiusM = *value;
        }
        if (!problems.isEmpty())
            return errors(format, 400, problems);
    }
    QList<reports::ServiceRequest> found;
    if (!context.reports->find(filter, languageOf(request.raw.value("Accept-Language")),
                               context.auth->issuer(), &found))
        return error(format, 500, QStringLiteral("the report database failed"));
    return document(format, reports::open311::requestsDocument(found, format));
}

} // namespace

void registerOpen311Routes(Router &router, ServerContext &context)
{
    ServerContext *ctx = &context;
    for (const Format format : {Format::Json, Format::Xml}) {
        const QString ext =
            format == Format::Json ? QStringLiteral(".json") : QStringLiteral(".xml");
        router.get(QStringLiteral("/open311/v2/services") + ext, [ctx, format](const Request &r) {
            QList<reports::Service> services;
            if (!ctx->reports->services(languageOf(r.raw.value("Accept-Language")), &services))
                return error(format, 500, QStringLiteral("the service list cannot be read"));
            return document(format, reports::open311::servicesDocument(services, format));
        });
        router.post(QStringLiteral("/open311/v2/requests") + ext,
                    [ctx, format](const Request &r) { return createRequest(*ctx, r, format); });
        router.get(QStringLiteral("/open311/v2/requests") + ext,
                   [ctx, format](const Request &r) { return listRequests(*ctx, r, format); });
    }
    router.get(QStringLiteral("/open311/v2/services/{file}"), [ctx](const Request &r) {
        QString code;
        Format format = Format::Json;
        if (!splitFile(r.param(QStringLiteral("file")), &code, &format))
            return error(Format::Json, 404,
                         QStringLiteral("use services/{service_code}.json or "
                                        ".xml"));
        bool ok = false;
        const std::optional<Category> category =
            ctx->reports->category(code, languageOf(r.raw.value("Accept-Language")), &ok);
        if (!ok)
            return error(format, 500, QStringLiteral("the service definition cannot be read"));
        if (!category)
            return error(format, 404,
                         QStringLiteral("service_code %1 was not found").arg(code.left(64)));
        return document(format, reports::open311::definitionDocument(
                                    {category->service.code, category->attributes}, format));
    });
    router.get(QStringLiteral("/open311/v2/requests/{file}"), [ctx](const Request &r) {
        QString id;
        Format format = Format::Json;
        if (!splitFile(r.param(QStringLiteral("file")), &id, &format))
            return error(Format::Json, 404,
                         QStringLiteral("use requests/{service_request_id}.json "
                                        "or .xml"));
        const Caller caller = identify(*ctx->auth, r, format);
        if (caller.error)
            return *caller.error;
        bool ok = false;
        const std::optional<reports::ServiceRequest> found =
            ctx->reports->one(id, languageOf(r.raw.value("Accept-Language")), ctx->auth->issuer(),
                              caller.accountId, &ok);
        if (!ok)
            return error(format, 500, QStringLiteral("the service request cannot be read"));
        if (!found)
            return error(format, 404,
                         QStringLiteral("service_request_id %1 was not found").arg(id.left(64)));
        Response response = document(format, reports::open311::requestsDocument({*found}, format));
        if (found->mine)
            response.headers.append(
                qMakePair(QByteArray("Cache-Control"), QByteArray("private, no-store")));
        return response;
    });
    router.get(QStringLiteral("/open311/v2/media/{file}"), [ctx](const Request &r) {
        static const QRegularExpression name(QStringLiteral("^([0-9a-f]{32})\\.jpg$"));
        const QRegularExpressionMatch match = name.match(r.param(QStringLiteral("file")));
        if (!match.hasMatch())
            return error(Format::Json, 404, QStringLiteral("no such photo"));
        bool ok = false;
        const std::optional<QByteArray> bytes = ctx->reports->photo(match.captured(1), &ok);
        if (!ok)
            return error(Format::Json, 500, QStringLiteral("the photo cannot be read"));
        if (!bytes)
            return error(Format::Json, 404, QStringLiteral("no such photo"));
        Response response;
        response.body = *bytes;
        response.contentType = "image/jpeg";
        // Names are random and never reused: the bytes of a name never change.
        response.headers.append(qMakePair(QByteArray("Cache-Control"),
                                          QByteArray("public, max-age=31536000, immutable")));
        response.headers.append(
            qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
        return response;
    });
}

} // namespace hues::server
