#include "Outbox.h"

#include "Database.h"
#include "logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace store {

namespace {

const QString kColumns = QStringLiteral(
    "o.id, o.kind, o.idempotency_key, o.payload, o.state, o.attempts, o.last_error, "
    "o.created_at, o.updated_at, o.next_attempt_at, o.account, o.server, o.remote_id, "
    "o.response, (SELECT COUNT(*) FROM outbox_attachments a WHERE a.outbox_id = o.id), "
    "(SELECT COALESCE(SUM(LENGTH(a.bytes)), 0) FROM outbox_attachments a WHERE a.outbox_id = "
    "o.id)");

// SQLite gets NULL for a null QString: the anonymous account is '', never NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue jsonFromBlob(const QByteArray &blob)
{
    const QJsonDocument doc = QJsonDocument::fromJson(blob);
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return QJsonValue::Null;
}

QByteArray blobFromJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return {};
}

OutboxItem readItem(const QSqlQuery &q)
{
    OutboxItem item;
    item.id = q.value(0).toString();
    item.kind = q.value(1).toString();
    item.idempotencyKey = q.value(2).toString().toLatin1();
    item.payload = jsonFromBlob(q.value(3).toByteArray()).toObject();
    // A state this version does not know is shown as failed: it is never sent by mistake.
    item.state =
        OutboxItem::stateFromName(q.value(4).toString()).value_or(OutboxItem::State::Failed);
    item.attempts = q.value(5).toInt();
    item.lastError = q.value(6).toString();
    item.createdAt = q.value(7).toLongLong();
    item.updatedAt = q.value(8).toLongLong();
    item.nextAttemptAt = q.value(9).toLongLong();
    item.account = q.value(10).toString();
    item.server = q.value(11).toString();
    item.remoteId = q.value(12).toString();
    item.response = jsonFromBlob(q.value(13).toByteArray());
    item.attachmentCount = q.value(14).toInt();
    item.attachmentBytes = q.value(15).toLongLong();
    return item;
}

// The WHERE conditions of a filter (joined with AND, on alias o) and their values.
QString whereOf(const OutboxFilter &filter, QVariantList *values)
{
    QStringList conditions;
    auto in = [&conditions, values](const QString &column, const QStringList &list) {
        if (list.isEmpty()) {
            conditions << QStringLiteral("0");
            return;
        }
        QStringList marks;
        for (const QString &v : list) {
            marks << QStringLiteral("?");
            values->append(text(v));
        }
        conditions << QStringLiteral("%1 IN (%2)").arg(column, marks.join(QLatin1Char(',')));
    };
    if (!filter.kinds.isEmpty())
        in(QStringLiteral("o.kind"), filter.kinds);
    if (filter.accounts)
        in(QStringLiteral("o.account"), *filter.accounts);
    if (!filter.server.isEmpty()) {
        conditions << QStringLiteral("o.server = ?");
        values->append(filter.server);
    }
    if (!filter.states.isEmpty()) {
        QStringList names;
        for (OutboxItem::State s : filter.states)
            names << OutboxItem::stateName(s);
        in(QStringLiteral("o.state"), names);
    }
    return conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QStringLiteral(" AND "));
}

bool execPrepared(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QString OutboxItem::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Sending:
        return QStringLiteral("sending");
    case State::Waiting:
        return QStringLiteral("waiting");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<OutboxItem::State> OutboxItem::stateFromName(const QString &name)
{
    for (State s : {State::Pending, State::Sending, State::Waiting, State::Sent, State::Failed}) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

Outbox::Outbox(Database &db, QObject *parent) : QObject(parent), m_db(db) {}

QString Outbox::databasePath() const
{
    return m_db.path();
}

QByteArray Outbox::newIdempotencyKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString Outbox::enqueue(const QString &kind, const QJsonObject &payload,
                        const QList<OutboxAttachment> &attachments, const QString &account,
                        const QString &server)
{
    m_error.clear();
    QSqlDatabase db = m_db.connection();
    if (!db.isOpen()) {
        m_error = QStringLiteral("the local database is not open");
        return {};
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = nowMs();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return {};
    }
    QSqlQuery q(db);
    bool ok = execPrepared(
        q,
        QStringLiteral("INSERT INTO outbox (id, kind, idempotency_key, payload, state, attempts, "
                       "created_at, updated_at, next_attempt_at, account, server) VALUES (?, ?, "
                       "?, ?, 'pending', 0, ?, ?, 0, ?, ?)"),
        {id, kind, QString::fromLatin1(newIdempotencyKey()),
         QJsonDocument(payload).toJson(QJsonDocument::Compact), now, now, text(account),
         text(server)},
        &m_error);
    for (int i = 0; ok && i < attachments.size(); ++i) {
        ok = execPrepared(q,
                          QStringLiteral("INSERT INTO outbox_attachments (outbox_id, ordinal, "
                                         "mime, bytes) VALUES (?, ?, ?, ?)"),
                          {id, i, attachments.at(i).mime, attachments.at(i).bytes}, &m_error);
    }
    if (!ok || !db.commit()) {
        if (m_error.isEmpty())
            m_error = db.lastError().text();
        db.rollback();
        qCWarning(lcStore) << "outbox: cannot enqueue" << kind << ":" << m_error;
        return {};
    }
    qCInfo(lcStore) << "outbox: queued" << kind << id << "with" << attachments.size()
                    << "attachments";
    Q_EMIT itemAdded(id);
    return id;
}

QList<OutboxItem> Outbox::items(const OutboxFilter &filter) const
{
    QVariantList values;
    const QString where = whereOf(filter, &values);
    QSqlQuery q(m_db.connection());
    QString error;
    QList<OutboxItem> list;
    if (!execPrepared(q,
                      QStringLiteral("SELECT %1 FROM outbox o WHERE %2 ORDER BY o.created_at, "
                                     "o.rowid")
                          .arg(kColumns, where),
                      values, &error)) {
        qCWarning(lcStore) << "outbox: cannot list items:" << error;
        return list;
    }
    while (q.next())
        list.append(readItem(q));
    return list;
}

std::optional<OutboxItem> Outbox::item(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    QString error;
    if (!execPrepared(q, QStringLiteral("SELECT %1 FROM outbox o WHERE o.id = ?").arg(kColumns),
                      {id}, &error) ||
        !q.next())
        return std::nullopt;
    return readItem(q);
}

QList<OutboxAttachment> Outbox::attachments(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    QString error;
    QList<OutboxAttachment> list;
    if (!execPrepared(q,
                      QStringLiteral("SELECT mime, bytes FROM outbox_attachments WHERE "
                                     "outbox_id = ? ORDER BY ordinal"),
                      {id}, &error)) {
        qCWarning(lcStore) << "outbox: cannot read attachments:" << error;
        return list;
    }
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toByteArray()});
    return list;
}

std::optional<OutboxItem> Outbox::claimWhere(const QString &condition, const QVariantList &values)
{
    m_error.clear();
    // Pick a candidate, then take it with a conditional UPDATE: if another process took it
    // in between, no row changes and the next candidate is tried.
    for (int round = 0; round < 100; ++round) {
        QSqlQuery pick(m_db.connection());
        if (!execPrepared(pick,
                          QStringLiteral("SELECT o.id FROM outbox o WHERE o.state IN ('pending', "
                                         "'waiting') AND %1 ORDER BY o.created_at, o.rowid "
                                         "LIMIT 1")
                              .arg(condition),
                          values, &m_error))
            break;
        if (!pick.next())
            return std::nullopt;
        const QString id = pick.value(0).toString();
        pick.finish();
        QSqlQuery take(m_db.connection());
        if (!execPrepared(take,
                          QStringLiteral("UPDATE outbox SET state = 'sending', attempts = "
                                         "attempts + 1, updated_at = ? WHERE id = ? AND state "
                                         "IN ('pending', 'waiting')"),
                          {nowMs(), id}, &m_error))
            break;
        if (take.numRowsAffected() == 1) {
            Q_EMIT itemChanged(id);
            return item(id);
        }
    }
    if (!m_error.isEmpty())
        qCWarning(lcStore) << "outbox: cannot claim an item:" << m_error;
    return std::nullopt;
}

std::optional<OutboxItem> Outbox::claimNextDue(qint64 nowMs, const OutboxFilter &filter)
{
    QVariantList values;
    const QString where = whereOf(filter, &values);
    values.append(nowMs);
    return claimWhere(where + QStringLiteral(" AND o.next_attempt_at <= ?"), values);
}

std::optional<OutboxItem> Outbox::claim(const QString &id)
{
    return claimWhere(QStringLiteral("o.id = ?"), {id});
}

std::optional<qint64> Outbox::nextDueAt(const OutboxFilter &filter) const
{
    QVariantList values;
    const QString where = whereOf(filter, &values);
    QSqlQuery q(m_db.connection());
    QString error;
    if (!execPrepared(q,
                      QStringLiteral("SELECT MIN(o.next_attempt_at) FROM outbox o WHERE o.state "
                                     "IN ('pending', 'waiting') AND %1")
                          .arg(where),
                      values, &error) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool Outbox::transition(const QString &id, const QString &sql, const QVariantList &values)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    if (!execPrepared(q, sql, values, &m_error)) {
        qCWarning(lcStore) << "outbox: cannot update" << id << ":" << m_error;
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = QStringLiteral("the outbox item %1 is not in a state that allows this").arg(id);
        return false;
    }
    Q_EMIT itemChanged(id);
    return true;
}

bool Outbox::markSent(const QString &id, const QString &remoteId, const QJsonValue &response)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = 'sent', remote_id = ?, response = "
                                     "?, last_error = NULL, updated_at = ? WHERE id = ? AND "
                                     "state = 'sending'"),
                      {text(remoteId), blobFromJson(response), nowMs(), id});
}

bool Outbox::markRetry(const QString &id, const QString &error, qint64 nextAttemptAtMs)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = 'waiting', last_error = ?, "
                                     "next_attempt_at = ?, updated_at = ? WHERE id = ? AND state "
                                     "= 'sending'"),
                      {text(error), nextAttemptAtMs, nowMs(), id});
}

bool Outbox::markFailed(const QString &id, const QString &reason)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = 'failed', last_error = ?, "
                                     "updated_at = ? WHERE id = ? AND state = 'sending'"),
                      {text(reason), nowMs(), id});
}

bool Outbox::retryNow(const QString &id)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = 'pending', next_attempt_at = 0, "
                                     "updated_at = ? WHERE id = ? AND state IN ('failed', "
                                     "'waiting', 'pending')"),
                      {nowMs(), id});
}

bool Outbox::remove(const QString &id)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    // The attachments go with the item (ON DELETE CASCADE, foreign_keys=ON).
    if (!execPrepared(q,
                      QStringLiteral("DELETE FROM outbox WHERE id = ? AND state IN ('pending', "
                                     "'waiting', 'failed')"),
                      {id}, &m_error)) {
        qCWarning(lcStore) << "outbox: cannot remove" << id << ":" << m_error;
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_error = QStringLiteral("the outbox item %1 cannot be removed now").arg(id);
        return false;
    }
    Q_EMIT itemRemoved(id);
    return true;
}

int Outbox::recoverInterrupted()
{
    m_error.clear();
    QSqlQuery find(m_db.connection());
    QStringList ids;
    if (execPrepared(find, QStringLiteral("SELECT id FROM outbox WHERE state = 'sending'"), {},
                     &m_error)) {
        while (find.next())
            ids << find.value(0).toString();
    }
    int recovered = 0;
    for (const QString &id : std::as_const(ids)) {
        QSqlQuery q(m_db.connection());
        if (execPrepared(q,
                         QStringLiteral("UPDATE outbox SET state = 'pending', next_attempt_at = "
                                        "0, updated_at = ? WHERE id = ? AND state = 'sending'"),
                         {nowMs(), id}, &m_error) &&
            q.numRowsAffected() == 1) {
            ++recovered;
            Q_EMIT itemChanged(id);
        }
    }
    if (recovered)
        qCInfo(lcStore) << "outbox:" << recovered << "interrupted sends will be tried again";
    return recovered;
}

} // namespace store
