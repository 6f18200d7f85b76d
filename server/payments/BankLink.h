#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace hues::server::payments {

// What the gateway needs from the banking network: names of accounts not held here, outgoing
// transfers to them, and the check of inbound notifications. A deployment replaces the sandbox
// behind this interface (a bank's API or the NAPAS switch); nothing else in the server knows
// which implementation runs.
class BankLink
{
public:
    virtual ~BankLink() = default;

    // The account holder's name for a BIN + account (or card) number at another bank, or
    // nullopt when the bank knows no such account.
    virtual std::optional<QString> accountName(const QString &bin, const QString &account) = 0;

    struct Transfer
    {
        QString paymentId; // ours, unique: the bank's idempotency key
        QString bin;
        QString account;
        qint64 amount = 0;
        QString description;
    };
    struct TransferResult
    {
        bool accepted = false;
        QString bankReference; // the bank's id of the transfer when accepted
        QString message;       // why not, for logs
    };
    // Sends money from the gateway's clearing account to an account at another bank.
    virtual TransferResult transfer(const Transfer &transfer) = 0;

    enum class Verification { Valid, BadSignature, Stale };
    // Checks an inbound notification: its timestamp header (Unix seconds), signature header
    // and raw body, at nowS.
    virtual Verification verifyNotification(QByteArrayView timestamp, QByteArrayView signature,
                                            QByteArrayView body, qint64 nowS) const = 0;
};

struct BankLinkConfig
{
    QByteArray webhookSecret; // HMAC-SHA256 key of inbound notifications
};

// The bank link of this build (the sandbox).
std::unique_ptr<BankLink> createBankLink(const BankLinkConfig &config);

} // namespace hues::server::payments
