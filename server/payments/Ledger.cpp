#include "payments/Ledger.h"

#include "db/Database.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace hues::server::payments {

Ledger::Result Ledger::post(Database &db, QList<Posting> postings, qint64 atMs)
{
    QHash<QString, qint64> sums;
    QHash<QString, int> seqs;
    for (const Posting &p : postings) {
        if (p.amount == 0 || p.txnId.isEmpty())
            return Result::Unbalanced;
        sums[p.txnId] += p.amount;
    }
    if (postings.size() < 2 ||
        std::any_of(sums.cbegin(), sums.cend(), [](qint64 sum) { return sum != 0; }))
        return Result::Unbalanced;
    std::stable_sort(postings.begin(), postings.end(),
                     [](const Posting &a, const Posting &b) { return a.account < b.account; });
    for (const Posting &p : postings) {
        QSqlQuery update(db.connection());
        // READ COMMITTED (PostgreSQL) re-checks the WHERE on the locked row after waiting for
        // a concurrent writer: the balance tested is the one being changed.
        if (!db.exec(update,
                     QStringLiteral("UPDATE ledger_accounts SET balance = balance + ? WHERE id = "
                                    "? AND (kind IN ('clearing', 'funding') OR balance + ? >= 0)"),
                     {p.amount, p.account, p.amount}))
            return Result::DatabaseError;
        if (update.numRowsAffected() != 1)
            return p.amount < 0 ? Result::InsufficientFunds : Result::DatabaseError;
        if (!db.exec(QStringLiteral("INSERT INTO ledger_entries (txn_id, seq, account_id, amount, "
                                    "created_at) VALUES (?, ?, ?, ?, ?)"),
                     {p.txnId, seqs[p.txnId]++, p.account, p.amount, atMs}))
            return Result::DatabaseError;
    }
    return Result::Ok;
}

bool Ledger::ensureAccount(Database &db, const QString &id, const QString &kind, qint64 atMs)
{
    return db.exec(QStringLiteral("INSERT INTO ledger_accounts (id, kind, balance, created_at) "
                                  "VALUES (?, ?, 0, ?) ON CONFLICT (id) DO NOTHING"),
                   {id, kind, atMs});
}

} // namespace hues::server::payments
