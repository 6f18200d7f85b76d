#pragma once

#include "payments/PaymentFlow.h"
#include "payments/PaymentModels.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantMap>

#include <memory>

namespace net {
class ApiClient;
class ApiReply;
} // namespace net
namespace store {
class Database;
}
namespace push {
class PushClient;
}
namespace platform {
class SecureStore;
class UserPresence;
} // namespace platform

namespace payments {

class PaymentsClient;
class PaymentStore;
class PinLock;

// Payments as QML sees them (singleton "Payments"): the wallet, one payment in progress
// (flow), the history (cached for offline: receipts stay viewable), bills by saved customer
// codes, merchant mode (a dynamic QR for an amount, "Đã nhận ..." when the push event says it
// was paid), and the PIN / biometric check before paying. Every text is translated; amounts are
// integer VND (double in properties: exact up to 2^53).
class PaymentsService : public QObject
{
    Q_OBJECT
    // {balance, balanceText, holderName, bankShortName, bankColour, accountMasked}; {} unknown.
    Q_PROPERTY(QVariantMap wallet READ wallet NOTIFY walletChanged)
    Q_PROPERTY(bool walletLoading READ walletLoading NOTIFY walletChanged)
    Q_PROPERTY(QString walletError READ walletError NOTIFY walletChanged)
    Q_PROPERTY(payments::PaymentFlow *flow READ flow CONSTANT)
    Q_PROPERTY(payments::PaymentHistoryModel *history READ history CONSTANT)
    Q_PROPERTY(bool historyLoading READ historyLoading NOTIFY historyStateChanged)
    Q_PROPERTY(QString historyError READ historyError NOTIFY historyStateChanged)
    Q_PROPERTY(bool historyCanLoadMore READ historyCanLoadMore NOTIFY historyStateChanged)
    Q_PROPERTY(
        QString historySearch READ historySearch WRITE setHistorySearch NOTIFY historyFilterChanged)
    // "", "in" or "out"
    Q_PROPERTY(QString historyDirection READ historyDirection WRITE setHistoryDirection NOTIFY
                   historyFilterChanged)
    // "" or a merchant category
    Q_PROPERTY(QString historyCategory READ historyCategory WRITE setHistoryCategory NOTIFY
                   historyFilterChanged)
    Q_PROPERTY(payments::BillProviderModel *billProviders READ billProviders CONSTANT)
    Q_PROPERTY(bool billProvidersLoading READ billProvidersLoading NOTIFY billProvidersStateChanged)
    Q_PROPERTY(QString billProvidersError READ billProvidersError NOTIFY billProvidersStateChanged)
    Q_PROPERTY(payments::SavedCodeModel *savedCodes READ savedCodes CONSTANT)
    Q_PROPERTY(payments::BillModel *bills READ bills CONSTANT)
    Q_PROPERTY(QString billsCustomerName READ billsCustomerName NOTIFY billsStateChanged)
    Q_PROPERTY(bool billsLoading READ billsLoading NOTIFY billsStateChanged)
    Q_PROPERTY(QString billsError READ billsError NOTIFY billsStateChanged)
    Q_PROPERTY(double selectedBillsTotal READ selectedBillsTotal NOTIFY billsSelectionChanged)
    Q_PROPERTY(
        QString selectedBillsTotalText READ selectedBillsTotalText NOTIFY billsSelectionChanged)
    Q_PROPERTY(bool isMerchant READ isMerchant NOTIFY merchantChanged)
    // {name, category, bankShortName, accountMasked, balanceText, staticQr}; {} when none.
    Q_PROPERTY(QVariantMap merchant READ merchant NOTIFY merchantChanged)
    // {qrId, payload, amount, amountText, purpose, expiresAt, state (none|creating|open|paid|
    // expired|error), error, paidText}
    Q_PROPERTY(QVariantMap merchantQr READ merchantQr NOTIFY merchantQrChanged)
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY pinChanged)
    // Invalid when not locked; 5 wrong PINs lock it for 30 s.
    Q_PROPERTY(QDateTime pinLockedUntil READ pinLockedUntil NOTIFY pinChanged)
    Q_PROPERTY(bool biometricsAvailable READ biometricsAvailable CONSTANT)

public:
    // database: the profile's store (attempts, receipts, saved codes); pushClient: the stream
    // whose personal payment_received events reach merchants (may be nullptr); secureStore:
    // where the PIN's hash lives; presence: biometrics; receiptDir: where receipt images go.
    PaymentsService(net::ApiClient *api, store::Database *database, push::PushClient *pushClient,
                    platform::SecureStore *secureStore, platform::UserPresence *presence,
                    const QString &receiptDir, QObject *parent = nullptr);
    ~PaymentsService() override;

    QVariantMap wallet() const { return m_wallet; }
    bool walletLoading() const { return !m_walletReply.isNull(); }
    QString walletError() const { return m_walletError; }
    PaymentFlow *flow() const { return m_flow; }
    PaymentHistoryModel *history() const { return m_history; }
    bool historyLoading() const { return !m_historyReply.isNull(); }
    QString historyError() const { return m_historyError; }
    bool historyCanLoadMore() const { return !m_nextBefore.isEmpty(); }
    QString historySearch() const { return m_search; }
    void setHistorySearch(const QString &search);
    QString historyDirection() const { return m_direction; }
    void setHistoryDirection(const QString &direction);
    QString historyCategory() const { return m_category; }
    void setHistoryCategory(const QString &category);
    BillProviderModel *billProviders() const { return m_providers; }
    bool billProvidersLoading() const { return !m_providersReply.isNull(); }
    QString billProvidersError() const { return m_providersError; }
    // Fetches the bill providers again (after an error, or to pick up new ones).
    Q_INVOKABLE void refreshBillProviders() { fetchProviders(); }
    SavedCodeModel *savedCodes() const { return m_savedCodes; }
    BillModel *bills() const { return m_bills; }
    QString billsCustomerName() const { return m_billsCustomerName; }
    bool billsLoading() const { return !m_billsReply.isNull(); }
    QString billsError() const { return m_billsError; }
    double selectedBillsTotal() const;
    QString selectedBillsTotalText() const;
    bool isMerchant() const { return !m_merchant.isEmpty(); }
    QVariantMap merchant() const { return m_merchant; }
    QVariantMap merchantQr() const;
    bool hasPin() const;
    QDateTime pinLockedUntil() const;
    bool biometricsAvailable() const;

    PaymentsClient *client() const { return m_client; }
    PaymentStore *paymentStore() const { return m_store.get(); }

    // The signed-in subject ("" signed out): whose wallet, history, codes and PIN.
    void setAccount(const QString &subject);
    // Where the PIN is kept in the secure store ("" : no PIN).
    void setPinStorageKey(const QString &key);
    // The entry of an account's PIN for a data folder ("" when signed out): two installs never
    // share one.
    static QString pinStorageKey(const QString &dataDir, const QString &subject);
    // Loads the cache, resolves attempts a crash left unresolved, fetches what is shown.
    void start();
    void retranslate();

    Q_INVOKABLE void refreshWallet();
    Q_INVOKABLE void refreshHistory();
    Q_INVOKABLE void loadMoreHistory();
    // The receipt of one of the user's payments from the local cache (works offline): the
    // Payment object of the contract plus amountText, bankName, createdText; {} when unknown.
    Q_INVOKABLE QVariantMap receipt(const QString &paymentId) const;
    // A writable file path for the receipt's image ("save/share as image").
    Q_INVOKABLE QString receiptImagePath(const QString &reference) const;
    Q_INVOKABLE bool saveCode(const QString &providerId, const QString &code, const QString &label);
    Q_INVOKABLE void removeCode(const QString &providerId, const QString &code);
    Q_INVOKABLE void lookupBills(const QString &providerId, const QString &code);
    Q_INVOKABLE void refreshMerchant();
    Q_INVOKABLE void createMerchantQr(double amount, const QString &purpose);
    Q_INVOKABLE void clearMerchantQr();
    // 4 to 6 digits; false (nothing changed) otherwise.
    Q_INVOKABLE bool setPin(const QString &pin);
    // False for a wrong PIN, while locked, or when no PIN is set.
    Q_INVOKABLE bool checkPin(const QString &pin);
    Q_INVOKABLE void requestBiometric(const QString &reason);
    Q_INVOKABLE QString formatVnd(double amount) const;

Q_SIGNALS:
    void walletChanged();
    void historyStateChanged();
    void historyFilterChanged();
    void billsStateChanged();
    void billProvidersStateChanged();
    void billsSelectionChanged();
    void merchantChanged();
    void merchantQrChanged();
    void pinChanged();
    void biometricResult(bool ok, const QString &error);
    // A payment reached the user's merchant (push event payment_received, any code): text is
    // "Đã nhận 50.000 ₫" (translated).
    void paymentReceived(const QString &paymentId, double amount, const QString &text);

private:
    void loadLocal();
    void resolvePending();
    void onPushEvent(const QString &kind, qint64 seq, const QJsonObject &data);
    void onPaid(const QList<QJsonObject> &payments);
    void applyWallet(const QJsonObject &wallet);
    void applyMerchant(const QJsonObject &merchant);
    void showCachedHistory();
    void fetchHistory(bool more);
    void fetchProviders();
    void loadSavedCodes();
    void setMerchantQrState(const QString &state, const QString &error = {});
    void pollMerchantQr();
    void resolveAttempt(const QString &attemptId);
    void armPinTimer();
    QString cacheKey(const QString &what) const;
    QString serverKey() const;

    net::ApiClient *m_api;
    store::Database *m_database;
    PaymentsClient *m_client;
    std::unique_ptr<PaymentStore> m_store;
    PinLock *m_pin;
    platform::UserPresence *m_presence;
    QString m_receiptDir;
    PaymentFlow *m_flow;
    PaymentHistoryModel *m_history;
    BillProviderModel *m_providers;
    SavedCodeModel *m_savedCodes;
    BillModel *m_bills;
    QString m_account;
    bool m_started = false;
    QVariantMap m_wallet;
    QJsonObject m_walletJson;
    QString m_walletError;
    QString m_historyError;
    QString m_search;
    QString m_direction;
    QString m_category;
    QString m_nextBefore;
    QString m_billsCustomerName;
    QString m_billsError;
    QVariantMap m_merchant;
    QJsonObject m_merchantJson;
    QJsonObject m_merchantQr;
    QString m_merchantQrState = QStringLiteral("none");
    QString m_merchantQrError;
    qint64 m_merchantQrPaidAmount = 0;
    QString m_billsProvider;
    QString m_billsCode;
    QSet<QString> m_resolving;
    QTimer *m_merchantQrTimer;
    QTimer *m_pinTimer;
    QPointer<net::ApiReply> m_walletReply;
    QPointer<net::ApiReply> m_historyReply;
    QPointer<net::ApiReply> m_providersReply;
    QString m_providersError;
    QPointer<net::ApiReply> m_billsReply;
    QPointer<net::ApiReply> m_merchantReply;
    QPointer<net::ApiReply> m_merchantQrReply;
};

} // namespace payments
