#include "PaymentsService.h"

#include "PaymentStore.h"
#include "PaymentsClient.h"
#include "PinLock.h"
#include "logging.h"
#include "net/ApiClient.h"
#include "presence/UserPresence.h"
#include "push/PushClient.h"
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace payments {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Rows of the history from Payment objects (those without an id are dropped).
QList<PaymentHistoryModel::Row> historyRows(const QList<QJsonObject> &payments)
{
    QList<PaymentHistoryModel::Row> rows;
    for (const QJsonObject &p : payments) {
        if (!p.value(QLatin1String("payment_id")).toString().isEmpty())
            rows.append({p});
    }
    return rows;
}

QList<QJsonObject> objects(const QJsonArray &array)
{
    QList<QJsonObject> list;
    for (const QJsonValue &v : array) {
        if (v.isObject())
            list.append(v.toObject());
    }
    return list;
}

// A whole number of đồng the gateway takes (1 .. 500 000 000), or 0.
qint64 validAmount(double amount)
{
    if (!std::isfinite(amount) || amount < 1 || amount > double(PaymentFlow::kMaxAmount) ||
        std::floor(amount) != amount)
        return 0;
    return qint64(amount);
}

QString badAnswer()
{
    net::ApiError error;
    error.kind = net::ApiError::BadResponse;
    return error.message();
}

const int kHistoryPage = 50;
const int kCachedHistoryRows = 200;

} // namespace

PaymentsService::PaymentsService(net::ApiClient *api, store::Database *database,
                                 push::PushClient *pushClient, platform::SecureStore *secureStore,
                                 platform::UserPresence *presence, const QString &receiptDir,
                                 QObject *parent)
    : QObject(parent), m_api(api), m_database(database), m_client(new PaymentsClient(api, this)),
      m_store(std::make_unique<PaymentStore>(database)), m_pin(new PinLock(secureStore, this)),
      m_presence(presence), m_receiptDir(receiptDir),
      m_flow(new PaymentFlow(m_client, m_store.get(), this)),
      m_history(new PaymentHistoryModel(this)), m_providers(new BillProviderModel(this)),
      m_savedCodes(new SavedCodeModel(this)), m_bills(new BillModel(this)),
      m_merchantQrTimer(new QTimer(this)), m_pinTimer(new QTimer(this))
{
    m_flow->setBillSource(m_bills, m_providers);
    m_flow->setOwner(m_account, serverKey());
    connect(m_flow, &PaymentFlow::paid, this, &PaymentsService::onPaid);
    connect(m_pin, &PinLock::changed, this, [this] {
        armPinTimer();
        Q_EMIT pinChanged();
    });
    m_pinTimer->setSingleShot(true);
    connect(m_pinTimer, &QTimer::timeout, this, [this] {
        armPinTimer();
        Q_EMIT pinChanged();
    });
    m_merchantQrTimer->setSingleShot(true);
    connect(m_merchantQrTimer, &QTimer::timeout, this, [this] {
        if (m_merchantQrState == QLatin1String("open"))
            pollMerchantQr();
    });
    connect(m_bills, &BillModel::selectionChanged, this, &PaymentsService::billsSelectionChanged);
    if (m_presence)
        connect(m_presence, &platform::UserPresence::biometricResult, this,
                &PaymentsService::biometricResult);
    if (pushClient) {
        connect(pushClient, &push::PushClient::event, this, &PaymentsService::onPushEvent);
        // Events may have been missed while the stream was down: ask about the open code.
        connect(pushClient, &push::PushClient::stateChanged, this, [this, pushClient] {
            if (pushClient->state() == push::PushClient::State::Live &&
                m_merchantQrState == QLatin1String("open"))
                pollMerchantQr();
        });
    }
    connect(m_api, &net::ApiClient::baseUrlChanged, this, [this] {
        m_flow->setOwner(m_account, serverKey());
        loadLocal();
        if (m_started && !m_account.isEmpty()) {
            resolvePending();
            refreshWallet();
            refreshHistory();
            refreshMerchant();
        }
        if (m_started)
            fetchProviders();
    });
}

PaymentsService::~PaymentsService() = default;

QString PaymentsService::serverKey() const
{
    return m_api->baseUrl().toString();
}

QString PaymentsService::cacheKey(const QString &what) const
{
    return QStringLiteral("payments:%1@%2#%3").arg(what, serverKey(), m_account);
}

// --- account, start ------------------------------------------------------------------------

QString PaymentsService::pinStorageKey(const QString &dataDir, const QString &subject)
{
    if (subject.isEmpty())
        return {};
    const QByteArray input = QDir(dataDir).absolutePath().toUtf8() + '\n' + subject.toUtf8();
    return QStringLiteral("payments-pin:") +
           QString::fromLatin1(
               QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex().left(24));
}

void PaymentsService::setPinStorageKey(const QString &key)
{
    m_pin->setStorageKey(key);
}

void PaymentsService::setAccount(const QString &subject)
{
    if (subject == m_account)
        return;
    // Signed out: the receipts go with the cache (the server has them); attempts stay.
    if (subject.isEmpty() && !m_account.isEmpty())
        m_store->forgetReceipts(m_account);
    m_account = subject;
    m_flow->setOwner(subject, serverKey());
    for (QPointer<net::ApiReply> *reply :
         {&m_walletReply, &m_historyReply, &m_billsReply, &m_merchantReply, &m_merchantQrReply}) {
        if (*reply)
            (*reply)->disconnect(this);
        *reply = nullptr;
    }
    m_bills->setBills({});
    m_billsCustomerName.clear();
    m_billsError.clear();
    m_billsProvider.clear();
    m_billsCode.clear();
    m_merchantQr = QJsonObject();
    m_merchantQrState = QStringLiteral("none");
    m_merchantQrError.clear();
    m_merchantQrTimer->stop();
    loadLocal();
    Q_EMIT billsStateChanged();
    Q_EMIT merchantQrChanged();
    if (m_started && !subject.isEmpty()) {
        resolvePending();
        refreshWallet();
        refreshHistory();
        refreshMerchant();
    }
}

void PaymentsService::loadLocal()
{
    m_wallet.clear();
    m_walletJson = QJsonObject();
    m_walletError.clear();
    m_merchant.clear();
    m_merchantJson = QJsonObject();
    m_nextBefore.clear();
    m_historyError.clear();
    if (!m_account.isEmpty()) {
        if (const auto cached = m_store->readCache(cacheKey(QStringLiteral("wallet"))))
            applyWallet(QJsonDocument::fromJson(*cached).object());
        if (const auto cached = m_store->readCache(cacheKey(QStringLiteral("merchant"))))
            applyMerchant(QJsonDocument::fromJson(*cached).object());
    }
    Q_EMIT walletChanged();
    Q_EMIT merchantChanged();
    showCachedHistory();
    Q_EMIT historyStateChanged();
    if (const auto cached = m_store->readCache(
            QStringLiteral("payments:providers@%1#%2").arg(serverKey(), m_api->language()))) {
        QList<BillProviderModel::Provider> providers;
        const QJsonArray list = QJsonDocument::fromJson(*cached).array();
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            providers.append({o.value(QLatin1String("provider_id")).toString(),
                              o.value(QLatin1String("name")).toString(),
                              o.value(QLatin1String("category")).toString(),
                              o.value(QLatin1String("customer_code_label")).toString(),
                              o.value(QLatin1String("customer_code_example")).toString()});
        }
        m_providers->setProviders(providers);
    }
    loadSavedCodes();
}

void PaymentsService::start()
{
    if (m_started)
        return;
    m_started = true;
    loadLocal();
    fetchProviders();
    if (!m_account.isEmpty()) {
        resolvePending();
        refreshWallet();
        refreshHistory();
        refreshMerchant();
    }
}

void PaymentsService::retranslate()
{
    m_flow->retranslate();
    m_history->retranslate();
    if (!m_walletJson.isEmpty())
        applyWallet(m_walletJson);
    Q_EMIT walletChanged();
    Q_EMIT merchantQrChanged();
    Q_EMIT billsSelectionChanged();
    if (m_started)
        fetchProviders(); // names and labels come in the new language
}

// --- unresolved attempts -------------------------------------------------------------------

void PaymentsService::resolvePending()
{
    if (m_account.isEmpty())
        return;
    const QList<PaymentAttempt> open = m_store->unresolved(m_account, serverKey());
    for (const PaymentAttempt &attempt : open) {
        // The flow's own attempt is settled by the flow (its Retry).
        if (attempt.id == m_flow->attemptId())
            continue;
        resolveAttempt(attempt.id);
    }
}

void PaymentsService::resolveAttempt(const QString &attemptId)
{
    if (m_resolving.contains(attemptId))
        return;
    const std::optional<PaymentAttempt> attempt = m_store->attempt(attemptId);
    if (!attempt || attempt->state != QLatin1String("sending"))
        return;
    m_resolving.insert(attemptId);
    qCInfo(lcNet) << "payments: resolving attempt" << attemptId << "left unresolved";
    net::ApiReply *reply =
        m_client->sendPayment(attempt->path, attempt->body, attempt->id.toLatin1());
    const QString account = attempt->account;
    const QString server = attempt->server;
    connect(reply, &net::ApiReply::finished, this, [this, reply, attemptId, account, server] {
        reply->deleteLater();
        m_resolving.remove(attemptId);
        QList<QJsonObject> payments;
        if (reply->isOk() && parsePaymentAnswer(reply->json(), &payments)) {
            QStringList ids;
            for (const QJsonObject &p : std::as_const(payments))
                ids << p.value(QLatin1String("payment_id")).toString();
            m_store->finishAttempt(attemptId, QStringLiteral("done"), {}, ids);
            m_store->cacheReceipts(account, server, payments);
            qCInfo(lcNet) << "payments: attempt" << attemptId << "resolved as paid" << ids;
            if (account == m_account && server == serverKey())
                onPaid(payments);
            return;
        }
        if (isOutcomeUnknown(reply->error()) || reply->isOk()) {
            qCInfo(lcNet) << "payments: attempt" << attemptId << "still unresolved";
            return; // the next start tries again
        }
        m_store->finishAttempt(attemptId, QStringLiteral("failed"), reply->error().code, {});
        qCInfo(lcNet) << "payments: attempt" << attemptId
                      << "resolved as refused:" << reply->error().code;
    });
}

void PaymentsService::onPaid(const QList<QJsonObject> &payments)
{
    Q_UNUSED(payments)
    refreshWallet();
    refreshHistory();
    if (!m_billsProvider.isEmpty())
        lookupBills(m_billsProvider, m_billsCode);
}

// --- wallet --------------------------------------------------------------------------------

void PaymentsService::applyWallet(const QJsonObject &o)
{
    m_walletJson = o;
    m_wallet.clear();
    if (!o.value(QLatin1String("balance")).isDouble())
        return;
    const qint64 balance = o.value(QLatin1String("balance")).toInteger();
    const QJsonObject bank = o.value(QLatin1String("linked_bank")).toObject();
    const vietqr::Bank *known = vietqr::findBank(bank.value(QLatin1String("bin")).toString());
    QString shortName = bank.value(QLatin1String("short_name")).toString();
    if (shortName.isEmpty() && known)
        shortName = known->shortName;
    m_wallet = {
        {QStringLiteral("balance"), double(balance)},
        {QStringLiteral("balanceText"), vietqr::formatVnd(balance)},
        {QStringLiteral("holderName"), o.value(QLatin1String("holder_name")).toString()},
        {QStringLiteral("bankShortName"), shortName},
        {QStringLiteral("bankColour"), known ? known->colour : QString()},
        {QStringLiteral("accountMasked"), bank.value(QLatin1String("account_masked")).toString()}};
}

void PaymentsService::refreshWallet()
{
    if (m_account.isEmpty())
        return;
    if (m_walletReply)
        m_walletReply->disconnect(this); // what it answers may predate a payment
    m_walletReply = m_client->wallet();
    net::ApiReply *reply = m_walletReply;
    connect(reply, &net::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_walletReply = nullptr;
        if (reply->isOk() && reply->json().object().value(QLatin1String("balance")).isDouble()) {
            m_walletError.clear();
            applyWallet(reply->json().object());
            m_store->writeCache(cacheKey(QStringLiteral("wallet")),
                                reply->json().toJson(QJsonDocument::Compact));
        } else {
            m_walletError = reply->isOk() ? badAnswer() : errorMessage(reply->error());
        }
        Q_EMIT walletChanged();
    });
    Q_EMIT walletChanged();
}

// --- history -------------------------------------------------------------------------------

void PaymentsService::setHistorySearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT historyFilterChanged();
    refreshHistory();
}

void PaymentsService::setHistoryDirection(const QString &direction)
{
    if (direction == m_direction)
        return;
    if (!direction.isEmpty() && direction != QLatin1String("in") &&
        direction != QLatin1String("out"))
        return;
    m_direction = direction;
    Q_EMIT historyFilterChanged();
    refreshHistory();
}

void PaymentsService::setHistoryCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    Q_EMIT historyFilterChanged();
    refreshHistory();
}

void PaymentsService::showCachedHistory()
{
    if (m_account.isEmpty()) {
        m_history->setRows({});
        return;
    }
    m_history->setRows(historyRows(m_store->receipts(m_account, serverKey(), m_search, m_direction,
                                                     m_category, kCachedHistoryRows)));
}

void PaymentsService::refreshHistory()
{
    // What this device knows shows at once (and stays when offline).
    showCachedHistory();
    m_nextBefore.clear();
    fetchHistory(false);
}

void PaymentsService::loadMoreHistory()
{
    if (m_nextBefore.isEmpty() || m_historyReply)
        return;
    fetchHistory(true);
}

void PaymentsService::fetchHistory(bool more)
{
    if (m_historyReply)
        m_historyReply->disconnect(this);
    m_historyReply = nullptr;
    if (m_account.isEmpty()) {
        Q_EMIT historyStateChanged();
        return;
    }
    HistoryQuery query;
    query.search = m_search.trimmed();
    query.direction = m_direction;
    query.category = m_category;
    query.before = more ? m_nextBefore : QString();
    query.limit = kHistoryPage;
    m_historyReply = m_client->history(query);
    net::ApiReply *reply = m_historyReply;
    connect(reply, &net::ApiReply::finished, this, [this, reply, more] {
        reply->deleteLater();
        m_historyReply = nullptr;
        const QJsonObject o = reply->json().object();
        if (!reply->isOk() || !o.value(QLatin1String("payments")).isArray()) {
            m_historyError = reply->isOk() ? badAnswer() : errorMessage(reply->error());
            Q_EMIT historyStateChanged();
            return;
        }
        m_historyError.clear();
        const QList<QJsonObject> payments = objects(o.value(QLatin1String("payments")).toArray());
        m_store->cacheReceipts(m_account, serverKey(), payments);
        QList<PaymentHistoryModel::Row> rows =
            more ? m_history->rows() : QList<PaymentHistoryModel::Row>();
        rows += historyRows(payments);
        m_history->setRows(rows);
        m_nextBefore = o.value(QLatin1String("next_before")).toString();
        Q_EMIT historyStateChanged();
    });
    Q_EMIT historyStateChanged();
}

QVariantMap PaymentsService::receipt(const QString &paymentId) const
{
    if (m_account.isEmpty() || paymentId.isEmpty())
        return {};
    const std::optional<QJsonObject> payment = m_store->receipt(m_account, serverKey(), paymentId);
    if (!payment)
        return {};
    QVariantMap map = payment->toVariantMap();
    const qint64 amount = payment->value(QLatin1String("amount")).toInteger();
    map.insert(QStringLiteral("amount"), double(amount));
    map.insert(QStringLiteral("amountText"), vietqr::formatVnd(amount));
    const QString bin = payment->value(QLatin1String("merchant"))
                            .toObject()
                            .value(QLatin1String("bank_bin"))
                            .toString();
    const vietqr::Bank *bank = vietqr::findBank(bin);
    map.insert(QStringLiteral("bankName"), bank ? bank->shortName : bin);
    const QDateTime created = parseTime(payment->value(QLatin1String("created_at")));
    map.insert(QStringLiteral("createdText"),
               created.isValid()
                   ? created.toLocalTime().toString(QStringLiteral("HH:mm, dd/MM/yyyy"))
                   : QString());
    return map;
}

QString PaymentsService::receiptImagePath(const QString &reference) const
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!safe.match(reference).hasMatch() || m_receiptDir.isEmpty())
        return {};
    if (!QDir().mkpath(m_receiptDir))
        return {};
    return QDir(m_receiptDir).filePath(QStringLiteral("receipt-%1.png").arg(reference));
}

// --- bills ---------------------------------------------------------------------------------

double PaymentsService::selectedBillsTotal() const
{
    return double(m_bills->selectedTotal());
}

QString PaymentsService::selectedBillsTotalText() const
{
    return vietqr::formatVnd(m_bills->selectedTotal());
}

void PaymentsService::fetchProviders()
{
    if (m_providersReply)
        m_providersReply->disconnect(this);
    m_providersReply = m_client->billProviders();
    m_providersError.clear();
    emit billProvidersStateChanged();
    net::ApiReply *reply = m_providersReply;
    const QString key =
        QStringLiteral("payments:providers@%1#%2").arg(serverKey(), m_api->language());
    connect(reply, &net::ApiReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        m_providersReply = nullptr;
        if (!reply->isOk() || !reply->json().isArray()) {
            qCInfo(lcNet) << "payments: bill providers not refreshed:" << reply->error().kind;
            m_providersError = reply->isOk() ? badAnswer() : errorMessage(reply->error());
            emit billProvidersStateChanged();
            return;
        }
        emit billProvidersStateChanged();
        QList<BillProviderModel::Provider> providers;
        QJsonArray kept;
        const QJsonArray list = reply->json().array();
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(QLatin1String("provider_id")).toString();
            if (id.isEmpty())
                continue;
            providers.append({id, o.value(QLatin1String("name")).toString(),
                              o.value(QLatin1String("category")).toString(),
                              o.value(QLatin1String("customer_code_label")).toString(),
                              o.value(QLatin1String("customer_code_example")).toString()});
            kept.append(o);
        }
        m_providers->setProviders(providers);
        m_store->writeCache(key, QJsonDocument(kept).toJson(QJsonDocument::Compact));
        loadSavedCodes(); // provider names in the current language
    });
}

void PaymentsService::loadSavedCodes()
{
    QList<SavedCodeModel::Code> codes;
    const auto saved = m_store->savedCodes(m_account, serverKey());
    for (const PaymentStore::SavedCode &c : saved) {
        const BillProviderModel::Provider *provider = m_providers->find(c.providerId);
        codes.append(
            {c.providerId, provider ? provider->name : c.providerName, c.customerCode, c.label});
    }
    m_savedCodes->setCodes(codes);
}

bool PaymentsService::saveCode(const QString &providerId, const QString &code, const QString &label)
{
    const QString customerCode = code.trimmed();
    static const QRegularExpression printable(QStringLiteral("^[^\\x00-\\x1f\\x7f]+$"));
    if (providerId.isEmpty() || customerCode.isEmpty() || customerCode.size() > 40 ||
        !printable.match(customerCode).hasMatch() || label.size() > 60)
        return false;
    const BillProviderModel::Provider *provider = m_providers->find(providerId);
    if (!provider && !m_providers->providers().isEmpty())
        return false;
    const bool ok = m_store->saveCode(
        m_account, serverKey(),
        {providerId, provider ? provider->name : providerId, customerCode, label.trimmed()});
    loadSavedCodes();
    return ok;
}

void PaymentsService::removeCode(const QString &providerId, const QString &code)
{
    m_store->removeCode(m_account, serverKey(), providerId, code.trimmed());
    loadSavedCodes();
}

void PaymentsService::lookupBills(const QString &providerId, const QString &code)
{
    if (m_billsReply)
        m_billsReply->disconnect(this);
    m_billsReply = nullptr;
    const QString customerCode = code.trimmed();
    const bool again = providerId == m_billsProvider && customerCode == m_billsCode;
    m_billsProvider = providerId;
    m_billsCode = customerCode;
    if (!again) {
        m_bills->setBills({});
        m_billsCustomerName.clear();
    }
    m_billsError.clear();
    if (m_account.isEmpty()) {
        m_billsError = errorMessageForCode(QStringLiteral("unauthorized"));
        Q_EMIT billsStateChanged();
        return;
    }
    if (providerId.isEmpty() || customerCode.isEmpty()) {
        m_billsError = tr("Choose a provider and enter your customer code.");
        Q_EMIT billsStateChanged();
        return;
    }
    m_billsReply = m_client->bills(providerId, customerCode);
    net::ApiReply *reply = m_billsReply;
    connect(reply, &net::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_billsReply = nullptr;
        const QJsonObject o = reply->json().object();
        if (!reply->isOk() || !o.value(QLatin1String("bills")).isArray()) {
            m_billsError = reply->isOk() ? badAnswer() : errorMessage(reply->error());
            m_bills->setBills({});
            m_billsCustomerName.clear();
            Q_EMIT billsStateChanged();
            return;
        }
        m_billsCustomerName = o.value(QLatin1String("customer_name")).toString();
        QList<BillModel::Bill> bills;
        const QJsonArray list = o.value(QLatin1String("bills")).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject b = v.toObject();
            const QString id = b.value(QLatin1String("bill_id")).toString();
            if (id.isEmpty() ||
                b.value(QLatin1String("status")).toString() != QLatin1String("unpaid") ||
                !b.value(QLatin1String("amount")).isDouble())
                continue;
            BillModel::Bill bill;
            bill.billId = id;
            bill.providerId = b.value(QLatin1String("provider_id")).toString();
            bill.period = b.value(QLatin1String("period")).toString();
            bill.description = b.value(QLatin1String("description")).toString();
            bill.amount = b.value(QLatin1String("amount")).toInteger();
            bill.dueDate = b.value(QLatin1String("due_date")).toString();
            bills.append(bill);
        }
        m_bills->setBills(bills);
        Q_EMIT billsStateChanged();
    });
    Q_EMIT billsStateChanged();
}

// --- merchant mode -------------------------------------------------------------------------

void PaymentsService::applyMerchant(const QJsonObject &o)
{
    m_merchantJson = o;
    m_merchant.clear();
    if (o.value(QLatin1String("merchant_id")).toString().isEmpty())
        return;
    const vietqr::Bank *bank = vietqr::findBank(o.value(QLatin1String("bank_bin")).toString());
    m_merchant = {
        {QStringLiteral("name"), o.value(QLatin1String("name")).toString()},
        {QStringLiteral("category"), o.value(QLatin1String("category")).toString()},
        {QStringLiteral("bankShortName"),
         bank ? bank->shortName : o.value(QLatin1String("bank_bin")).toString()},
        {QStringLiteral("accountMasked"), o.value(QLatin1String("account_masked")).toString()},
        {QStringLiteral("balanceText"),
         vietqr::formatVnd(o.value(QLatin1String("balance")).toInteger())},
        {QStringLiteral("staticQr"), o.value(QLatin1String("static_qr")).toString()}};
}

void PaymentsService::refreshMerchant()
{
    if (m_account.isEmpty())
        return;
    if (m_merchantReply)
        m_merchantReply->disconnect(this);
    m_merchantReply = m_client->merchant();
    net::ApiReply *reply = m_merchantReply;
    connect(reply, &net::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_merchantReply = nullptr;
        if (reply->isOk()) {
            applyMerchant(reply->json().object());
            m_store->writeCache(cacheKey(QStringLiteral("merchant")),
                                reply->json().toJson(QJsonDocument::Compact));
        } else if (reply->error().kind == net::ApiError::Forbidden) {
            applyMerchant({}); // not a merchant
            m_store->writeCache(cacheKey(QStringLiteral("merchant")), "{}");
        } else {
            return; // offline: what was cached stays
        }
        Q_EMIT merchantChanged();
    });
}

QVariantMap PaymentsService::merchantQr() const
{
    const qint64 amount = m_merchantQr.value(QLatin1String("amount")).toInteger();
    const qint64 paid = m_merchantQrPaidAmount > 0 ? m_merchantQrPaidAmount : amount;
    return {{QStringLiteral("qrId"), m_merchantQr.value(QLatin1String("qr_id")).toString()},
            {QStringLiteral("payload"), m_merchantQr.value(QLatin1String("payload")).toString()},
            {QStringLiteral("amount"), double(amount)},
            {QStringLiteral("amountText"), amount > 0 ? vietqr::formatVnd(amount) : QString()},
            {QStringLiteral("purpose"), m_merchantQr.value(QLatin1String("purpose")).toString()},
            {QStringLiteral("expiresAt"),
             parseTime(m_merchantQr.value(QLatin1String("expires_at"))).toLocalTime()},
            {QStringLiteral("state"), m_merchantQrState},
            {QStringLiteral("error"), m_merchantQrError},
            {QStringLiteral("paidText"), m_merchantQrState == QLatin1String("paid")
                                             ? tr("Received %1").arg(vietqr::formatVnd(paid))
                                             : QString()}};
}

void PaymentsService::setMerchantQrState(const QString &state, const QString &error)
{
    m_merchantQrState = state;
    m_merchantQrError = error;
    m_merchantQrTimer->stop();
    if (state == QLatin1String("open")) {
        // Expiry: ask the server then (it may have been paid through the bank meanwhile).
        const QDateTime expires = parseTime(m_merchantQr.value(QLatin1String("expires_at")));
        if (expires.isValid()) {
            const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(expires);
            m_merchantQrTimer->start(int(qBound(qint64(0), ms + 500, qint64(24 * 3600 * 1000))));
        }
    }
    Q_EMIT merchantQrChanged();
}

void PaymentsService::createMerchantQr(double amount, const QString &purpose)
{
    if (m_merchantQrReply)
        m_merchantQrReply->disconnect(this);
    m_merchantQrReply = nullptr;
    m_merchantQr = QJsonObject();
    m_merchantQrPaidAmount = 0;
    const qint64 value = validAmount(amount);
    if (value == 0) {
        setMerchantQrState(QStringLiteral("error"),
                           errorMessageForCode(QStringLiteral("amount_invalid")));
        return;
    }
    if (m_account.isEmpty()) {
        setMerchantQrState(QStringLiteral("error"),
                           errorMessageForCode(QStringLiteral("unauthorized")));
        return;
    }
    m_merchantQr.insert(QStringLiteral("amount"), value);
    setMerchantQrState(QStringLiteral("creating"));
    m_merchantQrReply = m_client->createMerchantQr(value, purpose.trimmed(), 900);
    net::ApiReply *reply = m_merchantQrReply;
    connect(reply, &net::ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_merchantQrReply = nullptr;
        const QJsonObject o = reply->json().object();
        if (!reply->isOk() || o.value(QLatin1String("qr_id")).toString().isEmpty() ||
            o.value(QLatin1String("payload")).toString().isEmpty()) {
            setMerchantQrState(QStringLiteral("error"),
                               reply->isOk() ? badAnswer() : errorMessage(reply->error()));
            return;
        }
        m_merchantQr = o;
        setMerchantQrState(QStringLiteral("open"));
    });
}

void PaymentsService::clearMerchantQr()
{
    if (m_merchantQrReply)
        m_merchantQrReply->disconnect(this);
    m_merchantQrReply = nullptr;
    m_merchantQr = QJsonObject();
    m_merchantQrPaidAmount = 0;
    setMerchantQrState(QStringLiteral("none"));
}

void PaymentsService::pollMerchantQr()
{
    const QString qrId = m_merchantQr.value(QLatin1String("qr_id")).toString();
    if (qrId.isEmpty() || m_merchantQrReply)
        return;
    m_merchantQrReply = m_client->merchantQr(qrId);
    net::ApiReply *reply = m_merchantQrReply;
    connect(reply, &net::ApiReply::finished, this, [this, reply, qrId] {
        reply->deleteLater();
        m_merchantQrReply = nullptr;
        if (!reply->isOk() || m_merchantQrState != QLatin1String("open") ||
            m_merchantQr.value(QLatin1String("qr_id")).toString() != qrId)
            return;
        const QJsonObject o = reply->json().object();
        const QString state = o.value(QLatin1String("state")).toString();
        if (state == QLatin1String("paid")) {
            const QJsonObject payment = o.value(QLatin1String("payment")).toObject();
            m_merchantQrPaidAmount = payment.value(QLatin1String("amount")).toInteger();
            setMerchantQrState(QStringLiteral("paid"));
        } else if (state == QLatin1String("expired")) {
            setMerchantQrState(QStringLiteral("expired"));
        } else if (state == QLatin1String("open")) {
            setMerchantQrState(QStringLiteral("open")); // re-arms the expiry check
        }
    });
}

void PaymentsService::onPushEvent(const QString &kind, qint64 seq, const QJsonObject &data)
{
    if (kind != QLatin1String("payment_received"))
        return;
    const QString paymentId = data.value(QLatin1String("payment_id")).toString();
    const QJsonValue amountValue = data.value(QLatin1String("amount"));
    const double amountDouble = amountValue.toDouble();
    if (paymentId.isEmpty() || !amountValue.isDouble() || amountDouble <= 0 ||
        std::floor(amountDouble) != amountDouble || amountDouble > 9.0e15) {
        qCInfo(lcNet) << "payments: ignored a malformed payment_received event" << seq;
        return;
    }
    const qint64 amount = amountValue.toInteger();
    const QString text = tr("Received %1").arg(vietqr::formatVnd(amount));
    const QString qrId = data.value(QLatin1String("qr_id")).toString();
    qCInfo(lcNet) << "payments: event" << seq << "payment received" << paymentId;
    if (!qrId.isEmpty() && m_merchantQrState == QLatin1String("open") &&
        m_merchantQr.value(QLatin1String("qr_id")).toString() == qrId) {
        m_merchantQrPaidAmount = amount;
        setMerchantQrState(QStringLiteral("paid"));
    }
    Q_EMIT paymentReceived(paymentId, double(amount), text);
    refreshWallet();
    refreshHistory();
    refreshMerchant();
}

// --- PIN, biometrics, formatting -----------------------------------------------------------

bool PaymentsService::hasPin() const
{
    return m_pin->hasPin();
}

QDateTime PaymentsService::pinLockedUntil() const
{
    return m_pin->lockedUntil();
}

void PaymentsService::armPinTimer()
{
    const QDateTime until = m_pin->lockedUntil();
    if (!until.isValid()) {
        m_pinTimer->stop();
        return;
    }
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(until);
    m_pinTimer->start(int(qBound(qint64(0), ms + 1, qint64(PinLock::kLockSeconds * 1000 + 1000))));
}

bool PaymentsService::biometricsAvailable() const
{
    return m_presence && m_presence->biometricsAvailable();
}

bool PaymentsService::setPin(const QString &pin)
{
    return m_pin->setPin(pin);
}

bool PaymentsService::checkPin(const QString &pin)
{
    return m_pin->check(pin);
}

void PaymentsService::requestBiometric(const QString &reason)
{
    if (m_presence) {
        m_presence->requestBiometric(reason);
        return;
    }
    QTimer::singleShot(0, this, [this] {
        Q_EMIT biometricResult(false, tr("Biometrics are not available. Use your PIN."));
    });
}

QString PaymentsService::formatVnd(double amount) const
{
    if (!std::isfinite(amount) || std::fabs(amount) > 9.0e15)
        return {};
    return vietqr::formatVnd(qint64(std::llround(amount)));
}

} // namespace payments
