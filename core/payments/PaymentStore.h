#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace store {
class Database;
}

namespace payments {

// One payment the user asked for, as written before it is sent (table payment_attempts).
struct PaymentAttempt
{
    QString id; // the Idempotency-Key
    QString account;
    QString server;
    QString path;    // /api/v1/payments or /api/v1/bills/pay
    QByteArray body; // the JSON sent, byte for byte the same on every try
    // sending: sent or about to be, outcome unknown; done: paid; failed: refused for good
    QString state;
    QString errorCode;
    QStringList paymentIds;
    // What the confirm screen showed, to show it again when resumed.
    QJsonObject display;
    qint64 createdAt = 0; // ms since the epoch
};

// The local tables of payments (migration 4): attempts (never dropped while unresolved), the
// receipts cache (the user's Payment objects, for history and receipts offline) and saved bill
// customer codes. All per server and account.
class PaymentStore
{
public:
    explicit PaymentStore(store::Database *database);

    bool isOpen() const;

    bool insertAttempt(const PaymentAttempt &attempt);
    bool finishAttempt(const QString &id, const QString &state, const QString &errorCode,
                       const QStringList &paymentIds);
    std::optional<PaymentAttempt> attempt(const QString &id) const;
    // Attempts still "sending" for this account and server, oldest first.
    QList<PaymentAttempt> unresolved(const QString &account, const QString &server) const;

    // Upserts the user's payments (Payment objects of the contract), given newest first.
    void cacheReceipts(const QString &account, const QString &server,
                       const QList<QJsonObject> &payments);
    // Drops the account's receipts (sign-out: a shared device keeps no one's payments).
    void forgetReceipts(const QString &account);
    std::optional<QJsonObject> receipt(const QString &account, const QString &server,
                                       const QString &paymentId) const;
    // Cached payments, newest first, filtered like GET /api/v1/payments.
    QList<QJsonObject> receipts(const QString &account, const QString &server,
                                const QString &search, const QString &direction,
                                const QString &category, int limit) const;

    struct SavedCode
    {
        QString providerId;
        QString providerName;
        QString customerCode;
        QString label;
    };
    bool saveCode(const QString &account, const QString &server, const SavedCode &code);
    void removeCode(const QString &account, const QString &server, const QString &providerId,
                    const QString &customerCode);
    QList<SavedCode> savedCodes(const QString &account, const QString &server) const;

    // Small values of the feature (kv_cache): cached JSON of the wallet, providers, merchant.
    void writeCache(const QString &key, const QByteArray &value);
    std::optional<QByteArray> readCache(const QString &key) const;

    // Lower case, without Vietnamese diacritics ("Bún bò Huế" -> "bun bo hue"): search text.
    static QString foldForSearch(const QString &text);

private:
    store::Database *m_database;
};

} // namespace payments
