#include "store/Database.h"
#include "store/Outbox.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using store::Database;
using store::Outbox;
using store::OutboxAttachment;
using store::OutboxFilter;
using store::OutboxItem;
using State = store::OutboxItem::State;

namespace {

const QString kServer = QStringLiteral("http://127.0.0.1:8080");

QJsonObject report(const QString &text)
{
    return {{QStringLiteral("service_code"), QStringLiteral("pothole")},
            {QStringLiteral("lat"), 16.4637},
            {QStringLiteral("long"), 107.5909},
            {QStringLiteral("description"), text}};
}

QList<OutboxAttachment> photos(int n)
{
    QList<OutboxAttachment> list;
    for (int i = 0; i < n; ++i)
        list.append({QStringLiteral("image/jpeg"), QByteArray(1000 + i, char('a' + i))});
    return list;
}

int count(const Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next() ? q.value(0).toInt()
                                                                               : -1;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QCOMPARE(m_db->open(path()), Database::OpenStatus::Opened);
        m_outbox = std::make_unique<Outbox>(*m_db);
    }
    void cleanup()
    {
        m_outbox.reset();
        m_db.reset();
    }

    void enqueueWritesItemAndAttachments()
    {
        QSignalSpy added(m_outbox.get(), &Outbox::itemAdded);
        const QString id =
            m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("ổ gà")), photos(3),
                              QStringLiteral("alice"), kServer);
        QVERIFY2(!id.isEmpty(), qPrintable(m_outbox->errorString()));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).at(0).toString(), id);

        const auto item = m_outbox->item(id);
        QVERIFY(item);
        QCOMPARE(item->kind, QStringLiteral("report"));
        QCOMPARE(item->state, State::Pending);
        QCOMPARE(item->attempts, 0);
        QCOMPARE(item->account, QStringLiteral("alice"));
        QCOMPARE(item->server, kServer);
        QCOMPARE(item->payload, report(QStringLiteral("ổ gà")));
        QCOMPARE(item->attachmentCount, 3);
        QCOMPARE(item->attachmentBytes, qint64(1000 + 1001 + 1002));
        QVERIFY(item->remoteId.isEmpty());
        QVERIFY(item->createdAt > 1'600'000'000'000); // milliseconds
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{22}$"))
                    .match(QString::fromLatin1(item->idempotencyKey))
                    .hasMatch());
        QCOMPARE(m_outbox->attachments(id), photos(3));
    }

    void idempotencyKeysAreFresh()
    {
        QSet<QByteArray> keys;
        for (int i = 0; i < 50; ++i) {
            const QString id = m_outbox->enqueue(QStringLiteral("report"),
                                                 report(QString::number(i)), {}, {}, kServer);
            QVERIFY(!id.isEmpty());
            keys.insert(m_outbox->item(id)->idempotencyKey);
        }
        QCOMPARE(keys.size(), 50);
    }

    void enqueueIsAtomic()
    {
        // The third photo cannot be written: neither the item nor its first photos remain.
        QSqlQuery q(m_db->connection());
        QVERIFY2(q.exec(QStringLiteral(
                     "CREATE TEMP TRIGGER fail_third AFTER INSERT ON outbox_attachments WHEN "
                     "NEW.ordinal = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END")),
                 qPrintable(q.lastError().text()));
        QSignalSpy added(m_outbox.get(), &Outbox::itemAdded);
        const QString id = m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("x")),
                                             photos(3), {}, kServer);
        QVERIFY(id.isEmpty());
        QVERIFY2(m_outbox->errorString().contains(QLatin1String("disk full")),
                 qPrintable(m_outbox->errorString()));
        QCOMPARE(added.size(), 0);
        QCOMPARE(count(*m_db, QStringLiteral("outbox")), 0);
        QCOMPARE(count(*m_db, QStringLiteral("outbox_attachments")), 0);
        // Two photos pass the trigger.
        QVERIFY(!m_outbox
                     ->enqueue(QStringLiteral("report"), report(QStringLiteral("y")), photos(2), {},
                               kServer)
                     .isEmpty());
        QCOMPARE(count(*m_db, QStringLiteral("outbox")), 1);
        QCOMPARE(count(*m_db, QStringLiteral("outbox_attachments")), 2);
    }

    void lifecycle()
    {
        const QString id = m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("a")),
                                             photos(1), {}, kServer);
        QSignalSpy changed(m_outbox.get(), &Outbox::itemChanged);
        // Not yet sending: outcomes are refused.
        QVERIFY(!m_outbox->markSent(id, QStringLiteral("1"), {}));
        QVERIFY(!m_outbox->markRetry(id, QStringLiteral("x"), 0));
        QVERIFY(!m_outbox->markFailed(id, QStringLiteral("x")));
        QCOMPARE(changed.size(), 0);

        auto claimed = m_outbox->claimNextDue(1000);
        QVERIFY(claimed);
        QCOMPARE(claimed->id, id);
        QCOMPARE(claimed->state, State::Sending);
        QCOMPARE(claimed->attempts, 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!m_outbox->claimNextDue(1000)); // claimed once
        QVERIFY(!m_outbox->remove(id));         // not while sending

        QVERIFY(m_outbox->markRetry(id, QStringLiteral("offline"), 50'000));
        auto item = m_outbox->item(id);
        QCOMPARE(item->state, State::Waiting);
        QCOMPARE(item->lastError, QStringLiteral("offline"));
        QCOMPARE(item->nextAttemptAt, qint64(50'000));
        QCOMPARE(m_outbox->nextDueAt(), std::optional<qint64>(50'000));
        QVERIFY(!m_outbox->claimNextDue(49'999)); // not due yet
        claimed = m_outbox->claimNextDue(50'000);
        QVERIFY(claimed);
        QCOMPARE(claimed->attempts, 2);

        const QJsonArray answer{
            QJsonObject{{QStringLiteral("service_request_id"), QStringLiteral("42")}}};
        QVERIFY(m_outbox->markSent(id, QStringLiteral("42"), answer));
        item = m_outbox->item(id);
        QCOMPARE(item->state, State::Sent);
        QCOMPARE(item->remoteId, QStringLiteral("42"));
        QCOMPARE(item->response, QJsonValue(answer));
        QVERIFY(item->lastError.isEmpty());
        QVERIFY(!m_outbox->nextDueAt());
        QVERIFY(!m_outbox->claimNextDue(std::numeric_limits<qint64>::max()));
        QVERIFY(!m_outbox->retryNow(id)); // sent stays sent
        QVERIFY(!m_outbox->remove(id));   // and is kept
        QCOMPARE(m_outbox->item(id)->state, State::Sent);
    }

    void failedItemRetriedOrRemoved()
    {
        const QString id = m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("a")),
                                             photos(2), {}, kServer);
        QVERIFY(m_outbox->claim(id));
        QVERIFY(m_outbox->markFailed(id, QStringLiteral("Unknown service code")));
        QCOMPARE(m_outbox->item(id)->state, State::Failed);
        QCOMPARE(m_outbox->item(id)->lastError, QStringLiteral("Unknown service code"));
        QVERIFY(!m_outbox->claimNextDue(std::numeric_limits<qint64>::max())); // never by itself
        QVERIFY(!m_outbox->claim(id));

        QVERIFY(m_outbox->retryNow(id));
        QCOMPARE(m_outbox->item(id)->state, State::Pending);
        QCOMPARE(m_outbox->claimNextDue(0)->id, id); // due at once
        QVERIFY(m_outbox->markFailed(id, QStringLiteral("again")));

        QSignalSpy removed(m_outbox.get(), &Outbox::itemRemoved);
        QVERIFY(m_outbox->remove(id));
        QCOMPARE(removed.size(), 1);
        QVERIFY(!m_outbox->item(id));
        QCOMPARE(count(*m_db, QStringLiteral("outbox_attachments")), 0); // went with it
        QVERIFY(!m_outbox->remove(id));
    }

    void claimsOldestFirstAndHonoursFilter()
    {
        const QString anon = m_outbox->enqueue(QStringLiteral("report"),
                                               report(QStringLiteral("1")), {}, QString(), kServer);
        const QString bob = m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("2")),
                                              {}, QStringLiteral("bob"), kServer);
        const QString alice =
            m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("3")), {},
                              QStringLiteral("alice"), kServer);
        const QString elsewhere =
            m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("4")), {},
                              QStringLiteral("alice"), QStringLiteral("https://other.example"));
        const QString booking =
            m_outbox->enqueue(QStringLiteral("booking"), {}, {}, QStringLiteral("alice"), kServer);
        OutboxFilter filter;
        filter.kinds = {QStringLiteral("report")};
        filter.accounts = QStringList{QString(), QStringLiteral("alice")};
        filter.server = kServer;
        QCOMPARE(m_outbox->items(filter).size(), 2);
        QCOMPARE(m_outbox->claimNextDue(0, filter)->id, anon);
        QCOMPARE(m_outbox->claimNextDue(0, filter)->id, alice);
        QVERIFY(!m_outbox->claimNextDue(0, filter)); // bob's, another server's, another kind
        for (const QString &id : {bob, elsewhere, booking})
            QCOMPARE(m_outbox->item(id)->state, State::Pending);

        // Anonymous only (signed out): the empty account.
        filter.accounts = QStringList{QString()};
        filter.server.clear();
        filter.kinds.clear();
        QVERIFY(!m_outbox->claimNextDue(0, filter));
        filter.accounts = QStringList{};
        QVERIFY(m_outbox->items(filter).isEmpty());

        OutboxFilter sending;
        sending.states = {State::Sending};
        QCOMPARE(m_outbox->items(sending).size(), 2);
        QCOMPARE(m_outbox->items().size(), 5);
        QCOMPARE(m_outbox->items().first().id, anon); // oldest first
    }

    void interruptedSendIsRecovered()
    {
        const QString id = m_outbox->enqueue(QStringLiteral("report"), report(QStringLiteral("a")),
                                             photos(1), {}, kServer);
        QVERIFY(m_outbox->claimNextDue(0));
        // The process dies here: nothing marks the item. A new process opens the store.
        m_outbox.reset();
        m_db.reset();
        m_db = std::make_unique<Database>();
        QCOMPARE(m_db->open(path()), Database::OpenStatus::Opened);
        m_outbox = std::make_unique<Outbox>(*m_db);
        QCOMPARE(m_outbox->item(id)->state, State::Sending);
        QSignalSpy changed(m_outbox.get(), &Outbox::itemChanged);
        QCOMPARE(m_outbox->recoverInterrupted(), 1);
        QCOMPARE(changed.size(), 1);
        const auto item = m_outbox->item(id);
        QCOMPARE(item->state, State::Pending);
        QCOMPARE(item->attempts, 1);
        QCOMPARE(m_outbox->claimNextDue(0)->idempotencyKey, item->idempotencyKey); // same key
        QCOMPARE(m_outbox->recoverInterrupted(), 1);
        QCOMPARE(m_outbox->recoverInterrupted(), 0);
    }

    void twoConnectionsClaimEachItemOnce()
    {
        for (int i = 0; i < 30; ++i)
            QVERIFY(!m_outbox
                         ->enqueue(QStringLiteral("report"), report(QString::number(i)), {}, {},
                                   kServer)
                         .isEmpty());
        Database other;
        QCOMPARE(other.open(path()), Database::OpenStatus::Opened);
        Outbox second(other);
        QSet<QString> claimed;
        int first = 0;
        int byOther = 0;
        for (int round = 0; round < 40; ++round) {
            Outbox &box = round % 3 == 0 ? second : *m_outbox;
            const auto item = box.claimNextDue(0);
            if (!item)
                continue;
            QVERIFY2(!claimed.contains(item->id), qPrintable(item->id));
            claimed.insert(item->id);
            (&box == &second ? byOther : first)++;
        }
        QCOMPARE(claimed.size(), 30);
        QVERIFY(first > 0 && byOther > 0);
    }

    void migratesVersion1Database()
    {
        m_outbox.reset();
        m_db.reset();
        const QString v1 = m_dir->filePath(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(v1);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT "
                                          "NULL, applied_at INTEGER NOT NULL)")));
            for (const QString &sql : Database::migrations().constFirst().statements)
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (1, 1700000000)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO outbox (id, kind, idempotency_key, payload, created_at) VALUES "
                "('old', 'report', 'key-old', '{\"description\":\"cũ\"}', 1700000000)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        Database db;
        QCOMPARE(db.open(v1), Database::OpenStatus::Opened);
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        Outbox outbox(db);
        const auto item = outbox.item(QStringLiteral("old"));
        QVERIFY(item);
        QCOMPARE(item->state, State::Pending);
        QCOMPARE(item->createdAt, qint64(1'700'000'000'000)); // seconds became milliseconds
        QCOMPARE(item->updatedAt, item->createdAt);
        QCOMPARE(item->account, QString());
        QCOMPARE(item->server, QString());
        QCOMPARE(item->attachmentCount, 0);
        QCOMPARE(item->payload.value(QLatin1String("description")).toString(),
                 QStringLiteral("cũ"));
        QCOMPARE(item->idempotencyKey, QByteArray("key-old"));
        QCOMPARE(outbox.claimNextDue(0)->id, QStringLiteral("old"));
        // New items and attachments work on the migrated file.
        QVERIFY(!outbox
                     .enqueue(QStringLiteral("report"), report(QStringLiteral("mới")), photos(1),
                              {}, kServer)
                     .isEmpty());
    }

    void damagedRowIsNeverSent()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO outbox (id, kind, idempotency_key, payload, state, created_at) VALUES "
            "('x', 'report', 'k', 'not json', 'frobnicated', 1)")));
        const auto item = m_outbox->item(QStringLiteral("x"));
        QVERIFY(item);
        QCOMPARE(item->state, State::Failed); // an unknown state is not sendable
        QVERIFY(item->payload.isEmpty());
        QVERIFY(!m_outbox->claimNextDue(std::numeric_limits<qint64>::max()));
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("hues.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Outbox> m_outbox;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
