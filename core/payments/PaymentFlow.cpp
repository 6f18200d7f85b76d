#include "PaymentFlow.h"

#include "PaymentModels.h"
#include "PaymentStore.h"
#include "PaymentsClient.h"
#include "logging.h"
#include "net/ApiClient.h"
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <cmath>

namespace payments {

PaymentFlow::PaymentFlow(PaymentsClient *client, PaymentStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_store(store)
{
}

PaymentFlow::~PaymentFlow() = default;

QString PaymentFlow::amountText() const
{
    return vietqr::formatVnd(m_amount);
}

void PaymentFlow::setOwner(const QString &account, const QString &server)
{
    if (account == m_account && server == m_server)
        return;
    m_account = account;
    m_server = server;
    // A payment of someone else is not shown to the next user.
    if (m_state != Idle)
        reset();
}

void PaymentFlow::setBillSource(const BillModel *bills, const BillProviderModel *providers)
{
    m_billSource = bills;
    m_providerSource = providers;
}

void PaymentFlow::retranslate()
{
    // The error is translated when set: the code says which it is.
    if (!m_errorCode.isEmpty()) {
        const QString text = errorMessageForCode(m_errorCode);
        if (!text.isEmpty())
            m_error = text;
    }
    Q_EMIT stateChanged();
    Q_EMIT amountChanged();
}

void PaymentFlow::reset()
{
    ++m_generation;
    if (m_reply)
        m_reply->disconnect(this);
    m_reply = nullptr;
    m_payload.clear();
    m_merchantName.clear();
    m_category.clear();
    m_bankBin.clear();
    m_bankName.clear();
    m_bankShortName.clear();
    m_bankColour.clear();
    m_accountMasked.clear();
    m_dynamic = false;
    m_amount = 0;
    m_amountEditable = false;
    m_purpose.clear();
    m_purposeEditable = false;
    m_expiresAt = QDateTime();
    m_billIds.clear();
    m_error.clear();
    m_errorCode.clear();
    m_canRetry = false;
    m_receiptId.clear();
    m_attemptId.clear();
    m_state = Idle;
    Q_EMIT detailsChanged();
    Q_EMIT amountChanged();
    Q_EMIT purposeChanged();
    Q_EMIT stateChanged();
}

void PaymentFlow::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

void PaymentFlow::fail(const QString &code, const QString &message, bool canRetry)
{
    m_errorCode = code;
    m_error = message;
    m_canRetry = canRetry;
    setState(Failed);
}

void PaymentFlow::setBank(const QString &bin)
{
    m_bankBin = bin;
    const vietqr::Bank *bank = vietqr::findBank(bin);
    m_bankName = bank ? bank->name : QString();
    m_bankShortName = bank ? bank->shortName : bin;
    m_bankColour = bank ? bank->colour : QString();
}

bool PaymentFlow::requireAccount()
{
    if (!m_account.isEmpty())
        return true;
    fail(QStringLiteral("unauthorized"), errorMessageForCode(QStringLiteral("unauthorized")),
         false);
    return false;
}

void PaymentFlow::start(const QString &payload)
{
    reset();
    m_payload = payload.trimmed();
    setState(Checking);
    const vietqr::ParseResult parsed = vietqr::parse(m_payload);
    if (!parsed.ok) {
        qCInfo(lcNet) << "payments: scanned code refused locally at tag" << parsed.errorTag;
        Q_EMIT detailsChanged();
        fail(QStringLiteral("invalid_qr"),
             tr("This is not a valid VietQR payment code: %1").arg(parsed.error), false);
        return;
    }
    const vietqr::Code &code = parsed.code;
    m_dynamic = code.dynamic;
    setBank(code.bankBin);
    m_accountMasked = vietqr::maskAccount(code.account);
    m_merchantName = code.merchantName;
    m_amount = code.amount.value_or(0);
    m_amountEditable = !code.dynamic;
    m_purpose = code.purpose;
    m_purposeEditable = !code.dynamic;
    Q_EMIT detailsChanged();
    Q_EMIT amountChanged();
    Q_EMIT purposeChanged();
    if (!requireAccount())
        return;
    m_reply = m_client->lookup(m_payload);
    const int generation = m_generation;
    connect(m_reply, &net::ApiReply::finished, this, [this, reply = m_reply.data(), generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onLookup(reply);
    });
}

void PaymentFlow::onLookup(net::ApiReply *reply)
{
    m_reply = nullptr;
    if (!reply->isOk()) {
        fail(reply->error().code.isEmpty() ? QStringLiteral("network") : reply->error().code,
             errorMessage(reply->error()), reply->error().isTransient());
        return;
    }
    const QJsonObject o = reply->json().object();
    const QJsonObject merchant = o.value(QLatin1String("merchant")).toObject();
    const QString name = merchant.value(QLatin1String("name")).toString();
    if (!name.isEmpty())
        m_merchantName = name;
    m_category = merchant.value(QLatin1String("category")).toString();
    const QString bin = merchant.value(QLatin1String("bank_bin")).toString();
    if (!bin.isEmpty())
        setBank(bin);
    const QString masked = merchant.value(QLatin1String("account_masked")).toString();
    if (!masked.isEmpty())
        m_accountMasked = masked;
    if (o.value(QLatin1String("amount")).isDouble()) {
        m_amount = o.value(QLatin1String("amount")).toInteger();
        Q_EMIT amountChanged();
    }
    m_expiresAt =
        QDateTime::fromString(o.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs)
            .toLocalTime();
    Q_EMIT detailsChanged();

    const QString state = o.value(QLatin1String("state")).toString();
    QString refusal;
    if (state == QLatin1String("expired"))
        refusal = QStringLiteral("qr_expired");
    else if (state == QLatin1String("paid"))
        refusal = QStringLiteral("qr_already_paid");
    else if (state == QLatin1String("closed") ||
             merchant.value(QLatin1String("status")).toString() == QLatin1String("closed"))
        refusal = QStringLiteral("merchant_closed");
    else if (state != QLatin1String("payable"))
        refusal = QStringLiteral("invalid_request");
    if (!refusal.isEmpty()) {
        fail(refusal, errorMessageForCode(refusal), false);
        return;
    }
    setState(Confirm);
}

void PaymentFlow::startBills(const QStringList &billIds)
{
    reset();
    if (!requireAccount())
        return;
    qint64 total = 0;
    QStringList names;
    QStringList categories;
    for (const QString &id : billIds) {
        const BillModel::Bill *found = nullptr;
        if (m_billSource) {
            for (const BillModel::Bill &b : m_billSource->bills()) {
                if (b.billId == id)
                    found = &b;
            }
        }
        if (!found || billIds.count(id) > 1) {
            fail(QStringLiteral("invalid_request"),
                 tr("Choose the bills to pay from the list of bills."), false);
            return;
        }
        total += found->amount;
        const BillProviderModel::Provider *provider =
            m_providerSource ? m_providerSource->find(found->providerId) : nullptr;
        const QString name = provider ? provider->name : found->providerId;
        if (!names.contains(name))
            names << name;
        const QString category = provider ? provider->category : QString();
        if (!categories.contains(category))
            categories << category;
    }
    if (billIds.isEmpty() || billIds.size() > 20) {
        fail(QStringLiteral("invalid_request"), tr("Choose between 1 and 20 bills to pay."), false);
        return;
    }
    m_billIds = billIds;
    m_merchantName = names.join(QStringLiteral(", "));
    m_category = categories.size() == 1 ? categories.constFirst() : QString();
    m_amount = total;
    m_amountEditable = false;
    m_purposeEditable = false;
    Q_EMIT detailsChanged();
    Q_EMIT amountChanged();
    setState(Confirm);
}

void PaymentFlow::setAmount(double amount)
{
    if (!m_amountEditable || m_state != Confirm)
        return;
    const qint64 value =
        std::isfinite(amount) && amount >= 0 && amount <= 1e15 ? qint64(std::llround(amount)) : 0;
    if (value == m_amount)
        return;
    m_amount = value;
    Q_EMIT amountChanged();
}

void PaymentFlow::setPurpose(const QString &purpose)
{
    if (!m_purposeEditable || m_state != Confirm || purpose == m_purpose)
        return;
    m_purpose = purpose.left(kMaxPurposeLength);
    Q_EMIT purposeChanged();
}

void PaymentFlow::pay()
{
    if (m_state != Confirm)
        return;
    // Mistakes the user can fix stay on the confirm screen.
    auto refuse = [this](const QString &code) {
        m_errorCode = code;
        m_error = errorMessageForCode(code);
        Q_EMIT stateChanged();
    };
    if (m_amount <= 0) {
        refuse(m_amountEditable ? QStringLiteral("amount_required")
                                : QStringLiteral("amount_invalid"));
        return;
    }
    if (m_amount > kMaxAmount) {
        refuse(QStringLiteral("amount_invalid"));
        return;
    }
    if (!requireAccount())
        return;

    PaymentAttempt attempt;
    attempt.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    attempt.account = m_account;
    attempt.server = m_server;
    QJsonObject body;
    if (m_billIds.isEmpty()) {
        attempt.path = PaymentsClient::kPaymentsPath;
        body.insert(QStringLiteral("qr"), m_payload);
        body.insert(QStringLiteral("amount"), m_amount);
        if (m_purposeEditable && !m_purpose.trimmed().isEmpty())
            body.insert(QStringLiteral("purpose"), m_purpose.trimmed());
    } else {
        attempt.path = PaymentsClient::kBillsPayPath;
        body.insert(QStringLiteral("bill_ids"), QJsonArray::fromStringList(m_billIds));
    }
    attempt.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    attempt.display = QJsonObject{{QStringLiteral("merchant_name"), m_merchantName},
                                  {QStringLiteral("amount"), m_amount}};
    // Written before it is sent: a crash from here on loses no outcome.
    if (!m_store->insertAttempt(attempt)) {
        fail(QStringLiteral("storage"),
             tr("The payment could not be recorded on this device, so it was not sent. "
                "Free some storage space and try again."),
             false);
        return;
    }
    m_attemptId = attempt.id;
    m_errorCode.clear();
    m_error.clear();
    qCInfo(lcNet) << "payments: attempt" << m_attemptId << "recorded, sending";
    send();
}

void PaymentFlow::retry()
{
    if (m_state != Failed || !m_canRetry)
        return;
    if (m_attemptId.isEmpty()) {
        // The check failed (e.g. offline): check again.
        if (m_billIds.isEmpty())
            start(m_payload);
        else
            startBills(m_billIds);
        return;
    }
    send();
}

void PaymentFlow::send()
{
    const std::optional<PaymentAttempt> attempt = m_store->attempt(m_attemptId);
    if (!attempt || attempt->state != QLatin1String("sending")) {
        fail(QStringLiteral("storage"),
             tr("This payment is no longer on this device. Check your history before "
                "paying again."),
             false);
        return;
    }
    m_error.clear();
    m_errorCode.clear();
    m_canRetry = false;
    setState(Paying);
    // The same key and the same bytes every time: the server replays its first answer.
    m_reply = m_client->sendPayment(attempt->path, attempt->body, attempt->id.toLatin1());
    const int generation = m_generation;
    const QString attemptId = attempt->id;
    connect(m_reply, &net::ApiReply::finished, this,
            [this, reply = m_reply.data(), generation, attemptId] {
                reply->deleteLater();
                if (generation != m_generation) {
                    // Cancelled while in flight: the outcome is still recorded.
                    QList<QJsonObject> payments;
                    if (reply->isOk() && parsePaymentAnswer(reply->json(), &payments)) {
                        QStringList ids;
                        for (const QJsonObject &p : std::as_const(payments))
                            ids << p.value(QLatin1String("payment_id")).toString();
                        m_store->finishAttempt(attemptId, QStringLiteral("done"), {}, ids);
                        m_store->cacheReceipts(m_account, m_server, payments);
                        Q_EMIT paid(payments);
                    } else if (!isOutcomeUnknown(reply->error())) {
                        m_store->finishAttempt(attemptId, QStringLiteral("failed"),
                                               reply->error().code, {});
                    } else {
                        m_store->finishAttempt(attemptId, QStringLiteral("abandoned"),
                                               QStringLiteral("cancelled"), {});
                    }
                    return;
                }
                onPayReply(reply);
            });
}

void PaymentFlow::onPayReply(net::ApiReply *reply)
{
    m_reply = nullptr;
    QList<QJsonObject> payments;
    if (reply->isOk() && parsePaymentAnswer(reply->json(), &payments)) {
        QStringList ids;
        for (const QJsonObject &p : std::as_const(payments))
            ids << p.value(QLatin1String("payment_id")).toString();
        m_store->finishAttempt(m_attemptId, QStringLiteral("done"), {}, ids);
        m_store->cacheReceipts(m_account, m_server, payments);
        m_receiptId = ids.constFirst();
        qCInfo(lcNet) << "payments: attempt" << m_attemptId << "paid as" << ids
                      << (reply->rawHeader("Idempotent-Replayed") == "true" ? "(replayed)" : "");
        setState(Done);
        Q_EMIT paid(payments);
        return;
    }
    net::ApiError error = reply->error();
    if (reply->isOk())
        error.kind = net::ApiError::BadResponse; // 2xx without the payment: unknown outcome
    if (isOutcomeUnknown(error)) {
        // The attempt stays "sending": Retry (or the next start) settles it with its key.
        qCInfo(lcNet) << "payments: attempt" << m_attemptId << "outcome unknown:" << error.kind;
        fail(QStringLiteral("network"),
             tr("The payment's outcome is not known yet: %1 Retry: it will not be paid "
                "twice.")
                 .arg(error.message()),
             true);
        return;
    }
    m_store->finishAttempt(m_attemptId, QStringLiteral("failed"), error.code, {});
    qCInfo(lcNet) << "payments: attempt" << m_attemptId << "refused:" << error.code;
    fail(error.code.isEmpty() ? QStringLiteral("rejected") : error.code, errorMessage(error),
         false);
}

void PaymentFlow::cancel()
{
    if (m_state == Failed && m_canRetry && !m_attemptId.isEmpty()) {
        // The user gave up on an attempt whose outcome is unknown: it is not sent again
        // behind their back (the history shows it if the server did take it).
        m_store->finishAttempt(m_attemptId, QStringLiteral("abandoned"),
                               QStringLiteral("cancelled"), {});
    }
    reset();
}

} // namespace payments
