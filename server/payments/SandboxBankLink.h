#pragma once

#include "payments/BankLink.h"

#include <QByteArray>

namespace hues::server::payments {

// The sandbox bank: a fixed small set of external accounts it can name, transfers always
// accepted (the money stays in the gateway's clearing account), and notifications signed
// with HMAC-SHA256(secret, timestamp + "." + body), accepted within ±300 s.
class SandboxBankLink final : public BankLink
{
public:
    static constexpr qint64 kToleranceS = 300;

    explicit SandboxBankLink(QByteArray secret) : m_secret(std::move(secret)) {}

    std::optional<QString> accountName(const QString &bin, const QString &account) override;
    TransferResult transfer(const Transfer &transfer) override;
    Verification verifyNotification(QByteArrayView timestamp, QByteArrayView signature,
                                    QByteArrayView body, qint64 nowS) const override;

    // The signature header value for a body at timestamp ("sha256=<hex>"), as a bank sends it.
    static QByteArray sign(QByteArrayView secret, QByteArrayView timestamp, QByteArrayView body);

private:
    QByteArray m_secret;
};

} // namespace hues::server::payments
