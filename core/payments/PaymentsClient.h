#pragma once

#include "net/ApiClient.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace payments {

// Translated, actionable text for a failed request to the payment gateway: by the server's
// error code (contract section 2) when it gave one, else the network's reason.
QString errorMessage(const net::ApiError &error);
// The same for an error code alone ("insufficient_funds", ...); empty for an unknown code.
QString errorMessageForCode(const QString &code);

// The Payment objects of a 201 answer to a payment ({"payment": P}) or a bill payment
// ({"payments": [P...]}); false when the answer is not that.
bool parsePaymentAnswer(const QJsonDocument &json, QList<QJsonObject> *payments);
// Whether a failed payment request may have been applied by the server (or not reached it):
// its outcome is unknown, and sending it again with the same key settles it.
bool isOutcomeUnknown(const net::ApiError &error);

// What GET /api/v1/payments is asked.
struct HistoryQuery
{
    QString search;    // q
    QString direction; // "" | in | out
    QString kind;
    QString category;
    QString before; // a payment_id: the page after it
    int limit = 50;
};

// The app's client of hues-server's payment gateway (contract section 2) over the one
// net::ApiClient (bearer of the signed-in user). Answers are the server's JSON; callers parse.
// Payments and bill payments carry their Idempotency-Key and are tried once per call: their
// callers keep the attempt and retry it with the same key.
class PaymentsClient : public QObject
{
    Q_OBJECT
public:
    explicit PaymentsClient(net::ApiClient *api, QObject *parent = nullptr);

    net::ApiClient *api() const { return m_api; }

    net::ApiReply *wallet();
    net::ApiReply *lookup(const QString &qrPayload);
    // POST /api/v1/payments or /api/v1/bills/pay (path) with body and key.
    net::ApiReply *sendPayment(const QString &path, const QByteArray &body,
                               const QByteArray &idempotencyKey);
    net::ApiReply *history(const HistoryQuery &query);
    net::ApiReply *payment(const QString &paymentId);
    net::ApiReply *billProviders();
    net::ApiReply *bills(const QString &providerId, const QString &customerCode);
    net::ApiReply *merchant();
    net::ApiReply *createMerchantQr(qint64 amount, const QString &purpose, int expiresInSeconds);
    net::ApiReply *merchantQr(const QString &qrId);

    static const QString kPaymentsPath; // /api/v1/payments
    static const QString kBillsPayPath; // /api/v1/bills/pay

private:
    net::ApiClient *m_api;
};

} // namespace payments
