#pragma once

#include <QList>
#include <QString>

namespace hues::server {
class Database;
} // namespace hues::server

namespace hues::server::payments {

// One line of a ledger transaction: an amount (VND) added to (credit, > 0) or taken from
// (debit, < 0) a ledger account.
struct Posting
{
    QString txnId; // the ledger transaction (a payment id, or seed-...)
    QString account;
    qint64 amount = 0;
};

// The double-entry ledger (tables ledger_accounts and ledger_entries). Every transaction's
// entries sum to zero; wallets and merchant accounts never go below zero (the UPDATE's WHERE,
// and a CHECK constraint behind it); clearing and funding accounts may. Call inside an open
// database transaction.
class Ledger
{
public:
    // Ids of the gateway's own accounts.
    static QString clearingAccount() { return QStringLiteral("sys-clearing"); }
    static QString fundingAccount() { return QStringLiteral("sys-funding"); }
    static QString walletAccount(const QString &accountId) { return "wal-" + accountId; }
    static QString merchantAccount(const QString &merchantId) { return "mer-" + merchantId; }

    enum class Result { Ok, InsufficientFunds, Unbalanced, DatabaseError };
    // Applies the postings of one or more ledger transactions (each summing to zero) at time
    // atMs. Call it once per database transaction: rows are updated in account id order, so
    // concurrent transactions on PostgreSQL never wait for each other in a cycle.
    // InsufficientFunds: a wallet or merchant account would go below zero (the caller rolls
    // back; some rows may be changed already).
    static Result post(Database &db, QList<Posting> postings, qint64 atMs);

    // Creates a ledger account when it does not exist yet (kind wallet | merchant | clearing |
    // funding). False on a database error.
    static bool ensureAccount(Database &db, const QString &id, const QString &kind, qint64 atMs);
};

} // namespace hues::server::payments
