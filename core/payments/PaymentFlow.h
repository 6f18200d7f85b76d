#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace net {
class ApiReply;
}

namespace payments {

class BillModel;
class BillProviderModel;
class PaymentsClient;
class PaymentStore;

// One payment in progress (Payments.flow): a scanned VietQR checked locally and by the server,
// confirmed by the user, paid once. The attempt (Idempotency-Key and request) is written to the
// local store before it is sent; a timeout or a lost connection leaves it retryable with the
// same key, so the server pays it at most once; its outcome is never lost (an attempt left
// unresolved by a crash is resolved at the next start, see PaymentsService).
class PaymentFlow : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString payload READ payload NOTIFY detailsChanged)
    Q_PROPERTY(QString merchantName READ merchantName NOTIFY detailsChanged)
    Q_PROPERTY(QString category READ category NOTIFY detailsChanged)
    Q_PROPERTY(QString bankName READ bankName NOTIFY detailsChanged)
    Q_PROPERTY(QString bankShortName READ bankShortName NOTIFY detailsChanged)
    Q_PROPERTY(QString bankColour READ bankColour NOTIFY detailsChanged)
    Q_PROPERTY(QString accountMasked READ accountMasked NOTIFY detailsChanged)
    Q_PROPERTY(bool dynamic READ isDynamic NOTIFY detailsChanged)
    Q_PROPERTY(double amount READ amount WRITE setAmount NOTIFY amountChanged)
    Q_PROPERTY(QString amountText READ amountText NOTIFY amountChanged)
    Q_PROPERTY(bool amountEditable READ amountEditable NOTIFY detailsChanged)
    Q_PROPERTY(QString purpose READ purpose WRITE setPurpose NOTIFY purposeChanged)
    Q_PROPERTY(bool purposeEditable READ purposeEditable NOTIFY detailsChanged)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY detailsChanged)
    Q_PROPERTY(QStringList billIds READ billIds NOTIFY detailsChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY stateChanged)
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY stateChanged)
    Q_PROPERTY(QString receiptId READ receiptId NOTIFY stateChanged)

public:
    enum State { Idle, Checking, Confirm, Paying, Done, Failed };
    Q_ENUM(State)

    PaymentFlow(PaymentsClient *client, PaymentStore *store, QObject *parent = nullptr);
    ~PaymentFlow() override;

    State state() const { return m_state; }
    QString payload() const { return m_payload; }
    QString merchantName() const { return m_merchantName; }
    QString category() const { return m_category; }
    QString bankName() const { return m_bankName; }
    QString bankShortName() const { return m_bankShortName; }
    QString bankColour() const { return m_bankColour; }
    QString accountMasked() const { return m_accountMasked; }
    bool isDynamic() const { return m_dynamic; }
    double amount() const { return double(m_amount); }
    qint64 amountVnd() const { return m_amount; }
    QString amountText() const;
    bool amountEditable() const { return m_amountEditable; }
    QString purpose() const { return m_purpose; }
    bool purposeEditable() const { return m_purposeEditable; }
    QDateTime expiresAt() const { return m_expiresAt; }
    QStringList billIds() const { return m_billIds; }
    QString error() const { return m_error; }
    QString errorCode() const { return m_errorCode; }
    bool canRetry() const { return m_canRetry; }
    QString receiptId() const { return m_receiptId; }
    // The Idempotency-Key of the attempt being paid (or failed), empty before pay().
    QString attemptId() const { return m_attemptId; }

    // The signed-in subject and the server (attempts belong to them).
    void setOwner(const QString &account, const QString &server);
    // Where startBills() finds the bills' amounts and providers' names (Payments.bills).
    void setBillSource(const BillModel *bills, const BillProviderModel *providers);
    void retranslate();

    // Checking (local parse, then the server's lookup) -> Confirm | Failed. An invalid code
    // fails at once, without the network.
    Q_INVOKABLE void start(const QString &payload);
    // Confirm for the given bills (amount = their total, not editable). The bills must be
    // in Payments.bills (their amounts are known there): see PaymentsService::startBills.
    Q_INVOKABLE void startBills(const QStringList &billIds);
    Q_INVOKABLE void setAmount(double amount);
    Q_INVOKABLE void setPurpose(const QString &purpose);
    // Confirm -> Paying -> Done | Failed. Call after the PIN or biometric check.
    Q_INVOKABLE void pay();
    // Failed with canRetry: sends the same attempt again (same Idempotency-Key).
    Q_INVOKABLE void retry();
    // Back to Idle. A payment being sent is not stopped: its outcome is still recorded.
    Q_INVOKABLE void cancel();

    // The largest amount the gateway takes (contract: 500 000 000 ₫).
    static constexpr qint64 kMaxAmount = 500000000;
    static constexpr int kMaxPurposeLength = 140;

Q_SIGNALS:
    void stateChanged();
    void detailsChanged();
    void amountChanged();
    void purposeChanged();
    // The server confirmed payments (the Payment objects): cached as receipts already.
    void paid(const QList<QJsonObject> &payments);

private:
    void reset();
    void setState(State state);
    void fail(const QString &code, const QString &message, bool canRetry);
    void send();
    void onPayReply(net::ApiReply *reply);
    void onLookup(net::ApiReply *reply);
    bool requireAccount();
    void setBank(const QString &bin);

    PaymentsClient *m_client;
    PaymentStore *m_store;
    const BillModel *m_billSource = nullptr;
    const BillProviderModel *m_providerSource = nullptr;
    QString m_account;
    QString m_server;
    State m_state = Idle;
    QString m_payload;
    QString m_merchantName;
    QString m_category;
    QString m_bankBin;
    QString m_bankName;
    QString m_bankShortName;
    QString m_bankColour;
    QString m_accountMasked;
    bool m_dynamic = false;
    qint64 m_amount = 0;
    bool m_amountEditable = false;
    QString m_purpose;
    bool m_purposeEditable = false;
    QDateTime m_expiresAt;
    QStringList m_billIds;
    QString m_error;
    QString m_errorCode;
    bool m_canRetry = false;
    QString m_receiptId;
    QString m_attemptId;
    int m_generation = 0;
    QPointer<net::ApiReply> m_reply;
};

} // namespace payments
