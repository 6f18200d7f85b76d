// The sandbox payment gateway under /api/v1 (contract: notes pay-contract.md section 2):
// wallet, QR lookup and payment, history, bills, merchant mode and the bank's notifications.
// Every protected route checks the bearer token first; errors are {"error","message"}.
#include "auth/AuthService.h"
#include "db/Idempotency.h"
#include "http/Router.h"
#include "payments/PaymentService.h"
#include "routes/Routes.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace hues::server {

using payments::PaymentService;
using payments::Reply;

namespace {

constexpr int kMaxQrChars = 1024;
constexpr int kDefaultExpiresS = 900;

Response toResponse(const Reply &reply)
{
    Response response;
    response.status = reply.status;
    response.body = reply.body;
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    if (reply.replayed)
        response.headers.append(
            {QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
    return response;
}

Response failure(int status, const QString &code, const QString &message)
{
    return toResponse(Reply::error(status, code, message));
}

Response badRequest(const QString &message)
{
    return failure(400, QStringLiteral("invalid_request"), message);
}

// The bearer check of every payment route, with the contract's error codes (unauthorized,
// forbidden) and the OAuth challenge headers kept.
std::optional<Response> authenticate(ServerContext &context, const Request &request,
                                     payments::Caller *caller)
{
    const auth::BearerCheck check =
        context.auth->requireBearer(request, auth::Requirement::anyPerson());
    if (!check) {
        const QString message = QJsonDocument::fromJson(check.error.body)
                                    .object()
                                    .value(QStringLiteral("message"))
                                    .toString();
        Response response = failure(check.error.status,
                                    check.error.status == 401 ? QStringLiteral("unauthorized")
                                                              : QStringLiteral("forbidden"),
                                    message);
        for (const auto &header : check.error.headers) {
            if (header.first.compare("Cache-Control", Qt::CaseInsensitive) != 0)
                response.headers.append(header);
        }
        return response;
    }
    caller->subject = check.token->subject;
    caller->roles = check.token->roles;
    return std::nullopt;
}

// The JSON object body (sent as application/json or not), or the 400 to send.
std::optional<Response> jsonObject(const Request &request, QJsonObject *body)
{
    QJsonDocument document = request.json;
    if (document.isNull()) {
        QJsonParseError error{};
        document = QJsonDocument::fromJson(request.raw.body(), &error);
        if (error.error != QJsonParseError::NoError)
            document = QJsonDocument();
    }
    if (!document.isObject())
        return badRequest(QStringLiteral("send a JSON object with Content-Type: "
                                         "application/json"));
    *body = document.object();
    return std::nullopt;
}

// The Idempotency-Key header: required, once, 1..255 printable ASCII characters.
std::optional<Response> idempotencyKey(const Request &request, QByteArray *key)
{
    int count = 0;
    for (const auto &[name, value] : request.raw.headers()) {
        if (name.compare("Idempotency-Key", Qt::CaseInsensitive) == 0) {
            ++count;
            *key = value;
        }
    }
    if (count != 1 || !Idempotency::validKey(*key))
        return failure(400, QStringLiteral("idempotency_key_required"),
                       QStringLiteral("send the header Idempotency-Key once, with 1 to 255 "
                                      "printable ASCII characters"));
    return std::nullopt;
}

QString hashOf(const QJsonObject &body)
{
    // QJsonObject keeps its keys sorted: the compact document is a canonical form.
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

// What the two money-moving POSTs share before reading their own fields.
struct IdempotentPost
{
    payments::Caller caller;
    QByteArray key;
    QJsonObject body;
    QString hash; // of the body, to tell a replay from a reused key
};

// The bearer, the Idempotency-Key and the JSON body of a POST to `route`; a key used before
// answers by itself (replay or reused), whatever the new body holds. Returns the answer to
// send now, or nullopt with *post filled for the route to go on.
std::optional<Response> beginIdempotentPost(ServerContext &context, PaymentService &service,
                                            const Request &request, const QString &route,
                                            IdempotentPost *post)
{
    if (auto problem = authenticate(context, request, &post->caller))
        return problem;
    if (auto problem = idempotencyKey(request, &post->key))
        return problem;
    if (auto problem = jsonObject(request, &post->body))
        return problem;
    post->hash = hashOf(post->body);
    if (std::optional<Reply> stored =
            service.storedAnswer(post->caller, route, post->key, post->hash))
        return toResponse(*stored);
    return std::nullopt;
}

bool hasControl(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; });
}

// An amount member: nullopt with *problem empty when absent; otherwise an integer 1..max.
std::optional<qint64> amountOf(const QJsonObject &body, std::optional<Response> *problem)
{
    const QJsonValue value = body.value(QStringLiteral("amount"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) ||
        number <= 0 || number > double(PaymentService::kMaxAmount)) {
        *problem = failure(422, QStringLiteral("amount_invalid"),
                           QStringLiteral("amount must be an integer number of VND from 1 to %1")
                               .arg(PaymentService::kMaxAmount));
        return std::nullopt;
    }
    return qint64(number);
}

// An optional string member of at most max characters without control characters.
std::optional<Response> optionalText(const QJsonObject &body, const char *name, int max,
                                     QString *out)
{
    const QJsonValue value = body.value(QLatin1String(name));
    out->clear();
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        return badRequest(QStringLiteral("%1 must be a string").arg(QLatin1String(name)));
    *out = value.toString().trimmed();
    if (out->size() > max || hasControl(*out))
        return badRequest(QStringLiteral("%1 must have at most %2 characters and no control "
                                         "characters")
                              .arg(QLatin1String(name))
                              .arg(max));
    return std::nullopt;
}

// "YYYY-MM-DD" (a day in Huế; to: through its end) or an ISO 8601 time with offset.
bool parseTime(const QString &text, bool endOfDay, qint64 *ms)
{
    if (text.isEmpty())
        return true;
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10) {
        *ms = QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), Qt::OffsetFromUTC, 7 * 3600)
                  .toMSecsSinceEpoch();
        return true;
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return false;
    *ms = time.toMSecsSinceEpoch();
    return true;
}

} // namespace

void registerPaymentRoutes(Router &router, ServerContext &context)
{
    ServerContext *ctx = &context;
    PaymentService *service = context.payments;

    router.get(QStringLiteral("/api/v1/wallet"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        return toResponse(service->wallet(caller));
    });

    router.post(QStringLiteral("/api/v1/payments/lookup"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        QJsonObject body;
        if (auto problem = jsonObject(request, &body))
            return *problem;
        const QJsonValue qr = body.value(QStringLiteral("qr"));
        if (!qr.isString() || qr.toString().isEmpty() || qr.toString().size() > kMaxQrChars)
            return badRequest(QStringLiteral("qr must be the payload of a VietQR code"));
        return toResponse(service->lookup(caller, qr.toString()));
    });

    router.post(QStringLiteral("/api/v1/payments"), [ctx, service](const Request &request) {
        IdempotentPost post;
        if (auto answer =
                beginIdempotentPost(*ctx, *service, request, PaymentService::kPayRoute, &post))
            return *answer;
        const QJsonObject &body = post.body;
        payments::PayRequest pay;
        const QJsonValue qr = body.value(QStringLiteral("qr"));
        if (!qr.isString() || qr.toString().isEmpty() || qr.toString().size() > kMaxQrChars)
            return badRequest(QStringLiteral("qr must be the payload of a VietQR code"));
        pay.qr = qr.toString();
        std::optional<Response> problem;
        pay.amount = amountOf(body, &problem);
        if (problem)
            return *problem;
        if (auto bad = optionalText(body, "purpose", PaymentService::kMaxPurpose, &pay.purpose))
            return *bad;
        return toResponse(service->pay(post.caller, post.key, post.hash, pay));
    });

    router.get(QStringLiteral("/api/v1/payments"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        auto param = [&request](const char *name) {
            return request.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
        };
        payments::ListFilter filter;
        filter.q = param("q").left(100);
        filter.direction = param("direction");
        filter.kind = param("kind");
        filter.category = param("category");
        filter.before = param("before");
        if (!filter.direction.isEmpty() && filter.direction != u"in" && filter.direction != u"out")
            return badRequest(QStringLiteral("direction must be in or out"));
        if (!filter.kind.isEmpty() && filter.kind != u"qr" && filter.kind != u"bill" &&
            filter.kind != u"bank_transfer")
            return badRequest(QStringLiteral("kind must be qr, bill or bank_transfer"));
        if (!filter.category.isEmpty() && !PaymentService::categories().contains(filter.category))
            return badRequest(QStringLiteral("unknown category"));
        if (!parseTime(param("from"), false, &filter.fromMs) ||
            !parseTime(param("to"), true, &filter.toMs))
            return badRequest(QStringLiteral("from and to must be YYYY-MM-DD or ISO 8601 times "
                                             "with an offset"));
        const QString limit = param("limit");
        if (!limit.isEmpty()) {
            bool ok = false;
            filter.limit = limit.toInt(&ok);
            if (!ok || filter.limit < 1 || filter.limit > 200)
                return badRequest(QStringLiteral("limit must be 1 to 200"));
        }
        return toResponse(service->list(caller, filter));
    });

    router.get(QStringLiteral("/api/v1/payments/{id}"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        return toResponse(service->payment(caller, request.param(QStringLiteral("id"))));
    });

    router.get(QStringLiteral("/api/v1/bills/providers"), [service](const Request &request) {
        Response response = toResponse(
            service->providers(open311::languageOf(request.raw.value("Accept-Language"))));
        response.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Language")});
        return response;
    });

    router.get(QStringLiteral("/api/v1/bills"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        const QString provider =
            request.query.queryItemValue(QStringLiteral("provider"), QUrl::FullyDecoded).trimmed();
        const QString code =
            request.query.queryItemValue(QStringLiteral("customer_code"), QUrl::FullyDecoded)
                .trimmed();
        if (provider.isEmpty() || code.isEmpty() || code.size() > 64 || hasControl(code))
            return badRequest(QStringLiteral("send provider and customer_code"));
        return toResponse(service->bills(
            provider, code, open311::languageOf(request.raw.value("Accept-Language"))));
    });

    router.post(QStringLiteral("/api/v1/bills/pay"), [ctx, service](const Request &request) {
        IdempotentPost post;
        if (auto answer =
                beginIdempotentPost(*ctx, *service, request, PaymentService::kBillsRoute, &post))
            return *answer;
        const QJsonValue ids = post.body.value(QStringLiteral("bill_ids"));
        QStringList billIds;
        for (const QJsonValue &id : ids.toArray()) {
            if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 64 ||
                billIds.contains(id.toString()))
                return badRequest(QStringLiteral("bill_ids must hold distinct bill ids"));
            billIds << id.toString();
        }
        if (!ids.isArray() || billIds.isEmpty() ||
            billIds.size() > PaymentService::kMaxBillsPerPayment)
            return badRequest(QStringLiteral("bill_ids must be an array of 1 to %1 bill ids")
                                  .arg(PaymentService::kMaxBillsPerPayment));
        return toResponse(service->payBills(post.caller, post.key, post.hash, billIds));
    });

    router.get(QStringLiteral("/api/v1/merchant"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        return toResponse(service->merchant(caller));
    });

    router.post(QStringLiteral("/api/v1/merchant/qr"), [ctx, service](const Request &request) {
        payments::Caller caller;
        if (auto problem = authenticate(*ctx, request, &caller))
            return *problem;
        QJsonObject body;
        if (auto problem = jsonObject(request, &body))
            return *problem;
        std::optional<Response> problem;
        const std::optional<qint64> amount = amountOf(body, &problem);
        if (problem)
            return *problem;
        if (!amount)
            return failure(422, QStringLiteral("amount_required"),
                           QStringLiteral("a dynamic code needs an amount"));
        QString purpose;
        if (auto bad = optionalText(body, "purpose", PaymentService::kMaxPurpose, &purpose))
            return *bad;
        int expiresIn = kDefaultExpiresS;
        const QJsonValue expires = body.value(QStringLiteral("expires_in"));
        if (!expires.isUndefined() && !expires.isNull()) {
            const double seconds = expires.toDouble(-1);
            if (!expires.isDouble() || seconds != std::floor(seconds) || seconds < 60 ||
                seconds > 86400)
                return badRequest(QStringLiteral("expires_in must be 60 to 86400 seconds"));
            expiresIn = int(seconds);
        }
        return toResponse(service->createQr(caller, *amount, purpose, expiresIn));
    });

    router.get(
        QStringLiteral("/api/v1/merchant/qr/{qr_id}"), [ctx, service](const Request &request) {
            payments::Caller caller;
            if (auto problem = authenticate(*ctx, request, &caller))
                return *problem;
            return toResponse(service->qrState(caller, request.param(QStringLiteral("qr_id"))));
        });

    // The bank's callback: authenticated by its HMAC signature, not by a bearer token.
    router.post(QStringLiteral("/api/v1/bank/notify"), [service](const Request &request) {
        return toResponse(service->bankNotify(request.raw.value("X-Hues-Timestamp"),
                                              request.raw.value("X-Hues-Signature"),
                                              request.raw.body()));
    });
}

} // namespace hues::server
