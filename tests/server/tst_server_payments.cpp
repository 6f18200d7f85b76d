// hues-server's payment gateway (contract: pay-contract.md section 2), black box: the real
// executable over SQLite and, when HUES_TEST_PG_URL is set, PostgreSQL. After each scenario the
// ledger is checked: every transaction and the whole ledger sum to zero, every balance equals
// the sum of its entries, no wallet is below zero.
#include "Backends.h"
#include "PushStream.h"
#include "TestServer.h"
#include "Tokens.h"
#include "vietqr/VietQr.h"

#include <QMessageAuthenticationCode>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace hues::test;

namespace {

const QByteArray kSecret = "hues-sandbox-bank-demo-secret"; // server/README.md

// Demo merchants (server/README.md).
struct Beneficiary
{
    const char *bin;
    const char *account;
};
const Beneficiary kMeKeo{"970415", "107000123456"};  // acc-merchant, food
const Beneficiary kChe{"970403", "060987654321"};    // Chợ Đông Ba - chè Bà Tư, market
const Beneficiary kClosed{"970432", "223344556"};    // Cà phê Vỹ Dạ (tạm nghỉ)
const Beneficiary kExternal{"970422", "0123456789"}; // LE THI BICH at MB (sandbox bank)

QString staticQr(const Beneficiary &b, std::optional<qint64> amount = std::nullopt)
{
    vietqr::Code code;
    code.bankBin = QString::fromLatin1(b.bin);
    code.account = QString::fromLatin1(b.account);
    code.amount = amount;
    return vietqr::make(code);
}

HeaderList jsonHeaders(const QString &token, const QByteArray &key = {})
{
    HeaderList headers = bearer(token);
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (!key.isEmpty())
        headers.append(qMakePair(QByteArray("Idempotency-Key"), key));
    return headers;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString errorOf(const HttpResult &reply)
{
    return reply.object().value(QStringLiteral("error")).toString();
}

} // namespace

class TestServerPayments : public QObject
{
    Q_OBJECT

private:
    static HttpResult pay(const TestServer &server, const QString &token, const QByteArray &key,
                          const QJsonObject &body)
    {
        return httpRequest("POST", server.url(QStringLiteral("/api/v1/payments")), json(body),
                           jsonHeaders(token, key));
    }

    static HttpResult lookup(const TestServer &server, const QString &token, const QString &qr)
    {
        return httpRequest("POST", server.url(QStringLiteral("/api/v1/payments/lookup")),
                           json({{QStringLiteral("qr"), qr}}), jsonHeaders(token));
    }

    static qint64 balance(const TestServer &server, const QString &token)
    {
        const HttpResult reply = httpGet(server.url(QStringLiteral("/api/v1/wallet")), token);
        return qint64(reply.object().value(QStringLiteral("balance")).toDouble(-1));
    }

    static HttpResult httpGet(const QUrl &url, const QString &token)
    {
        return httpRequest("GET", url, {}, bearer(token));
    }

    // The ledger's invariants, checked in the database.
    static bool ledgerConsistent(TestServer &server)
    {
        const qint64 entries = server.queryNumber(QStringLiteral("SELECT COALESCE(SUM(amount), 0) "
                                                                 "FROM ledger_entries"));
        const qint64 balances =
            server.queryNumber(QStringLiteral("SELECT COALESCE(SUM(balance), 0) "
                                              "FROM ledger_accounts"));
        const qint64 unbalancedTxns = server.queryNumber(
            QStringLiteral("SELECT COUNT(*) FROM (SELECT txn_id FROM ledger_entries GROUP "
                           "BY txn_id HAVING SUM(amount) <> 0) t"));
        const qint64 drifted = server.queryNumber(
            QStringLiteral("SELECT COUNT(*) FROM ledger_accounts a WHERE a.balance <> "
                           "(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e "
                           "WHERE e.account_id = a.id)"));
        const qint64 negative = server.queryNumber(
            QStringLiteral("SELECT COUNT(*) FROM ledger_accounts WHERE kind IN ('wallet', "
                           "'merchant') AND balance < 0"));
        if (entries != 0 || balances != 0 || unbalancedTxns != 0 || drifted != 0 || negative != 0) {
            qWarning() << "ledger: entries" << entries << "balances" << balances << "unbalanced"
                       << unbalancedTxns << "drifted" << drifted << "negative" << negative;
            return false;
        }
        return true;
    }

    static QString notifyBody(const QString &txn, const Beneficiary &b, qint64 amount,
                              const QString &description)
    {
        return QString::fromUtf8(
            json({{QStringLiteral("transaction_id"), txn},
                  {QStringLiteral("bin"), QString::fromLatin1(b.bin)},
                  {QStringLiteral("account"), QString::fromLatin1(b.account)},
                  {QStringLiteral("amount"), amount},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("payer_name"), QStringLiteral("Trần Văn An")},
                  {QStringLiteral("booked_at"), QStringLiteral("2026-05-01T10:00:00+07:00")}}));
    }

    static HttpResult notify(const TestServer &server, const QByteArray &body,
                             qint64 timestamp = QDateTime::currentSecsSinceEpoch(),
                             const QByteArray &secret = kSecret)
    {
        const QByteArray ts = QByteArray::number(timestamp);
        const QByteArray signature =
            "sha256=" +
            QMessageAuthenticationCode::hash(ts + "." + body, secret, QCryptographicHash::Sha256)
                .toHex();
        return httpRequest("POST", server.url(QStringLiteral("/api/v1/bank/notify")), body,
                           {qMakePair(QByteArray("Content-Type"), QByteArray("application/json")),
                            qMakePair(QByteArray("X-Hues-Timestamp"), ts),
                            qMakePair(QByteArray("X-Hues-Signature"), signature)});
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void authAndWallet_data() { backends(); }
    void authAndWallet()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        // No token, a bad token: 401 unauthorized on every protected route.
        for (const QString &path :
             {QStringLiteral("/api/v1/wallet"), QStringLiteral("/api/v1/payments"),
              QStringLiteral("/api/v1/merchant"),
              QStringLiteral("/api/v1/bills?provider=pc-hue&customer_code=X")}) {
            const HttpResult none = httpRequest("GET", server.url(path));
            QCOMPARE(none.status, 401);
            QCOMPARE(errorOf(none), QStringLiteral("unauthorized"));
            QVERIFY(!none.header("WWW-Authenticate").isEmpty());
            const HttpResult bad = httpGet(server.url(path), QStringLiteral("not-a-token"));
            QCOMPARE(bad.status, 401);
        }
        const HttpResult anonymousPay =
            httpRequest("POST", server.url(QStringLiteral("/api/v1/payments")), "{}",
                        {qMakePair(QByteArray("Idempotency-Key"), QByteArray("k"))});
        QCOMPARE(anonymousPay.status, 401);
        // A partner's client token is not a person's: 403 forbidden.
        const HttpResult partner =
            httpGet(server.url(QStringLiteral("/api/v1/wallet")), partnerToken(server));
        QCOMPARE(partner.status, 403);
        QCOMPARE(errorOf(partner), QStringLiteral("forbidden"));

        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        QVERIFY(!citizen.isEmpty());
        const HttpResult wallet = httpGet(server.url(QStringLiteral("/api/v1/wallet")), citizen);
        QCOMPARE(wallet.status, 200);
        const QJsonObject w = wallet.object();
        QCOMPARE(w.value(QStringLiteral("balance")).toDouble(), 5000000.0);
        QCOMPARE(w.value(QStringLiteral("currency")).toString(), QStringLiteral("VND"));
        QCOMPARE(w.value(QStringLiteral("holder_name")).toString(),
                 QStringLiteral("Nguyễn Thị Hương"));
        QCOMPARE(w.value(QStringLiteral("account_id")).toString(),
                 QStringLiteral("wal-acc-citizen"));
        const QJsonObject linked = w.value(QStringLiteral("linked_bank")).toObject();
        QCOMPARE(linked.value(QStringLiteral("bin")).toString(), QStringLiteral("970436"));
        QCOMPARE(linked.value(QStringLiteral("short_name")).toString(),
                 QStringLiteral("Vietcombank"));
        QVERIFY(linked.value(QStringLiteral("account_masked")).toString().endsWith(u"4567"));
        // Merchant mode is for merchants only.
        const HttpResult notMerchant =
            httpGet(server.url(QStringLiteral("/api/v1/merchant")), citizen);
        QCOMPARE(notMerchant.status, 403);
        QCOMPARE(errorOf(notMerchant), QStringLiteral("forbidden"));
        const HttpResult noQr =
            httpRequest("POST", server.url(QStringLiteral("/api/v1/merchant/qr")),
                        json({{QStringLiteral("amount"), 1000}}), jsonHeaders(citizen));
        QCOMPARE(noQr.status, 403);
        // A person with no wallet yet gets an empty one.
        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const HttpResult empty = httpGet(server.url(QStringLiteral("/api/v1/wallet")), ioc);
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.object().value(QStringLiteral("balance")).toDouble(), 0.0);
        QVERIFY(empty.object().value(QStringLiteral("linked_bank")).isNull());
        QVERIFY(ledgerConsistent(server));
    }

    void staticPaymentAndIdempotency_data() { backends(); }
    void staticPaymentAndIdempotency()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString tourist =
            signIn(server, QStringLiteral("tourist"), QStringLiteral("hues-tourist-demo"));
        const QString qr = staticQr(kChe);
        QVERIFY(!qr.isEmpty());

        const HttpResult seen = lookup(server, citizen, qr);
        QCOMPARE(seen.status, 200);
        QCOMPARE(seen.object().value(QStringLiteral("state")).toString(),
                 QStringLiteral("payable"));
        QCOMPARE(seen.object().value(QStringLiteral("dynamic")).toBool(true), false);
        QVERIFY(seen.object().value(QStringLiteral("amount")).isNull());
        const QJsonObject merchant = seen.object().value(QStringLiteral("merchant")).toObject();
        QCOMPARE(merchant.value(QStringLiteral("merchant_id")).toString(),
                 QStringLiteral("m-dongba-tu"));
        QCOMPARE(merchant.value(QStringLiteral("category")).toString(), QStringLiteral("market"));
        QCOMPARE(merchant.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        const HttpResult broken =
            lookup(server, citizen, qr.left(qr.size() - 1) + QLatin1Char('0'));
        QCOMPARE(broken.status, 400);
        QCOMPARE(errorOf(broken), QStringLiteral("invalid_qr"));
        QVERIFY(!broken.object().value(QStringLiteral("message")).toString().isEmpty());

        // Refusals before anything is charged.
        const QJsonObject body{{QStringLiteral("qr"), qr},
                               {QStringLiteral("amount"), 50000},
                               {QStringLiteral("purpose"), QStringLiteral("Chè hạt sen")}};
        HttpResult reply = httpRequest("POST", server.url(QStringLiteral("/api/v1/payments")),
                                       json(body), jsonHeaders(citizen));
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorOf(reply), QStringLiteral("idempotency_key_required"));
        reply = pay(server, citizen, "k-no-amount", {{QStringLiteral("qr"), qr}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("amount_required"));
        for (const QJsonValue &amount :
             {QJsonValue(0), QJsonValue(-5), QJsonValue(1.5), QJsonValue(500000001),
              QJsonValue(QStringLiteral("100"))}) {
            reply = pay(server, citizen, "k-bad-amount",
                        {{QStringLiteral("qr"), qr}, {QStringLiteral("amount"), amount}});
            QCOMPARE(reply.status, 422);
            QCOMPARE(errorOf(reply), QStringLiteral("amount_invalid"));
        }
        reply =
            pay(server, citizen, "k-bad-qr",
                {{QStringLiteral("qr"), QStringLiteral("000201")}, {QStringLiteral("amount"), 5}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorOf(reply), QStringLiteral("invalid_qr"));
        reply = httpRequest("POST", server.url(QStringLiteral("/api/v1/payments")), "[1]",
                            jsonHeaders(citizen, "k-array"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorOf(reply), QStringLiteral("invalid_request"));
        QCOMPARE(balance(server, citizen), 5000000);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 0);

        // Paid once; the same key replays the same answer; other content is refused.
        const HttpResult first = pay(server, citizen, "key-1", body);
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const QJsonObject payment = first.object().value(QStringLiteral("payment")).toObject();
        const QString id = payment.value(QStringLiteral("payment_id")).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(payment.value(QStringLiteral("reference")).toString().startsWith(u"HS"));
        QCOMPARE(payment.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(payment.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(payment.value(QStringLiteral("kind")).toString(), QStringLiteral("qr"));
        QCOMPARE(payment.value(QStringLiteral("amount")).toDouble(), 50000.0);
        QCOMPARE(payment.value(QStringLiteral("purpose")).toString(),
                 QStringLiteral("Chè hạt sen"));
        QVERIFY(payment.value(QStringLiteral("qr_id")).isNull());
        QVERIFY(payment.value(QStringLiteral("created_at")).toString().endsWith(u"+07:00"));
        QCOMPARE(payment.value(QStringLiteral("payer"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Nguyễn Thị Hương"));
        QCOMPARE(payment.value(QStringLiteral("merchant"))
                     .toObject()
                     .value(QStringLiteral("bank_bin"))
                     .toString(),
                 QStringLiteral("970403"));
        const HttpResult again = pay(server, citizen, "key-1", body);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QJsonObject other = body;
        other.insert(QStringLiteral("amount"), 60000);
        const HttpResult reused = pay(server, citizen, "key-1", other);
        QCOMPARE(reused.status, 422);
        QCOMPARE(errorOf(reused), QStringLiteral("idempotency_key_reused"));
        // Keys are per caller: the tourist's "key-1" is a payment of its own.
        const HttpResult touristPays = pay(server, tourist, "key-1", body);
        QCOMPARE(touristPays.status, 201);
        QCOMPARE(balance(server, citizen), 4950000);
        QCOMPARE(balance(server, tourist), 1950000);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 2);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT balance FROM ledger_accounts WHERE id = "
                                                   "'mer-m-dongba-tu'")),
                 100000);

        // Reading: one's own payment; another person's is 404.
        const HttpResult mine =
            httpGet(server.url(QStringLiteral("/api/v1/payments/") + id), citizen);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.object().value(QStringLiteral("payment_id")).toString(), id);
        const HttpResult theirs =
            httpGet(server.url(QStringLiteral("/api/v1/payments/") + id), tourist);
        QCOMPARE(theirs.status, 404);
        QCOMPARE(errorOf(theirs), QStringLiteral("not_found"));
        // History: search without case or diacritics, filters, paging.
        for (const QString &q : {QStringLiteral("ba tu"), QStringLiteral("CHE HAT"),
                                 payment.value(QStringLiteral("reference")).toString().toLower()}) {
            QUrl url = server.url(QStringLiteral("/api/v1/payments"));
            url.setQuery(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)));
            const HttpResult found = httpGet(url, citizen);
            QCOMPARE(found.status, 200);
            QCOMPARE(found.object().value(QStringLiteral("payments")).toArray().size(), 1);
        }
        QUrl none = server.url(QStringLiteral("/api/v1/payments"));
        none.setQuery(QStringLiteral("q=pho&direction=out"));
        QCOMPARE(httpGet(none, citizen).object().value(QStringLiteral("payments")).toArray().size(),
                 0);
        QUrl in = server.url(QStringLiteral("/api/v1/payments"));
        in.setQuery(QStringLiteral("direction=in"));
        QCOMPARE(httpGet(in, citizen).object().value(QStringLiteral("payments")).toArray().size(),
                 0);
        for (const char *query : {"direction=sideways", "limit=0", "limit=201", "kind=cash",
                                  "category=casino", "from=yesterday", "before=pay_nope"}) {
            QUrl bad = server.url(QStringLiteral("/api/v1/payments"));
            bad.setQuery(QString::fromLatin1(query));
            QCOMPARE(httpGet(bad, citizen).status, 400);
        }
        for (int i = 0; i < 2; ++i)
            QCOMPARE(pay(server, citizen, "page-" + QByteArray::number(i),
                         {{QStringLiteral("qr"), qr}, {QStringLiteral("amount"), 1000 + i}})
                         .status,
                     201);
        QUrl page = server.url(QStringLiteral("/api/v1/payments"));
        page.setQuery(QStringLiteral("limit=2&category=market&kind=qr&from=2020-01-01"));
        const HttpResult page1 = httpGet(page, citizen);
        QCOMPARE(page1.object().value(QStringLiteral("payments")).toArray().size(), 2);
        const QString next = page1.object().value(QStringLiteral("next_before")).toString();
        QVERIFY(!next.isEmpty());
        page.setQuery(QStringLiteral("limit=2&before=") + next);
        const HttpResult page2 = httpGet(page, citizen);
        const QJsonArray rest = page2.object().value(QStringLiteral("payments")).toArray();
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.at(0).toObject().value(QStringLiteral("payment_id")).toString(), id);
        QVERIFY(page2.object().value(QStringLiteral("next_before")).isNull());
        QVERIFY(ledgerConsistent(server));
    }

    void refusals_data() { backends(); }
    void refusals()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString tourist =
            signIn(server, QStringLiteral("tourist"), QStringLiteral("hues-tourist-demo"));
        // Insufficient funds: nothing changes.
        HttpResult reply =
            pay(server, tourist, "too-much",
                {{QStringLiteral("qr"), staticQr(kChe)}, {QStringLiteral("amount"), 2000001}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("insufficient_funds"));
        QCOMPARE(balance(server, tourist), 2000000);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 0);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM idempotency_keys")), 0);
        // The refusal is not stored: a retry with the same key is decided again.
        reply = pay(server, tourist, "too-much",
                    {{QStringLiteral("qr"), staticQr(kChe)}, {QStringLiteral("amount"), 2000001}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("insufficient_funds"));
        QVERIFY(reply.header("Idempotent-Replayed").isEmpty());
        reply = pay(server, tourist, "all-of-it",
                    {{QStringLiteral("qr"), staticQr(kChe)}, {QStringLiteral("amount"), 2000000}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(balance(server, tourist), 0);
        reply = pay(server, tourist, "one-more",
                    {{QStringLiteral("qr"), staticQr(kChe)}, {QStringLiteral("amount"), 1}});
        QCOMPARE(errorOf(reply), QStringLiteral("insufficient_funds"));

        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        // A closed merchant.
        const HttpResult closed = lookup(server, citizen, staticQr(kClosed));
        QCOMPARE(closed.status, 200);
        QCOMPARE(closed.object().value(QStringLiteral("state")).toString(),
                 QStringLiteral("closed"));
        reply = pay(server, citizen, "closed",
                    {{QStringLiteral("qr"), staticQr(kClosed)}, {QStringLiteral("amount"), 20000}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("merchant_closed"));
        // Nobody at all.
        const Beneficiary nobody{"970436", "999999"};
        QCOMPARE(errorOf(lookup(server, citizen, staticQr(nobody))),
                 QStringLiteral("unknown_beneficiary"));
        reply = pay(server, citizen, "nobody",
                    {{QStringLiteral("qr"), staticQr(nobody)}, {QStringLiteral("amount"), 20000}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(errorOf(reply), QStringLiteral("unknown_beneficiary"));
        QCOMPARE(balance(server, citizen), 5000000);
        // An account at another bank known to the bank link: named, and paid through clearing.
        const HttpResult external = lookup(server, citizen, staticQr(kExternal));
        QCOMPARE(external.status, 200);
        const QJsonObject merchant = external.object().value(QStringLiteral("merchant")).toObject();
        QCOMPARE(merchant.value(QStringLiteral("name")).toString(), QStringLiteral("LE THI BICH"));
        QVERIFY(merchant.value(QStringLiteral("merchant_id")).isNull());
        reply =
            pay(server, citizen, "external", {{QStringLiteral("qr"), staticQr(kExternal, 300000)}});
        QCOMPARE(reply.status, 201); // the static code's own amount
        QCOMPARE(reply.object()
                     .value(QStringLiteral("payment"))
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toDouble(),
                 300000.0);
        QCOMPARE(balance(server, citizen), 4700000);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT balance FROM ledger_accounts WHERE id = "
                                                   "'sys-clearing'")),
                 300000);
        QVERIFY(ledgerConsistent(server));
    }

    void merchantQrAndPush_data() { backends(); }
    void merchantQrAndPush()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString merchant =
            signIn(server, QStringLiteral("merchant"), QStringLiteral("hues-merchant-demo"));
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString tourist =
            signIn(server, QStringLiteral("tourist"), QStringLiteral("hues-tourist-demo"));
        const HttpResult me = httpGet(server.url(QStringLiteral("/api/v1/merchant")), merchant);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.object().value(QStringLiteral("merchant_id")).toString(),
                 QStringLiteral("m-mekeo"));
        QCOMPARE(me.object().value(QStringLiteral("account")).toString(),
                 QStringLiteral("107000123456"));
        QCOMPARE(me.object().value(QStringLiteral("balance")).toDouble(-1), 0.0);
        const vietqr::ParseResult staticCode =
            vietqr::parse(me.object().value(QStringLiteral("static_qr")).toString());
        QVERIFY2(staticCode.ok, qPrintable(staticCode.error));
        QVERIFY(!staticCode.code.dynamic);
        QCOMPARE(staticCode.code.bankBin, QStringLiteral("970415"));

        // Bad requests for a code.
        auto createQr = [&](const QJsonObject &body) {
            return httpRequest("POST", server.url(QStringLiteral("/api/v1/merchant/qr")),
                               json(body), jsonHeaders(merchant));
        };
        QCOMPARE(errorOf(createQr({})), QStringLiteral("amount_required"));
        QCOMPARE(errorOf(createQr({{QStringLiteral("amount"), 0}})),
                 QStringLiteral("amount_invalid"));
        QCOMPARE(
            createQr({{QStringLiteral("amount"), 1000}, {QStringLiteral("expires_in"), 59}}).status,
            400);
        QCOMPARE(createQr({{QStringLiteral("amount"), 1000}, {QStringLiteral("expires_in"), 86401}})
                     .status,
                 400);

        StreamClient stream;
        QVERIFY(stream.open(streamUrl(server.baseUrl(), 0, socketToken(server, merchant))));
        const HttpResult created =
            createQr({{QStringLiteral("amount"), 45000},
                      {QStringLiteral("purpose"), QStringLiteral("Bun bo 2 to")}});
        QCOMPARE(created.status, 201);
        const QString qrId = created.object().value(QStringLiteral("qr_id")).toString();
        const QString payload = created.object().value(QStringLiteral("payload")).toString();
        const vietqr::ParseResult code = vietqr::parse(payload);
        QVERIFY2(code.ok, qPrintable(code.error));
        QVERIFY(code.code.dynamic);
        QCOMPARE(code.code.amount.value_or(0), 45000);
        QCOMPARE(code.code.referenceLabel, qrId);
        QCOMPARE(code.code.purpose, QStringLiteral("Bun bo 2 to"));

        const HttpResult seen = lookup(server, citizen, payload);
        QCOMPARE(seen.object().value(QStringLiteral("state")).toString(),
                 QStringLiteral("payable"));
        QCOMPARE(seen.object().value(QStringLiteral("qr_id")).toString(), qrId);
        QCOMPARE(seen.object().value(QStringLiteral("amount")).toDouble(), 45000.0);
        QVERIFY(!seen.object().value(QStringLiteral("expires_at")).toString().isEmpty());
        HttpResult reply =
            pay(server, citizen, "mismatch",
                {{QStringLiteral("qr"), payload}, {QStringLiteral("amount"), 40000}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("amount_mismatch"));
        reply = pay(server, citizen, "pay-qr", {{QStringLiteral("qr"), payload}});
        QCOMPARE(reply.status, 201);
        const QJsonObject payment = reply.object().value(QStringLiteral("payment")).toObject();
        QCOMPARE(payment.value(QStringLiteral("qr_id")).toString(), qrId);
        QCOMPARE(payment.value(QStringLiteral("purpose")).toString(),
                 QStringLiteral("Bun bo 2 to"));

        // The trader's phone hears of it.
        QVERIFY(stream.waitForEvents(1, QStringLiteral("payment_received")));
        const QJsonObject data = stream.events(QStringLiteral("payment_received"))
                                     .first()
                                     .value(QStringLiteral("data"))
                                     .toObject();
        QCOMPARE(data.value(QStringLiteral("payment_id")).toString(),
                 payment.value(QStringLiteral("payment_id")).toString());
        QCOMPARE(data.value(QStringLiteral("qr_id")).toString(), qrId);
        QCOMPARE(data.value(QStringLiteral("amount")).toDouble(), 45000.0);
        QCOMPARE(data.value(QStringLiteral("currency")).toString(), QStringLiteral("VND"));
        QCOMPARE(data.value(QStringLiteral("payer_name")).toString(),
                 QStringLiteral("NGUYEN THI H."));

        const HttpResult state =
            httpGet(server.url(QStringLiteral("/api/v1/merchant/qr/") + qrId), merchant);
        QCOMPARE(state.object().value(QStringLiteral("state")).toString(), QStringLiteral("paid"));
        const QJsonObject received = state.object().value(QStringLiteral("payment")).toObject();
        QCOMPARE(received.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
        QCOMPARE(received.value(QStringLiteral("payer"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("NGUYEN THI H."));
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/merchant/qr/") + qrId), citizen).status,
                 403);
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/merchant/qr/QRNOPE")), merchant).status,
                 404);
        // The merchant sees it in its history as "in"; its payer sees it as "out".
        QUrl in = server.url(QStringLiteral("/api/v1/payments"));
        in.setQuery(QStringLiteral("direction=in"));
        QCOMPARE(httpGet(in, merchant).object().value(QStringLiteral("payments")).toArray().size(),
                 1);
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/payments/") +
                                    payment.value(QStringLiteral("payment_id")).toString()),
                         merchant)
                     .status,
                 200);

        // Paid already: the second payer is refused and nothing changes.
        reply = pay(server, tourist, "late", {{QStringLiteral("qr"), payload}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("qr_already_paid"));
        QCOMPARE(
            lookup(server, tourist, payload).object().value(QStringLiteral("state")).toString(),
            QStringLiteral("paid"));
        QCOMPARE(balance(server, tourist), 2000000);

        // Expired: a code whose time has passed (moved back in the database).
        const HttpResult old =
            createQr({{QStringLiteral("amount"), 30000}, {QStringLiteral("expires_in"), 60}});
        QCOMPARE(old.status, 201);
        QVERIFY(
            server.execSql(QStringLiteral("UPDATE merchant_qr SET expires_at = 1 WHERE id = '") +
                           old.object().value(QStringLiteral("qr_id")).toString() + "'"));
        const QString oldPayload = old.object().value(QStringLiteral("payload")).toString();
        QCOMPARE(
            lookup(server, tourist, oldPayload).object().value(QStringLiteral("state")).toString(),
            QStringLiteral("expired"));
        reply = pay(server, tourist, "expired", {{QStringLiteral("qr"), oldPayload}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorOf(reply), QStringLiteral("qr_expired"));
        QCOMPARE(balance(server, tourist), 2000000);
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/merchant")), merchant)
                     .object()
                     .value(QStringLiteral("balance"))
                     .toDouble(),
                 45000.0);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 1);
        QVERIFY(ledgerConsistent(server));
    }

    void bills_data() { backends(); }
    void bills()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const HttpResult vi =
            httpRequest("GET", server.url(QStringLiteral("/api/v1/bills/providers")), {},
                        {qMakePair(QByteArray("Accept-Language"), QByteArray("vi"))});
        QCOMPARE(vi.status, 200);
        QCOMPARE(vi.array().size(), 6);
        QStringList categories;
        for (const QJsonValue &p : vi.array())
            categories << p.toObject().value(QStringLiteral("category")).toString();
        QCOMPARE(categories, (QStringList{"electricity", "water", "telecom", "tuition", "hospital",
                                          "public_fee"}));
        QCOMPARE(
            vi.array().at(0).toObject().value(QStringLiteral("customer_code_label")).toString(),
            QStringLiteral("Mã khách hàng"));
        const HttpResult en =
            httpRequest("GET", server.url(QStringLiteral("/api/v1/bills/providers")), {},
                        {qMakePair(QByteArray("Accept-Language"), QByteArray("en"))});
        QCOMPARE(
            en.array().at(0).toObject().value(QStringLiteral("customer_code_label")).toString(),
            QStringLiteral("Customer code"));

        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        auto bills = [&](const QString &provider, const QString &code) {
            QUrl url = server.url(QStringLiteral("/api/v1/bills"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("provider"), provider);
            query.addQueryItem(QStringLiteral("customer_code"), code);
            url.setQuery(query);
            return httpGet(url, citizen);
        };
        QCOMPARE(errorOf(bills(QStringLiteral("pc-hue"), QStringLiteral("PC05EE0099999"))),
                 QStringLiteral("unknown_customer"));
        QCOMPARE(bills(QStringLiteral("pc-hue"), QStringLiteral("PC05EE0099999")).status, 404);
        QCOMPARE(bills(QStringLiteral("nope"), QStringLiteral("X")).status, 404);
        QCOMPARE(bills(QString(), QStringLiteral("X")).status, 400);
        const HttpResult power = bills(QStringLiteral("pc-hue"), QStringLiteral("pc05ee0012345"));
        QCOMPARE(power.status, 200);
        QCOMPARE(power.object().value(QStringLiteral("customer_name")).toString(),
                 QStringLiteral("Nguyễn Thị Hương"));
        const QJsonArray list = power.object().value(QStringLiteral("bills")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("unpaid"));
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("due_date")).toString().size(), 10);

        auto payBills = [&](const QByteArray &key, const QStringList &ids) {
            return httpRequest(
                "POST", server.url(QStringLiteral("/api/v1/bills/pay")),
                json({{QStringLiteral("bill_ids"), QJsonArray::fromStringList(ids)}}),
                jsonHeaders(citizen, key));
        };
        QCOMPARE(payBills("empty", {}).status, 400);
        QCOMPARE(payBills("twice", {"bill-pc-1", "bill-pc-1"}).status, 400);
        QCOMPARE(errorOf(payBills("ghost", {"bill-ghost"})), QStringLiteral("not_found"));
        QCOMPARE(httpRequest("POST", server.url(QStringLiteral("/api/v1/bills/pay")), "{}",
                             jsonHeaders(citizen))
                     .status,
                 400);
        // One bill.
        const HttpResult single = payBills("single", {"bill-pc-1"});
        QCOMPARE(single.status, 201);
        QCOMPARE(single.object().value(QStringLiteral("payments")).toArray().size(), 1);
        const QJsonObject p =
            single.object().value(QStringLiteral("payments")).toArray().at(0).toObject();
        QCOMPARE(p.value(QStringLiteral("kind")).toString(), QStringLiteral("bill"));
        QCOMPARE(p.value(QStringLiteral("amount")).toDouble(), 389200.0);
        QCOMPARE(p.value(QStringLiteral("bills"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("bill_id"))
                     .toString(),
                 QStringLiteral("bill-pc-1"));
        QCOMPARE(balance(server, citizen), 5000000 - 389200);
        // A paid bill among others: nothing is charged.
        const HttpResult again = payBills("again", {"bill-hw-1", "bill-pc-1"});
        QCOMPARE(again.status, 422);
        QCOMPARE(errorOf(again), QStringLiteral("bill_already_paid"));
        QCOMPARE(balance(server, citizen), 5000000 - 389200);
        QCOMPARE(
            server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM bills WHERE id = 'bill-hw-1' "
                                              "AND status = 'unpaid'")),
            1);
        // Several providers at once: one payment each, in one transaction.
        const QStringList several{"bill-pc-2", "bill-hw-1", "bill-vnpt-1", "bill-qh-1",
                                  "bill-qh-2"};
        const HttpResult many = payBills("many", several);
        QCOMPARE(many.status, 201);
        const QJsonArray payments = many.object().value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 4);
        qint64 total = 0;
        for (const QJsonValue &v : payments)
            total += qint64(v.toObject().value(QStringLiteral("amount")).toDouble());
        QCOMPARE(total, 412350 + 126500 + 220000 + 1250000 + 680400);
        QCOMPARE(balance(server, citizen), 5000000 - 389200 - total);
        const HttpResult replay = payBills("many", several);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, many.body);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(balance(server, citizen), 5000000 - 389200 - total);
        QCOMPARE(bills(QStringLiteral("quochoc"), QStringLiteral("QH10A1015"))
                     .object()
                     .value(QStringLiteral("bills"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("paid"));
        QUrl url = server.url(QStringLiteral("/api/v1/payments"));
        url.setQuery(QStringLiteral("kind=bill"));
        QCOMPARE(httpGet(url, citizen).object().value(QStringLiteral("payments")).toArray().size(),
                 5);
        // Too expensive: the tourist cannot pay the rest, nothing changes.
        const QString tourist =
            signIn(server, QStringLiteral("tourist"), QStringLiteral("hues-tourist-demo"));
        QVERIFY(server.execSql(
            QStringLiteral("UPDATE bills SET amount = 2500000 WHERE id = 'bill-bv-1'")));
        const HttpResult poor =
            httpRequest("POST", server.url(QStringLiteral("/api/v1/bills/pay")),
                        json({{QStringLiteral("bill_ids"), QJsonArray{"bill-bv-1", "bill-hcc-1"}}}),
                        jsonHeaders(tourist, "poor"));
        QCOMPARE(poor.status, 422);
        QCOMPARE(errorOf(poor), QStringLiteral("insufficient_funds"));
        QCOMPARE(server.queryNumber(
                     QStringLiteral("SELECT COUNT(*) FROM bills WHERE status = 'unpaid'")),
                 2);
        QVERIFY(ledgerConsistent(server));
    }

    void bankNotify_data() { backends(); }
    void bankNotify()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString merchant =
            signIn(server, QStringLiteral("merchant"), QStringLiteral("hues-merchant-demo"));
        StreamClient stream;
        QVERIFY(stream.open(streamUrl(server.baseUrl(), 0, socketToken(server, merchant))));
        const HttpResult code =
            httpRequest("POST", server.url(QStringLiteral("/api/v1/merchant/qr")),
                        json({{QStringLiteral("amount"), 90000}}), jsonHeaders(merchant));
        const QString qrId = code.object().value(QStringLiteral("qr_id")).toString();
        QVERIFY(!qrId.isEmpty());

        const QByteArray body = notifyBody(QStringLiteral("VCB-20260501-0001"), kMeKeo, 90000,
                                           QStringLiteral("CK ") + qrId + QStringLiteral(" bun bo"))
                                    .toUtf8();
        // Bad signature, wrong secret, stale and future timestamps, missing headers: 401.
        QCOMPARE(notify(server, body, QDateTime::currentSecsSinceEpoch(), "wrong-secret").status,
                 401);
        QCOMPARE(notify(server, body, QDateTime::currentSecsSinceEpoch() - 301).status, 401);
        QCOMPARE(notify(server, body, QDateTime::currentSecsSinceEpoch() + 301).status, 401);
        const HttpResult unsigned_ =
            httpRequest("POST", server.url(QStringLiteral("/api/v1/bank/notify")), body,
                        {qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))});
        QCOMPARE(unsigned_.status, 401);
        QCOMPARE(errorOf(unsigned_), QStringLiteral("unauthorized"));
        QByteArray tampered = body;
        tampered.replace("90000", "99000");
        {
            const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
            const QByteArray sig =
                "sha256=" + QMessageAuthenticationCode::hash(ts + "." + body, kSecret,
                                                             QCryptographicHash::Sha256)
                                .toHex();
            QCOMPARE(httpRequest("POST", server.url(QStringLiteral("/api/v1/bank/notify")),
                                 tampered,
                                 {qMakePair(QByteArray("X-Hues-Timestamp"), ts),
                                  qMakePair(QByteArray("X-Hues-Signature"), sig)})
                         .status,
                     401);
        }
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 0);
        // Signed but malformed, or to nobody here.
        QCOMPARE(notify(server, "{\"transaction_id\": 5}").status, 400);
        const HttpResult nobody =
            notify(server, notifyBody(QStringLiteral("X-1"), kExternal, 5000, {}).toUtf8());
        QCOMPARE(nobody.status, 404);
        QCOMPARE(errorOf(nobody), QStringLiteral("unknown_beneficiary"));

        const HttpResult recorded = notify(server, body);
        QCOMPARE(recorded.status, 200);
        QCOMPARE(recorded.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("recorded"));
        const QString paymentId = recorded.object().value(QStringLiteral("payment_id")).toString();
        const HttpResult duplicate = notify(server, body);
        QCOMPARE(duplicate.status, 200);
        QCOMPARE(duplicate.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("duplicate"));
        QCOMPARE(duplicate.object().value(QStringLiteral("payment_id")).toString(), paymentId);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 1);

        // The code is paid, the merchant credited and told.
        const HttpResult state =
            httpGet(server.url(QStringLiteral("/api/v1/merchant/qr/") + qrId), merchant);
        QCOMPARE(state.object().value(QStringLiteral("state")).toString(), QStringLiteral("paid"));
        const QJsonObject payment = state.object().value(QStringLiteral("payment")).toObject();
        QCOMPARE(payment.value(QStringLiteral("kind")).toString(), QStringLiteral("bank_transfer"));
        QCOMPARE(payment.value(QStringLiteral("payer"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("TRAN VAN A."));
        QVERIFY(stream.waitForEvents(1, QStringLiteral("payment_received")));
        QCOMPARE(stream.events(QStringLiteral("payment_received"))
                     .first()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("qr_id"))
                     .toString(),
                 qrId);
        // A transfer with no code in its description is recorded too, leaving codes alone.
        QCOMPARE(notify(server, notifyBody(QStringLiteral("VCB-2"), kMeKeo, 12000,
                                           QStringLiteral("tien an"))
                                    .toUtf8())
                     .status,
                 200);
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/merchant")), merchant)
                     .object()
                     .value(QStringLiteral("balance"))
                     .toDouble(),
                 102000.0);
        QCOMPARE(server.queryNumber(QStringLiteral(
                     "SELECT balance FROM ledger_accounts WHERE id = 'sys-clearing'")),
                 -102000);
        QVERIFY(ledgerConsistent(server));
    }

    // A client that hangs up while its payment is being made: the server keeps going, and the
    // retry with the same key replays the payment made.
    void hangUpThenRetry()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QByteArray body =
            json({{QStringLiteral("qr"), staticQr(kChe)}, {QStringLiteral("amount"), 7000}});
        const QByteArray raw =
            "POST /api/v1/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            citizen.toLatin1() +
            "\r\nContent-Type: application/json\r\nIdempotency-Key: hang\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body;
        rawExchange(server.baseUrl(), raw, 1); // gives up after 1 ms
        const HttpResult retry =
            pay(server, citizen, "hang", QJsonDocument::fromJson(body).object());
        QCOMPARE(retry.status, 201);
        QCOMPARE(balance(server, citizen), 5000000 - 7000);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM payments")), 1);
        QVERIFY(server.isRunning());
        QVERIFY(ledgerConsistent(server));
    }
};

QTEST_GUILESS_MAIN(TestServerPayments)
#include "tst_server_payments.moc"
