// End to end, payments: the real Main.qml and core against a real hues-server with the demo
// data (wallets, the demo merchant, bill providers and bills). The test clicks through "Pay" by
// objectName: a static VietQR pasted as text is paid with an amount typed in and a PIN chosen
// then typed, its receipt shown and saved as an image, the wallet on the server down by exactly
// that amount; a trader's dynamic QR paid by a customer turns into "Đã nhận …" on the trader's
// screen (the push event); two due bills are looked up and paid together; the history is
// searched and filtered. The scanner's camera is skipped: codes are pasted, as on a kiosk.
#include "AccountService.h"
#include "Application.h"
#include "PushSupport.h"
#include "QuickItems.h"
#include "TestServer.h"
#include "payments/PaymentFlow.h"
#include "payments/PaymentsService.h"
#include "securestore/SecureStore.h"
#include "vietqr/VietQr.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

using hues::AccountService;
using hues::Application;
using hues::AppOptions;
using hues::test::click;
using hues::test::clickNamed;
using hues::test::findVisible;
using hues::test::grab;
using hues::test::HttpResult;
using hues::test::TestServer;
using hues::test::textOf;
using hues::test::typeInto;
using payments::PaymentFlow;

namespace {

const QString kCitizen = QStringLiteral("citizen");
const QString kCitizenPassword = QStringLiteral("hues-citizen-demo");
const QString kMerchant = QStringLiteral("merchant");
const QString kMerchantPassword = QStringLiteral("hues-merchant-demo");
const QString kPin = QStringLiteral("2468");

HttpResult api(const TestServer &server, const QByteArray &method, const QString &path,
               const QString &token, const QJsonObject &body = {}, bool idempotent = false)
{
    hues::test::HeaderList headers = hues::test::bearer(token);
    QByteArray bytes;
    if (!body.isEmpty()) {
        bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    if (idempotent)
        headers.append(qMakePair(QByteArray("Idempotency-Key"),
                                 QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()));
    return hues::test::httpRequest(method, server.url(path), bytes, headers);
}

// The wallet balance on the server, or -1.
qint64 serverBalance(const TestServer &server, const QString &token)
{
    const HttpResult r = api(server, "GET", QStringLiteral("/api/v1/wallet"), token);
    return r.status == 200 ? qint64(r.object().value(QStringLiteral("balance")).toDouble()) : -1;
}

} // namespace

class TstE2ePay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void payStaticCodePasted();
    void merchantSeesDynamicCodePaid();
    void billsLookedUpAndTwoPaid();
    void historySearchAndFilters();
    void wideWindow();

private:
    void startApp(std::unique_ptr<Application> &app, const QString &dataDir, QSize size,
                  const QString &language, platform::SecureStore *store);
    // From the Pay page signed out, through the account page and the browser, back to Pay.
    void signIn(Application *app, const QString &username, const QString &password);
    // Types a PIN on the dialog's keys, then OK.
    void typePin(QQuickWindow *window, const QString &pin);
    // Confirm page in state Confirm -> Pay -> PIN (chosen twice when new) -> receipt.
    void payWithPin(Application *app, bool newPin, const QString &grabPrefix = {});

    std::unique_ptr<TestServer> m_server;
    QString m_citizenToken;
    QString m_merchantToken;
    QString m_staticQr;
    QList<QUrl> m_opened;
};

void TstE2ePay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_citizenToken = hues::test::signIn(*m_server, kCitizen, kCitizenPassword);
    m_merchantToken = hues::test::signIn(*m_server, kMerchant, kMerchantPassword);
    QVERIFY(!m_citizenToken.isEmpty() && !m_merchantToken.isEmpty());
    const HttpResult merchant =
        api(*m_server, "GET", QStringLiteral("/api/v1/merchant"), m_merchantToken);
    QCOMPARE(merchant.status, 200);
    m_staticQr = merchant.object().value(QStringLiteral("static_qr")).toString();
    QVERIFY(m_staticQr.startsWith(QStringLiteral("000201")));
}

void TstE2ePay::startApp(std::unique_ptr<Application> &app, const QString &dataDir, QSize size,
                         const QString &language, platform::SecureStore *store)
{
    AppOptions o;
    o.dataDir = dataDir;
    o.serverUrl = m_server->baseUrl().toString();
    o.language = language;
    o.size = size;
    o.page = QStringLiteral("pay");
    app = std::make_unique<Application>(o);
    app->setSecureStore(store);
    m_opened.clear();
    QList<QUrl> *opened = &m_opened;
    app->setUrlOpener([opened](const QUrl &url) {
        opened->append(url);
        return true;
    });
    QVERIFY(app->start());
    QVERIFY(QTest::qWaitForWindowExposed(app->window()));
    QTRY_VERIFY(findVisible(app->window(), QStringLiteral("page_pay")));
}

void TstE2ePay::signIn(Application *app, const QString &username, const QString &password)
{
    QQuickWindow *window = app->window();
    QTRY_VERIFY(findVisible(window, QStringLiteral("paySignIn")));
    QVERIFY(!findVisible(window, QStringLiteral("payWalletCard")));
    clickNamed(window, QStringLiteral("emptyAction"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_account")));
    clickNamed(window, QStringLiteral("accountSignInButton"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_opened.isEmpty(), 10000);
    hues::test::Browser browser;
    const HttpResult answer = browser.signIn(m_opened.constLast(), username, password);
    QCOMPARE(answer.status / 100, 3);
    const HttpResult landed =
        hues::test::httpGet(QUrl(QString::fromUtf8(answer.header("Location"))));
    QCOMPARE(landed.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(app->account()->state(), AccountService::SignedIn, 15000);
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_pay")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_account")));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("payWalletCard")), 10000);
}

void TstE2ePay::typePin(QQuickWindow *window, const QString &pin)
{
    for (const QChar digit : pin)
        clickNamed(window, QStringLiteral("pinKey_") + digit);
    clickNamed(window, QStringLiteral("pinKey_ok"));
}

void TstE2ePay::payWithPin(Application *app, bool newPin, const QString &grabPrefix)
{
    QQuickWindow *window = app->window();
    PaymentFlow *flow = app->payments()->flow();
    QCOMPARE(flow->state(), PaymentFlow::Confirm);
    clickNamed(window, QStringLiteral("payButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("pinKeypad")));
    if (newPin) {
        QVERIFY(!app->payments()->hasPin());
        // Chosen, then typed again; two different PINs start over.
        typePin(window, kPin);
        QTRY_VERIFY(findVisible(window, QStringLiteral("pinKeypad")));
        typePin(window, QStringLiteral("1111"));
        QTRY_VERIFY(!textOf(window, QStringLiteral("pinMessage")).isEmpty());
        QVERIFY(!app->payments()->hasPin());
        typePin(window, kPin);
        if (!grabPrefix.isEmpty()) {
            clickNamed(window, QStringLiteral("pinKey_") + kPin.at(0));
            clickNamed(window, QStringLiteral("pinKey_") + kPin.at(1));
            grab(window, grabPrefix + QStringLiteral("pin-new-vi.png"));
            clickNamed(window, QStringLiteral("pinKey_back"));
            clickNamed(window, QStringLiteral("pinKey_back"));
        }
        typePin(window, kPin);
        QTRY_VERIFY(app->payments()->hasPin());
    } else {
        QVERIFY(app->payments()->hasPin());
        // A wrong PIN is refused and said so; nothing is paid.
        typePin(window, QStringLiteral("9999"));
        QTRY_VERIFY(!textOf(window, QStringLiteral("pinMessage")).isEmpty());
        QCOMPARE(flow->state(), PaymentFlow::Confirm);
        if (!grabPrefix.isEmpty())
            grab(window, grabPrefix + QStringLiteral("pin-wrong-vi.png"));
        typePin(window, kPin);
    }
    QTRY_VERIFY(!findVisible(window, QStringLiteral("pinKeypad")));
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Done, 20000);
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_receipt")));
    QTRY_VERIFY(findVisible(window, QStringLiteral("receiptCard")));
}

// A static code (the trader's printed one) pasted as text: the amount is typed, grouped as it
// is typed; the first payment chooses the PIN; the receipt shows the payment, is saved as an
// image, and the server's wallet is down by exactly the amount.
void TstE2ePay::payStaticCodePasted()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892), QStringLiteral("vi"), &store);
    QQuickWindow *window = app->window();
    grab(window, QStringLiteral("pay-signin-vi.png"));
    signIn(app.get(), kCitizen, kCitizenPassword);
    payments::PaymentsService *service = app->payments();

    const qint64 before = serverBalance(*m_server, m_citizenToken);
    QVERIFY(before > 0);
    QTRY_COMPARE_WITH_TIMEOUT(textOf(window, QStringLiteral("payBalance")),
                              vietqr::formatVnd(before), 10000);
    QVERIFY(!findVisible(window, QStringLiteral("payAction_receive"))); // not a trader
    grab(window, QStringLiteral("pay-home-vi.png"));

    clickNamed(window, QStringLiteral("payAction_scan"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_payScan")));
    QQuickItem *next = findVisible(window, QStringLiteral("payPasteContinue"));
    QVERIFY(next);
    QVERIFY(!next->isEnabled());
    // Not a VietQR: refused on the spot (no network), said why; Back to the scanner.
    typeInto(window, QStringLiteral("payPasteField"), QStringLiteral("000201010211HELLO"));
    clickNamed(window, QStringLiteral("payPasteContinue"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("payCodeFailed")));
    QCOMPARE(service->flow()->state(), PaymentFlow::Failed);
    QVERIFY(!service->flow()->error().isEmpty());
    QVERIFY(!findVisible(window, QStringLiteral("payRetry")));
    clickNamed(window, QStringLiteral("payCancel"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_payScan")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_payConfirm")));
    QCOMPARE(service->flow()->state(), PaymentFlow::Idle);
    clickNamed(window, QStringLiteral("payPasteField"));
    QTRY_VERIFY(window->focusObject());
    window->focusObject()->setProperty("text", QString());
    typeInto(window, QStringLiteral("payPasteField"), m_staticQr);
    QTRY_COMPARE(textOf(window, QStringLiteral("payPasteField")), m_staticQr);
    grab(window, QStringLiteral("pay-scan-vi.png"));
    clickNamed(window, QStringLiteral("payPasteContinue"));

    // Confirm: the trader, the bank, a masked account; the amount is for the payer to type.
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_payConfirm")));
    PaymentFlow *flow = service->flow();
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Confirm, 15000);
    QVERIFY(flow->amountEditable());
    QVERIFY(!flow->isDynamic());
    QCOMPARE(textOf(window, QStringLiteral("payMerchantName")), flow->merchantName());
    QVERIFY(flow->merchantName().contains(QStringLiteral("Mệ Kéo")));
    QVERIFY(findVisible(window, QStringLiteral("payBank")));
    QVERIFY(flow->accountMasked().contains(QStringLiteral("•")));
    QQuickItem *pay = findVisible(window, QStringLiteral("payButton"));
    QVERIFY(pay);
    QVERIFY(!pay->isEnabled()); // no amount yet
    const qint64 amount = 45000;
    typeInto(window, QStringLiteral("payAmountField"), QStringLiteral("45000"));
    QTRY_COMPARE(textOf(window, QStringLiteral("payAmountField")), QStringLiteral("45.000"));
    QTRY_COMPARE(flow->amountVnd(), amount);
    typeInto(window, QStringLiteral("payPurposeField"), QStringLiteral("Hai tô bún bò Huế"));
    QTRY_COMPARE(flow->purpose(), QStringLiteral("Hai tô bún bò Huế"));
    QTRY_VERIFY(pay->isEnabled());
    grab(window, QStringLiteral("pay-confirm-vi.png"));

    payWithPin(app.get(), true, QStringLiteral("pay-"));
    if (QTest::currentTestFailed())
        return;

    // The receipt: amount, trader, reference, from the copy on the phone.
    const QString paymentId = flow->receiptId();
    QVERIFY(!paymentId.isEmpty());
    const QVariantMap receipt = service->receipt(paymentId);
    const QString reference = receipt.value(QStringLiteral("reference")).toString();
    QVERIFY(!reference.isEmpty());
    QTRY_COMPARE(textOf(window, QStringLiteral("receiptAmount")), vietqr::formatVnd(amount));
    QVERIFY(textOf(window, QStringLiteral("receiptMerchant")).contains(QStringLiteral("Mệ Kéo")));
    QQuickItem *refLine = findVisible(window, QStringLiteral("receiptReference"));
    QVERIFY(refLine);
    QCOMPARE(refLine->property("value").toString(), reference);
    QCOMPARE(findVisible(window, QStringLiteral("receiptPurpose"))->property("value").toString(),
             QStringLiteral("Hai tô bún bò Huế"));
    grab(window, QStringLiteral("pay-receipt-vi.png"));

    // On the server: paid once, exactly that amount.
    QCOMPARE(serverBalance(*m_server, m_citizenToken), before - amount);
    const HttpResult listed =
        api(*m_server, "GET", QStringLiteral("/api/v1/payments/") + paymentId, m_citizenToken);
    QCOMPARE(listed.status, 200);
    QCOMPARE(qint64(listed.object().value(QStringLiteral("amount")).toDouble()), amount);
    QCOMPARE(listed.object().value(QStringLiteral("reference")).toString(), reference);

    // Save as image: a PNG of the receipt where the service said, and a toast saying where.
    const QString path = service->receiptImagePath(reference);
    QVERIFY(!path.isEmpty());
    QFile::remove(path);
    clickNamed(window, QStringLiteral("receiptSaveImage"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 10000);
    QTRY_VERIFY(textOf(window, QStringLiteral("toastText")).contains(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > image.width() / 2);

    // Done: back on Pay, the balance is the new one.
    clickNamed(window, QStringLiteral("receiptDone"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_pay")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_receipt")));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(window, QStringLiteral("payBalance")),
                              vietqr::formatVnd(before - amount), 10000);

    // The second payment asks for the PIN chosen: a wrong one is refused first.
    clickNamed(window, QStringLiteral("payAction_scan"));
    typeInto(window, QStringLiteral("payPasteField"), m_staticQr);
    clickNamed(window, QStringLiteral("payPasteContinue"));
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Confirm, 15000);
    typeInto(window, QStringLiteral("payAmountField"), QStringLiteral("10000"));
    QTRY_COMPARE(flow->amountVnd(), qint64(10000));
    payWithPin(app.get(), false, QStringLiteral("pay-"));
    QCOMPARE(serverBalance(*m_server, m_citizenToken), before - amount - 10000);

    // More than the wallet holds: refused by the server, said why, nothing taken; Cancel.
    clickNamed(window, QStringLiteral("receiptDone"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_pay")));
    clickNamed(window, QStringLiteral("payAction_scan"));
    typeInto(window, QStringLiteral("payPasteField"), m_staticQr);
    clickNamed(window, QStringLiteral("payPasteContinue"));
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Confirm, 15000);
    typeInto(window, QStringLiteral("payAmountField"), QStringLiteral("400000000"));
    QTRY_COMPARE(textOf(window, QStringLiteral("payAmountField")), QStringLiteral("400.000.000"));
    clickNamed(window, QStringLiteral("payButton"));
    typePin(window, kPin);
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Failed, 15000);
    QCOMPARE(flow->errorCode(), QStringLiteral("insufficient_funds"));
    QTRY_COMPARE(textOf(window, QStringLiteral("payError")), flow->error());
    QVERIFY(findVisible(window, QStringLiteral("payConfirmCard"))); // the details stay
    grab(window, QStringLiteral("pay-failed-vi.png"));
    QCOMPARE(serverBalance(*m_server, m_citizenToken), before - amount - 10000);
    // Another amount for the same code, then Cancel: back to the scanner.
    clickNamed(window, QStringLiteral("payChangeAmount"));
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Confirm, 15000);
    QTRY_VERIFY(findVisible(window, QStringLiteral("payAmountField")));
    QVERIFY(!findVisible(window, QStringLiteral("payError")));
    clickNamed(window, QStringLiteral("payCancelConfirm"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_payScan")));
    QCOMPARE(flow->state(), PaymentFlow::Idle);
}

// Merchant mode: the trader types an amount on the keypad and shows a large QR; a customer
// pays it (here through the API, as any banking app would); the trader's page says "Đã nhận".
void TstE2ePay::merchantSeesDynamicCodePaid()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892), QStringLiteral("vi"), &store);
    QQuickWindow *window = app->window();
    signIn(app.get(), kMerchant, kMerchantPassword);
    payments::PaymentsService *service = app->payments();
    QTRY_VERIFY_WITH_TIMEOUT(service->isMerchant(), 10000);

    clickNamed(window, QStringLiteral("payAction_receive"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_merchant")));
    QQuickItem *create = findVisible(window, QStringLiteral("merchantCreate"));
    QVERIFY(create);
    QVERIFY(!create->isEnabled());
    clickNamed(window, QStringLiteral("merchantKey_5"));
    clickNamed(window, QStringLiteral("merchantKey_2"));
    clickNamed(window, QStringLiteral("merchantKey_back"));
    clickNamed(window, QStringLiteral("merchantKey_0"));
    clickNamed(window, QStringLiteral("merchantKey_000"));
    QTRY_COMPARE(textOf(window, QStringLiteral("merchantAmount")), vietqr::formatVnd(50000));
    typeInto(window, QStringLiteral("merchantPurpose"), QStringLiteral("2 bát bún bò"));
    grab(window, QStringLiteral("pay-merchant-amount-vi.png"));
    clickNamed(window, QStringLiteral("merchantCreate"));

    QTRY_COMPARE_WITH_TIMEOUT(service->merchantQr().value(QStringLiteral("state")).toString(),
                              QStringLiteral("open"), 15000);
    QQuickItem *qr = nullptr;
    QTRY_VERIFY((qr = findVisible(window, QStringLiteral("merchantQr"))));
    const QString payload = service->merchantQr().value(QStringLiteral("payload")).toString();
    QCOMPARE(qr->property("text").toString(), payload);
    QVERIFY(qr->property("valid").toBool());
    QVERIFY(qr->width() >= 300); // large enough to scan across a stall
    const vietqr::ParseResult parsed = vietqr::parse(payload);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QVERIFY(parsed.code.dynamic);
    QCOMPARE(parsed.code.amount.value_or(0), qint64(50000));
    QCOMPARE(textOf(window, QStringLiteral("merchantQrAmount")), vietqr::formatVnd(50000));
    QVERIFY(!textOf(window, QStringLiteral("merchantCountdown")).isEmpty());
    grab(window, QStringLiteral("pay-merchant-qr-vi.png"));

    // The customer pays the code.
    const HttpResult paid = api(*m_server, "POST", QStringLiteral("/api/v1/payments"),
                                m_citizenToken, {{QStringLiteral("qr"), payload}}, true);
    QCOMPARE(paid.status, 201);

    // The trader's screen says so, large.
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("merchantPaid")), 10000);
    // (The đồng sign is kept on the amount's line by a no-break space.)
    const QString shown =
        textOf(window, QStringLiteral("merchantPaidText")).replace(QChar(0xA0), QLatin1Char(' '));
    QCOMPARE(shown, service->merchantQr().value(QStringLiteral("paidText")).toString());
    QVERIFY(shown.endsWith(vietqr::formatVnd(50000)));
    QVERIFY(!findVisible(window, QStringLiteral("merchantQr")));
    QVERIFY(!findVisible(window, QStringLiteral("payToast"))); // said once, by this page
    grab(window, QStringLiteral("pay-merchant-paid-vi.png"));

    // Next customer: the keypad again, empty.
    clickNamed(window, QStringLiteral("merchantNext"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("merchantKeypad")));
    QCOMPARE(textOf(window, QStringLiteral("merchantAmount")), vietqr::formatVnd(0));
    // The static code, for customers who type the amount themselves.
    clickNamed(window, QStringLiteral("merchantShowStatic"));
    QQuickItem *staticQr = nullptr;
    QTRY_VERIFY((staticQr = findVisible(window, QStringLiteral("merchantStaticQr"))));
    QCOMPARE(staticQr->property("text").toString(), m_staticQr);
    grab(window, QStringLiteral("pay-merchant-static-vi.png"));

    // In Vietnamese, as the trader reads it.
    QCOMPARE(shown, QStringLiteral("Đã nhận ") + vietqr::formatVnd(50000));
}

// Bills: a provider and a customer code (saved under a name), the due bills listed with
// amounts and due dates; two ticked, their total, paid together through confirm and PIN; the
// server has them paid; the code is saved for next time.
void TstE2ePay::billsLookedUpAndTwoPaid()
{
    // A provider of the demo with at least two unpaid bills for the citizen.
    const HttpResult providers =
        hues::test::httpGet(m_server->url(QStringLiteral("/api/v1/bills/providers")));
    QCOMPARE(providers.status, 200);
    const QMap<QString, QString> codes = {
        {QStringLiteral("electricity"), QStringLiteral("PC05EE0012345")},
        {QStringLiteral("water"), QStringLiteral("HW1234567")}};
    QString providerId;
    QString customerCode;
    QJsonArray due;
    for (const QJsonValue &value : providers.array()) {
        const QJsonObject provider = value.toObject();
        const QString code = codes.value(provider.value(QStringLiteral("category")).toString());
        if (code.isEmpty())
            continue;
        const QString id = provider.value(QStringLiteral("provider_id")).toString();
        const HttpResult bills =
            api(*m_server, "GET",
                QStringLiteral("/api/v1/bills?provider=%1&customer_code=%2").arg(id, code),
                m_citizenToken);
        QJsonArray unpaid;
        for (const QJsonValue &b : bills.object().value(QStringLiteral("bills")).toArray())
            if (b.toObject().value(QStringLiteral("status")).toString() == QLatin1String("unpaid"))
                unpaid.append(b);
        if (unpaid.size() >= 2) {
            providerId = id;
            customerCode = code;
            due = unpaid;
            break;
        }
    }
    QVERIFY2(!providerId.isEmpty(), "the demo has a provider with two unpaid bills");

    QTemporaryDir data;
    platform::MemorySecureStore store;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892), QStringLiteral("vi"), &store);
    QQuickWindow *window = app->window();
    signIn(app.get(), kCitizen, kCitizenPassword);
    payments::PaymentsService *service = app->payments();
    const qint64 before = serverBalance(*m_server, m_citizenToken);

    clickNamed(window, QStringLiteral("payAction_bills"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_bills")));
    QTRY_VERIFY(findVisible(window, QStringLiteral("billsNoSavedCodes")));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("billsProvider_") + providerId),
                             10000);
    grab(window, QStringLiteral("pay-bills-vi.png"));
    clickNamed(window, QStringLiteral("billsProvider_") + providerId);
    QTRY_VERIFY(findVisible(window, QStringLiteral("billsCodeCard")));
    typeInto(window, QStringLiteral("billsCodeField"), customerCode);
    typeInto(window, QStringLiteral("billsLabelField"), QStringLiteral("Nhà mẹ ở Vỹ Dạ"));
    clickNamed(window, QStringLiteral("billsLookUp"));

    // The due bills, all ticked to begin with; one unticked and ticked again.
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_billsDue")));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("billRow_1")), 15000);
    QCOMPARE(service->bills()->rowCount(), int(due.size()));
    QVERIFY(!service->billsCustomerName().isEmpty());
    QQuickItem *paySelected = findVisible(window, QStringLiteral("billsPaySelected"));
    QVERIFY(paySelected);
    const QModelIndex first = service->bills()->index(0);
    const QModelIndex second = service->bills()->index(1);
    const qint64 firstAmount = qint64(first.data(payments::BillModel::AmountRole).toDouble());
    const qint64 total =
        firstAmount + qint64(second.data(payments::BillModel::AmountRole).toDouble());
    // Only the first two stay ticked.
    for (int row = 2; row < service->bills()->rowCount(); ++row)
        clickNamed(window, QStringLiteral("billRow_%1").arg(row));
    QTRY_COMPARE(textOf(window, QStringLiteral("billsTotal")), vietqr::formatVnd(total));
    QTRY_VERIFY(paySelected->isEnabled());
    clickNamed(window, QStringLiteral("billRow_1"));
    QTRY_VERIFY(!second.data(payments::BillModel::SelectedRole).toBool());
    QTRY_COMPARE(textOf(window, QStringLiteral("billsTotal")), vietqr::formatVnd(firstAmount));
    clickNamed(window, QStringLiteral("billRow_0"));
    QTRY_COMPARE(textOf(window, QStringLiteral("billsTotal")), vietqr::formatVnd(0));
    QTRY_VERIFY(!paySelected->isEnabled());
    grab(window, QStringLiteral("pay-bills-due-none-vi.png"));
    clickNamed(window, QStringLiteral("billRow_0"));
    clickNamed(window, QStringLiteral("billRow_1"));
    QTRY_COMPARE(qint64(service->selectedBillsTotal()), total);
    QTRY_COMPARE(textOf(window, QStringLiteral("billsTotal")), vietqr::formatVnd(total));
    QTRY_VERIFY(paySelected->isEnabled());
    const QStringList ids = {first.data(payments::BillModel::BillIdRole).toString(),
                             second.data(payments::BillModel::BillIdRole).toString()};
    grab(window, QStringLiteral("pay-bills-due-vi.png"));
    clickNamed(window, QStringLiteral("billsPaySelected"));

    // The same confirm page: the total, not editable.
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_payConfirm")));
    PaymentFlow *flow = service->flow();
    QTRY_COMPARE_WITH_TIMEOUT(flow->state(), PaymentFlow::Confirm, 10000);
    QCOMPARE(flow->amountVnd(), total);
    QVERIFY(!flow->amountEditable());
    QVERIFY(!findVisible(window, QStringLiteral("payAmountField")));
    QCOMPARE(textOf(window, QStringLiteral("payAmountText")), vietqr::formatVnd(total));
    grab(window, QStringLiteral("pay-bills-confirm-vi.png"));
    payWithPin(app.get(), true);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(findVisible(window, QStringLiteral("receiptBill_0")));
    QVERIFY(findVisible(window, QStringLiteral("receiptBill_1")) ||
            service->receipt(flow->receiptId()).value(QStringLiteral("bills")).toList().size() ==
                1);
    grab(window, QStringLiteral("pay-bills-receipt-vi.png"));

    // On the server: both paid, the wallet down by the total.
    QCOMPARE(serverBalance(*m_server, m_citizenToken), before - total);
    const HttpResult after = api(
        *m_server, "GET",
        QStringLiteral("/api/v1/bills?provider=%1&customer_code=%2").arg(providerId, customerCode),
        m_citizenToken);
    // Paid bills are listed as paid, or no longer listed as due.
    QCOMPARE(after.status, 200);
    int stillUnpaid = 0;
    for (const QJsonValue &b : after.object().value(QStringLiteral("bills")).toArray())
        if (ids.contains(b.toObject().value(QStringLiteral("bill_id")).toString()) &&
            b.toObject().value(QStringLiteral("status")).toString() == QLatin1String("unpaid"))
            ++stillUnpaid;
    QCOMPARE(stillUnpaid, 0);

    // The code was saved under its name: one tap next time; removing it asks first.
    clickNamed(window, QStringLiteral("receiptDone"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_pay")));
    clickNamed(window, QStringLiteral("payAction_bills"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("billsSaved_0")));
    QCOMPARE(service->savedCodes()->rowCount(), 1);
    grab(window, QStringLiteral("pay-bills-saved-vi.png"));
    clickNamed(window, QStringLiteral("billsSavedOpen_0"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_billsDue")));
    QTRY_VERIFY_WITH_TIMEOUT(!service->billsLoading(), 10000);
    QCOMPARE(service->bills()->rowCount(), int(due.size()) - 2);
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_bills")));
    clickNamed(window, QStringLiteral("billsSavedRemove_0"));
    clickNamed(window, QStringLiteral("billsRemoveConfirm"));
    QTRY_COMPARE(service->savedCodes()->rowCount(), 0);
    QTRY_VERIFY(findVisible(window, QStringLiteral("billsNoSavedCodes")));
}

// History: grouped by day, searched by purpose (diacritics as typed), filtered by direction; a
// row opens its receipt.
void TstE2ePay::historySearchAndFilters()
{
    // Two payments of the citizen with purposes of their own.
    const QString purpose = QStringLiteral("Vé xe buýt tuyến 12 Đông Ba");
    for (const auto &[amount, text] :
         {std::pair<int, QString>{12000, purpose}, {30000, QStringLiteral("Cà phê muối")}}) {
        const HttpResult r =
            api(*m_server, "POST", QStringLiteral("/api/v1/payments"), m_citizenToken,
                {{QStringLiteral("qr"), m_staticQr},
                 {QStringLiteral("amount"), amount},
                 {QStringLiteral("purpose"), text}},
                true);
        QCOMPARE(r.status, 201);
    }

    QTemporaryDir data;
    platform::MemorySecureStore store;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892), QStringLiteral("vi"), &store);
    QQuickWindow *window = app->window();
    signIn(app.get(), kCitizen, kCitizenPassword);
    payments::PaymentsService *service = app->payments();

    clickNamed(window, QStringLiteral("payAction_history"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_history")));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("historyRow_1")), 15000);
    QVERIFY(service->history()->rowCount() >= 2);
    // Newest first: the coffee.
    const QModelIndex top = service->history()->index(0);
    QCOMPARE(top.data(payments::PaymentHistoryModel::PurposeRole).toString(),
             QStringLiteral("Cà phê muối"));
    QCOMPARE(top.data(payments::PaymentHistoryModel::AmountTextRole).toString(),
             QStringLiteral("\u2212") + vietqr::formatVnd(30000));
    grab(window, QStringLiteral("pay-history-vi.png"));

    typeInto(window, QStringLiteral("historySearch"), QStringLiteral("xe buýt"));
    QTRY_COMPARE_WITH_TIMEOUT(service->historySearch(), QStringLiteral("xe buýt"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!service->historyLoading() && service->history()->rowCount() == 1,
                             10000);
    QTRY_COMPARE(
        service->history()->index(0).data(payments::PaymentHistoryModel::PurposeRole).toString(),
        purpose);
    QTRY_VERIFY(findVisible(window, QStringLiteral("historyRow_0")));
    QVERIFY(!findVisible(window, QStringLiteral("historyRow_1")));
    grab(window, QStringLiteral("pay-history-search-vi.png"));

    // Money in: the citizen received nothing.
    clickNamed(window, QStringLiteral("historyDirection_in"));
    QTRY_COMPARE(service->historyDirection(), QStringLiteral("in"));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("historyEmpty")), 10000);
    QCOMPARE(service->history()->rowCount(), 0);
    clickNamed(window, QStringLiteral("emptyAction")); // clear the filters
    QTRY_COMPARE(service->historyDirection(), QString());
    QTRY_COMPARE(service->historySearch(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("historyRow_1")), 10000);
    // The rows cached on the device show first; the server's answer replaces them.
    QTRY_VERIFY_WITH_TIMEOUT(!service->historyLoading(), 10000);

    // A row opens its receipt.
    const QString reference =
        service->history()->index(0).data(payments::PaymentHistoryModel::ReferenceRole).toString();
    clickNamed(window, QStringLiteral("historyRow_0"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_receipt")));
    QQuickItem *refLine = nullptr;
    QTRY_VERIFY((refLine = findVisible(window, QStringLiteral("receiptReference"))));
    QCOMPARE(refLine->property("value").toString(), reference);
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_history")));
}

// A kiosk-sized window, in English (screenshots for the README).
void TstE2ePay::wideWindow()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(1920, 1080), QStringLiteral("en"), &store);
    QQuickWindow *window = app->window();
    signIn(app.get(), kMerchant, kMerchantPassword);
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("payAction_receive")), 10000);
    QQuickItem *tile = findVisible(window, QStringLiteral("payAction_scan"));
    QVERIFY(tile->height() >= 64);
    grab(window, QStringLiteral("pay-home-wide-en.png"));
    clickNamed(window, QStringLiteral("payAction_receive"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("merchantKeypad")));
    QVERIFY(findVisible(window, QStringLiteral("merchantKey_1"))->height() >= 64);
    for (const QString &key : {QStringLiteral("1"), QStringLiteral("5"), QStringLiteral("000")})
        clickNamed(window, QStringLiteral("merchantKey_") + key);
    clickNamed(window, QStringLiteral("merchantCreate"));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("merchantQr")), 15000);
    grab(window, QStringLiteral("pay-merchant-qr-wide-en.png"));
    clickNamed(window, QStringLiteral("merchantCancel"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("merchantKeypad")));
}

QTEST_MAIN(TstE2ePay)
#include "tst_e2e_pay.moc"
