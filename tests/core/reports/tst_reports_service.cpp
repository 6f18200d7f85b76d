// reports::ReportsService, the facade the QML screens use, against a real hues-server with the
// demo data: categories, the draft (questions, photos processed off the UI thread, place,
// problems), submit through the outbox, My reports merging outbox and server, detail with
// history, nearby duplicates and following one, a server that is down, retranslation.
#include "PhotoSamples.h"
#include "TestServer.h"
#include "net/ApiClient.h"
#include "reports/OutboxSender.h"
#include "reports/ReportsService.h"
#include "store/Database.h"
#include "store/Outbox.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <cmath>

using hues::test::TestServer;
using reports::ReportListModel;
using reports::ReportsService;

namespace {

// Đông Ba market, where the demo has a garbage report.
constexpr double kLat = 16.4734;
constexpr double kLon = 107.5887;

int serverRequests(TestServer &server, const QString &where = QStringLiteral("1=1"))
{
    QSqlQuery q(server.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE ") + where) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

QString writeJpeg(const QTemporaryDir &dir, const QString &name, int w, int h)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(photosamples::encode(photosamples::photoLike(w, h), "jpeg", 90));
    return path;
}

int rowWith(const ReportListModel *model, const QString &key)
{
    for (int i = 0; i < model->rows().size(); ++i) {
        const auto &row = model->rows().at(i);
        if (row.key == key || row.outboxId == key || row.requestId == key)
            return i;
    }
    return -1;
}

} // namespace

class TstReportsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void categoriesAndQuestions();
    void draftToServer();
    void photosAreCheckedAndLimited();
    void nearbyAndFollow();
    void offlineThenSent();
    void resetDropsLatePhotos();

private:
    std::unique_ptr<ReportsService> makeService();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<net::ApiClient> m_api;
};

void TstReportsService::initTestCase()
{
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TstReportsService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<store::Database>();
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("hues.sqlite"))),
             store::Database::OpenStatus::Opened);
    m_api = std::make_unique<net::ApiClient>();
    QVERIFY(m_api->setBaseUrl(m_server->baseUrl()));
    m_api->setLanguage(QStringLiteral("vi"));
}

void TstReportsService::cleanup()
{
    m_api.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<ReportsService> TstReportsService::makeService()
{
    auto service = std::make_unique<ReportsService>(m_api.get(), m_db.get(),
                                                    m_dir->filePath(QStringLiteral("photos")));
    reports::OutboxSender::Policy fast;
    fast.firstRetryDelayMs = 200;
    fast.maxRetryDelayMs = 1000;
    service->sender()->setPolicy(fast);
    return service;
}

void TstReportsService::categoriesAndQuestions()
{
    auto service = makeService();
    QSignalSpy state(service.get(), &ReportsService::categoriesStateChanged);
    service->refreshCategories();
    QVERIFY(service->categoriesLoading());
    QTRY_VERIFY(!service->categoriesLoading());
    QCOMPARE(service->categoriesError(), QString());
    QVERIFY(service->categories()->rowCount() >= 10);
    const QModelIndex first = service->categories()->index(0);
    QCOMPARE(first.data(reports::CategoryModel::CodeRole).toString(), QString("road_damage"));
    QCOMPARE(first.data(reports::CategoryModel::NameRole).toString(),
             QString::fromUtf8("Hư hỏng mặt đường"));
    QCOMPARE(first.data(reports::CategoryModel::GlyphRole).toString(), QString::fromUtf8("🚧"));

    reports::ReportDraftController *draft = service->draft();
    draft->setCategory(QStringLiteral("flooding"));
    QCOMPARE(draft->categoryName(), QString::fromUtf8("Ngập úng"));
    QTRY_VERIFY(!draft->questionsLoading());
    QCOMPARE(draft->questions().size(), 1);
    const QVariantMap q = draft->questions().constFirst().toMap();
    QCOMPARE(q.value("code").toString(), QString("flood_depth"));
    QVERIFY(q.value("required").toBool());
    QCOMPARE(q.value("options").toList().size(), 3);
    // Not ready: no place, required question unanswered.
    QVERIFY(!draft->canSubmit());
    QVERIFY(draft->problems().size() >= 2);
    QVERIFY(!draft->submit());

    // The next run shows the cached categories at once, before any answer (offline too).
    auto again = makeService();
    QCOMPARE(again->categories()->rowCount(), 0);
    again->start();
    QVERIFY(again->categories()->rowCount() >= 10);
}

void TstReportsService::draftToServer()
{
    auto service = makeService();
    service->start();
    service->refreshCategories();
    QTRY_VERIFY(service->categories()->rowCount() >= 10);
    reports::ReportDraftController *draft = service->draft();
    draft->setCategory(QStringLiteral("flooding"));
    QTRY_VERIFY(!draft->questionsLoading());
    draft->setPosition(16.4637, 107.5909, 8);
    QCOMPARE(draft->locationSource(), QString("gps"));
    QCOMPARE(draft->accuracy(), 8.0);
    // The user moves the pin 10 m north and 10 m west.
    draft->moveBy(10, -10);
    QCOMPARE(draft->locationSource(), QString("manual"));
    QCOMPARE(draft->accuracy(), -1.0);
    QVERIFY(std::abs((draft->latitude() - 16.4637) * 111320 - 10) < 0.01);
    QVERIFY(draft->longitude() < 107.5909);
    draft->setAnswer(QStringLiteral("flood_depth"), QStringLiteral("20to50"));
    draft->setDescription(QString::fromUtf8("Nước ngập ngang gối trên đường Lê Lợi"));
    draft->setAddress(QString::fromUtf8("Đường Lê Lợi, Huế"));

    QTemporaryDir files;
    draft->addPhoto(QUrl::fromLocalFile(writeJpeg(files, "a.jpg", 3000, 2000)));
    QVERIFY(draft->isPhotoBusy());
    QVERIFY(!draft->canSubmit()); // not while a photo is being processed
    QTRY_VERIFY_WITH_TIMEOUT(!draft->isPhotoBusy(), 20000);
    QCOMPARE(draft->photoError(), QString());
    QCOMPARE(draft->photos().size(), 1);
    const QString preview = QUrl(draft->photos().constFirst()).toLocalFile();
    QImage shown(preview);
    QCOMPARE(shown.size(), QSize(1600, 1067));
    QVERIFY2(draft->canSubmit(), qPrintable(draft->problems().join("; ")));

    const int before = serverRequests(*m_server);
    QSignalSpy submitted(draft, &reports::ReportDraftController::submitted);
    QVERIFY(draft->submit());
    QCOMPARE(submitted.count(), 1);
    const QString outboxId = submitted.constFirst().constFirst().toString();
    // The draft is empty again and its preview file is gone.
    QCOMPARE(draft->category(), QString());
    QCOMPARE(draft->photos().size(), 0);
    QVERIFY(!QFile::exists(preview));
    // Listed at once, then sent (exactly one request, with its photo and answer).
    QVERIFY(rowWith(service->myReports(), outboxId) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(serverRequests(*m_server), before + 1, 15000);
    QTRY_VERIFY(service->outbox()->item(outboxId)->state == store::OutboxItem::State::Sent);
    const QString requestId = service->outbox()->item(outboxId)->remoteId;
    QVERIFY(!requestId.isEmpty());
    QCOMPARE(serverRequests(*m_server, QStringLiteral("id = '%1'").arg(requestId)), 1);
    QTRY_VERIFY(rowWith(service->myReports(), requestId) >= 0);
    QTRY_COMPARE(service->unsentCount(), 0);

    // The detail: the server's view with the status history.
    service->openDetail(requestId);
    QTRY_VERIFY(!service->detailLoading());
    const QVariantMap detail = service->detail();
    QCOMPARE(detail.value("requestId").toString(), requestId);
    QCOMPARE(detail.value("serviceName").toString(), QString::fromUtf8("Ngập úng"));
    QCOMPARE(detail.value("state").toString(), QString("submitted"));
    QCOMPARE(detail.value("photos").toStringList().size(), 1);
    QVERIFY(detail.value("photos").toStringList().constFirst().startsWith(
        m_server->baseUrl().toString()));
    QVERIFY(!detail.value("history").toList().isEmpty());
    QVERIFY(!detail.value("canRate").toBool());
}

void TstReportsService::photosAreCheckedAndLimited()
{
    auto service = makeService();
    reports::ReportDraftController *draft = service->draft();
    QTemporaryDir files;
    // A text file named .jpg is refused with a reason, and nothing is added.
    const QString fake = files.filePath("fake.jpg");
    QFile f(fake);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a photo at all");
    f.close();
    draft->addPhoto(QUrl::fromLocalFile(fake));
    QTRY_VERIFY(!draft->isPhotoBusy());
    QVERIFY(!draft->photoError().isEmpty());
    QCOMPARE(draft->photos().size(), 0);
    // Three at most.
    for (int i = 0; i < 4; ++i)
        draft->addPhoto(QUrl::fromLocalFile(writeJpeg(files, QString("p%1.jpg").arg(i), 640, 480)));
    QVERIFY(!draft->photoError().isEmpty()); // the fourth, refused at once
    QTRY_VERIFY_WITH_TIMEOUT(!draft->isPhotoBusy(), 20000);
    QCOMPARE(draft->photos().size(), 3);
    draft->removePhoto(1);
    QCOMPARE(draft->photos().size(), 2);
    draft->removePhoto(7); // out of range: nothing
    QCOMPARE(draft->photos().size(), 2);
}

void TstReportsService::nearbyAndFollow()
{
    auto service = makeService();
    service->start();
    service->refreshCategories();
    QTRY_VERIFY(service->categories()->rowCount() >= 10);
    reports::ReportDraftController *draft = service->draft();
    draft->setCategory(QStringLiteral("garbage"));
    draft->setPosition(kLat + 0.0003, kLon, 5); // ~33 m north of the demo report
    draft->checkNearby();
    QVERIFY(draft->nearbyLoading());
    QTRY_VERIFY(!draft->nearbyLoading());
    QCOMPARE(draft->nearby()->rowCount(), 1);
    const auto row = draft->nearby()->rows().constFirst();
    QCOMPARE(row.requestId, QString("HUE-DEMO-0002"));
    QVERIFY2(row.distance > 25 && row.distance < 40, qPrintable(QString::number(row.distance)));
    // Another category there: nothing nearby.
    draft->setCategory(QStringLiteral("noise"));
    draft->checkNearby();
    QTRY_VERIFY(!draft->nearbyLoading());
    QCOMPARE(draft->nearby()->rowCount(), 0);

    // Following instead of reporting: it shows in My reports (signed out, so by its id).
    QSignalSpy notice(service.get(), &ReportsService::notice);
    service->follow(QStringLiteral("HUE-DEMO-0002"));
    QCOMPARE(notice.count(), 1);
    QTRY_VERIFY(rowWith(service->myReports(), QStringLiteral("HUE-DEMO-0002")) >= 0);
    const int i = rowWith(service->myReports(), QStringLiteral("HUE-DEMO-0002"));
    QCOMPARE(service->myReports()->rows().at(i).state, QString("closed"));
    QCOMPARE(service->myReports()->index(i).data(ReportListModel::StateTextRole).toString(),
             QString("Fixed")); // no translator installed: the English source
}

void TstReportsService::offlineThenSent()
{
    // A server of its own, stopped and started again on the same data and address.
    QTemporaryDir serverData;
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = serverData.path();
    auto server = std::make_unique<TestServer>(o);
    QVERIFY(server->start());
    QVERIFY(m_api->setBaseUrl(server->baseUrl()));
    auto service = makeService();
    service->start();
    service->refreshCategories();
    QTRY_VERIFY(service->categories()->rowCount() >= 10);
    QCOMPARE(server->stop(), 0);

    reports::ReportDraftController *draft = service->draft();
    draft->setCategory(QStringLiteral("pollution"));
    draft->setAddress(QString::fromUtf8("Chợ Đông Ba"));
    draft->setDescription(QString::fromUtf8("Khói đen từ lò đốt rác"));
    QVERIFY2(draft->canSubmit(), qPrintable(draft->problems().join("; ")));
    QSignalSpy submitted(draft, &reports::ReportDraftController::submitted);
    QVERIFY(draft->submit());
    const QString outboxId = submitted.constFirst().constFirst().toString();
    // It waits, with a reason, and counts as unsent.
    QTRY_VERIFY_WITH_TIMEOUT(
        service->outbox()->item(outboxId)->state == store::OutboxItem::State::Waiting, 15000);
    QCOMPARE(service->unsentCount(), 1);
    const int row = rowWith(service->myReports(), outboxId);
    QVERIFY(row >= 0);
    QCOMPARE(service->myReports()->rows().at(row).state, QString("waiting"));
    QVERIFY(!service->myReports()->rows().at(row).reason.isEmpty());

    // The server comes back at the same address: the retry timer sends it, once.
    o.listen = server->baseUrl().authority();
    server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        service->outbox()->item(outboxId)->state == store::OutboxItem::State::Sent, 20000);
    QCOMPARE(serverRequests(*server, QStringLiteral("service_code = 'pollution'")), 1);
    QTRY_COMPARE(service->unsentCount(), 0);
}

void TstReportsService::resetDropsLatePhotos()
{
    auto service = makeService();
    reports::ReportDraftController *draft = service->draft();
    QTemporaryDir files;
    draft->addPhoto(QUrl::fromLocalFile(writeJpeg(files, "big.jpg", 4000, 3000)));
    QVERIFY(draft->isPhotoBusy());
    draft->reset();
    QVERIFY(!draft->isPhotoBusy());
    // The photo processed after the reset does not come back into the empty draft.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(draft->photos().size(), 0);
    QVERIFY(!draft->isPhotoBusy());
    const QDir photoDir(m_dir->filePath(QStringLiteral("photos")));
    QVERIFY(!photoDir.exists() || photoDir.entryList(QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TstReportsService)
#include "tst_reports_service.moc"
