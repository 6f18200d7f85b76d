// End to end, field reporting: the real Main.qml and core against a real hues-server with the
// demo data. The test clicks through "Report a problem" by objectName: a new report with a
// photo, a place moved by hand and an answered question is sent and listed; offline it waits
// and goes when the server is back; refused by the server it shows why, Retry and Discard.
// Only the file picker is skipped (a native dialog): the photo is given to the draft directly.
#include "Application.h"
#include "QuickItems.h"
#include "TestServer.h"
#include "reports/OutboxSender.h"
#include "reports/ReportsService.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using hues::Application;
using hues::AppOptions;
using hues::test::click;
using hues::test::findVisible;
using hues::test::grab;
using hues::test::ready;
using hues::test::TestServer;
using hues::test::textOf;
using hues::test::typeText;
using reports::ReportListModel;

namespace {

// Near Đông Ba market (the demo has a garbage report there); 12 m accuracy.
const QString kPosition = QStringLiteral("16.4737,107.5884,12");

// A photo-like JPEG (gradients and shapes, so it does not compress to nothing).
QString writeJpeg(const QTemporaryDir &dir, const QString &name)
{
    QImage image(1200, 900, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, 900);
    sky.setColorAt(0, QColor(90, 140, 200));
    sky.setColorAt(1, QColor(200, 190, 160));
    p.fillRect(image.rect(), sky);
    for (int i = 0; i < 60; ++i) {
        p.setBrush(QColor::fromHsv((i * 37) % 360, 120, 80 + (i * 13) % 150));
        p.drawEllipse(QPoint((i * 97) % 1200, (i * 53) % 900), 20 + i % 50, 15 + i % 40);
    }
    p.end();
    const QString path = dir.filePath(name);
    return image.save(path, "JPEG", 92) ? path : QString();
}

// Clicks as hues::test::clickNamed does; these tests have never checked the size of what they
// click, so neither does this.
void clickNamed(QQuickWindow *window, const QString &name)
{
    hues::test::clickNamed(window, name, /*minHeight=*/0);
}

// Clicks the item `name` inside row `row` of My reports, both found just now (rows are made
// again whenever the list changes).
bool clickInRow(QQuickWindow *window, int row, const QString &name)
{
    if (!ready(window))
        return false;
    QQuickItem *rowItem = findVisible(window, QStringLiteral("reportRow_%1").arg(row));
    return rowItem && click(window, findVisible(rowItem, name));
}

int serverCount(TestServer &server, const QString &sql, const QString &bind = {})
{
    QSqlQuery q(server.database());
    q.prepare(sql);
    if (!bind.isNull())
        q.addBindValue(bind);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

QString rowState(const ReportListModel *model, int row)
{
    return row < model->rows().size() ? model->rows().at(row).state : QString();
}

} // namespace

class TstE2eReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newReportIsSentAndListed_data();
    void newReportIsSentAndListed();
    void wideWindow();
    void offlineReportWaitsThenSends();
    void refusedReportShowsReasonRetryDiscard();

private:
    void startApp(std::unique_ptr<Application> &app, const QString &dataDir, const QUrl &server,
                  QSize size, const QString &language = QStringLiteral("vi"));
    // From My reports through every step to Send. Photo: a file to add, or empty.
    void fileReport(Application *app, const QString &category, const QString &photo,
                    const QString &description, const QString &grabPrefix = {});

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_files;
};

void TstE2eReports::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_files.isValid());
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TstE2eReports::startApp(std::unique_ptr<Application> &app, const QString &dataDir,
                             const QUrl &server, QSize size, const QString &language)
{
    AppOptions o;
    o.dataDir = dataDir;
    o.serverUrl = server.toString();
    o.language = language;
    o.size = size;
    o.page = QStringLiteral("report");
    o.position = kPosition;
    app = std::make_unique<Application>(o);
    app->setUrlOpener([](const QUrl &) { return true; });
    QVERIFY(app->start());
    QVERIFY(QTest::qWaitForWindowExposed(app->window()));
    QTRY_VERIFY(findVisible(app->window(), QStringLiteral("page_report")));
}

void TstE2eReports::fileReport(Application *app, const QString &category, const QString &photo,
                               const QString &description, const QString &grabPrefix)
{
    QQuickWindow *window = app->window();
    reports::ReportDraftController *draft = app->reports()->draft();
    const auto shot = [&](const QString &name) {
        if (!grabPrefix.isEmpty())
            grab(window, grabPrefix.arg(name));
    };

    // "New report" (the big button, or the empty state's action).
    QQuickItem *newButton = nullptr;
    QTRY_VERIFY((newButton = findVisible(window, QStringLiteral("reportsNewButton"))) ||
                (newButton = findVisible(window, QStringLiteral("emptyAction"))));
    QVERIFY(newButton->height() >= 48);
    QVERIFY(click(window, newButton));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_newReport")));

    // 1. Category: Next waits for one.
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("reportCategory_") + category),
                             15000);
    QQuickItem *next = findVisible(window, QStringLiteral("reportNextButton"));
    QVERIFY(next);
    QVERIFY(!next->isEnabled());
    shot(QStringLiteral("category"));
    clickNamed(window, QStringLiteral("reportCategory_") + category);
    QTRY_COMPARE(draft->category(), category);
    clickNamed(window, QStringLiteral("reportNextButton"));

    // 2. Photos (the file dialog is the platform's: the picked file goes to the draft).
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportChoosePhotos")));
    if (!photo.isEmpty()) {
        draft->addPhoto(QUrl::fromLocalFile(photo));
        QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("reportPhoto_0")), 15000);
        QTRY_VERIFY(!draft->isPhotoBusy());
        QCOMPARE(draft->photos().size(), 1);
        shot(QStringLiteral("photos"));
    }
    clickNamed(window, QStringLiteral("reportNextButton"));

    // 3. Place: the fixed position arrives, the pin is moved 10 m north by hand.
    QTRY_COMPARE_WITH_TIMEOUT(draft->locationSource(), QStringLiteral("gps"), 10000);
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportPlaceSchematic")));
    QVERIFY(!textOf(window, QStringLiteral("reportCoordinates")).isEmpty());
    const double latBefore = draft->latitude();
    clickNamed(window, QStringLiteral("reportNudgeNorth"));
    QTRY_COMPARE(draft->locationSource(), QStringLiteral("manual"));
    QVERIFY(draft->latitude() > latBefore);
    QVERIFY(qAbs((draft->latitude() - latBefore) * 111320 - 10) < 1);
    clickNamed(window, QStringLiteral("reportAddressField"));
    QVERIFY(typeText(window, QStringLiteral("Chợ Đông Ba")));
    QTRY_COMPARE(draft->address(), QStringLiteral("Chợ Đông Ba"));
    shot(QStringLiteral("place"));
    clickNamed(window, QStringLiteral("reportNextButton"));

    // 4. Details: the category's question (flooding asks for the depth), the description.
    if (category == QLatin1String("flooding")) {
        clickNamed(window, QStringLiteral("question_flood_depth_20to50"));
        QTRY_VERIFY(draft->questions().constFirst().toMap().value(QStringLiteral("value")) ==
                    QStringLiteral("20to50"));
    }
    clickNamed(window, QStringLiteral("reportDescriptionField"));
    QVERIFY(typeText(window, description));
    QTRY_COMPARE(draft->description(), description);
    shot(QStringLiteral("details"));
    clickNamed(window, QStringLiteral("reportNextButton"));

    // 5. Review: nothing missing, Send.
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportSendButton")));
    QTRY_VERIFY_WITH_TIMEOUT(!draft->nearbyLoading(), 15000);
    QVERIFY(!findVisible(window, QStringLiteral("reportProblems")));
    shot(QStringLiteral("review"));
    clickNamed(window, QStringLiteral("reportSendButton"));

    // Back on My reports, the draft emptied.
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_report")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_newReport")));
    QCOMPARE(draft->category(), QString());
    QCOMPARE(draft->description(), QString());
}

void TstE2eReports::newReportIsSentAndListed_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("description");
    QTest::newRow("vi") << QStringLiteral("vi")
                        << QStringLiteral("Nước ngập đến đầu gối trước chợ, xe máy chết máy.");
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringLiteral("Knee-deep water in front of the market.");
}

void TstE2eReports::newReportIsSentAndListed()
{
    QFETCH(QString, language);
    QFETCH(QString, description);
    const auto shotName = [&language](const QString &what) {
        return QStringLiteral("reports-%1-%2.png").arg(what, language);
    };
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), m_server->baseUrl(), QSize(412, 892), language);
    QQuickWindow *window = app->window();
    // Signed out on a fresh device: nothing reported yet.
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportsEmpty")));
    grab(window, shotName(QStringLiteral("empty")));

    const QString photo = writeJpeg(m_files, QStringLiteral("flood.jpg"));
    QVERIFY(!photo.isEmpty());
    fileReport(app.get(), QStringLiteral("flooding"), photo, description,
               QStringLiteral("reports-new-%1-") + language + QStringLiteral(".png"));
    if (QTest::currentTestFailed())
        return;

    // The report is in My reports, and becomes sent (the server's "submitted").
    const ReportListModel *mine = app->reports()->myReports();
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportRow_0")));
    QTRY_COMPARE_WITH_TIMEOUT(rowState(mine, 0), QStringLiteral("submitted"), 20000);
    QVERIFY(!mine->rows().at(0).requestId.isEmpty());
    QCOMPARE(mine->rows().at(0).description, description);
    QQuickItem *row = findVisible(window, QStringLiteral("reportRow_0"));
    QVERIFY(row);
    QVERIFY(row->height() >= 48);
    QVERIFY(!findVisible(row, QStringLiteral("reportRetryButton")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("reportsUnsentNote")));
    grab(window, shotName(QStringLiteral("list")));

    // At the server: one request with that text, its photo, its answer and the moved place.
    const QString id = mine->rows().at(0).requestId;
    QCOMPARE(serverCount(*m_server,
                         QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE id = ? AND "
                                        "service_code = 'flooding' AND address = 'Chợ Đông Ba'"),
                         id),
             1);
    QCOMPARE(
        serverCount(*m_server,
                    QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE description = ?"),
                    description),
        1);
    QCOMPARE(serverCount(*m_server,
                         QStringLiteral("SELECT COUNT(*) FROM service_request_media WHERE "
                                        "request_id = ?"),
                         id),
             1);
    QCOMPARE(serverCount(*m_server,
                         QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE id = ? AND "
                                        "attributes LIKE '%20to50%' AND lat > 16.47378"),
                         id),
             1);

    // Its detail: category, state, the photo from the server, the history.
    clickNamed(window, QStringLiteral("reportRow_0"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_reportDetail")));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(window, QStringLiteral("reportDetailDescription")),
                              description, 15000);
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportDetailPhoto_0")));
    QTRY_VERIFY2(
        findVisible(window, QStringLiteral("reportHistory_0")),
        qPrintable(
            QStringLiteral("history: %1 entries")
                .arg(app->reports()->detail().value(QStringLiteral("history")).toList().size())));
    QVERIFY(!findVisible(window, QStringLiteral("reportDetailOutbox")));
    grab(window, shotName(QStringLiteral("detail")));
    clickNamed(window, QStringLiteral("reportDetailPhoto_0"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportPhotoViewer")));
    clickNamed(window, QStringLiteral("reportPhotoViewerClose"));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("reportPhotoViewer")));
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_report")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_reportDetail")));
}

// A kiosk-sized window: the same page, wider columns. (Screenshots for the README.)
void TstE2eReports::wideWindow()
{
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), m_server->baseUrl(), QSize(1920, 1080), QStringLiteral("en"));
    QQuickWindow *window = app->window();
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportsEmpty")));
    clickNamed(window, QStringLiteral("emptyAction"));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("reportCategory_road_damage")),
                             15000);
    QQuickItem *tile = findVisible(window, QStringLiteral("reportCategory_road_damage"));
    QVERIFY(tile->height() >= 64);
    grab(window, QStringLiteral("reports-new-category-wide-en.png"));
    clickNamed(window, QStringLiteral("reportCategory_road_damage"));
    clickNamed(window, QStringLiteral("reportNextButton"));
    clickNamed(window, QStringLiteral("reportNextButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportPlaceSchematic")));
    QVERIFY(findVisible(window, QStringLiteral("reportNudgeEast"))->width() >= 64);
    grab(window, QStringLiteral("reports-new-place-wide-en.png"));
    // Leaving keeps the draft: the list offers to continue it.
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_report")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_newReport")));
    QCOMPARE(app->reports()->draft()->category(), QStringLiteral("road_damage"));
    // Nothing sent yet: the empty state's action, which now continues the draft.
    clickNamed(window, QStringLiteral("emptyAction"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportResumeBanner")));
    QVERIFY(findVisible(window, QStringLiteral("reportNextButton"))->isEnabled());
    // Discard draft, confirmed: an empty report again.
    clickNamed(window, QStringLiteral("reportResumeDiscard"));
    clickNamed(window, QStringLiteral("reportDiscardDraftConfirm"));
    QTRY_COMPARE(app->reports()->draft()->category(), QString());
    QTRY_VERIFY(!findVisible(window, QStringLiteral("reportResumeBanner")));
    QVERIFY(!findVisible(window, QStringLiteral("reportNextButton"))->isEnabled());
}

// No server: the report waits on the device, says so, and goes once the server is back.
void TstE2eReports::offlineReportWaitsThenSends()
{
    QTemporaryDir serverData;
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = serverData.path();
    auto server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    const QUrl url = server->baseUrl();

    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), url, QSize(412, 892));
    QQuickWindow *window = app->window();
    // The categories are fetched (and cached) while the server is up.
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("reportsEmpty")), 15000);
    app->reports()->refreshCategories();
    QTRY_VERIFY_WITH_TIMEOUT(app->reports()->categories()->rowCount() > 0, 15000);
    QCOMPARE(server->stop(), 0);

    const QString description = QStringLiteral("Đèn đường tắt cả tuần nay.");
    fileReport(app.get(), QStringLiteral("street_light"), {}, description);
    if (QTest::currentTestFailed())
        return;
    const ReportListModel *mine = app->reports()->myReports();
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportRow_0")));
    QTRY_COMPARE_WITH_TIMEOUT(rowState(mine, 0), QStringLiteral("waiting"), 15000);
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportsUnsentNote")));
    QVERIFY(!textOf(window, QStringLiteral("reportRowReason")).isEmpty());
    grab(window, QStringLiteral("reports-waiting-vi.png"));

    // The server comes back at the same address; "Send now" in the detail does not wait for
    // the next attempt.
    o.listen = QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
    server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    clickNamed(window, QStringLiteral("reportRow_0"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_reportDetail")));
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportDetailOutbox")));
    clickNamed(window, QStringLiteral("reportDetailRetryButton"));
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_COMPARE_WITH_TIMEOUT(rowState(mine, 0), QStringLiteral("submitted"), 20000);
    QTRY_VERIFY(!findVisible(window, QStringLiteral("reportsUnsentNote")));
    QCOMPARE(
        serverCount(*server,
                    QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE description = ?"),
                    description),
        1);
}

// The server refuses the report (its upload limit is smaller than the photo): the row says
// why, Retry sends it again, Discard (confirmed) removes it.
void TstE2eReports::refusedReportShowsReasonRetryDiscard()
{
    TestServer::Options o;
    o.seedDemo = true;
    o.extraArgs = {QStringLiteral("--max-body"), QStringLiteral("8192"),
                   QStringLiteral("--max-upload"), QStringLiteral("8192")};
    TestServer server(o);
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), server.baseUrl(), QSize(412, 892));
    QQuickWindow *window = app->window();
    QSignalSpy failed(app->reports()->sender(), &reports::OutboxSender::itemFailed);

    const QString photo = writeJpeg(m_files, QStringLiteral("big.jpg"));
    fileReport(app.get(), QStringLiteral("garbage"), photo, QStringLiteral("Rác chất đống."));
    if (QTest::currentTestFailed())
        return;
    const ReportListModel *mine = app->reports()->myReports();
    QTRY_COMPARE_WITH_TIMEOUT(rowState(mine, 0), QStringLiteral("failed"), 20000);
    QCOMPARE(failed.size(), 1);
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportRetryButton")));
    QTRY_VERIFY(!textOf(window, QStringLiteral("reportRowReason")).isEmpty());
    grab(window, QStringLiteral("reports-failed-vi.png"));

    // Retry: sent again, refused again.
    QVERIFY(clickInRow(window, 0, QStringLiteral("reportRetryButton")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
    QTRY_COMPARE(rowState(mine, 0), QStringLiteral("failed"));

    // Discard: Cancel keeps it, Discard removes it from the device.
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportDiscardButton")));
    QVERIFY(clickInRow(window, 0, QStringLiteral("reportDiscardButton")));
    clickNamed(window, QStringLiteral("dialogReject"));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("reportDiscardConfirm")));
    QCOMPARE(mine->rowCount(), 1);
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportDiscardButton")));
    QVERIFY(clickInRow(window, 0, QStringLiteral("reportDiscardButton")));
    clickNamed(window, QStringLiteral("reportDiscardConfirm"));
    QTRY_COMPARE(mine->rowCount(), 0);
    QTRY_VERIFY(findVisible(window, QStringLiteral("reportsEmpty")));
    QCOMPARE(app->reports()->unsentCount(), 0);
    QCOMPARE(serverCount(server,
                         QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE "
                                        "description = ?"),
                         QStringLiteral("Rác chất đống.")),
             0);
}

QTEST_MAIN(TstE2eReports)
#include "tst_e2e_reports.moc"
