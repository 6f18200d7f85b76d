#include "payments/PaymentService.h"

#include "db/Database.h"
#include "db/Idempotency.h"
#include "logging.h"
#include "payments/Ledger.h"
#include "push/PushHub.h"
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace hues::server::payments {

const QString PaymentService::kPayRoute = QStringLiteral("POST /api/v1/payments");
const QString PaymentService::kBillsRoute = QStringLiteral("POST /api/v1/bills/pay");

namespace {

// Unambiguous upper-case letters and digits (no 0/O, 1/I).
constexpr char16_t kAlphabet[] = u"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? nullText() : QVariant(text);
}

QJsonValue jsonTextOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString isoTime(qint64 ms)
{
    return open311::cityTime(ms).toString(Qt::ISODate);
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QStringLiteral(", "));
}

Reply insufficientFunds()
{
    return Reply::error(422, QStringLiteral("insufficient_funds"),
                        QStringLiteral("the wallet's balance is lower than the amount"));
}

Reply merchantClosed()
{
    return Reply::error(422, QStringLiteral("merchant_closed"),
                        QStringLiteral("the merchant does not accept payments now"));
}

} // namespace

Reply Reply::json(const QJsonObject &object, int status)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), false};
}

Reply Reply::error(int status, const QString &code, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}},
                status);
}

PaymentService::PaymentService(Database &db, push::PushHub *push, std::unique_ptr<BankLink> bank)
    : m_db(db), m_push(push), m_bank(std::move(bank))
{
}

PaymentService::~PaymentService() = default;

const QStringList &PaymentService::categories()
{
    static const QStringList list{
        QStringLiteral("electricity"), QStringLiteral("water"),    QStringLiteral("telecom"),
        QStringLiteral("tuition"),     QStringLiteral("hospital"), QStringLiteral("public_fee"),
        QStringLiteral("heritage"),    QStringLiteral("bus"),      QStringLiteral("taxi"),
        QStringLiteral("market"),      QStringLiteral("food")};
    return list;
}

QString PaymentService::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == u'đ' || c == u'Đ')
            out.append(u'd');
        else
            out.append(c.toLower());
    }
    return out;
}

QString PaymentService::maskName(const QString &name)
{
    const QStringList words = fold(name).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QString();
    if (words.size() == 1)
        return words.first().left(1) + QLatin1Char('.');
    QStringList shown = words.mid(0, words.size() - 1);
    shown.append(words.last().left(1) + QLatin1Char('.'));
    return shown.join(QLatin1Char(' '));
}

QString PaymentService::newId(const QString &prefix, int length)
{
    const QStringView alphabet(kAlphabet);
    QString id = prefix;
    for (int i = 0; i < length; ++i)
        id.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return id;
}

// The merchant name in tag 59: ASCII upper case (as bank apps show it), at most 25 characters.
QString PaymentService::qrName(const QString &name)
{
    QString ascii;
    for (const QChar c : fold(name).toUpper()) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
            ascii.append(c);
    }
    return ascii.simplified().left(vietqr::MaxAdditionalChars).trimmed();
}

Reply PaymentService::databaseError(const QString &what)
{
    m_db.rollback();
    return Reply::error(500, QStringLiteral("internal_error"),
                        QStringLiteral("the payment database failed (%1)").arg(what));
}

// --- idempotency -------------------------------------------------------------------------

std::optional<Reply> PaymentService::storedAnswer(const Caller &caller, const QString &route,
                                                  const QByteArray &key, const QString &requestHash)
{
    bool ok = false;
    const std::optional<StoredResponse> stored =
        Idempotency::find(m_db, Idempotency::callerScope(caller.subject), route, key, &ok);
    if (!ok)
        return Reply::error(500, QStringLiteral("internal_error"),
                            QStringLiteral("the payment database failed"));
    if (!stored)
        return std::nullopt;
    if (stored->requestHash != requestHash)
        return Reply::error(422, QStringLiteral("idempotency_key_reused"),
                            QStringLiteral("this Idempotency-Key was already used for a request "
                                           "with different content"));
    return Reply{stored->status, stored->body, true};
}

// Runs work in one transaction with the key's row: the row is inserted first, so a concurrent
// request with the same key (another process on PostgreSQL) waits on it and then replays. Only
// successes are stored; a refusal changed nothing and is decided again on a retry.
Reply PaymentService::idempotent(const Caller &caller, const QString &route, const QByteArray &key,
                                 const QString &requestHash, const std::function<Reply()> &work)
{
    const QString scope = Idempotency::callerScope(caller.subject);
    auto afterConflict = [&]() -> Reply {
        m_db.rollback();
        if (std::optional<Reply> stored = storedAnswer(caller, route, key, requestHash))
            return *stored;
        return Reply::error(500, QStringLiteral("internal_error"),
                            QStringLiteral("the payment could not be stored; retry with the same "
                                           "Idempotency-Key"));
    };
    if (!m_db.begin())
        return databaseError(QStringLiteral("begin"));
    bool ok = false;
    const std::optional<StoredResponse> stored = Idempotency::find(m_db, scope, route, key, &ok);
    if (!ok || stored)
        return afterConflict();
    if (!Idempotency::insert(m_db, scope, route, key, requestHash,
                             StoredResponse{requestHash, 0, QByteArrayLiteral("{}")}))
        return afterConflict();
    const Reply reply = work();
    if (!reply.ok()) {
        m_db.rollback();
        return reply;
    }
    if (!m_db.exec(QStringLiteral("UPDATE idempotency_keys SET response_status = ?, "
                                  "response_body = ? WHERE caller = ? AND route = ? AND idem_key "
                                  "= ?"),
                   {reply.status, QString::fromUtf8(reply.body), scope, route,
                    QString::fromLatin1(key)}) ||
        !m_db.commit())
        return afterConflict();
    return reply;
}

// --- reading ---------------------------------------------------------------------------------

bool PaymentService::merchantWhere(const QString &where, const QVariantList &values,
                                   std::optional<Merchant> *merchant)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT id, name, category, bank_bin, account, city, status, "
                                  "owner_id, ledger_account_id FROM merchants WHERE ") +
                       where + QStringLiteral(" ORDER BY id LIMIT 1"),
                   values))
        return false;
    merchant->reset();
    if (query.next()) {
        *merchant = Merchant{
            query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
            query.value(6).toString(), query.value(7).toString(), query.value(8).toString()};
    }
    return true;
}

bool PaymentService::merchantOf(const QString &ownerId, std::optional<Merchant> *merchant)
{
    return merchantWhere(QStringLiteral("owner_id = ?"), {ownerId}, merchant);
}

bool PaymentService::dynamicQr(const QString &id, std::optional<DynamicQr> *qr)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT id, merchant_id, amount, purpose, payload, status, "
                                  "payment_id, expires_at FROM merchant_qr WHERE id = ?"),
                   {id}))
        return false;
    qr->reset();
    if (query.next()) {
        *qr = DynamicQr{query.value(0).toString(),   query.value(1).toString(),
                        query.value(2).toLongLong(), query.value(3).toString(),
                        query.value(4).toString(),   query.value(5).toString(),
                        query.value(6).toString(),   query.value(7).toLongLong()};
    }
    return true;
}

QString PaymentService::qrStateOf(const DynamicQr &qr, qint64 nowMs)
{
    if (qr.status == u"paid")
        return QStringLiteral("paid");
    return qr.expiresAt <= nowMs ? QStringLiteral("expired") : QStringLiteral("open");
}

bool PaymentService::displayName(const QString &accountId, QString *name)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, QStringLiteral("SELECT display_name FROM accounts WHERE id = ?"),
                   {accountId}))
        return false;
    *name = query.next() ? query.value(0).toString() : QString();
    return true;
}

PaymentService::Target PaymentService::resolve(const QString &qrText)
{
    Target target;
    target.qrText = qrText;
    const vietqr::ParseResult parsed = vietqr::parse(qrText);
    if (!parsed.ok) {
        target.error = Reply::error(400, QStringLiteral("invalid_qr"), parsed.error);
        return target;
    }
    const vietqr::Code &code = parsed.code;
    target.dynamic = code.dynamic;
    target.amount = code.amount;
    target.purpose = code.purpose;
    target.billNumber = code.billNumber;
    target.referenceLabel = code.referenceLabel;
    target.bin = code.bankBin;
    target.account = code.account;
    if (!merchantWhere(QStringLiteral("bank_bin = ? AND account = ?"), {code.bankBin, code.account},
                       &target.merchant)) {
        target.error = databaseError(QStringLiteral("merchant"));
        return target;
    }
    if (!target.merchant) {
        const std::optional<QString> name = m_bank->accountName(code.bankBin, code.account);
        if (!name) {
            target.error = Reply::error(404, QStringLiteral("unknown_beneficiary"),
                                        QStringLiteral("no account %1 at bank %2 is known")
                                            .arg(vietqr::maskAccount(code.account), code.bankBin));
            return target;
        }
        target.externalName = *name;
        return target;
    }
    if (code.dynamic && !code.referenceLabel.isEmpty()) {
        std::optional<DynamicQr> qr;
        if (!dynamicQr(code.referenceLabel, &qr)) {
            target.error = databaseError(QStringLiteral("qr"));
            return target;
        }
        if (qr && qr->merchantId == target.merchant->id)
            target.qr = qr;
    }
    return target;
}

QJsonObject PaymentService::merchantJson(const Merchant &merchant)
{
    return {{QStringLiteral("merchant_id"), merchant.id},
            {QStringLiteral("name"), merchant.name},
            {QStringLiteral("category"), merchant.category},
            {QStringLiteral("bank_bin"), merchant.bin},
            {QStringLiteral("account_masked"), vietqr::maskAccount(merchant.account)}};
}

QJsonObject PaymentService::merchantJson(const View &view)
{
    return {{QStringLiteral("merchant_id"), jsonTextOrNull(view.merchantId)},
            {QStringLiteral("name"), view.beneficiaryName},
            {QStringLiteral("category"), jsonTextOrNull(view.category)},
            {QStringLiteral("bank_bin"), view.bin},
            {QStringLiteral("account_masked"), vietqr::maskAccount(view.account)}};
}

QJsonObject PaymentService::paymentJson(const View &view, const QString &viewer)
{
    const bool out = !view.payerId.isEmpty() && view.payerId == viewer;
    QJsonArray bills;
    for (const BillLine &b : view.bills)
        bills.append(QJsonObject{{QStringLiteral("bill_id"), b.billId},
                                 {QStringLiteral("provider_id"), b.providerId},
                                 {QStringLiteral("period"), b.period},
                                 {QStringLiteral("amount"), b.amount}});
    return {
        {QStringLiteral("payment_id"), view.id},
        {QStringLiteral("reference"), view.reference},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("direction"), out ? QStringLiteral("out") : QStringLiteral("in")},
        {QStringLiteral("amount"), view.amount},
        {QStringLiteral("currency"), QStringLiteral("VND")},
        {QStringLiteral("created_at"), isoTime(view.createdAt)},
        {QStringLiteral("purpose"), jsonTextOrNull(view.purpose)},
        {QStringLiteral("kind"), view.kind},
        {QStringLiteral("merchant"), merchantJson(view)},
        {QStringLiteral("payer"),
         QJsonObject{{QStringLiteral("name"), out ? view.payerName : maskName(view.payerName)}}},
        {QStringLiteral("qr_id"), jsonTextOrNull(view.qrId)},
        {QStringLiteral("bills"), bills}};
}

bool PaymentService::load(const QString &where, const QVariantList &values, int limit,
                          QList<View> *views)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT p.id, p.reference, p.kind, p.payer_id, p.payer_name, "
                                  "p.merchant_id, p.beneficiary_name, m.category, "
                                  "p.beneficiary_bin, p.beneficiary_account, p.amount, p.purpose, "
                                  "p.qr_id, p.created_at FROM payments p LEFT JOIN merchants m ON "
                                  "m.id = p.merchant_id WHERE ") +
                       where +
                       QStringLiteral(" ORDER BY p.created_at DESC, p.id DESC LIMIT %1").arg(limit),
                   values))
        return false;
    views->clear();
    QHash<QString, qsizetype> billPayments;
    while (query.next()) {
        View v;
        v.id = query.value(0).toString();
        v.reference = query.value(1).toString();
        v.kind = query.value(2).toString();
        v.payerId = query.value(3).toString();
        v.payerName = query.value(4).toString();
        v.merchantId = query.value(5).toString();
        v.beneficiaryName = query.value(6).toString();
        v.category = query.value(7).toString();
        v.bin = query.value(8).toString();
        v.account = query.value(9).toString();
        v.amount = query.value(10).toLongLong();
        v.purpose = query.value(11).toString();
        v.qrId = query.value(12).toString();
        v.createdAt = query.value(13).toLongLong();
        if (v.kind == u"bill")
            billPayments.insert(v.id, views->size());
        views->append(v);
    }
    if (billPayments.isEmpty())
        return true;
    QSqlQuery bills(m_db.connection());
    QVariantList ids;
    for (auto it = billPayments.cbegin(); it != billPayments.cend(); ++it)
        ids << it.key();
    if (!m_db.exec(bills,
                   QStringLiteral("SELECT payment_id, id, provider_id, period, amount FROM bills "
                                  "WHERE payment_id IN (%1) ORDER BY due_date, id")
                       .arg(placeholders(ids.size())),
                   ids))
        return false;
    while (bills.next()) {
        (*views)[billPayments.value(bills.value(0).toString())].bills.append(
            {bills.value(1).toString(), bills.value(2).toString(), bills.value(3).toString(),
             bills.value(4).toLongLong()});
    }
    return true;
}

// --- wallet, lookup, pay -------------------------------------------------------------------

Reply PaymentService::wallet(const Caller &caller)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT w.ledger_account_id, l.balance, w.linked_bin, "
                                  "w.linked_account, a.display_name FROM wallets w JOIN "
                                  "ledger_accounts l ON l.id = w.ledger_account_id JOIN accounts "
                                  "a ON a.id = w.account_id WHERE w.account_id = ?"),
                   {caller.subject}))
        return databaseError(QStringLiteral("wallet"));
    if (!query.next()) {
        // Everybody has a wallet; a new one is empty and linked to no bank.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString ledger = Ledger::walletAccount(caller.subject);
        if (!m_db.begin())
            return databaseError(QStringLiteral("begin"));
        if (!Ledger::ensureAccount(m_db, ledger, QStringLiteral("wallet"), now) ||
            !m_db.exec(QStringLiteral("INSERT INTO wallets (account_id, ledger_account_id, "
                                      "created_at) VALUES (?, ?, ?) ON CONFLICT (account_id) DO "
                                      "NOTHING"),
                       {caller.subject, ledger, now}) ||
            !m_db.commit())
            return databaseError(QStringLiteral("new wallet"));
        return wallet(caller);
    }
    QJsonValue linked = QJsonValue::Null;
    const QString bin = query.value(2).toString();
    if (!bin.isEmpty()) {
        const vietqr::Bank *bank = vietqr::findBank(bin);
        linked = QJsonObject{
            {QStringLiteral("bin"), bin},
            {QStringLiteral("short_name"), bank ? bank->shortName : bin},
            {QStringLiteral("account_masked"), vietqr::maskAccount(query.value(3).toString())}};
    }
    return Reply::json({{QStringLiteral("account_id"), query.value(0).toString()},
                        {QStringLiteral("balance"), query.value(1).toLongLong()},
                        {QStringLiteral("currency"), QStringLiteral("VND")},
                        {QStringLiteral("holder_name"), query.value(4).toString()},
                        {QStringLiteral("linked_bank"), linked}});
}

Reply PaymentService::lookup(const Caller &, const QString &qr)
{
    const Target target = resolve(qr);
    if (target.error)
        return *target.error;
    QJsonObject merchant;
    QString state = QStringLiteral("payable");
    if (target.merchant) {
        merchant = merchantJson(*target.merchant);
        merchant.insert(QStringLiteral("status"), target.merchant->status);
    } else {
        View external;
        external.beneficiaryName = target.externalName;
        external.bin = target.bin;
        external.account = target.account;
        merchant = merchantJson(external);
        merchant.insert(QStringLiteral("status"), QStringLiteral("open"));
    }
    QJsonValue expires = QJsonValue::Null;
    if (target.qr) {
        expires = isoTime(target.qr->expiresAt);
        const QString qrState = qrStateOf(*target.qr, QDateTime::currentMSecsSinceEpoch());
        if (qrState != u"open")
            state = qrState;
    }
    if (target.merchant && target.merchant->status != u"open")
        state = QStringLiteral("closed");
    return Reply::json(
        {{QStringLiteral("merchant"), merchant},
         {QStringLiteral("dynamic"), target.dynamic},
         {QStringLiteral("amount"),
          target.amount ? QJsonValue(*target.amount) : QJsonValue(QJsonValue::Null)},
         {QStringLiteral("purpose"), jsonTextOrNull(target.purpose)},
         {QStringLiteral("bill_number"), jsonTextOrNull(target.billNumber)},
         {QStringLiteral("qr_id"), target.qr ? QJsonValue(target.qr->id) : QJsonValue::Null},
         {QStringLiteral("expires_at"), expires},
         {QStringLiteral("state"), state}});
}

bool PaymentService::insertPayment(const View &v, const QString &bankTxnId,
                                   const QByteArray &idemKey)
{
    const QString search =
        fold(v.beneficiaryName + QLatin1Char(' ') + v.purpose + QLatin1Char(' ') + v.reference);
    return m_db.exec(
        QStringLiteral("INSERT INTO payments (id, reference, kind, payer_id, payer_name, "
                       "merchant_id, beneficiary_bin, beneficiary_account, beneficiary_name, "
                       "amount, purpose, qr_id, bank_txn_id, idem_key, search_text, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {v.id, v.reference, v.kind, textOrNull(v.payerId), v.payerName, textOrNull(v.merchantId),
         v.bin, v.account, v.beneficiaryName, v.amount, textOrNull(v.purpose), textOrNull(v.qrId),
         textOrNull(bankTxnId), textOrNull(QString::fromLatin1(idemKey)), search, v.createdAt});
}

bool PaymentService::publishReceived(const QString &ownerId, const View &view)
{
    if (!m_push || ownerId.isEmpty())
        return true;
    return m_push->publish(QStringLiteral("payment_received"), ownerId,
                           {{QStringLiteral("payment_id"), view.id},
                            {QStringLiteral("reference"), view.reference},
                            {QStringLiteral("qr_id"), jsonTextOrNull(view.qrId)},
                            {QStringLiteral("amount"), view.amount},
                            {QStringLiteral("currency"), QStringLiteral("VND")},
                            {QStringLiteral("payer_name"), maskName(view.payerName)},
                            {QStringLiteral("purpose"), jsonTextOrNull(view.purpose)},
                            {QStringLiteral("created_at"), isoTime(view.createdAt)}}) > 0;
}

Reply PaymentService::pay(const Caller &caller, const QByteArray &key, const QString &requestHash,
                          const PayRequest &request)
{
    return idempotent(caller, kPayRoute, key, requestHash, [&]() -> Reply {
        const Target target = resolve(request.qr);
        if (target.error)
            return *target.error;
        if (target.merchant && target.merchant->status != u"open")
            return merchantClosed();
        std::optional<qint64> amount = request.amount;
        if (target.dynamic && target.amount) {
            if (amount && *amount != *target.amount)
                return Reply::error(422, QStringLiteral("amount_mismatch"),
                                    QStringLiteral("the amount differs from the dynamic code's"));
            if (target.qr && target.qr->amount != *target.amount)
                return Reply::error(422, QStringLiteral("amount_mismatch"),
                                    QStringLiteral("the code's amount differs from the one "
                                                   "issued"));
            amount = target.amount;
        } else if (!amount) {
            amount = target.amount;
        }
        if (!amount)
            return Reply::error(422, QStringLiteral("amount_required"),
                                QStringLiteral("this code has no amount: send one"));
        if (*amount <= 0 || *amount > kMaxAmount)
            return Reply::error(422, QStringLiteral("amount_invalid"),
                                QStringLiteral("the amount must be 1 to %1 VND").arg(kMaxAmount));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (target.qr) {
            const QString state = qrStateOf(*target.qr, now);
            if (state == u"paid")
                return Reply::error(422, QStringLiteral("qr_already_paid"),
                                    QStringLiteral("this code has been paid already"));
            if (state == u"expired")
                return Reply::error(422, QStringLiteral("qr_expired"),
                                    QStringLiteral("this code has expired"));
        }

        View v;
        v.id = newId(QStringLiteral("pay_"), 16);
        v.reference = newId(QStringLiteral("HS"), 6);
        v.kind = QStringLiteral("qr");
        v.payerId = caller.subject;
        if (!displayName(caller.subject, &v.payerName))
            return databaseError(QStringLiteral("payer"));
        v.merchantId = target.merchant ? target.merchant->id : QString();
        v.beneficiaryName = target.merchant ? target.merchant->name : target.externalName;
        v.category = target.merchant ? target.merchant->category : QString();
        v.bin = target.bin;
        v.account = target.account;
        v.amount = *amount;
        v.purpose = target.dynamic || request.purpose.isEmpty() ? target.purpose : request.purpose;
        v.qrId = target.qr ? target.qr->id : QString();
        v.createdAt = now;
        if (!insertPayment(v, QString(), key))
            return databaseError(QStringLiteral("payment"));
        if (target.qr) {
            // Conditional: of two payers of one code, the second finds it paid.
            QSqlQuery mark(m_db.connection());
            if (!m_db.exec(mark,
                           QStringLiteral("UPDATE merchant_qr SET status = 'paid', payment_id = ? "
                                          "WHERE id = ? AND status = 'open' AND expires_at > ?"),
                           {v.id, target.qr->id, now}))
                return databaseError(QStringLiteral("qr"));
            if (mark.numRowsAffected() != 1)
                return Reply::error(422, QStringLiteral("qr_already_paid"),
                                    QStringLiteral("this code has been paid already"));
        }
        const QString credit =
            target.merchant ? target.merchant->ledgerAccount : Ledger::clearingAccount();
        switch (Ledger::post(
            m_db,
            {{v.id, Ledger::walletAccount(caller.subject), -v.amount}, {v.id, credit, v.amount}},
            now)) {
        case Ledger::Result::Ok:
            break;
        case Ledger::Result::InsufficientFunds:
            return insufficientFunds();
        default:
            return databaseError(QStringLiteral("ledger"));
        }
        if (!target.merchant) {
            const BankLink::TransferResult sent =
                m_bank->transfer({v.id, v.bin, v.account, v.amount, v.purpose});
            if (!sent.accepted)
                return Reply::error(
                    422, QStringLiteral("unknown_beneficiary"),
                    QStringLiteral("the bank refused the transfer: %1").arg(sent.message));
            if (!m_db.exec(QStringLiteral("UPDATE payments SET bank_reference = ? WHERE id = ?"),
                           {sent.bankReference, v.id}))
                return databaseError(QStringLiteral("transfer"));
        }
        if (target.merchant && !publishReceived(target.merchant->ownerId, v))
            return databaseError(QStringLiteral("push"));
        qCInfo(lcServer).noquote()
            << "payment" << v.id << v.reference << v.amount << "VND to"
            << (target.merchant ? target.merchant->id : QStringLiteral("another bank"));
        return Reply::json({{QStringLiteral("payment"), paymentJson(v, caller.subject)}}, 201);
    });
}

Reply PaymentService::list(const Caller &caller, const ListFilter &filter)
{
    QStringList where{QStringLiteral("(p.payer_id = ? OR m.owner_id = ?)")};
    QVariantList values{caller.subject, caller.subject};
    if (filter.direction == u"out") {
        where << QStringLiteral("p.payer_id = ?");
        values << caller.subject;
    } else if (filter.direction == u"in") {
        where << QStringLiteral("m.owner_id = ?")
              << QStringLiteral("(p.payer_id IS NULL OR p.payer_id <> ?)");
        values << caller.subject << caller.subject;
    }
    if (!filter.kind.isEmpty()) {
        where << QStringLiteral("p.kind = ?");
        values << filter.kind;
    }
    if (!filter.category.isEmpty()) {
        where << QStringLiteral("m.category = ?");
        values << filter.category;
    }
    if (filter.fromMs > 0) {
        where << QStringLiteral("p.created_at >= ?");
        values << filter.fromMs;
    }
    if (filter.toMs > 0) {
        where << QStringLiteral("p.created_at < ?");
        values << filter.toMs;
    }
    const QString q = fold(filter.q).simplified();
    if (!q.isEmpty()) {
        QString pattern = q;
        pattern.replace(QLatin1Char('!'), QLatin1String("!!"))
            .replace(QLatin1Char('%'), QLatin1String("!%"))
            .replace(QLatin1Char('_'), QLatin1String("!_"));
        where << QStringLiteral("p.search_text LIKE ? ESCAPE '!'");
        values << QString(QLatin1Char('%') + pattern + QLatin1Char('%'));
    }
    if (!filter.before.isEmpty()) {
        QList<View> anchor;
        if (!load(QStringLiteral("p.id = ? AND (p.payer_id = ? OR m.owner_id = ?)"),
                  {filter.before, caller.subject, caller.subject}, 1, &anchor))
            return databaseError(QStringLiteral("list"));
        if (anchor.isEmpty())
            return Reply::error(400, QStringLiteral("invalid_request"),
                                QStringLiteral("before names no payment of yours"));
        where << QStringLiteral("(p.created_at < ? OR (p.created_at = ? AND p.id < ?))");
        values << anchor.first().createdAt << anchor.first().createdAt << anchor.first().id;
    }
    QList<View> views;
    if (!load(where.join(QStringLiteral(" AND ")), values, filter.limit + 1, &views))
        return databaseError(QStringLiteral("list"));
    QJsonValue next = QJsonValue::Null;
    if (views.size() > filter.limit) {
        views.resize(filter.limit);
        next = views.last().id;
    }
    QJsonArray array;
    for (const View &v : views)
        array.append(paymentJson(v, caller.subject));
    return Reply::json(
        {{QStringLiteral("payments"), array}, {QStringLiteral("next_before"), next}});
}

Reply PaymentService::payment(const Caller &caller, const QString &id)
{
    QList<View> views;
    if (!load(QStringLiteral("p.id = ? AND (p.payer_id = ? OR m.owner_id = ?)"),
              {id, caller.subject, caller.subject}, 1, &views))
        return databaseError(QStringLiteral("payment"));
    if (views.isEmpty())
        return Reply::error(404, QStringLiteral("not_found"), QStringLiteral("no such payment"));
    return Reply::json(paymentJson(views.first(), caller.subject));
}

// --- bills -----------------------------------------------------------------------------------

Reply PaymentService::providers(open311::Lang lang)
{
    const bool vi = lang == open311::Lang::Vi;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, QStringLiteral("SELECT p.id, p.name_vi, p.name_en, m.category, "
                                         "p.code_label_vi, p.code_label_en, p.code_example FROM "
                                         "bill_providers p JOIN merchants m ON m.id = "
                                         "p.merchant_id ORDER BY p.sort_order, p.id")))
        return databaseError(QStringLiteral("providers"));
    QJsonArray array;
    while (query.next()) {
        array.append(
            QJsonObject{{QStringLiteral("provider_id"), query.value(0).toString()},
                        {QStringLiteral("name"), query.value(vi ? 1 : 2).toString()},
                        {QStringLiteral("category"), query.value(3).toString()},
                        {QStringLiteral("customer_code_label"), query.value(vi ? 4 : 5).toString()},
                        {QStringLiteral("customer_code_example"), query.value(6).toString()}});
    }
    Reply reply;
    reply.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return reply;
}

Reply PaymentService::bills(const QString &providerId, const QString &customerCode,
                            open311::Lang lang)
{
    QString code = customerCode.toUpper();
    code.remove(QLatin1Char(' '));
    QSqlQuery provider(m_db.connection());
    if (!m_db.exec(provider,
                   QStringLiteral("SELECT id FROM bill_providers WHERE id = ? AND merchant_id IS "
                                  "NOT NULL"),
                   {providerId}))
        return databaseError(QStringLiteral("provider"));
    if (!provider.next())
        return Reply::error(404, QStringLiteral("not_found"),
                            QStringLiteral("no bill provider %1").arg(providerId.left(64)));
    QSqlQuery customer(m_db.connection());
    if (!m_db.exec(customer,
                   QStringLiteral("SELECT customer_name FROM bill_customers WHERE provider_id = ? "
                                  "AND customer_code = ?"),
                   {providerId, code}))
        return databaseError(QStringLiteral("customer"));
    if (!customer.next())
        return Reply::error(404, QStringLiteral("unknown_customer"),
                            QStringLiteral("the provider has no customer with this code"));
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT id, period, description_vi, description_en, amount, "
                                  "due_date, status FROM bills WHERE provider_id = ? AND "
                                  "customer_code = ? ORDER BY CASE status WHEN 'unpaid' THEN 0 "
                                  "ELSE 1 END, due_date, id"),
                   {providerId, code}))
        return databaseError(QStringLiteral("bills"));
    QJsonArray array;
    while (query.next()) {
        array.append(QJsonObject{{QStringLiteral("bill_id"), query.value(0).toString()},
                                 {QStringLiteral("provider_id"), providerId},
                                 {QStringLiteral("period"), query.value(1).toString()},
                                 {QStringLiteral("description"),
                                  query.value(lang == open311::Lang::Vi ? 2 : 3).toString()},
                                 {QStringLiteral("amount"), query.value(4).toLongLong()},
                                 {QStringLiteral("due_date"), query.value(5).toString()},
                                 {QStringLiteral("status"), query.value(6).toString()}});
    }
    return Reply::json({{QStringLiteral("provider_id"), providerId},
                        {QStringLiteral("customer_code"), code},
                        {QStringLiteral("customer_name"), customer.value(0).toString()},
                        {QStringLiteral("bills"), array}});
}

Reply PaymentService::payBills(const Caller &caller, const QByteArray &key,
                               const QString &requestHash, const QStringList &billIds)
{
    return idempotent(caller, kBillsRoute, key, requestHash, [&]() -> Reply {
        QVariantList ids;
        for (const QString &id : billIds)
            ids << id;
        QSqlQuery query(m_db.connection());
        if (!m_db.exec(query,
                       QStringLiteral("SELECT b.id, b.provider_id, b.period, b.amount, b.status, "
                                      "b.customer_code, p.merchant_id FROM bills b JOIN "
                                      "bill_providers p ON p.id = b.provider_id WHERE b.id IN "
                                      "(%1) ORDER BY b.due_date, b.id")
                           .arg(placeholders(ids.size())),
                       ids))
            return databaseError(QStringLiteral("bills"));
        struct Group
        {
            QString merchantId;
            QList<BillLine> lines;
            QStringList codes;
            QStringList periods;
            qint64 total = 0;
        };
        std::map<QString, Group> groups; // by provider, in id order
        int found = 0;
        bool paid = false;
        while (query.next()) {
            ++found;
            paid = paid || query.value(4).toString() != u"unpaid";
            Group &g = groups[query.value(1).toString()];
            g.merchantId = query.value(6).toString();
            g.lines.append({query.value(0).toString(), query.value(1).toString(),
                            query.value(2).toString(), query.value(3).toLongLong()});
            if (!g.codes.contains(query.value(5).toString()))
                g.codes << query.value(5).toString();
            g.periods << query.value(2).toString();
            g.total += query.value(3).toLongLong();
        }
        if (found != billIds.size())
            return Reply::error(404, QStringLiteral("not_found"),
                                QStringLiteral("some of the bills do not exist"));
        if (paid)
            return Reply::error(422, QStringLiteral("bill_already_paid"),
                                QStringLiteral("a bill among them is paid already"));
        QString payerName;
        if (!displayName(caller.subject, &payerName))
            return databaseError(QStringLiteral("payer"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<Posting> postings;
        QList<View> made;
        QList<QString> owners;
        QList<QPair<QString, QString>> marks; // bill id, payment id
        for (auto &[providerId, g] : groups) {
            std::optional<Merchant> merchant;
            if (!merchantWhere(QStringLiteral("id = ?"), {g.merchantId}, &merchant) || !merchant)
                return databaseError(QStringLiteral("provider merchant"));
            if (merchant->status != u"open")
                return merchantClosed();
            View v;
            v.id = newId(QStringLiteral("pay_"), 16);
            v.reference = newId(QStringLiteral("HS"), 6);
            v.kind = QStringLiteral("bill");
            v.payerId = caller.subject;
            v.payerName = payerName;
            v.merchantId = merchant->id;
            v.beneficiaryName = merchant->name;
            v.category = merchant->category;
            v.bin = merchant->bin;
            v.account = merchant->account;
            v.amount = g.total;
            v.purpose = g.codes.join(QStringLiteral(", ")) + QLatin1Char(' ') +
                        g.periods.join(QStringLiteral(", "));
            v.createdAt = now;
            v.bills = g.lines;
            if (!insertPayment(v, QString(), key))
                return databaseError(QStringLiteral("payment"));
            for (const BillLine &line : g.lines)
                marks.append({line.billId, v.id});
            postings.append({v.id, Ledger::walletAccount(caller.subject), -v.amount});
            postings.append({v.id, merchant->ledgerAccount, v.amount});
            made.append(v);
            owners.append(merchant->ownerId);
        }
        // Bills in id order (the row locks of PostgreSQL), each only if still unpaid.
        std::sort(marks.begin(), marks.end());
        for (const auto &[billId, paymentId] : marks) {
            QSqlQuery mark(m_db.connection());
            if (!m_db.exec(mark,
                           QStringLiteral("UPDATE bills SET status = 'paid', payment_id = ?, "
                                          "paid_at = ? WHERE id = ? AND status = 'unpaid'"),
                           {paymentId, now, billId}))
                return databaseError(QStringLiteral("bill"));
            if (mark.numRowsAffected() != 1)
                return Reply::error(422, QStringLiteral("bill_already_paid"),
                                    QStringLiteral("a bill among them is paid already"));
        }
        switch (Ledger::post(m_db, postings, now)) {
        case Ledger::Result::Ok:
            break;
        case Ledger::Result::InsufficientFunds:
            return insufficientFunds();
        default:
            return databaseError(QStringLiteral("ledger"));
        }
        QJsonArray array;
        for (qsizetype i = 0; i < made.size(); ++i) {
            if (!publishReceived(owners.at(i), made.at(i)))
                return databaseError(QStringLiteral("push"));
            array.append(paymentJson(made.at(i), caller.subject));
        }
        qCInfo(lcServer).noquote()
            << "bills paid:" << billIds.size() << "in" << made.size() << "payment(s)";
        return Reply::json({{QStringLiteral("payments"), array}}, 201);
    });
}

// --- merchant mode ---------------------------------------------------------------------------

QString PaymentService::makeStaticQr(const Merchant &merchant) const
{
    vietqr::Code code;
    code.dynamic = false;
    code.bankBin = merchant.bin;
    code.account = merchant.account;
    code.merchantName = qrName(merchant.name);
    code.merchantCity = qrName(merchant.city).left(vietqr::MaxCityChars);
    return vietqr::make(code);
}

Reply PaymentService::merchant(const Caller &caller)
{
    std::optional<Merchant> merchant;
    if (!merchantOf(caller.subject, &merchant))
        return databaseError(QStringLiteral("merchant"));
    if (!merchant)
        return Reply::error(403, QStringLiteral("forbidden"),
                            QStringLiteral("this account owns no merchant"));
    QSqlQuery balance(m_db.connection());
    if (!m_db.exec(balance, QStringLiteral("SELECT balance FROM ledger_accounts WHERE id = ?"),
                   {merchant->ledgerAccount}) ||
        !balance.next())
        return databaseError(QStringLiteral("balance"));
    QJsonObject object = merchantJson(*merchant);
    object.insert(QStringLiteral("account"), merchant->account);
    object.insert(QStringLiteral("status"), merchant->status);
    object.insert(QStringLiteral("balance"), balance.value(0).toLongLong());
    object.insert(QStringLiteral("static_qr"), makeStaticQr(*merchant));
    return Reply::json(object);
}

Reply PaymentService::createQr(const Caller &caller, qint64 amount, const QString &purpose,
                               int expiresInS)
{
    std::optional<Merchant> merchant;
    if (!merchantOf(caller.subject, &merchant))
        return databaseError(QStringLiteral("merchant"));
    if (!merchant)
        return Reply::error(403, QStringLiteral("forbidden"),
                            QStringLiteral("this account owns no merchant"));
    if (merchant->status != u"open")
        return merchantClosed();
    vietqr::Code code;
    code.dynamic = true;
    code.bankBin = merchant->bin;
    code.account = merchant->account;
    code.amount = amount;
    code.merchantName = qrName(merchant->name);
    code.merchantCity = qrName(merchant->city).left(vietqr::MaxCityChars);
    code.referenceLabel = newId(QStringLiteral("QR"), 10);
    code.purpose = purpose;
    const QString payload = vietqr::make(code);
    if (payload.isEmpty())
        return Reply::error(400, QStringLiteral("invalid_request"), vietqr::validate(code));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + qint64(expiresInS) * 1000;
    if (!m_db.exec(QStringLiteral("INSERT INTO merchant_qr (id, merchant_id, amount, purpose, "
                                  "payload, status, expires_at, created_at) VALUES (?, ?, ?, ?, "
                                  "?, 'open', ?, ?)"),
                   {code.referenceLabel, merchant->id, amount, textOrNull(purpose), payload,
                    expires, now}))
        return databaseError(QStringLiteral("qr"));
    return Reply::json({{QStringLiteral("qr_id"), code.referenceLabel},
                        {QStringLiteral("payload"), payload},
                        {QStringLiteral("amount"), amount},
                        {QStringLiteral("purpose"), jsonTextOrNull(purpose)},
                        {QStringLiteral("expires_at"), isoTime(expires)}},
                       201);
}

Reply PaymentService::qrState(const Caller &caller, const QString &qrId)
{
    std::optional<Merchant> merchant;
    if (!merchantOf(caller.subject, &merchant))
        return databaseError(QStringLiteral("merchant"));
    if (!merchant)
        return Reply::error(403, QStringLiteral("forbidden"),
                            QStringLiteral("this account owns no merchant"));
    std::optional<DynamicQr> qr;
    if (!dynamicQr(qrId, &qr))
        return databaseError(QStringLiteral("qr"));
    if (!qr || qr->merchantId != merchant->id)
        return Reply::error(404, QStringLiteral("not_found"), QStringLiteral("no such code"));
    QJsonValue payment = QJsonValue::Null;
    if (!qr->paymentId.isEmpty()) {
        QList<View> views;
        if (!load(QStringLiteral("p.id = ?"), {qr->paymentId}, 1, &views))
            return databaseError(QStringLiteral("payment"));
        if (!views.isEmpty())
            payment = paymentJson(views.first(), caller.subject);
    }
    return Reply::json(
        {{QStringLiteral("qr_id"), qr->id},
         {QStringLiteral("amount"), qr->amount},
         {QStringLiteral("state"), qrStateOf(*qr, QDateTime::currentMSecsSinceEpoch())},
         {QStringLiteral("payment"), payment}});
}

// --- bank notifications ----------------------------------------------------------------------

Reply PaymentService::bankNotify(QByteArrayView timestamp, QByteArrayView signature,
                                 const QByteArray &body)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    switch (m_bank->verifyNotification(timestamp, signature, body, nowMs / 1000)) {
    case BankLink::Verification::Valid:
        break;
    case BankLink::Verification::Stale:
        return Reply::error(401, QStringLiteral("unauthorized"),
                            QStringLiteral("the notification's timestamp is too old or too new"));
    case BankLink::Verification::BadSignature:
        return Reply::error(401, QStringLiteral("unauthorized"),
                            QStringLiteral("the notification's signature is not valid"));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject n = document.object();
    auto bad = [](const QString &why) {
        return Reply::error(400, QStringLiteral("invalid_request"), why);
    };
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return bad(QStringLiteral("the body must be a JSON object"));
    auto text = [&n](const char *name) { return n.value(QLatin1String(name)).toString(); };
    auto control = [](const QString &s) {
        return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x20; });
    };
    const QString txnId = text("transaction_id");
    const QString bin = text("bin");
    const QString account = text("account");
    const QString description = text("description");
    const QString payerName = text("payer_name").simplified();
    static const QRegularExpression binPattern(QStringLiteral("^[0-9]{6}$"));
    static const QRegularExpression accountPattern(QStringLiteral("^[0-9A-Za-z]{1,19}$"));
    if (txnId.isEmpty() || txnId.size() > 100 || control(txnId))
        return bad(QStringLiteral("transaction_id must be a string of 1 to 100 characters"));
    if (!binPattern.match(bin).hasMatch() || !accountPattern.match(account).hasMatch())
        return bad(QStringLiteral("bin must be 6 digits and account 1 to 19 letters or digits"));
    const QJsonValue amountValue = n.value(QLatin1String("amount"));
    const double amountNumber = amountValue.toDouble(-1);
    if (!amountValue.isDouble() || amountNumber < 1 || amountNumber > double(vietqr::MaxAmount) ||
        amountNumber != double(qint64(amountNumber)))
        return bad(QStringLiteral("amount must be a positive integer number of VND"));
    if (!n.value(QLatin1String("description")).isUndefined() &&
        !n.value(QLatin1String("description")).isString())
        return bad(QStringLiteral("description must be a string"));
    if (description.size() > 500 || control(description) || payerName.size() > 140 ||
        control(payerName))
        return bad(QStringLiteral("description or payer_name is too long or holds control "
                                  "characters"));
    if (!QDateTime::fromString(text("booked_at"), Qt::ISODate).isValid())
        return bad(QStringLiteral("booked_at must be an ISO 8601 time"));
    const qint64 amount = qint64(amountNumber);

    auto duplicate = [&]() -> Reply {
        m_db.rollback();
        QSqlQuery query(m_db.connection());
        if (!m_db.exec(query, QStringLiteral("SELECT id FROM payments WHERE bank_txn_id = ?"),
                       {txnId}) ||
            !query.next())
            return Reply::error(500, QStringLiteral("internal_error"),
                                QStringLiteral("the notification could not be stored; send it "
                                               "again"));
        return Reply::json({{QStringLiteral("status"), QStringLiteral("duplicate")},
                            {QStringLiteral("payment_id"), query.value(0).toString()}});
    };
    if (!m_db.begin())
        return databaseError(QStringLiteral("begin"));
    QSqlQuery seen(m_db.connection());
    if (!m_db.exec(seen, QStringLiteral("SELECT id FROM payments WHERE bank_txn_id = ?"), {txnId}))
        return databaseError(QStringLiteral("notification"));
    if (seen.next())
        return duplicate();
    std::optional<Merchant> merchant;
    if (!merchantWhere(QStringLiteral("bank_bin = ? AND account = ?"), {bin, account}, &merchant))
        return databaseError(QStringLiteral("merchant"));
    if (!merchant) {
        m_db.rollback();
        return Reply::error(404, QStringLiteral("unknown_beneficiary"),
                            QStringLiteral("no merchant of this gateway has this account"));
    }
    View v;
    v.id = newId(QStringLiteral("pay_"), 16);
    v.reference = newId(QStringLiteral("HS"), 6);
    v.kind = QStringLiteral("bank_transfer");
    v.payerName = payerName;
    v.merchantId = merchant->id;
    v.beneficiaryName = merchant->name;
    v.category = merchant->category;
    v.bin = bin;
    v.account = account;
    v.amount = amount;
    v.purpose = description.simplified();
    v.createdAt = nowMs;
    // A description naming an open code of this merchant (for its amount) pays that code.
    static const QRegularExpression qrIdPattern(QStringLiteral("QR[2-9A-HJ-NP-Z]{10}"));
    auto matches = qrIdPattern.globalMatch(description.toUpper());
    while (matches.hasNext() && v.qrId.isEmpty()) {
        std::optional<DynamicQr> qr;
        if (!dynamicQr(matches.next().captured(0), &qr))
            return databaseError(QStringLiteral("qr"));
        if (qr && qr->merchantId == merchant->id && qr->amount == amount &&
            qrStateOf(*qr, nowMs) == u"open")
            v.qrId = qr->id;
    }
    // The payment row first: a concurrent copy of this notification waits on its unique
    // bank_txn_id, then finds it.
    if (!insertPayment(v, txnId, QByteArray()))
        return duplicate();
    if (!v.qrId.isEmpty()) {
        QSqlQuery mark(m_db.connection());
        if (!m_db.exec(mark,
                       QStringLiteral("UPDATE merchant_qr SET status = 'paid', payment_id = ? "
                                      "WHERE id = ? AND status = 'open'"),
                       {v.id, v.qrId}))
            return databaseError(QStringLiteral("qr"));
        if (mark.numRowsAffected() != 1 &&
            !m_db.exec(QStringLiteral("UPDATE payments SET qr_id = NULL WHERE id = ?"), {v.id}))
            return databaseError(QStringLiteral("qr"));
        if (mark.numRowsAffected() != 1)
            v.qrId.clear();
    }
    if (Ledger::post(
            m_db,
            {{v.id, Ledger::clearingAccount(), -amount}, {v.id, merchant->ledgerAccount, amount}},
            nowMs) != Ledger::Result::Ok)
        return databaseError(QStringLiteral("ledger"));
    if (!publishReceived(merchant->ownerId, v))
        return databaseError(QStringLiteral("push"));
    if (!m_db.commit())
        return duplicate();
    qCInfo(lcServer).noquote() << "bank notification recorded as payment" << v.id;
    return Reply::json({{QStringLiteral("status"), QStringLiteral("recorded")},
                        {QStringLiteral("payment_id"), v.id}});
}

} // namespace hues::server::payments
