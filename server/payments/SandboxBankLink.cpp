#include "payments/SandboxBankLink.h"

#include "logging.h"

#include <QMessageAuthenticationCode>

namespace hues::server::payments {

namespace {

struct ExternalAccount
{
    const char *bin;
    const char *account;
    const char *name;
};

// Accounts at other banks that the sandbox knows by name (documented in server/README.md).
const ExternalAccount kExternal[] = {
    {"970436", "0071000999888", "TRAN VAN AN"},
    {"970422", "0123456789", "LE THI BICH"},
    {"970418", "12010000999888", "NGUYEN VAN BINH"},
    {"970407", "19033333444555", "HOANG MINH CHAU"},
};

} // namespace

std::unique_ptr<BankLink> createBankLink(const BankLinkConfig &config)
{
    return std::make_unique<SandboxBankLink>(config.webhookSecret);
}

std::optional<QString> SandboxBankLink::accountName(const QString &bin, const QString &account)
{
    for (const ExternalAccount &a : kExternal) {
        if (bin == QLatin1String(a.bin) && account == QLatin1String(a.account))
            return QString::fromLatin1(a.name);
    }
    return std::nullopt;
}

BankLink::TransferResult SandboxBankLink::transfer(const Transfer &transfer)
{
    qCInfo(lcServer).noquote() << "sandbox bank: transfer of payment" << transfer.paymentId
                               << "accepted";
    return {true, QStringLiteral("SBX-") + transfer.paymentId, QString()};
}

namespace {

QByteArray mac(QByteArrayView secret, QByteArrayView timestamp, QByteArrayView body)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, secret.toByteArray());
    code.addData(timestamp.data(), timestamp.size());
    code.addData(".", 1);
    code.addData(body.data(), body.size());
    return code.result();
}

} // namespace

QByteArray SandboxBankLink::sign(QByteArrayView secret, QByteArrayView timestamp,
                                 QByteArrayView body)
{
    return "sha256=" + mac(secret, timestamp, body).toHex();
}

BankLink::Verification SandboxBankLink::verifyNotification(QByteArrayView timestamp,
                                                           QByteArrayView signature,
                                                           QByteArrayView body, qint64 nowS) const
{
    bool ok = false;
    const qint64 at = timestamp.toByteArray().toLongLong(&ok);
    if (m_secret.isEmpty() || !ok || timestamp.isEmpty() || timestamp.size() > 12 ||
        !signature.startsWith("sha256="))
        return Verification::BadSignature;
    const QByteArray given = QByteArray::fromHex(signature.sliced(7).toByteArray());
    const QByteArray wanted = mac(m_secret, timestamp, body);
    // Constant time; a wrong length differs too.
    int diff = int(given.size() ^ wanted.size()) | int(signature.size() != 7 + 2 * wanted.size());
    for (qsizetype i = 0; i < wanted.size(); ++i)
        diff |= wanted.at(i) ^ (i < given.size() ? given.at(i) : 0);
    if (diff != 0)
        return Verification::BadSignature;
    if (at < nowS - kToleranceS || at > nowS + kToleranceS)
        return Verification::Stale;
    return Verification::Valid;
}

} // namespace hues::server::payments
