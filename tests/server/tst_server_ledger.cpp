// The ledger under load (issue 6): 20 clients pay concurrently for HUES_LEDGER_SECONDS (default
// 60) with short client-side timeouts that abort requests, then retry with the same
// Idempotency-Key (on PostgreSQL alternately on two hues-server processes sharing the database).
// Afterwards every balance equals the one computed from the successful payments, the ledger
// sums to zero, no payment exists twice and no balance is negative. For runs longer than about
// four minutes set QTEST_FUNCTION_TIMEOUT (ms) too.
#include "Backends.h"
#include "TestServer.h"
#include "Tokens.h"
#include "vietqr/VietQr.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <map>
#include <memory>

using namespace hues::test;

namespace {

constexpr int kClients = 20;
constexpr qint64 kTokenRoundMs = 200 * 1000; // access tokens live 300 s: sign in again per round

struct Payer
{
    const char *username;
    const char *password;
    const char *accountId;
};
const Payer kPayers[] = {{"citizen", "hues-citizen-demo", "acc-citizen"},
                         {"tourist", "hues-tourist-demo", "acc-tourist"},
                         {"parent", "hues-parent-demo", "acc-parent"}};

struct Merchant
{
    const char *id;
    const char *bin;
    const char *account;
};
const Merchant kMerchants[] = {{"m-mekeo", "970415", "107000123456"},
                               {"m-dongba-lan", "970403", "060123456789"},
                               {"m-dongba-tu", "970403", "060987654321"},
                               {"m-mailinh", "970407", "19036000123456"}};

struct Outcome
{
    int payer = 0;
    int merchant = 0;
    qint64 amount = 0;
    QString paymentId;
};

struct Stats
{
    int succeeded = 0;
    int refused = 0; // insufficient_funds
    int timeouts = 0;
    int replays = 0;
    QStringList unexpected;
};

// One paying client: a payment at a time, each retried with its key until a definite answer.
class Client : public QObject
{
public:
    Client(int index, const QList<QUrl> &servers, const QList<QStringList> &tokens,
           std::map<QString, Outcome> *outcomes, Stats *stats)
        : m_index(index), m_servers(servers), m_tokens(tokens), m_outcomes(outcomes), m_stats(stats)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Client::timedOut);
    }

    void start(qint64 deadlineMs, const QElapsedTimer *clock)
    {
        m_deadline = deadlineMs;
        m_clock = clock;
        m_done = false;
        next();
    }
    bool done() const { return m_done; }
    void setTokens(const QList<QStringList> &tokens) { m_tokens = tokens; }

private:
    void next()
    {
        if (m_clock->elapsed() >= m_deadline) {
            m_done = true;
            return;
        }
        auto *random = QRandomGenerator::global();
        m_payer = m_index % int(std::size(kPayers));
        m_merchant = random->bounded(int(std::size(kMerchants)));
        m_amount = 100 * random->bounded(1, 31); // small: the wallets last most of the run
        m_key = QStringLiteral("ledger-%1-%2").arg(m_index).arg(++m_count).toLatin1();
        vietqr::Code code;
        code.bankBin = QString::fromLatin1(kMerchants[m_merchant].bin);
        code.account = QString::fromLatin1(kMerchants[m_merchant].account);
        m_body = QJsonDocument(QJsonObject{{QStringLiteral("qr"), vietqr::make(code)},
                                           {QStringLiteral("amount"), m_amount}})
                     .toJson(QJsonDocument::Compact);
        m_attempt = 0;
        send();
    }

    void send()
    {
        // Alternate servers on retries; the first attempts get very short timeouts.
        const int server = (m_index + m_attempt) % int(m_servers.size());
        QNetworkRequest request(
            m_servers.at(server).resolved(QUrl(QStringLiteral("/api/v1/payments"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization",
                             "Bearer " + m_tokens.at(m_payer).at(server).toLatin1());
        request.setRawHeader("Idempotency-Key", m_key);
        m_reply = m_manager.post(request, m_body);
        connect(m_reply, &QNetworkReply::finished, this,
                [this, reply = m_reply] { finished(reply); });
        const int timeout =
            m_attempt >= 6 ? 20000 : int(QRandomGenerator::global()->bounded(2, 40)) << m_attempt;
        m_timer.start(timeout);
    }

    void timedOut()
    {
        ++m_stats->timeouts;
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort(); // emits finished, ignored below
        reply->deleteLater();
        ++m_attempt;
        send();
    }

    void finished(QNetworkReply *reply)
    {
        if (reply != m_reply)
            return; // an aborted attempt
        m_timer.stop();
        m_reply = nullptr;
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        if (status == 201) {
            if (reply->rawHeader("Idempotent-Replayed") == "true")
                ++m_stats->replays;
            const QString id = object.value(QStringLiteral("payment"))
                                   .toObject()
                                   .value(QStringLiteral("payment_id"))
                                   .toString();
            (*m_outcomes)[QString::fromLatin1(m_key)] = {m_payer, m_merchant, m_amount, id};
            ++m_stats->succeeded;
        } else if (status == 422 &&
                   object.value(QStringLiteral("error")).toString() == u"insufficient_funds") {
            ++m_stats->refused;
        } else if (status == 0 || status >= 500) {
            // No answer (connection trouble) or a failed transaction: retry with the key.
            ++m_attempt;
            if (m_attempt < 20) {
                send();
                return;
            }
            m_stats->unexpected << QStringLiteral("%1: gave up after %2 attempts")
                                       .arg(QString::fromLatin1(m_key))
                                       .arg(m_attempt);
        } else {
            m_stats->unexpected << QStringLiteral("%1: HTTP %2 %3")
                                       .arg(QString::fromLatin1(m_key))
                                       .arg(status)
                                       .arg(QString::fromUtf8(body));
        }
        next();
    }

    int m_index;
    QList<QUrl> m_servers;
    QList<QStringList> m_tokens; // [payer][server]
    std::map<QString, Outcome> *m_outcomes;
    Stats *m_stats;
    QNetworkAccessManager m_manager; // one per client: no queueing behind others' connections
    QNetworkReply *m_reply = nullptr;
    QTimer m_timer;
    const QElapsedTimer *m_clock = nullptr;
    qint64 m_deadline = 0;
    bool m_done = true;
    int m_payer = 0;
    int m_merchant = 0;
    qint64 m_amount = 0;
    QByteArray m_key;
    QByteArray m_body;
    int m_attempt = 0;
    int m_count = 0;
};

} // namespace

class TestServerLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void concurrentPayments_data() { backends(); }
    void concurrentPayments()
    {
        HUES_FETCH_BACKEND(dbUrl);
        const int seconds = qEnvironmentVariableIntValue("HUES_LEDGER_SECONDS") > 0
                                ? qEnvironmentVariableIntValue("HUES_LEDGER_SECONDS")
                                : 60;
        // SQLite: one process (single writer). PostgreSQL: two processes on one database.
        std::vector<std::unique_ptr<TestServer>> servers;
        const int processes = dbUrl.isEmpty() ? 1 : 2;
        for (int i = 0; i < processes; ++i) {
            TestServer::Options o;
            o.databaseUrl = dbUrl;
            o.seedDemo = i == 0;
            servers.push_back(std::make_unique<TestServer>(o));
            QVERIFY2(servers.back()->start(), qPrintable(servers.back()->errorString()));
        }
        TestServer &db = *servers.front();
        QList<QUrl> urls;
        for (const auto &s : servers)
            urls << s->baseUrl();
        auto signInAll = [&]() {
            QList<QStringList> tokens;
            for (const Payer &p : kPayers) {
                QStringList perServer;
                for (const auto &s : servers)
                    perServer << signIn(*s, QString::fromLatin1(p.username),
                                        QString::fromLatin1(p.password));
                tokens << perServer;
            }
            return tokens;
        };
        QList<QStringList> tokens = signInAll();
        for (const QStringList &t : tokens)
            QVERIFY(!t.contains(QString()));

        auto balanceOf = [&](const QString &ledgerAccount) {
            return db.queryNumber(
                QStringLiteral("SELECT balance FROM ledger_accounts WHERE id = ?"),
                {ledgerAccount});
        };
        QMap<QString, qint64> expected;
        for (const Payer &p : kPayers)
            expected[QStringLiteral("wal-") + QLatin1String(p.accountId)] =
                balanceOf(QStringLiteral("wal-") + QLatin1String(p.accountId));
        for (const Merchant &m : kMerchants)
            expected[QStringLiteral("mer-") + QLatin1String(m.id)] =
                balanceOf(QStringLiteral("mer-") + QLatin1String(m.id));
        QCOMPARE(expected.value(QStringLiteral("wal-acc-citizen")), 5000000);

        std::map<QString, Outcome> outcomes;
        Stats stats;
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < kClients; ++i)
            clients.push_back(std::make_unique<Client>(i, urls, tokens, &outcomes, &stats));
        QElapsedTimer clock;
        clock.start();
        const qint64 totalMs = qint64(seconds) * 1000;
        while (clock.elapsed() < totalMs) {
            const qint64 roundEnd = qMin(totalMs, clock.elapsed() + kTokenRoundMs);
            for (auto &c : clients)
                c->start(roundEnd, &clock);
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return std::all_of(clients.begin(), clients.end(),
                                       [](const auto &c) { return c->done(); });
                },
                int(roundEnd - clock.elapsed()) + 120000));
            if (clock.elapsed() < totalMs) {
                tokens = signInAll();
                for (auto &c : clients)
                    c->setTokens(tokens);
            }
        }
        qInfo("%d s, %d process(es): %d payments, %d refused (insufficient funds), %d client "
              "timeouts (aborted and retried), %d idempotent replays",
              seconds, processes, stats.succeeded, stats.refused, stats.timeouts, stats.replays);
        QVERIFY2(stats.unexpected.isEmpty(),
                 qPrintable(stats.unexpected.mid(0, 5).join(QLatin1Char('\n'))));
        QVERIFY(stats.succeeded > 0);
        QVERIFY(stats.timeouts > 0); // the retry path was taken
        QCOMPARE(int(outcomes.size()), stats.succeeded);

        // Every balance as computed from the successful payments.
        for (const auto &[key, o] : outcomes) {
            expected[QStringLiteral("wal-") + QLatin1String(kPayers[o.payer].accountId)] -=
                o.amount;
            expected[QStringLiteral("mer-") + QLatin1String(kMerchants[o.merchant].id)] += o.amount;
        }
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(it.value() >= 0, qPrintable(it.key()));
            QCOMPARE(balanceOf(it.key()), it.value());
        }
        // No payment applied twice: one per key, and exactly the ones the clients were told of.
        QCOMPARE(db.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")),
                 qint64(outcomes.size()));
        QCOMPARE(db.queryNumber(
                     QStringLiteral("SELECT COUNT(*) FROM (SELECT payer_id, idem_key FROM payments "
                                    "GROUP BY payer_id, idem_key HAVING COUNT(*) > 1) d")),
                 0);
        QSqlQuery ids(db.database());
        QVERIFY(ids.exec(QStringLiteral("SELECT idem_key, id FROM payments")));
        int matched = 0;
        while (ids.next()) {
            const auto it = outcomes.find(ids.value(0).toString());
            QVERIFY2(it != outcomes.end(), qPrintable(ids.value(0).toString()));
            QCOMPARE(ids.value(1).toString(), it->second.paymentId);
            ++matched;
        }
        QCOMPARE(matched, int(outcomes.size()));
        // The ledger sums to zero, per transaction and per account; nothing below zero.
        QCOMPARE(
            db.queryNumber(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries")),
            0);
        QCOMPARE(
            db.queryNumber(QStringLiteral("SELECT COALESCE(SUM(balance), 0) FROM ledger_accounts")),
            0);
        QCOMPARE(db.queryNumber(QStringLiteral(
                     "SELECT COUNT(*) FROM (SELECT txn_id FROM ledger_entries GROUP BY "
                     "txn_id HAVING SUM(amount) <> 0) t")),
                 0);
        QCOMPARE(db.queryNumber(QStringLiteral(
                     "SELECT COUNT(*) FROM ledger_accounts a WHERE a.balance <> (SELECT "
                     "COALESCE(SUM(e.amount), 0) FROM ledger_entries e WHERE "
                     "e.account_id = a.id)")),
                 0);
        QCOMPARE(db.queryNumber(
                     QStringLiteral("SELECT COUNT(*) FROM ledger_accounts WHERE kind IN ('wallet', "
                                    "'merchant') AND balance < 0")),
                 0);
        QCOMPARE(db.queryNumber(QStringLiteral(
                     "SELECT COUNT(*) FROM ledger_entries WHERE txn_id LIKE 'pay%'")),
                 2 * qint64(outcomes.size()));
        for (const auto &s : servers)
            QVERIFY(s->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestServerLedger)
#include "tst_server_ledger.moc"
