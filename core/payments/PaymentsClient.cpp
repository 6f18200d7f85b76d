#include "PaymentsClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace payments {

const QString PaymentsClient::kPaymentsPath = QStringLiteral("/api/v1/payments");
const QString PaymentsClient::kBillsPayPath = QStringLiteral("/api/v1/bills/pay");

namespace {

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

QString errorMessageForCode(const QString &code)
{
    if (code == QLatin1String("invalid_qr"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "This is not a valid VietQR payment code. Ask for the payment QR code again "
            "or scan it more closely.");
    if (code == QLatin1String("amount_required"))
        return QCoreApplication::translate("payments::PaymentsClient", "Enter the amount to pay.");
    if (code == QLatin1String("amount_invalid"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "The amount must be a whole number of đồng between 1 ₫ and 500.000.000 ₫.");
    if (code == QLatin1String("amount_mismatch"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "The amount differs from the one in the QR code. Scan the code again.");
    if (code == QLatin1String("insufficient_funds"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "Your wallet balance is too low for this payment. Top up your wallet or pay a "
            "smaller amount.");
    if (code == QLatin1String("merchant_closed"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "This merchant is not accepting payments at the moment. Pay another way or "
            "ask the merchant.");
    if (code == QLatin1String("unknown_beneficiary"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "The account in this QR code was not found. Check with the merchant that the "
            "code is theirs.");
    if (code == QLatin1String("qr_expired"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "This payment code has expired. Ask the merchant for a new one.");
    if (code == QLatin1String("qr_already_paid"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "This payment code has already been paid. Ask the merchant for a new one if "
            "you want to pay again.");
    if (code == QLatin1String("bill_already_paid"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "One of these bills has already been paid; nothing was charged. Look up the "
            "bills again.");
    if (code == QLatin1String("unknown_customer"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "No customer with this code was found. Check the code on a recent bill.");
    if (code == QLatin1String("idempotency_key_reused"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "This payment was already sent with different details. Start the payment "
            "again.");
    if (code == QLatin1String("idempotency_key_required") ||
        code == QLatin1String("invalid_request"))
        return QCoreApplication::translate(
            "payments::PaymentsClient",
            "The app sent a request the server does not accept. Update the app and try "
            "again.");
    if (code == QLatin1String("not_found"))
        return QCoreApplication::translate("payments::PaymentsClient",
                                           "This payment was not found.");
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("payments::PaymentsClient",
                                           "Your account is not allowed to do this.");
    if (code == QLatin1String("unauthorized"))
        return QCoreApplication::translate("payments::PaymentsClient", "Sign in to pay.");
    return {};
}

QString errorMessage(const net::ApiError &error)
{
    if (!error.isError())
        return {};
    const QString byCode = errorMessageForCode(error.code);
    return byCode.isEmpty() ? error.message() : byCode;
}

bool parsePaymentAnswer(const QJsonDocument &json, QList<QJsonObject> *payments)
{
    payments->clear();
    const QJsonObject o = json.object();
    if (o.value(QLatin1String("payment")).isObject()) {
        payments->append(o.value(QLatin1String("payment")).toObject());
    } else {
        const QJsonArray list = o.value(QLatin1String("payments")).toArray();
        for (const QJsonValue &v : list) {
            if (v.isObject())
                payments->append(v.toObject());
        }
    }
    for (const QJsonObject &p : std::as_const(*payments)) {
        if (p.value(QLatin1String("payment_id")).toString().isEmpty() ||
            !p.value(QLatin1String("amount")).isDouble())
            return false;
    }
    return !payments->isEmpty();
}

bool isOutcomeUnknown(const net::ApiError &error)
{
    // A 2xx the app could not read is also unknown: the same key replays it.
    return error.isTransient() || error.kind == net::ApiError::BadResponse ||
           error.kind == net::ApiError::Cancelled;
}

PaymentsClient::PaymentsClient(net::ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
}

net::ApiReply *PaymentsClient::wallet()
{
    return m_api->get(QStringLiteral("/api/v1/wallet"));
}

net::ApiReply *PaymentsClient::lookup(const QString &qrPayload)
{
    net::ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/payments/lookup");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("qr"), qrPayload}})
                 .toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    return m_api->send(r);
}

net::ApiReply *PaymentsClient::sendPayment(const QString &path, const QByteArray &body,
                                           const QByteArray &idempotencyKey)
{
    net::ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.contentType = "application/json";
    r.idempotencyKey = idempotencyKey;
    // The flow keeps the attempt and offers Retry with the same key: one try here, so the
    // user sees the outcome of a lost connection at once.
    r.maxAttempts = 1;
    return m_api->send(r);
}

net::ApiReply *PaymentsClient::history(const HistoryQuery &query)
{
    QUrlQuery q;
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("q"), query.search);
    if (!query.direction.isEmpty())
        q.addQueryItem(QStringLiteral("direction"), query.direction);
    if (!query.kind.isEmpty())
        q.addQueryItem(QStringLiteral("kind"), query.kind);
    if (!query.category.isEmpty())
        q.addQueryItem(QStringLiteral("category"), query.category);
    if (!query.before.isEmpty())
        q.addQueryItem(QStringLiteral("before"), query.before);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    return m_api->get(kPaymentsPath, q);
}

net::ApiReply *PaymentsClient::payment(const QString &paymentId)
{
    return m_api->get(kPaymentsPath + QLatin1Char('/') + segment(paymentId));
}

net::ApiReply *PaymentsClient::billProviders()
{
    net::ApiRequest r;
    r.path = QStringLiteral("/api/v1/bills/providers");
    r.anonymous = true;
    return m_api->send(r);
}

net::ApiReply *PaymentsClient::bills(const QString &providerId, const QString &customerCode)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("provider"), providerId);
    q.addQueryItem(QStringLiteral("customer_code"), customerCode);
    return m_api->get(QStringLiteral("/api/v1/bills"), q);
}

net::ApiReply *PaymentsClient::merchant()
{
    return m_api->get(QStringLiteral("/api/v1/merchant"));
}

net::ApiReply *PaymentsClient::createMerchantQr(qint64 amount, const QString &purpose,
                                                int expiresInSeconds)
{
    QJsonObject body{{QStringLiteral("amount"), amount},
                     {QStringLiteral("expires_in"), expiresInSeconds}};
    if (!purpose.isEmpty())
        body.insert(QStringLiteral("purpose"), purpose);
    net::ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/merchant/qr");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    return m_api->send(r);
}

net::ApiReply *PaymentsClient::merchantQr(const QString &qrId)
{
    return m_api->get(QStringLiteral("/api/v1/merchant/qr/") + segment(qrId));
}

} // namespace payments
