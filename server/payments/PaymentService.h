#pragma once

#include "open311/ReportService.h"
#include "payments/BankLink.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace hues::server {
class Database;
namespace push {
class PushHub;
} // namespace push
} // namespace hues::server

namespace hues::server::payments {

// An answer of the gateway: HTTP status and JSON body (errors: {"error","message"}).
struct Reply
{
    int status = 200;
    QByteArray body;
    bool replayed = false; // an idempotent replay of a stored answer

    bool ok() const { return status < 300; }
    static Reply json(const QJsonObject &object, int status = 200);
    static Reply error(int status, const QString &code, const QString &message);
};

// Who calls: a person's subject (accounts.id) and their roles.
struct Caller
{
    QString subject;
    QStringList roles;
};

// POST /api/v1/payments after the route's checks of the JSON types.
struct PayRequest
{
    QString qr;
    std::optional<qint64> amount; // validated: 1..kMaxAmount
    QString purpose;              // "" none
};

// GET /api/v1/payments.
struct ListFilter
{
    QString q;         // folded by the service
    QString direction; // "" | in | out
    QString kind;      // "" | qr | bill | bank_transfer
    QString category;  // "" | a merchant category
    qint64 fromMs = 0; // 0: none
    qint64 toMs = 0;   // 0: none (exclusive)
    QString before;    // a payment id: only older ones
    int limit = 50;
};

// The sandbox payment gateway of hues-server: wallets and merchants on a double-entry ledger,
// VietQR payments (static and dynamic codes), bills, merchants' dynamic codes, and inbound
// bank notifications. Creating routes are idempotent: the key's row is written in the same
// database transaction as the ledger entries. Knows nothing of HTTP beyond status codes.
class PaymentService
{
public:
    static constexpr qint64 kMaxAmount = 500000000;
    static constexpr int kMaxPurpose = 140;
    static constexpr int kMaxBillsPerPayment = 20;

    PaymentService(Database &db, push::PushHub *push, std::unique_ptr<BankLink> bank);
    ~PaymentService();

    static const QStringList &categories();
    // Lower case, without diacritics (đ -> d): what q is matched against.
    static QString fold(const QString &text);
    // "Nguyễn Thị Hương" -> "NGUYEN THI H." (how a merchant sees a payer).
    static QString maskName(const QString &name);

    // The stored answer of (caller, route, key) when there is one: the replay, or 422
    // idempotency_key_reused when requestHash differs. nullopt: not used yet.
    std::optional<Reply> storedAnswer(const Caller &caller, const QString &route,
                                      const QByteArray &key, const QString &requestHash);

    Reply wallet(const Caller &caller);
    Reply lookup(const Caller &caller, const QString &qr);
    Reply pay(const Caller &caller, const QByteArray &key, const QString &requestHash,
              const PayRequest &request);
    Reply list(const Caller &caller, const ListFilter &filter);
    Reply payment(const Caller &caller, const QString &id);

    Reply providers(open311::Lang lang);
    Reply bills(const QString &providerId, const QString &customerCode, open311::Lang lang);
    Reply payBills(const Caller &caller, const QByteArray &key, const QString &requestHash,
                   const QStringList &billIds);

    Reply merchant(const Caller &caller);
    Reply createQr(const Caller &caller, qint64 amount, const QString &purpose, int expiresInS);
    Reply qrState(const Caller &caller, const QString &qrId);

    Reply bankNotify(QByteArrayView timestamp, QByteArrayView signature, const QByteArray &body);

    static const QString kPayRoute;
    static const QString kBillsRoute;

private:
    struct Merchant
    {
        QString id;
        QString name;
        QString category;
        QString bin;
        QString account;
        QString city;
        QString status;
        QString ownerId;
        QString ledgerAccount;
    };
    struct DynamicQr
    {
        QString id;
        QString merchantId;
        qint64 amount = 0;
        QString purpose;
        QString payload;
        QString status;
        QString paymentId;
        qint64 expiresAt = 0;
    };
    struct Target
    {
        std::optional<Reply> error;
        QString qrText;
        bool dynamic = false;
        std::optional<qint64> amount;
        QString purpose;
        QString billNumber;
        QString referenceLabel;
        QString bin;
        QString account;
        std::optional<Merchant> merchant; // a merchant of this gateway
        QString externalName;             // else the bank link's name of the account
        std::optional<DynamicQr> qr;      // one of our dynamic codes
    };
    struct BillLine
    {
        QString billId;
        QString providerId;
        QString period;
        qint64 amount = 0;
    };
    struct View // a payment as stored
    {
        QString id;
        QString reference;
        QString kind;
        QString payerId;
        QString payerName;
        QString merchantId;
        QString beneficiaryName;
        QString category;
        QString bin;
        QString account;
        qint64 amount = 0;
        QString purpose;
        QString qrId;
        qint64 createdAt = 0;
        QList<BillLine> bills;
    };

    Reply idempotent(const Caller &caller, const QString &route, const QByteArray &key,
                     const QString &requestHash, const std::function<Reply()> &work);
    Reply databaseError(const QString &what);
    Target resolve(const QString &qrText);
    bool merchantWhere(const QString &where, const QVariantList &values,
                       std::optional<Merchant> *merchant);
    bool merchantOf(const QString &ownerId, std::optional<Merchant> *merchant);
    bool dynamicQr(const QString &id, std::optional<DynamicQr> *qr);
    static QString qrStateOf(const DynamicQr &qr, qint64 nowMs);
    bool displayName(const QString &accountId, QString *name);
    bool insertPayment(const View &view, const QString &bankTxnId, const QByteArray &idemKey);
    bool publishReceived(const QString &ownerId, const View &view);
    bool load(const QString &where, const QVariantList &values, int limit, QList<View> *views);
    QString makeStaticQr(const Merchant &merchant) const;

    static QJsonObject merchantJson(const View &view);
    static QJsonObject merchantJson(const Merchant &merchant);
    static QJsonObject paymentJson(const View &view, const QString &viewer);
    static QString newId(const QString &prefix, int length);
    static QString qrName(const QString &name);

    Database &m_db;
    push::PushHub *m_push = nullptr;
    std::unique_ptr<BankLink> m_bank;
};

} // namespace hues::server::payments
