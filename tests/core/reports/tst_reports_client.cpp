// The app's client side of field reports against the real hues-server (--seed demo): the
// Open311 client (categories and questions kept for offline use, nearby, mine, detail, rating,
// reopening) and the outbox sender (photos, replay after a crash, backoff, refusals with the
// server's reason, account binding, one sender per store).
#include "PhotoSamples.h"
#include "PlainBrowser.h"
#include "TestServer.h"
#include "auth/AuthorizationFlow.h"
#include "auth/Session.h"
#include "media/PhotoPipeline.h"
#include "net/ApiClient.h"
#include "reports/OutboxSender.h"
#include "reports/ReportDraft.h"
#include "reports/ReportsClient.h"
#include "securestore/SecureStore.h"
#include "store/Database.h"
#include "store/Outbox.h"

#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using hues::test::TestServer;
using reports::OutboxSender;
using reports::ReportDraft;
using reports::ReportsClient;
using reports::ReportsReply;
using store::OutboxItem;
using State = store::OutboxItem::State;

namespace {

TestServer::Options seeded(const QString &dataDir = {}, const QStringList &extra = {}, int port = 0)
{
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = dataDir;
    o.extraArgs = extra;
    o.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    return o;
}

// A port nobody listens on right now, for a server that must come back at the same address.
int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

ReportsReply *wait(ReportsReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &ReportsReply::finished);
        spy.wait(30000);
    }
    return reply;
}

ReportDraft flood(const QString &text, double lat = 16.4637, double lon = 107.5909)
{
    ReportDraft d;
    d.serviceCode = QStringLiteral("flooding");
    d.lat = lat;
    d.lon = lon;
    d.description = text;
    d.attributes = {{QStringLiteral("flood_depth"), {QStringLiteral("gt50")}, false}};
    return d;
}

int serverCount(TestServer &server, const QString &sql)
{
    QSqlQuery q(server.database());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

// One device: its store, outbox, the one API client, the reports client and the sender.
struct Device
{
    explicit Device(const QUrl &server)
    {
        db.open(dir.filePath(QStringLiteral("hues.sqlite")));
        api.setBaseUrl(server);
        outbox = std::make_unique<store::Outbox>(db);
        client = std::make_unique<ReportsClient>(&api, &db);
        sender = std::make_unique<OutboxSender>(outbox.get(), &api);
    }
    QString enqueue(const ReportDraft &draft, const QList<QByteArray> &photos = {},
                    const QString &account = {})
    {
        QList<store::OutboxAttachment> files;
        for (const QByteArray &p : photos)
            files.append({QStringLiteral("image/jpeg"), p});
        return outbox->enqueue(reports::kReportKind, draft.toPayload(), files, account,
                               api.baseUrl().toString());
    }
    // syncNow() and wait for its end.
    bool sync()
    {
        QSignalSpy done(sender.get(), &OutboxSender::syncFinished);
        sender->syncNow();
        return done.wait(60000);
    }
    OutboxItem item(const QString &id) const { return outbox->item(id).value_or(OutboxItem{}); }

    QTemporaryDir dir;
    store::Database db;
    net::ApiClient api;
    std::unique_ptr<store::Outbox> outbox;
    std::unique_ptr<ReportsClient> client;
    std::unique_ptr<OutboxSender> sender;
};

} // namespace

class TstReportsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servicesAndDefinition();
    void servicesShowOffline();
    void submitWithPhotos();
    void resentAfterCrashIsReplayed();
    void nearby();
    void networkErrorWaitsWithBackoff();
    void backoffGrowsToTheCap();
    void refusedItemFailsWithReasonAndRetryNowWorks();
    void unknownCategoryFailsWithServerReason();
    void damagedItemFails();
    void accountBinding();
    void rateAndReopen();
    void oneSenderPerStore();

private:
    // Signs in on `api` through the browser with a demo account; returns the flow's result.
    std::optional<auth::SignInResult> signIn(net::ApiClient *api, const QString &user,
                                             const QString &password);

    TestServer m_server{seeded()};
    QList<QByteArray> m_photos;
};

void TstReportsClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    for (quint32 seed = 1; seed <= 3; ++seed) {
        const QByteArray raw =
            photosamples::encode(photosamples::photoLike(1400, 1000, seed), "jpeg", 90);
        const media::PhotoResult result = media::processPhoto(raw);
        QVERIFY2(result.ok(), qPrintable(result.message));
        m_photos.append(result.jpeg);
    }
}

std::optional<auth::SignInResult> TstReportsClient::signIn(net::ApiClient *api, const QString &user,
                                                           const QString &password)
{
    auth::OidcClientConfig config;
    config.issuer = m_server.baseUrl().toString();
    config.clientId = QStringLiteral("hues-app");
    config.scopes = QStringList{"openid", "profile", "phone", "citizen", "offline_access"};
    auth::AuthorizationFlow flow(api, config);
    authtest::PlainBrowser browser;
    browser.username = user;
    browser.password = password;
    flow.setBrowser([&browser](const QUrl &url) {
        QTimer::singleShot(0, [&browser, url] {
            browser.browse(url, QUrl(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"),
                                                                   QUrl::FullyDecoded)));
        });
        return true;
    });
    QSignalSpy finished(&flow, &auth::AuthorizationFlow::finished);
    flow.start();
    if (!finished.wait(30000) || !flow.isOk())
        return std::nullopt;
    return flow.result();
}

void TstReportsClient::servicesAndDefinition()
{
    Device d(m_server.baseUrl());
    ReportsReply *vi = wait(d.client->fetchServices());
    QVERIFY2(vi->isOk(), qPrintable(vi->errorMessage()));
    QVERIFY(!vi->isFromCache());
    QVERIFY(vi->services().size() >= 9);
    const auto flooding = std::find_if(vi->services().cbegin(), vi->services().cend(),
                                       [](const auto &s) { return s.code == u"flooding"; });
    QVERIFY(flooding != vi->services().cend());
    QVERIFY(flooding->metadata);
    QCOMPARE(flooding->name, QStringLiteral("Ngập úng"));

    d.api.setLanguage(QStringLiteral("en"));
    ReportsReply *en = wait(d.client->fetchServices());
    QVERIFY(en->isOk());
    QCOMPARE(en->services().size(), vi->services().size());
    QVERIFY(en->services().constFirst().name != vi->services().constFirst().name);

    ReportsReply *def = wait(d.client->fetchDefinition(QStringLiteral("flooding")));
    QVERIFY2(def->isOk(), qPrintable(def->errorMessage()));
    QCOMPARE(def->definition().serviceCode, QStringLiteral("flooding"));
    QCOMPARE(def->definition().attributes.size(), 1);
    const reports::ServiceAttribute &depth = def->definition().attributes.constFirst();
    QCOMPARE(depth.code, QStringLiteral("flood_depth"));
    QCOMPARE(depth.datatype, QStringLiteral("singlevaluelist"));
    QVERIFY(depth.required);
    QCOMPARE(depth.values.size(), 3);

    // The draft's own checks use the definition.
    ReportDraft draft = flood(QStringLiteral("x"));
    QVERIFY(draft.problems(en->services(), &def->definition(), 1).isEmpty());
    draft.attributes.clear();
    QCOMPARE(draft.problems(en->services(), &def->definition(), 1).size(), 1);
    draft.attributes = {{QStringLiteral("flood_depth"), {QStringLiteral("deep")}, false}};
    QCOMPARE(draft.problems(en->services(), &def->definition(), 1).size(), 1);
    draft = flood(QString(4001, QChar(u'ữ')), 91, 181);
    QCOMPARE(draft.problems(en->services(), &def->definition(), 4).size(), 4);

    ReportsReply *unknown = wait(d.client->fetchDefinition(QStringLiteral("no_such_code")));
    QVERIFY(!unknown->hasData());
    QCOMPARE(unknown->error().kind, net::ApiError::NotFound);
    QVERIFY(!unknown->errorMessage().isEmpty());
}

void TstReportsClient::servicesShowOffline()
{
    QTemporaryDir serverDir;
    TestServer server(seeded(serverDir.path()));
    QVERIFY(server.start());
    Device d(server.baseUrl());
    QVERIFY(!d.client->cachedServices());
    ReportsReply *online = wait(d.client->fetchServices());
    QVERIFY(online->isOk());
    QVERIFY(wait(d.client->fetchDefinition(QStringLiteral("flooding")))->isOk());
    QCOMPARE(server.stop(), 0);

    ReportsReply *offline = wait(d.client->fetchServices());
    QVERIFY(!offline->isOk());
    QCOMPARE(offline->error().kind, net::ApiError::Offline);
    QVERIFY(offline->hasData());
    QVERIFY(offline->isFromCache());
    QVERIFY(offline->cachedAt() > 0);
    QCOMPARE(offline->services().size(), online->services().size());
    QVERIFY(offline->errorMessage().contains(QLatin1String("saved")));
    QCOMPARE(d.client->cachedServices()->size(), online->services().size());
    ReportsReply *def = wait(d.client->fetchDefinition(QStringLiteral("flooding")));
    QVERIFY(def->isFromCache());
    QCOMPARE(def->definition().attributes.size(), 1);
    // Never fetched: nothing to show.
    ReportsReply *never = wait(d.client->fetchDefinition(QStringLiteral("garbage")));
    QVERIFY(!never->hasData());
    QVERIFY(!d.client->cachedDefinition(QStringLiteral("garbage")));
}

void TstReportsClient::submitWithPhotos()
{
    Device d(m_server.baseUrl());
    const int before =
        serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests"));
    const QString id = d.enqueue(flood(QStringLiteral("Ngập sâu trước chợ Đông Ba")), m_photos);
    QVERIFY(!id.isEmpty());
    QSignalSpy sent(d.sender.get(), &OutboxSender::itemSent);
    QVERIFY(d.sender->start());
    QVERIFY(sent.wait(30000));
    QCOMPARE(sent.at(0).at(0).toString(), id);
    QCOMPARE(sent.at(0).at(2).toBool(), false); // created, not replayed
    const OutboxItem item = d.item(id);
    QCOMPARE(item.state, State::Sent);
    QCOMPARE(item.attempts, 1);
    QCOMPARE(item.remoteId, sent.at(0).at(1).toString());
    QVERIFY(item.response.isArray());

    QCOMPARE(serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests")),
             before + 1);
    QCOMPARE(
        serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_request_media WHERE "
                                             "request_id = '%1'")
                                  .arg(item.remoteId)),
        3);
    QCOMPARE(serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE "
                                                  "id = '%1' AND account_id IS NULL")
                                       .arg(item.remoteId)),
             1);

    ReportsReply *detail = wait(d.client->fetchRequest(item.remoteId));
    QVERIFY2(detail->isOk(), qPrintable(detail->errorMessage()));
    const reports::ServiceRequest &r = detail->requests().constFirst();
    QCOMPARE(r.id, item.remoteId);
    QCOMPARE(r.description, QStringLiteral("Ngập sâu trước chợ Đông Ba"));
    QCOMPARE(r.detailedStatus, QStringLiteral("submitted"));
    QCOMPARE(r.mediaUrls.size(), 3);
    QVERIFY(r.history && !r.history->isEmpty());
    QVERIFY(!r.mine); // anonymous
    const auto photo = hues::test::httpGet(QUrl(r.mediaUrls.constFirst()));
    QCOMPARE(photo.status, 200);
    const QImage image = QImage::fromData(photo.body, "JPEG");
    QVERIFY(!image.isNull());
    QCOMPARE(qMax(image.width(), image.height()), 1400); // never upscaled
}

void TstReportsClient::resentAfterCrashIsReplayed()
{
    Device d(m_server.baseUrl());
    const QString id = d.enqueue(flood(QStringLiteral("replay")), {m_photos.at(0)});
    QVERIFY(d.sync());
    const QString remote = d.item(id).remoteId;
    QVERIFY(!remote.isEmpty());
    const int count =
        serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests"));
    d.sender->stop();

    // The process died after the server committed, before the outbox heard of it.
    QSqlQuery q(d.db.connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sending', remote_id = NULL")));
    OutboxSender next(d.outbox.get(), &d.api);
    QSignalSpy sent(&next, &OutboxSender::itemSent);
    QVERIFY(next.start());
    QVERIFY(sent.wait(30000));
    QCOMPARE(sent.at(0).at(1).toString(), remote);
    QCOMPARE(sent.at(0).at(2).toBool(), true); // replayed
    QCOMPARE(d.item(id).state, State::Sent);
    QCOMPARE(d.item(id).remoteId, remote);
    QCOMPARE(d.item(id).attempts, 2);
    QCOMPARE(serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests")), count);
}

void TstReportsClient::nearby()
{
    Device d(m_server.baseUrl());
    const double lat = 16.4801;
    const double lon = 107.6012;
    const QString id = d.enqueue(flood(QStringLiteral("gần đây"), lat, lon));
    QVERIFY(d.sync());
    const QString remote = d.item(id).remoteId;
    QVERIFY(!remote.isEmpty());
    auto ids = [](const ReportsReply *reply) {
        QStringList list;
        for (const auto &r : reply->requests())
            list << r.id;
        return list;
    };
    // 50 m away: found.
    ReportsReply *close =
        wait(d.client->fetchNearby(lat + 0.00045, lon, QStringLiteral("flooding")));
    QVERIFY2(close->isOk(), qPrintable(close->errorMessage()));
    QVERIFY(ids(close).contains(remote));
    // 2 km away, or another category: not found.
    ReportsReply *far = wait(d.client->fetchNearby(lat + 0.018, lon, QStringLiteral("flooding")));
    QVERIFY(far->isOk());
    QVERIFY(!ids(far).contains(remote));
    ReportsReply *other = wait(d.client->fetchNearby(lat, lon, QStringLiteral("garbage")));
    QVERIFY(other->isOk());
    QVERIFY(!ids(other).contains(remote));
}

void TstReportsClient::networkErrorWaitsWithBackoff()
{
    QTemporaryDir serverDir;
    const int port = freePort();
    TestServer server(seeded(serverDir.path(), {}, port));
    Device d(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const QString id = d.enqueue(flood(QStringLiteral("offline")), {m_photos.at(1)});
    QSignalSpy waiting(d.sender.get(), &OutboxSender::itemWaiting);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(d.sender->start());
    QVERIFY(waiting.wait(30000));
    OutboxItem item = d.item(id);
    QCOMPARE(item.state, State::Waiting);
    QVERIFY2(item.lastError.contains(QLatin1String("Cannot reach")), qPrintable(item.lastError));
    // The first delay: about 5 s with jitter (2.5 to 5 s).
    QVERIFY2(item.nextAttemptAt >= before + 2500,
             qPrintable(QString::number(item.nextAttemptAt - before)));
    QVERIFY(item.nextAttemptAt <= QDateTime::currentMSecsSinceEpoch() + 5000);

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(d.sync()); // "send now" does not wait for the timer
    item = d.item(id);
    QCOMPARE(item.state, State::Sent);
    QCOMPARE(item.attempts, 2);
    QVERIFY(item.lastError.isEmpty());
}

void TstReportsClient::backoffGrowsToTheCap()
{
    const OutboxSender::Policy p;
    for (int i = 0; i < 20; ++i) {
        const int first = OutboxSender::retryDelayMs(p, 1);
        QVERIFY(first >= 2500 && first <= 5000);
        const int third = OutboxSender::retryDelayMs(p, 3);
        QVERIFY(third >= 10000 && third <= 20000);
        const int late = OutboxSender::retryDelayMs(p, 40);
        QVERIFY(late >= 450000 && late <= 900000);
    }
}

void TstReportsClient::refusedItemFailsWithReasonAndRetryNowWorks()
{
    // A city that requires an api_key the app does not have: refused, not retried.
    QTemporaryDir serverDir;
    const int port = freePort();
    auto server = std::make_unique<TestServer>(seeded(
        serverDir.path(), {QStringLiteral("--open311-api-key"), QStringLiteral("s3cret")}, port));
    QVERIFY(server->start());
    Device d(server->baseUrl());
    const QString id = d.enqueue(flood(QStringLiteral("refused")), m_photos);
    QSignalSpy failed(d.sender.get(), &OutboxSender::itemFailed);
    QVERIFY(d.sync());
    QCOMPARE(failed.size(), 1);
    OutboxItem item = d.item(id);
    QCOMPARE(item.state, State::Failed);
    QVERIFY2(item.lastError.contains(QLatin1String("api_key")), qPrintable(item.lastError));
    QCOMPARE(failed.at(0).at(1).toString(), item.lastError);
    QVERIFY(d.sync());
    QCOMPARE(d.item(id).state, State::Failed); // a sync leaves it alone
    QCOMPARE(d.item(id).attempts, 1);
    QCOMPARE(serverCount(*server, QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE "
                                                 "description = 'refused'")),
             0);

    // The city drops the requirement; the user retries.
    QCOMPARE(server->stop(), 0);
    server = std::make_unique<TestServer>(seeded(serverDir.path(), {}, port));
    QVERIFY(server->start());
    QVERIFY(d.outbox->retryNow(id));
    QCOMPARE(d.item(id).state, State::Pending);
    QVERIFY(d.sync());
    item = d.item(id);
    QCOMPARE(item.state, State::Sent);
    QCOMPARE(item.attempts, 2);
    QCOMPARE(serverCount(*server, QStringLiteral("SELECT COUNT(*) FROM service_request_media "
                                                 "WHERE request_id = '%1'")
                                      .arg(item.remoteId)),
             3);
}

void TstReportsClient::unknownCategoryFailsWithServerReason()
{
    Device d(m_server.baseUrl());
    ReportDraft draft = flood(QStringLiteral("x"));
    draft.serviceCode = QStringLiteral("no_such_service");
    const QString id = d.enqueue(draft);
    QVERIFY(d.sync());
    const OutboxItem item = d.item(id);
    QCOMPARE(item.state, State::Failed);
    QVERIFY2(item.lastError.contains(QLatin1String("service_code")), qPrintable(item.lastError));
}

void TstReportsClient::damagedItemFails()
{
    Device d(m_server.baseUrl());
    QSqlQuery q(d.db.connection());
    QVERIFY(q.prepare(QStringLiteral(
        "INSERT INTO outbox (id, kind, idempotency_key, payload, created_at, server) VALUES "
        "('bad', 'report', 'k', '{\"lat\":1}', 1, ?)")));
    q.addBindValue(d.api.baseUrl().toString());
    QVERIFY(q.exec());
    QSignalSpy failed(d.sender.get(), &OutboxSender::itemFailed);
    QVERIFY(d.sync());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(d.item(QStringLiteral("bad")).state, State::Failed);
    QVERIFY(d.item(QStringLiteral("bad")).lastError.contains(QLatin1String("damaged")));
}

void TstReportsClient::accountBinding()
{
    Device d(m_server.baseUrl());
    platform::MemorySecureStore keys;
    auth::Session session(&d.api, &keys);
    const auto result =
        signIn(&d.api, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
    QVERIFY(result);
    session.begin(*result);
    const QString subject = session.subject();
    QVERIFY(!subject.isEmpty());

    const QString mine = d.enqueue(flood(QStringLiteral("của tôi")), {m_photos.at(2)}, subject);
    const QString anonymous = d.enqueue(flood(QStringLiteral("ẩn danh")));
    const QString others =
        d.enqueue(flood(QStringLiteral("người khác")), {}, QStringLiteral("someone-else"));

    // Signed out in the sender's eyes: only the anonymous one goes, without the token.
    QVERIFY(d.sync());
    QCOMPARE(d.item(anonymous).state, State::Sent);
    QCOMPARE(d.item(mine).state, State::Pending);
    QCOMPARE(d.item(others).state, State::Pending);
    QCOMPARE(serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE id "
                                                  "= '%1' AND account_id IS NULL")
                                       .arg(d.item(anonymous).remoteId)),
             1);

    // Signing in sends the account's item, with the bearer.
    QSignalSpy sent(d.sender.get(), &OutboxSender::itemSent);
    d.sender->setAccount(subject);
    QVERIFY(sent.wait(30000));
    QCOMPARE(sent.at(0).at(0).toString(), mine);
    const QString mineRemote = d.item(mine).remoteId;
    QCOMPARE(serverCount(m_server, QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE id "
                                                  "= '%1' AND account_id = '%2'")
                                       .arg(mineRemote, subject)),
             1);
    QCOMPARE(d.item(others).state, State::Pending); // never with this account's token

    ReportsReply *list = wait(d.client->fetchMine(true, {d.item(anonymous).remoteId}));
    QVERIFY2(list->isOk(), qPrintable(list->errorMessage()));
    QStringList ids;
    for (const auto &r : list->requests())
        ids << r.id;
    QVERIFY(ids.contains(mineRemote));
    QVERIFY(ids.contains(d.item(anonymous).remoteId));
    ReportsReply *detail = wait(d.client->fetchRequest(mineRemote));
    QVERIFY(detail->isOk());
    QVERIFY(detail->requests().constFirst().mine);
}

void TstReportsClient::rateAndReopen()
{
    Device d(m_server.baseUrl());
    platform::MemorySecureStore keys;
    auth::Session session(&d.api, &keys);
    const auto citizen =
        signIn(&d.api, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
    QVERIFY(citizen);
    session.begin(*citizen);
    d.sender->setAccount(session.subject());
    const QString id = d.enqueue(flood(QStringLiteral("rate me")), {}, session.subject());
    QVERIFY(d.sync());
    const QString remote = d.item(id).remoteId;
    QVERIFY(!remote.isEmpty());

    // Not closed yet: rating is refused with the server's reason.
    ReportsReply *early = wait(d.client->rate(remote, true, QStringLiteral("?")));
    QCOMPARE(early->error().httpStatus, 409);
    QVERIFY(!early->errorMessage().isEmpty());

    // The operations centre closes it.
    net::ApiClient staffApi;
    staffApi.setBaseUrl(m_server.baseUrl());
    const auto ioc = signIn(&staffApi, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
    QVERIFY(ioc);
    const auto closed = hues::test::httpRequest(
        "POST", m_server.url(QStringLiteral("/api/v1/reports/%1/status").arg(remote)),
        R"({"detailed_status":"closed","note":"Đã bơm nước","agency":"Công ty Thoát nước Huế"})",
        {{"Authorization", "Bearer " + ioc->tokens.accessToken},
         {"Content-Type", "application/json"}});
    QCOMPARE(closed.status, 200);

    ReportsReply *detail = wait(d.client->fetchRequest(remote));
    QVERIFY(detail->isOk());
    const reports::ServiceRequest &r = detail->requests().constFirst();
    QCOMPARE(r.status, QStringLiteral("closed"));
    QVERIFY(r.mine);
    QVERIFY(r.reopenUntil.isValid());
    QCOMPARE(r.agencyResponsible, QStringLiteral("Công ty Thoát nước Huế"));

    ReportsReply *rated = wait(d.client->rate(remote, true, QStringLiteral("Cảm ơn")));
    QVERIFY2(rated->isOk(), qPrintable(rated->errorMessage()));
    QVERIFY(rated->requests().constFirst().id == remote);
    ReportsReply *again = wait(d.client->rate(remote, false, QStringLiteral("again")));
    QCOMPARE(again->error().httpStatus, 409);

    ReportsReply *reopened = wait(d.client->reopen(remote, QStringLiteral("Vẫn còn ngập")));
    QVERIFY2(reopened->isOk(), qPrintable(reopened->errorMessage()));
    QCOMPARE(reopened->requests().constFirst().detailedStatus, QStringLiteral("reopened"));
    QCOMPARE(reopened->requests().constFirst().status, QStringLiteral("open"));
}

void TstReportsClient::oneSenderPerStore()
{
    Device d(m_server.baseUrl());
    store::Database second;
    QCOMPARE(second.open(d.db.path()), store::Database::OpenStatus::Opened);
    store::Outbox otherOutbox(second);
    OutboxSender other(&otherOutbox, &d.api);
    QVERIFY(d.sender->start());
    QVERIFY(!other.start()); // another sender holds the store
    QSignalSpy done(&other, &OutboxSender::syncFinished);
    other.syncNow();
    QVERIFY(done.wait(5000));
    QCOMPARE(done.at(0).at(0).toInt(), 0);
    d.sender->stop();
    QVERIFY(other.start());
}

QTEST_MAIN(TstReportsClient)
#include "tst_reports_client.moc"
