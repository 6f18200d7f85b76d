#include "PaymentStore.h"

#include "logging.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace payments {

namespace {

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qCWarning(lcStore) << "payments:" << what << "failed:" << q.lastError().text();
    return false;
}

PaymentAttempt attemptFrom(const QSqlQuery &q)
{
    PaymentAttempt a;
    a.id = q.value(0).toString();
    a.account = q.value(1).toString();
    a.server = q.value(2).toString();
    a.path = q.value(3).toString();
    a.body = q.value(4).toByteArray();
    a.state = q.value(5).toString();
    a.errorCode = q.value(6).toString();
    const QString ids = q.value(7).toString();
    a.paymentIds = ids.isEmpty() ? QStringList() : ids.split(QLatin1Char(','));
    a.display = QJsonDocument::fromJson(q.value(8).toByteArray()).object();
    a.createdAt = q.value(9).toLongLong();
    return a;
}

const char *kAttemptColumns = "id, account, server, path, body, state, error_code, payment_ids, "
                              "display, created_at";

} // namespace

PaymentStore::PaymentStore(store::Database *database) : m_database(database) {}

bool PaymentStore::isOpen() const
{
    return m_database && m_database->isOpen();
}

QString PaymentStore::foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0111) || c == QChar(0x0110)) // đ Đ
            out += QLatin1Char('d');
        else
            out += c.toLower();
    }
    return out;
}

bool PaymentStore::insertAttempt(const PaymentAttempt &a)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO payment_attempts (id, account, server, path, body, "
                             "state, error_code, payment_ids, display, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    q.addBindValue(a.id);
    q.addBindValue(a.account);
    q.addBindValue(a.server);
    q.addBindValue(a.path);
    q.addBindValue(a.body);
    q.addBindValue(a.state.isEmpty() ? QStringLiteral("sending") : a.state);
    q.addBindValue(QJsonDocument(a.display).toJson(QJsonDocument::Compact));
    q.addBindValue(a.createdAt > 0 ? a.createdAt : now);
    q.addBindValue(now);
    return run(q, "recording an attempt");
}

bool PaymentStore::finishAttempt(const QString &id, const QString &state, const QString &errorCode,
                                 const QStringList &paymentIds)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE payment_attempts SET state = ?, error_code = ?, "
                             "payment_ids = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(errorCode.isEmpty() ? QVariant() : QVariant(errorCode));
    q.addBindValue(paymentIds.join(QLatin1Char(',')));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    return run(q, "recording an attempt's outcome") && q.numRowsAffected() == 1;
}

std::optional<PaymentAttempt> PaymentStore::attempt(const QString &id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM payment_attempts WHERE id = ?")
                  .arg(QLatin1String(kAttemptColumns)));
    q.addBindValue(id);
    if (!run(q, "reading an attempt") || !q.next())
        return std::nullopt;
    return attemptFrom(q);
}

QList<PaymentAttempt> PaymentStore::unresolved(const QString &account, const QString &server) const
{
    QList<PaymentAttempt> list;
    if (!isOpen())
        return list;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM payment_attempts WHERE state = 'sending' AND "
                             "account = ? AND server = ? ORDER BY created_at")
                  .arg(QLatin1String(kAttemptColumns)));
    q.addBindValue(account);
    q.addBindValue(server);
    if (!run(q, "listing unresolved attempts"))
        return list;
    while (q.next())
        list.append(attemptFrom(q));
    return list;
}

void PaymentStore::cacheReceipts(const QString &account, const QString &server,
                                 const QList<QJsonObject> &payments)
{
    if (!isOpen() || payments.isEmpty())
        return;
    QSqlDatabase db = m_database->connection();
    const bool transaction = db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO payment_receipts (server, account, "
                             "payment_id, created_at, direction, category, search, payment) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    // The server's times have whole seconds; it orders payments of one second by their
    // milliseconds. Given newest first, payments of one second get decreasing sub-second
    // keys, so the cache lists them in the server's order (a lone one counts as the newest).
    qint64 runSecond = -1;
    int runIndex = 0;
    for (const QJsonObject &p : payments) {
        const QString id = p.value(QLatin1String("payment_id")).toString();
        if (id.isEmpty())
            continue;
        const QJsonObject merchant = p.value(QLatin1String("merchant")).toObject();
        const QString search = foldForSearch(QStringList{
            merchant.value(QLatin1String("name")).toString(),
            p.value(QLatin1String("purpose")).toString(),
            p.value(QLatin1String("reference")).toString(),
            p.value(QLatin1String("payer")).toObject().value(QLatin1String("name")).toString()}
                                                 .join(QLatin1Char('\n')));
        const QDateTime created = QDateTime::fromString(
            p.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
        q.addBindValue(server);
        q.addBindValue(account);
        q.addBindValue(id);
        const qint64 second = created.isValid() ? created.toSecsSinceEpoch() : 0;
        runIndex = second == runSecond ? runIndex + 1 : 0;
        runSecond = second;
        q.addBindValue(second * 1000 + qMax(0, 999 - runIndex));
        q.addBindValue(p.value(QLatin1String("direction")).toString());
        q.addBindValue(merchant.value(QLatin1String("category")).toString());
        q.addBindValue(search);
        q.addBindValue(QJsonDocument(p).toJson(QJsonDocument::Compact));
        run(q, "caching a receipt");
    }
    if (transaction && !db.commit()) {
        qCWarning(lcStore) << "payments: cannot cache receipts:" << db.lastError().text();
        db.rollback();
    }
}

void PaymentStore::forgetReceipts(const QString &account)
{
    if (!isOpen())
        return;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM payment_receipts WHERE account = ?"));
    q.addBindValue(account);
    run(q, "forgetting receipts");
}

std::optional<QJsonObject> PaymentStore::receipt(const QString &account, const QString &server,
                                                 const QString &paymentId) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT payment FROM payment_receipts WHERE server = ? AND "
                             "account = ? AND payment_id = ?"));
    q.addBindValue(server);
    q.addBindValue(account);
    q.addBindValue(paymentId);
    if (!run(q, "reading a receipt") || !q.next())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray());
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QList<QJsonObject> PaymentStore::receipts(const QString &account, const QString &server,
                                          const QString &search, const QString &direction,
                                          const QString &category, int limit) const
{
    QList<QJsonObject> list;
    if (!isOpen())
        return list;
    QString sql = QStringLiteral("SELECT payment FROM payment_receipts WHERE server = ? AND "
                                 "account = ?");
    QVariantList binds{server, account};
    if (!direction.isEmpty()) {
        sql += QStringLiteral(" AND direction = ?");
        binds << direction;
    }
    if (!category.isEmpty()) {
        sql += QStringLiteral(" AND category = ?");
        binds << category;
    }
    const QString folded = foldForSearch(search.trimmed());
    if (!folded.isEmpty()) {
        // instr(): no LIKE wildcards to escape in what the user typed.
        sql += QStringLiteral(" AND instr(search, ?) > 0");
        binds << folded;
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, payment_id DESC LIMIT ?");
    binds << qMax(1, limit);
    QSqlQuery q(m_database->connection());
    q.prepare(sql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!run(q, "listing receipts"))
        return list;
    while (q.next()) {
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray());
        if (doc.isObject())
            list.append(doc.object());
    }
    return list;
}

bool PaymentStore::saveCode(const QString &account, const QString &server, const SavedCode &code)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO saved_bill_codes (server, account, provider_id, "
                             "customer_code, provider_name, label, created_at) VALUES (?, ?, ?, "
                             "?, ?, ?, ?) ON CONFLICT (server, account, provider_id, "
                             "customer_code) DO UPDATE SET provider_name = excluded.provider_name, "
                             "label = excluded.label"));
    q.addBindValue(server);
    q.addBindValue(account);
    q.addBindValue(code.providerId);
    q.addBindValue(code.customerCode);
    q.addBindValue(code.providerName);
    q.addBindValue(code.label);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return run(q, "saving a customer code");
}

void PaymentStore::removeCode(const QString &account, const QString &server,
                              const QString &providerId, const QString &customerCode)
{
    if (!isOpen())
        return;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM saved_bill_codes WHERE server = ? AND account = ? AND "
                             "provider_id = ? AND customer_code = ?"));
    q.addBindValue(server);
    q.addBindValue(account);
    q.addBindValue(providerId);
    q.addBindValue(customerCode);
    run(q, "removing a customer code");
}

QList<PaymentStore::SavedCode> PaymentStore::savedCodes(const QString &account,
                                                        const QString &server) const
{
    QList<SavedCode> list;
    if (!isOpen())
        return list;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT provider_id, provider_name, customer_code, label FROM "
                             "saved_bill_codes WHERE server = ? AND account = ? ORDER BY "
                             "created_at, provider_id, customer_code"));
    q.addBindValue(server);
    q.addBindValue(account);
    if (!run(q, "listing customer codes"))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString()});
    return list;
}

void PaymentStore::writeCache(const QString &key, const QByteArray &value)
{
    if (!isOpen())
        return;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO kv_cache (key, value, updated_at) VALUES (?, ?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    run(q, "caching");
}

std::optional<QByteArray> PaymentStore::readCache(const QString &key) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT value FROM kv_cache WHERE key = ?"));
    q.addBindValue(key);
    if (!run(q, "reading the cache") || !q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

} // namespace payments
