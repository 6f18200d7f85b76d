// payments::PaymentsService, the facade of the Pay, Bills, Merchant and History screens, against
// a real hues-server with the demo seed: scan-to-pay of static and dynamic codes (the wallet
// changes exactly once), invalid codes refused without the network, refusals, a lost answer
// retried with the same Idempotency-Key, an attempt a crash left unresolved, bills, a merchant
// QR paid by another client (push stream), history offline from the cache, the PIN.
#include "PushSupport.h"
#include "TestServer.h"
#include "net/ApiClient.h"
#include "payments/PaymentStore.h"
#include "payments/PaymentsClient.h"
#include "payments/PaymentsService.h"
#include "payments/PinLock.h"
#include "push/PushClient.h"
#include "securestore/SecureStore.h"
#include "store/Database.h"
#include "vietqr/VietQr.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace hues::test;
using payments::PaymentFlow;
using payments::PaymentsService;

namespace {

class StaticAuthenticator : public net::ApiAuthenticator
{
public:
    QByteArray authorization() const override
    {
        return token.isEmpty() ? QByteArray() : "Bearer " + token.toLatin1();
    }
    void renewAfterUnauthorized(const QByteArray &, std::function<void(bool)> done) override
    {
        done(false);
    }
    QString token;
};

// A TCP relay in front of hues-server that can lose the server's answers: the request reaches
// the server (which applies it), the client sees the connection drop before any answer.
class Relay : public QObject
{
public:
    explicit Relay(quint16 upstreamPort) : m_port(upstreamPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_port);
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                    const QByteArray answer = upstream->readAll();
                    if (dropAnswers) {
                        ++dropped;
                        client->abort();
                        client->deleteLater();
                        return;
                    }
                    client->write(answer);
                });
                connect(upstream, &QTcpSocket::disconnected, client,
                        [client] { client->disconnectFromHost(); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    bool dropAnswers = false;
    int dropped = 0;

private:
    QTcpServer m_server;
    quint16 m_port;
};

int closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TstPaymentsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void payStaticAndDynamicCodes();
    void invalidCodeFailsWithoutNetwork();
    void billProvidersErrorThenRetry();
    void insufficientFunds();
    void lostAnswerRetriedWithSameKey();
    void restartResolvesUnresolvedAttempt();
    void billsLookupAndPaySeveral();
    void merchantQrPaidThroughPush();
    void historyOfflineFromCache();
    void pinSetCheckAndLockout();

private:
    struct Client
    {
        std::unique_ptr<store::Database> db;
        std::unique_ptr<StaticAuthenticator> auth;
        std::unique_ptr<net::ApiClient> api;
        std::unique_ptr<push::PushClient> push;
        std::unique_ptr<platform::MemorySecureStore> secure;
        std::unique_ptr<PaymentsService> service;
    };
    // A service for `account` signed in with `token`, on its own database file `dbName` in the
    // test's folder (an existing one is reopened, as after a restart).
    Client makeClient(const QString &account, const QString &token, const QString &dbName,
                      const QUrl &base = {}, bool withPush = false);
    qint64 balance(const QString &token);
    QString staticQr();
    QString dynamicQr(qint64 amount, const QString &purpose = {});
    int paymentsOf(const QString &token, qint64 amount);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_citizen;
    QString m_merchant;
};

void TstPaymentsService::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_citizen = signIn(*m_server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
    m_merchant =
        signIn(*m_server, QStringLiteral("merchant"), QStringLiteral("hues-merchant-demo"));
    QVERIFY(!m_citizen.isEmpty());
    QVERIFY(!m_merchant.isEmpty());
    const HttpResult wallet =
        httpRequest("GET", m_server->url(QStringLiteral("/api/v1/wallet")), {}, bearer(m_citizen));
    if (wallet.status == 404)
        QSKIP("hues-server has no payment gateway yet (GET /api/v1/wallet is 404)");
    QCOMPARE(wallet.status, 200);
}

void TstPaymentsService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstPaymentsService::cleanup()
{
    if (QTest::currentTestFailed() && m_server)
        qWarning().noquote() << "hues-server said:" << m_server->stderrText().right(3000);
    m_dir.reset();
}

TstPaymentsService::Client TstPaymentsService::makeClient(const QString &account,
                                                          const QString &token,
                                                          const QString &dbName, const QUrl &base,
                                                          bool withPush)
{
    Client c;
    c.db = std::make_unique<store::Database>();
    const auto status = c.db->open(m_dir->filePath(dbName));
    if (status != store::Database::OpenStatus::Opened)
        qWarning() << "database:" << c.db->errorString();
    c.auth = std::make_unique<StaticAuthenticator>();
    c.auth->token = token;
    c.api = std::make_unique<net::ApiClient>();
    c.api->setBaseUrl(base.isEmpty() ? m_server->baseUrl() : base);
    c.api->setAuthenticator(c.auth.get());
    c.api->setRetryPolicy(net::RetryPolicy{1, 100, 200});
    if (withPush) {
        c.push = std::make_unique<push::PushClient>(c.api.get(), c.db.get());
        c.push->setPersonal(true);
    }
    c.secure = std::make_unique<platform::MemorySecureStore>();
    c.service =
        std::make_unique<PaymentsService>(c.api.get(), c.db.get(), c.push.get(), c.secure.get(),
                                          nullptr, m_dir->filePath(QStringLiteral("receipts")));
    c.service->setAccount(account);
    c.service->setPinStorageKey(PaymentsService::pinStorageKey(m_dir->path(), account));
    c.service->start();
    if (c.push)
        c.push->start();
    return c;
}

qint64 TstPaymentsService::balance(const QString &token)
{
    const HttpResult wallet =
        httpRequest("GET", m_server->url(QStringLiteral("/api/v1/wallet")), {}, bearer(token));
    if (wallet.status != 200)
        return -1;
    return wallet.object().value(QStringLiteral("balance")).toInteger(-1);
}

QString TstPaymentsService::staticQr()
{
    const HttpResult merchant = httpRequest(
        "GET", m_server->url(QStringLiteral("/api/v1/merchant")), {}, bearer(m_merchant));
    return merchant.object().value(QStringLiteral("static_qr")).toString();
}

QString TstPaymentsService::dynamicQr(qint64 amount, const QString &purpose)
{
    QJsonObject body{{QStringLiteral("amount"), amount}};
    if (!purpose.isEmpty())
        body.insert(QStringLiteral("purpose"), purpose);
    HeaderList headers = bearer(m_merchant);
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    const HttpResult created =
        httpRequest("POST", m_server->url(QStringLiteral("/api/v1/merchant/qr")),
                    QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    return created.object().value(QStringLiteral("payload")).toString();
}

// Payments of the citizen's history on the server with this amount.
int TstPaymentsService::paymentsOf(const QString &token, qint64 amount)
{
    QUrl url = m_server->url(QStringLiteral("/api/v1/payments"));
    url.setQuery(QStringLiteral("limit=200&direction=out"));
    const HttpResult list = httpRequest("GET", url, {}, bearer(token));
    int n = 0;
    const QJsonArray payments = list.object().value(QStringLiteral("payments")).toArray();
    for (const QJsonValue &p : payments) {
        if (p.toObject().value(QStringLiteral("amount")).toInteger() == amount)
            ++n;
    }
    return list.status == 200 ? n : -1;
}

void TstPaymentsService::payStaticAndDynamicCodes()
{
    Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("a.sqlite"));
    PaymentsService *s = c.service.get();
    PaymentFlow *flow = s->flow();
    QTRY_VERIFY(!s->wallet().isEmpty());
    const qint64 before = balance(m_citizen);
    QCOMPARE(qint64(s->wallet().value(QStringLiteral("balance")).toDouble()), before);
    QCOMPARE(s->wallet().value(QStringLiteral("balanceText")).toString(),
             vietqr::formatVnd(before));
    QCOMPARE(s->wallet().value(QStringLiteral("bankShortName")).toString(),
             QStringLiteral("Vietcombank"));

    // Static: the payer enters the amount and may add a purpose.
    const QString code = staticQr();
    QVERIFY(vietqr::parse(code).ok);
    flow->start(code);
    QCOMPARE(flow->state(), PaymentFlow::Checking);
    QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
    QCOMPARE(flow->merchantName(), QString::fromUtf8("Quán Bún bò Huế Mệ Kéo"));
    QCOMPARE(flow->category(), QStringLiteral("food"));
    QCOMPARE(flow->bankShortName(), QStringLiteral("VietinBank"));
    QVERIFY(flow->accountMasked().startsWith(QString::fromUtf8("•")));
    QVERIFY(!flow->isDynamic());
    QVERIFY(flow->amountEditable());
    QVERIFY(flow->purposeEditable());
    flow->setAmount(45000);
    flow->setPurpose(QString::fromUtf8("Hai tô bún bò"));
    QCOMPARE(flow->amountText(), QString::fromUtf8("45.000 ₫"));
    flow->pay();
    QCOMPARE(flow->state(), PaymentFlow::Paying);
    QVERIFY(!flow->attemptId().isEmpty());
    QTRY_COMPARE(flow->state(), PaymentFlow::Done);
    QVERIFY(!flow->receiptId().isEmpty());
    QCOMPARE(balance(m_citizen), before - 45000);
    QTRY_COMPARE(qint64(s->wallet().value(QStringLiteral("balance")).toDouble()), before - 45000);
    const QVariantMap receipt = s->receipt(flow->receiptId());
    QCOMPARE(receipt.value(QStringLiteral("amount")).toDouble(), 45000.0);
    QCOMPARE(receipt.value(QStringLiteral("amountText")).toString(), QString::fromUtf8("45.000 ₫"));
    QCOMPARE(receipt.value(QStringLiteral("purpose")).toString(),
             QString::fromUtf8("Hai tô bún bò"));
    QCOMPARE(receipt.value(QStringLiteral("bankName")).toString(), QStringLiteral("VietinBank"));
    QVERIFY(!receipt.value(QStringLiteral("reference")).toString().isEmpty());
    QVERIFY(!receipt.value(QStringLiteral("createdText")).toString().isEmpty());
    const QString image =
        s->receiptImagePath(receipt.value(QStringLiteral("reference")).toString());
    QVERIFY(image.endsWith(QStringLiteral(".png")));
    QVERIFY(QFileInfo(QFileInfo(image).absolutePath()).isWritable());
    QCOMPARE(s->receiptImagePath(QStringLiteral("../../etc/passwd")), QString());

    // Dynamic: the amount is the code's, not editable; paying it twice is refused.
    const QString dynamic = dynamicQr(32000, QStringLiteral("Ban 4"));
    QVERIFY(!dynamic.isEmpty());
    flow->start(dynamic);
    QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
    QVERIFY(flow->isDynamic());
    QVERIFY(!flow->amountEditable());
    QCOMPARE(flow->amount(), 32000.0);
    QVERIFY(flow->expiresAt().isValid());
    flow->setAmount(1000); // ignored: the code fixes it
    QCOMPARE(flow->amount(), 32000.0);
    flow->pay();
    QTRY_COMPARE(flow->state(), PaymentFlow::Done);
    QCOMPARE(balance(m_citizen), before - 45000 - 32000);

    flow->start(dynamic);
    QTRY_COMPARE(flow->state(), PaymentFlow::Failed);
    QCOMPARE(flow->errorCode(), QStringLiteral("qr_already_paid"));
    QVERIFY(!flow->canRetry());
    QCOMPARE(flow->error(), payments::errorMessageForCode(QStringLiteral("qr_already_paid")));
    QCOMPARE(balance(m_citizen), before - 45000 - 32000);
    flow->cancel();
    QCOMPARE(flow->state(), PaymentFlow::Idle);
    QCOMPARE(flow->payload(), QString());
}

void TstPaymentsService::invalidCodeFailsWithoutNetwork()
{
    // No server behind this address: any request would fail with Offline, not invalid_qr.
    Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("b.sqlite"),
                          QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
    PaymentFlow *flow = c.service->flow();
    QSignalSpy states(flow, &PaymentFlow::stateChanged);
    const QString good = staticQr();
    QString badCrc = good;
    badCrc[badCrc.size() - 1] =
        badCrc.back() == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    for (const QString &bad : {QStringLiteral("hello"), badCrc, QString()}) {
        flow->start(bad);
        // Refused before returning to the event loop: nothing was sent.
        QCOMPARE(flow->state(), PaymentFlow::Failed);
        QCOMPARE(flow->errorCode(), QStringLiteral("invalid_qr"));
        QVERIFY(!flow->error().isEmpty());
        QVERIFY(!flow->canRetry());
    }
    // A valid code on the same client does go to the network (and fails there).
    flow->start(good);
    QCOMPARE(flow->state(), PaymentFlow::Checking);
    QTRY_COMPARE(flow->state(), PaymentFlow::Failed);
    QCOMPARE(flow->errorCode(), QStringLiteral("network"));
    QVERIFY(flow->canRetry());
}

void TstPaymentsService::billProvidersErrorThenRetry()
{
    Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("p.sqlite"),
                          QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
    PaymentsService *service = c.service.get();
    // Nothing cached and no server: an error a person can act on, not an endless spinner.
    QTRY_VERIFY(!service->billProvidersError().isEmpty());
    QVERIFY(!service->billProvidersLoading());
    QCOMPARE(service->billProviders()->rowCount(), 0);
    // The server is back (here: the right address); Retry fetches them.
    c.api->setBaseUrl(m_server->baseUrl());
    service->refreshBillProviders();
    QVERIFY(service->billProvidersLoading());
    QVERIFY(service->billProvidersError().isEmpty());
    QTRY_VERIFY(service->billProviders()->rowCount() >= 6);
    QVERIFY(!service->billProvidersLoading());
    QVERIFY(service->billProvidersError().isEmpty());
}

void TstPaymentsService::insufficientFunds()
{
    Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("c.sqlite"));
    PaymentFlow *flow = c.service->flow();
    const qint64 before = balance(m_citizen);
    QVERIFY(before > 0);
    flow->start(staticQr());
    QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
    // Over the gateway's limit: refused locally, the confirm screen stays.
    flow->setAmount(600000000);
    flow->pay();
    QCOMPARE(flow->state(), PaymentFlow::Confirm);
    QCOMPARE(flow->errorCode(), QStringLiteral("amount_invalid"));
    flow->setAmount(before + 1);
    flow->pay();
    QTRY_COMPARE(flow->state(), PaymentFlow::Failed);
    QCOMPARE(flow->errorCode(), QStringLiteral("insufficient_funds"));
    QCOMPARE(flow->error(), payments::errorMessageForCode(QStringLiteral("insufficient_funds")));
    QVERIFY(!flow->canRetry());
    QCOMPARE(balance(m_citizen), before);
    const auto attempt = c.service->paymentStore()->attempt(flow->attemptId());
    QVERIFY(attempt);
    QCOMPARE(attempt->state, QStringLiteral("failed"));
    QCOMPARE(attempt->errorCode, QStringLiteral("insufficient_funds"));
}

void TstPaymentsService::lostAnswerRetriedWithSameKey()
{
    Relay relay(quint16(m_server->baseUrl().port()));
    Client c =
        makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("d.sqlite"), relay.url());
    PaymentFlow *flow = c.service->flow();
    const qint64 amount = 21111;
    const qint64 before = balance(m_citizen);
    QCOMPARE(paymentsOf(m_citizen, amount), 0);
    flow->start(staticQr());
    QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
    flow->setAmount(double(amount));
    relay.dropAnswers = true;
    flow->pay();
    QTRY_COMPARE(flow->state(), PaymentFlow::Failed);
    QVERIFY(relay.dropped >= 1);
    QCOMPARE(flow->errorCode(), QStringLiteral("network"));
    QVERIFY(flow->canRetry());
    const QString key = flow->attemptId();
    // The server did pay it; the app does not know yet.
    QCOMPARE(balance(m_citizen), before - amount);
    QCOMPARE(paymentsOf(m_citizen, amount), 1);
    QCOMPARE(c.service->paymentStore()->attempt(key)->state, QStringLiteral("sending"));

    relay.dropAnswers = false;
    flow->retry();
    QCOMPARE(flow->state(), PaymentFlow::Paying);
    QTRY_COMPARE(flow->state(), PaymentFlow::Done);
    QCOMPARE(flow->attemptId(), key);
    QCOMPARE(balance(m_citizen), before - amount);
    QCOMPARE(paymentsOf(m_citizen, amount), 1);
    const auto attempt = c.service->paymentStore()->attempt(key);
    QCOMPARE(attempt->state, QStringLiteral("done"));
    QCOMPARE(attempt->paymentIds, QStringList{flow->receiptId()});
    QCOMPARE(c.service->receipt(flow->receiptId()).value(QStringLiteral("amount")).toDouble(),
             double(amount));
}

void TstPaymentsService::restartResolvesUnresolvedAttempt()
{
    const qint64 before = balance(m_citizen);
    const qint64 sentAmount = 12345;  // reached the server, the answer was lost, then a crash
    const qint64 unsentAmount = 6789; // written, then a crash before it was sent
    QString sentKey;
    {
        Relay relay(quint16(m_server->baseUrl().port()));
        Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("e.sqlite"),
                              relay.url());
        PaymentFlow *flow = c.service->flow();
        flow->start(staticQr());
        QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
        flow->setAmount(double(sentAmount));
        relay.dropAnswers = true;
        flow->pay();
        QTRY_COMPARE(flow->state(), PaymentFlow::Failed);
        sentKey = flow->attemptId();

        payments::PaymentAttempt unsent;
        unsent.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        unsent.account = QStringLiteral("citizen");
        unsent.server = m_server->baseUrl().toString();
        unsent.path = payments::PaymentsClient::kPaymentsPath;
        unsent.body = QJsonDocument(QJsonObject{{QStringLiteral("qr"), staticQr()},
                                                {QStringLiteral("amount"), unsentAmount}})
                          .toJson(QJsonDocument::Compact);
        QVERIFY(c.service->paymentStore()->insertAttempt(unsent));
        // The relay's attempt is for the relay's address: rewrite it as the real server's,
        // as if the app had talked to it directly.
        QSqlQuery q(c.db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE payment_attempts SET server = '%1'")
                           .arg(m_server->baseUrl().toString())));
    } // the app is gone without settling either
    QCOMPARE(balance(m_citizen), before - sentAmount);

    Client restarted = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("e.sqlite"));
    payments::PaymentStore *store = restarted.service->paymentStore();
    QTRY_COMPARE(
        store->unresolved(QStringLiteral("citizen"), m_server->baseUrl().toString()).size(), 0);
    QCOMPARE(store->attempt(sentKey)->state, QStringLiteral("done"));
    QCOMPARE(balance(m_citizen), before - sentAmount - unsentAmount);
    QCOMPARE(paymentsOf(m_citizen, sentAmount), 1);
    QCOMPARE(paymentsOf(m_citizen, unsentAmount), 1);
    const QString receiptId = store->attempt(sentKey)->paymentIds.value(0);
    QCOMPARE(restarted.service->receipt(receiptId).value(QStringLiteral("amount")).toDouble(),
             double(sentAmount));
    QTRY_COMPARE(qint64(restarted.service->wallet().value(QStringLiteral("balance")).toDouble()),
                 before - sentAmount - unsentAmount);

    // Another start: nothing left to send, nothing paid again.
    restarted.service.reset();
    Client again = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("e.sqlite"));
    QTRY_VERIFY(!again.service->wallet().isEmpty());
    QCOMPARE(balance(m_citizen), before - sentAmount - unsentAmount);
}

void TstPaymentsService::billsLookupAndPaySeveral()
{
    Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("f.sqlite"));
    PaymentsService *s = c.service.get();
    QAbstractItemModelTester providersTester(s->billProviders());
    QAbstractItemModelTester billsTester(s->bills());
    QTRY_VERIFY(s->billProviders()->rowCount() >= 6);
    QString electricity;
    for (const auto &p : s->billProviders()->providers()) {
        QVERIFY(!p.name.isEmpty());
        if (p.category == QLatin1String("electricity"))
            electricity = p.providerId;
    }
    QVERIFY(!electricity.isEmpty());

    // Saved codes: local, per account.
    QVERIFY(s->saveCode(electricity, QStringLiteral(" PC05EE0012345 "), QStringLiteral("Nhà")));
    QVERIFY(!s->saveCode(electricity, QString(), QStringLiteral("x")));
    QVERIFY(!s->saveCode(QStringLiteral("no-such-provider"), QStringLiteral("1"), {}));
    QCOMPARE(s->savedCodes()->rowCount(), 1);
    QCOMPARE(s->savedCodes()->codes().constFirst().customerCode, QStringLiteral("PC05EE0012345"));
    QVERIFY(!s->savedCodes()->codes().constFirst().providerName.isEmpty());

    s->lookupBills(electricity, QStringLiteral("NO-SUCH-CUSTOMER"));
    QVERIFY(s->billsLoading());
    QTRY_VERIFY(!s->billsLoading());
    QCOMPARE(s->billsError(), payments::errorMessageForCode(QStringLiteral("unknown_customer")));
    QCOMPARE(s->bills()->rowCount(), 0);

    s->lookupBills(electricity, QStringLiteral("PC05EE0012345"));
    QTRY_VERIFY(!s->billsLoading());
    QCOMPARE(s->billsError(), QString());
    QVERIFY(!s->billsCustomerName().isEmpty());
    const int count = s->bills()->rowCount();
    QVERIFY(count >= 1);
    qint64 total = 0;
    for (const auto &b : s->bills()->bills())
        total += b.amount;
    QCOMPARE(qint64(s->selectedBillsTotal()), total);
    QCOMPARE(s->selectedBillsTotalText(), vietqr::formatVnd(total));
    QSignalSpy selection(s, &PaymentsService::billsSelectionChanged);
    s->bills()->setSelected(0, false);
    QCOMPARE(selection.size(), 1);
    QCOMPARE(qint64(s->selectedBillsTotal()), total - s->bills()->bills().at(0).amount);
    s->bills()->setSelected(0, true);

    // Another provider's bills too: several providers in one payment.
    QString water;
    for (const auto &p : s->billProviders()->providers()) {
        if (p.category == QLatin1String("water"))
            water = p.providerId;
    }
    const QStringList electricityIds = s->bills()->selectedIds();
    PaymentFlow *flow = s->flow();
    flow->startBills(QStringList{QStringLiteral("not-in-the-list")});
    QCOMPARE(flow->state(), PaymentFlow::Failed);
    flow->startBills(electricityIds);
    QCOMPARE(flow->state(), PaymentFlow::Confirm);
    QCOMPARE(qint64(flow->amount()), total);
    QVERIFY(!flow->amountEditable());
    QCOMPARE(flow->billIds(), electricityIds);
    QCOMPARE(flow->category(), QStringLiteral("electricity"));
    const qint64 before = balance(m_citizen);
    flow->pay();
    QTRY_COMPARE(flow->state(), PaymentFlow::Done);
    QCOMPARE(balance(m_citizen), before - total);
    const QVariantMap receipt = s->receipt(flow->receiptId());
    QCOMPARE(receipt.value(QStringLiteral("kind")).toString(), QStringLiteral("bill"));
    QCOMPARE(receipt.value(QStringLiteral("bills")).toList().size(), electricityIds.size());
    // The list is looked up again: the paid bills are gone.
    QTRY_VERIFY(!s->billsLoading());
    QTRY_COMPARE(s->bills()->rowCount(), 0);

    // Paying them again (a stale list elsewhere) is refused, nothing charged.
    const HttpResult again = httpRequest(
        "POST", m_server->url(QStringLiteral("/api/v1/bills/pay")),
        QJsonDocument(
            QJsonObject{{QStringLiteral("bill_ids"), QJsonArray::fromStringList(electricityIds)}})
            .toJson(QJsonDocument::Compact),
        bearer(m_citizen) + HeaderList{{"Content-Type", "application/json"},
                                       {"Idempotency-Key", QUuid::createUuid().toByteArray()}});
    QCOMPARE(again.status, 422);
    QCOMPARE(again.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("bill_already_paid"));
    QCOMPARE(balance(m_citizen), before - total);

    if (!water.isEmpty()) {
        s->lookupBills(water, QStringLiteral("HW1234567"));
        QTRY_VERIFY(!s->billsLoading());
        QVERIFY(s->bills()->rowCount() >= 1);
    }
    s->removeCode(electricity, QStringLiteral("PC05EE0012345"));
    QCOMPARE(s->savedCodes()->rowCount(), 0);
}

void TstPaymentsService::merchantQrPaidThroughPush()
{
    Client merchant = makeClient(QStringLiteral("merchant"), m_merchant,
                                 QStringLiteral("merchant.sqlite"), {}, true);
    PaymentsService *m = merchant.service.get();
    QTRY_VERIFY(m->isMerchant());
    QCOMPARE(m->merchant().value(QStringLiteral("name")).toString(),
             QString::fromUtf8("Quán Bún bò Huế Mệ Kéo"));
    QVERIFY(vietqr::parse(m->merchant().value(QStringLiteral("staticQr")).toString()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(merchant.push->state(), push::PushClient::State::Live, 15000);

    m->createMerchantQr(0.5, {});
    QCOMPARE(m->merchantQr().value(QStringLiteral("state")).toString(), QStringLiteral("error"));
    m->createMerchantQr(50000, QStringLiteral("Ban 7"));
    QCOMPARE(m->merchantQr().value(QStringLiteral("state")).toString(), QStringLiteral("creating"));
    QTRY_COMPARE(m->merchantQr().value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    const QVariantMap qr = m->merchantQr();
    QCOMPARE(qr.value(QStringLiteral("amountText")).toString(), QString::fromUtf8("50.000 ₫"));
    const vietqr::ParseResult parsed =
        vietqr::parse(qr.value(QStringLiteral("payload")).toString());
    QVERIFY(parsed.ok);
    QVERIFY(parsed.code.dynamic);
    QCOMPARE(parsed.code.amount.value_or(0), 50000);
    QCOMPARE(parsed.code.referenceLabel, qr.value(QStringLiteral("qrId")).toString());

    QSignalSpy received(m, &PaymentsService::paymentReceived);
    Client citizen = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("g.sqlite"));
    PaymentFlow *flow = citizen.service->flow();
    flow->start(qr.value(QStringLiteral("payload")).toString());
    QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
    flow->pay();
    QTRY_COMPARE(flow->state(), PaymentFlow::Done);

    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), flow->receiptId());
    QCOMPARE(received.at(0).at(1).toDouble(), 50000.0);
    QVERIFY(received.at(0).at(2).toString().contains(QString::fromUtf8("50.000 ₫")));
    QCOMPARE(m->merchantQr().value(QStringLiteral("state")).toString(), QStringLiteral("paid"));
    QCOMPARE(m->merchantQr().value(QStringLiteral("paidText")).toString(),
             received.at(0).at(2).toString());
    // The merchant's history shows it as received (refreshed on the event).
    QTRY_COMPARE(
        m->history()->index(0).data(payments::PaymentHistoryModel::PaymentIdRole).toString(),
        flow->receiptId());
    QCOMPARE(m->history()->index(0).data(payments::PaymentHistoryModel::DirectionRole).toString(),
             QStringLiteral("in"));
    QCOMPARE(m->history()->index(0).data(payments::PaymentHistoryModel::AmountTextRole).toString(),
             QStringLiteral("+") + vietqr::formatVnd(50000));
    m->clearMerchantQr();
    QCOMPARE(m->merchantQr().value(QStringLiteral("state")).toString(), QStringLiteral("none"));

    // The citizen is no merchant.
    QTRY_VERIFY(!citizen.service->walletLoading());
    citizen.service->refreshMerchant();
    QTRY_VERIFY(!citizen.service->wallet().isEmpty());
    QVERIFY(!citizen.service->isMerchant());
}

void TstPaymentsService::historyOfflineFromCache()
{
    QStringList ids;
    QUrl address; // the server as this device knows it; gone for the second half
    {
        Relay relay(quint16(m_server->baseUrl().port()));
        address = relay.url();
        Client c =
            makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("h.sqlite"), address);
        PaymentsService *s = c.service.get();
        QAbstractItemModelTester tester(s->history());
        PaymentFlow *flow = s->flow();
        for (qint64 amount : {11000, 12000}) {
            flow->start(staticQr());
            QTRY_COMPARE(flow->state(), PaymentFlow::Confirm);
            flow->setAmount(double(amount));
            flow->setPurpose(QString::fromUtf8("Bữa sáng"));
            flow->pay();
            QTRY_COMPARE(flow->state(), PaymentFlow::Done);
            ids << flow->receiptId();
        }
        QTRY_VERIFY(!s->historyLoading());
        s->refreshHistory();
        QTRY_VERIFY(!s->historyLoading());
        QCOMPARE(s->historyError(), QString());
        QVERIFY(s->history()->rowCount() >= 2);
        QCOMPARE(
            s->history()->index(0).data(payments::PaymentHistoryModel::PaymentIdRole).toString(),
            ids.at(1));
        QCOMPARE(
            s->history()->index(0).data(payments::PaymentHistoryModel::AmountTextRole).toString(),
            QString::fromUtf8("\u221212.000 ₫"));
        QCOMPARE(
            s->history()->index(0).data(payments::PaymentHistoryModel::DayLabelRole).toString(),
            payments::PaymentHistoryModel::dayLabel(QDateTime::currentDateTime()));
    }

    // Offline: the same database and server address, nothing answering there.
    Client offline =
        makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("h.sqlite"), address);
    PaymentsService *s = offline.service.get();
    QTRY_VERIFY(!s->historyLoading());
    QVERIFY(!s->historyError().isEmpty());
    QVERIFY(!s->historyCanLoadMore());
    QVERIFY(s->history()->rowCount() >= 2);
    QCOMPARE(s->history()->index(0).data(payments::PaymentHistoryModel::PaymentIdRole).toString(),
             ids.at(1));
    QCOMPARE(s->receipt(ids.at(0)).value(QStringLiteral("amount")).toDouble(), 11000.0);
    // Filters work on the cache: diacritics and case do not matter.
    s->setHistorySearch(QStringLiteral("BUA SANG"));
    QTRY_VERIFY(!s->historyLoading());
    QCOMPARE(s->history()->rowCount(), 2);
    s->setHistorySearch(QString::fromUtf8("bún bò"));
    QTRY_VERIFY(!s->historyLoading());
    QVERIFY(s->history()->rowCount() >= 2);
    s->setHistorySearch(QStringLiteral("no such thing"));
    QCOMPARE(s->history()->rowCount(), 0);
    s->setHistorySearch({});
    s->setHistoryDirection(QStringLiteral("in"));
    QCOMPARE(s->history()->rowCount(), 0);
    s->setHistoryDirection(QStringLiteral("sideways")); // refused
    QCOMPARE(s->historyDirection(), QStringLiteral("in"));
    s->setHistoryDirection(QString());
    s->setHistoryCategory(QStringLiteral("food"));
    QVERIFY(s->history()->rowCount() >= 2);
    // Another account on the same device sees none of it.
    s->setAccount(QStringLiteral("someone-else"));
    QCOMPARE(s->history()->rowCount(), 0);
    QCOMPARE(s->receipt(ids.at(0)), QVariantMap());
    s->setAccount(QStringLiteral("citizen"));
    QCOMPARE(s->receipt(ids.at(0)).value(QStringLiteral("amount")).toDouble(), 11000.0);
    // Signing out forgets them.
    s->setAccount(QString());
    QCOMPARE(s->history()->rowCount(), 0);
    s->setAccount(QStringLiteral("citizen"));
    QCOMPARE(s->receipt(ids.at(0)), QVariantMap());
}

void TstPaymentsService::pinSetCheckAndLockout()
{
    platform::MemorySecureStore secure;
    const QString key = QStringLiteral("payments-pin:test");
    QDateTime now = QDateTime::currentDateTimeUtc();
    {
        payments::PinLock pin(&secure);
        pin.setClock([&now] { return now; });
        QSignalSpy changed(&pin, &payments::PinLock::changed);
        pin.setStorageKey(key);
        QTRY_VERIFY(pin.isLoaded());
        QVERIFY(!pin.hasPin());
        QVERIFY(!pin.check(QStringLiteral("1234")));
        for (const QString &bad : {QStringLiteral("123"), QStringLiteral("1234567"),
                                   QStringLiteral("12a4"), QString::fromUtf8("١٢٣٤")})
            QVERIFY2(!pin.setPin(bad), qPrintable(bad));
        QVERIFY(pin.setPin(QStringLiteral("2468")));
        QVERIFY(pin.hasPin());
        QVERIFY(pin.check(QStringLiteral("2468")));
        for (int i = 0; i < payments::PinLock::kMaxTries - 1; ++i)
            QVERIFY(!pin.check(QStringLiteral("1111")));
        QVERIFY(!pin.lockedUntil().isValid());
        QVERIFY(pin.check(QStringLiteral("2468"))); // a right PIN resets the count
        for (int i = 0; i < payments::PinLock::kMaxTries; ++i)
            QVERIFY(!pin.check(QStringLiteral("1111")));
        QVERIFY(pin.lockedUntil().isValid());
        QCOMPARE(pin.lockedUntil().toUTC().toSecsSinceEpoch(),
                 now.addSecs(payments::PinLock::kLockSeconds).toSecsSinceEpoch());
        QVERIFY(!pin.check(QStringLiteral("2468"))); // locked: even the right one
        QVERIFY(!pin.setPin(QStringLiteral("9999")));
    }
    // The stored entry holds neither the PIN nor a plain hash of it; the lock survives a
    // restart.
    platform::SecureStoreJob *job = secure.read(key);
    QSignalSpy done(job, &platform::SecureStoreJob::finished);
    QVERIFY(done.wait());
    const QByteArray stored = job->data();
    QVERIFY(!stored.contains("2468"));
    QVERIFY(
        !stored.contains(QCryptographicHash::hash("2468", QCryptographicHash::Sha256).toBase64()));
    QVERIFY(stored.contains("salt"));
    {
        payments::PinLock pin(&secure);
        pin.setClock([&now] { return now; });
        pin.setStorageKey(key);
        QTRY_VERIFY(pin.isLoaded());
        QVERIFY(pin.hasPin());
        QVERIFY(pin.lockedUntil().isValid());
        QVERIFY(!pin.check(QStringLiteral("2468")));
        now = now.addSecs(payments::PinLock::kLockSeconds + 1);
        QVERIFY(!pin.lockedUntil().isValid());
        QVERIFY(pin.check(QStringLiteral("2468")));
    }

    // Through the facade: hasPin and pinLockedUntil follow, per account.
    Client c = makeClient(QStringLiteral("citizen"), m_citizen, QStringLiteral("p.sqlite"));
    PaymentsService *s = c.service.get();
    QSignalSpy pinChanged(s, &PaymentsService::pinChanged);
    QTRY_VERIFY(pinChanged.size() >= 1);
    QVERIFY(!s->hasPin());
    QVERIFY(!s->setPin(QStringLiteral("12")));
    QVERIFY(s->setPin(QStringLiteral("135790")));
    QVERIFY(s->hasPin());
    QVERIFY(s->checkPin(QStringLiteral("135790")));
    for (int i = 0; i < payments::PinLock::kMaxTries; ++i)
        QVERIFY(!s->checkPin(QStringLiteral("000000")));
    QVERIFY(s->pinLockedUntil().isValid());
    QVERIFY(s->pinLockedUntil() > QDateTime::currentDateTime().addSecs(25));
    QVERIFY(!s->checkPin(QStringLiteral("135790")));
    QVERIFY(!s->biometricsAvailable());
    QSignalSpy bio(s, &PaymentsService::biometricResult);
    s->requestBiometric(QStringLiteral("Pay"));
    QVERIFY(bio.wait());
    QCOMPARE(bio.at(0).at(0).toBool(), false);
    QVERIFY(!bio.at(0).at(1).toString().isEmpty());
    QCOMPARE(s->formatVnd(1234567), QString::fromUtf8("1.234.567 ₫"));
}

QTEST_GUILESS_MAIN(TstPaymentsService)
#include "tst_payments_service.moc"
