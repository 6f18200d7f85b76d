// alerts::AlertsService, the facade of the alert screens, against a real hues-server: the first
// load (no notifications) and the cache read offline, alerts pushed live (notified once, also
// across a restart), Update replacing and Cancel withdrawing (with its notification), expiry,
// the place filter (position, saved places, no area, showAll), muting (never Extreme), the
// <info> for the UI language, citizen submissions through the outbox (queued offline, sent,
// rejected and approved by the verifier), report_status notifications, and alerts notified when
// the user comes into their area (once, also across runs).
#include "PhotoSamples.h"
#include "PushSupport.h"
#include "TestServer.h"
#include "alerts/AlertsService.h"
#include "alerts/Cap.h"
#include "net/ApiClient.h"
#include "notify/Notifier.h"
#include "push/PushClient.h"
#include "reports/OutboxSender.h"
#include "store/Database.h"
#include "store/Outbox.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using alerts::AlertListModel;
using alerts::AlertsService;
using hues::test::HttpResult;
using hues::test::TestServer;

namespace {

// Huế's centre (the Citadel's south gate), inside kCentre.
constexpr double kLat = 16.4637;
constexpr double kLon = 107.5909;
// A relative's house at Thuận An, inside kBeach and not kCentre.
constexpr double kBeachLat = 16.56;
constexpr double kBeachLon = 107.64;

const QString kCentre = QStringLiteral(
    "<area><areaDesc>Trung tâm Huế</areaDesc><circle>16.4637,107.5909 2</circle></area>");
const QString kBeach =
    QStringLiteral("<area><areaDesc>Thuận An</areaDesc><polygon>16.54,107.62 16.58,107.62 "
                   "16.58,107.66 16.54,107.66 16.54,107.62</polygon></area>");
const QString kFarAway =
    QStringLiteral("<area><areaDesc>Lăng Cô</areaDesc><circle>16.25,108.07 1</circle></area>");
// Areas of no other test (and of no demo alert), with a place inside each and one outside
// every area.
const QString kVillage =
    QStringLiteral("<area><areaDesc>Hương Hồ</areaDesc><circle>16.4300,107.5300 1</circle></area>");
constexpr double kVillageLat = 16.4300;
constexpr double kVillageLon = 107.5300;
const QString kHill =
    QStringLiteral("<area><areaDesc>Thủy Bằng</areaDesc><polygon>16.38,107.60 16.40,107.60 "
                   "16.40,107.62 16.38,107.62 16.38,107.60</polygon></area>");
constexpr double kHillLat = 16.39;
constexpr double kHillLon = 107.61;
constexpr double kNowhereLat = 16.34;
constexpr double kNowhereLon = 107.45;

struct InfoSpec
{
    QString language = QStringLiteral("vi-VN");
    QString headline;
    QStringList categories{QStringLiteral("Met")};
    QString severity = QStringLiteral("Severe");
    QString area = kCentre; // "" none: the whole province
    QString event = QStringLiteral("Lũ");
    QString instruction;
};

struct CapSpec
{
    QString identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString sender = QStringLiteral("pc3hue@evn.com.vn");
    QString msgType = QStringLiteral("Alert");
    QDateTime sent = QDateTime::currentDateTimeUtc().addSecs(-60);
    QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(3 * 3600);
    QString references;
    QList<InfoSpec> infos;

    QString reference() const
    {
        return sender + QLatin1Char(',') + identifier + QLatin1Char(',') +
               hues::test::capTime(sent);
    }

    QByteArray xml() const
    {
        QString t = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                                   "<identifier>%1</identifier><sender>%2</sender>"
                                   "<sent>%3</sent><status>Actual</status>"
                                   "<msgType>%4</msgType><scope>Public</scope>")
                        .arg(identifier, sender, hues::test::capTime(sent), msgType);
        if (!references.isEmpty())
            t += QStringLiteral("<references>%1</references>").arg(references);
        for (const InfoSpec &i : infos) {
            t += QStringLiteral("<info><language>%1</language>").arg(i.language);
            for (const QString &c : i.categories)
                t += QStringLiteral("<category>%1</category>").arg(c);
            t += QStringLiteral("<event>%1</event><urgency>Immediate</urgency>"
                                "<severity>%2</severity><certainty>Observed</certainty>"
                                "<expires>%3</expires><headline>%4</headline>")
                     .arg(i.event, i.severity, hues::test::capTime(expires), i.headline);
            if (!i.instruction.isEmpty())
                t += QStringLiteral("<instruction>%1</instruction>").arg(i.instruction);
            t += i.area + QStringLiteral("</info>");
        }
        return (t + QStringLiteral("</alert>")).toUtf8();
    }
};

CapSpec alertAt(const QString &headline, const QString &area = kCentre,
                const QString &severity = QStringLiteral("Severe"),
                const QStringList &categories = {QStringLiteral("Met")})
{
    CapSpec c;
    InfoSpec i;
    i.headline = headline;
    i.area = area;
    i.severity = severity;
    i.categories = categories;
    c.infos = {i};
    return c;
}

// Publishes as the power company (client credentials, scope alerts:publish): the alert_id.
QString publish(const TestServer &server, const QString &token, const CapSpec &cap)
{
    const HttpResult r = hues::test::postCap(server, cap.xml(), token);
    if (r.status != 201)
        qWarning() << "publish failed:" << r.status << r.body;
    return r.object().value(QStringLiteral("alert_id")).toString();
}

class FakeNotifier : public platform::Notifier
{
public:
    struct Shown
    {
        QString key;
        QString title;
        QString body;
        Level level;
    };
    QList<Shown> shown;
    QStringList withdrawn;
    bool available = true;

    bool isAvailable() const override { return available; }
    bool notify(const QString &key, const QString &title, const QString &body, Level level) override
    {
        shown.append({key, title, body, level});
        return available;
    }
    void withdraw(const QString &key) override { withdrawn << key; }
    int count(const QString &key) const
    {
        return int(std::count_if(shown.cbegin(), shown.cend(),
                                 [&key](const Shown &s) { return s.key == key; }));
    }
    const Shown *last(const QString &key) const
    {
        for (auto it = shown.crbegin(); it != shown.crend(); ++it)
            if (it->key == key)
                return &*it;
        return nullptr;
    }
};

// A bearer token obtained by the test (signIn), for the API client.
class StaticBearer : public net::ApiAuthenticator
{
public:
    explicit StaticBearer(const QString &token) : m_value("Bearer " + token.toLatin1()) {}
    QByteArray authorization() const override { return m_value; }
    void renewAfterUnauthorized(const QByteArray &, std::function<void(bool)> done) override
    {
        done(false);
    }

private:
    QByteArray m_value;
};

int rowOf(const AlertListModel *model, const QString &alertId)
{
    for (int i = 0; i < model->rows().size(); ++i)
        if (model->rows().at(i).alertId == alertId)
            return i;
    return -1;
}

bool listed(const AlertsService &s, const QString &alertId)
{
    return rowOf(s.alerts(), alertId) >= 0;
}

const AlertListModel::Row &rowFor(const AlertsService &s, const QString &alertId)
{
    static const AlertListModel::Row none;
    const int i = rowOf(s.alerts(), alertId);
    return i >= 0 ? s.alerts()->rows().at(i) : none;
}

int placeOfKind(const alerts::SavedPlacesModel *model, const QString &kind)
{
    for (int i = 0; i < model->places().size(); ++i)
        if (model->places().at(i).kind == kind)
            return i;
    return -1;
}

QVariantMap submissionFor(const AlertsService &s, const QString &outboxId)
{
    for (const QVariant &v : s.submissions()) {
        const QVariantMap m = v.toMap();
        if (m.value("outboxId").toString() == outboxId)
            return m;
    }
    return {};
}

} // namespace

// Live, and the fetch made once live (the stream started from nothing) is done.
#define WAIT_LIVE(service)                                                                         \
    QTRY_COMPARE_WITH_TIMEOUT((service)->streamState(), QStringLiteral("live"), 15000);            \
    QTRY_VERIFY_WITH_TIMEOUT(!(service)->isLoading(), 15000)

class TstAlertsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void firstLoadThenCacheOffline();
    void pushedAlertNotifiedOnce();
    void updateReplacesCancelWithdraws();
    void expiryRemoves();
    void resetRefetches();
    void placeFilter();
    void mutedButNeverExtreme();
    void languageChoice();
    void submissionFlow();
    void reportStatusNotification();
    void enteringAnAreaNotifiesOnce();

private:
    // A service over the test's store, outbox and sender, started and caught up.
    std::unique_ptr<AlertsService> makeService(FakeNotifier *notifier, bool start = true);

    std::unique_ptr<TestServer> m_server;
    QString m_partner;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<net::ApiClient> m_api;
    std::unique_ptr<store::Outbox> m_outbox;
    std::unique_ptr<reports::OutboxSender> m_sender;
};

void TstAlertsService::initTestCase()
{
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_partner = hues::test::partnerToken(*m_server);
    QVERIFY(!m_partner.isEmpty());
}

void TstAlertsService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<store::Database>();
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("hues.sqlite"))),
             store::Database::OpenStatus::Opened);
    m_api = std::make_unique<net::ApiClient>();
    QVERIFY(m_api->setBaseUrl(m_server->baseUrl()));
    m_outbox = std::make_unique<store::Outbox>(*m_db);
    m_sender = std::make_unique<reports::OutboxSender>(m_outbox.get(), m_api.get());
    reports::OutboxSender::Policy fast;
    fast.firstRetryDelayMs = 200;
    fast.maxRetryDelayMs = 1000;
    m_sender->setPolicy(fast);
}

void TstAlertsService::cleanup()
{
    m_sender.reset();
    m_outbox.reset();
    m_api.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<AlertsService> TstAlertsService::makeService(FakeNotifier *notifier, bool start)
{
    auto service = std::make_unique<AlertsService>(m_api.get(), m_db.get(), m_outbox.get(),
                                                   m_sender.get(), notifier);
    push::PushClient::Timings t = service->pushClient()->timings();
    t.backoff = net::RetryPolicy{0, 100, 500};
    service->pushClient()->setTimings(t);
    if (start)
        service->start();
    return service;
}

void TstAlertsService::firstLoadThenCacheOffline()
{
    // A server of its own: it is stopped halfway.
    TestServer::Options o;
    o.seedDemo = true;
    TestServer server(o);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(m_api->setBaseUrl(server.baseUrl()));
    const QString partner = hues::test::partnerToken(server);
    const QString here = publish(server, partner, alertAt(QStringLiteral("Ngập ở trung tâm")));
    const QString province =
        publish(server, partner, alertAt(QStringLiteral("Mưa lớn toàn tỉnh"), QString()));
    QVERIFY(!here.isEmpty() && !province.isEmpty());

    {
        FakeNotifier notifier;
        auto service = makeService(&notifier, false);
        service->setCurrentPosition(kLat, kLon);
        QCOMPARE(service->alerts()->rowCount(), 0);
        QVERIFY(!service->updatedAt().isValid());
        service->start();
        QVERIFY(service->isLoading());
        WAIT_LIVE(service);
        QVERIFY(listed(*service, here));
        QVERIFY(listed(*service, province));
        QCOMPARE(service->error(), QString());
        QVERIFY(service->updatedAt().isValid());
        const auto &row = rowFor(*service, here);
        QCOMPARE(row.headline, QString::fromUtf8("Ngập ở trung tâm"));
        QCOMPARE(row.severity, QStringLiteral("Severe"));
        QCOMPARE(row.categories, QStringList{QStringLiteral("Met")});
        QCOMPARE(row.area, QString::fromUtf8("Trung tâm Huế"));
        QVERIFY(row.concerns);
        QCOMPARE(row.where, QStringLiteral("Where you are"));
        QVERIFY(row.unread);
        QCOMPARE(rowFor(*service, province).where, QStringLiteral("Everywhere in the province"));
        // The first load is what is going on, not news: no notification.
        QCOMPARE(notifier.shown.size(), 0);
        // Opened: read, and the detail says everything.
        service->openDetail(here);
        QVERIFY(!rowFor(*service, here).unread);
        const QVariantMap d = service->detail();
        QCOMPARE(d.value("state").toString(), QStringLiteral("active"));
        QCOMPARE(d.value("headline").toString(), QString::fromUtf8("Ngập ở trung tâm"));
        QCOMPARE(d.value("sender").toString(), QStringLiteral("pc3hue@evn.com.vn"));
        QCOMPARE(d.value("language").toString(), QStringLiteral("vi-VN"));
        QVERIFY(d.value("expires").toDateTime().isValid());
        service->closeDetail();
        QVERIFY(service->detail().isEmpty());
    }

    QCOMPARE(server.stop(), 0);
    // The next run, offline: the cached list at once, the error once the fetch failed.
    FakeNotifier notifier;
    auto service = makeService(&notifier, false);
    service->setCurrentPosition(kLat, kLon);
    service->start();
    QVERIFY(listed(*service, here));
    QVERIFY(listed(*service, province));
    QVERIFY(!rowFor(*service, here).unread); // read in the earlier run
    QVERIFY(service->updatedAt().isValid());
    QTRY_VERIFY_WITH_TIMEOUT(!service->isLoading(), 15000);
    QVERIFY(!service->error().isEmpty());
    QVERIFY(listed(*service, here));
    QVERIFY(service->streamState() != QStringLiteral("live"));
    QCOMPARE(notifier.shown.size(), 0);

    // Clearing the cache drops the alerts, never the saved places.
    QVERIFY(service->addPlace(QStringLiteral("Nhà"), QStringLiteral("home"), kLat, kLon));
    service.reset();
    QVERIFY(m_db->clearCache());
    auto cleared = makeService(&notifier, false);
    cleared->start();
    QCOMPARE(cleared->alerts()->rowCount(), 0);
    QCOMPARE(cleared->places()->rowCount(), 1);
}

void TstAlertsService::pushedAlertNotifiedOnce()
{
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    service->setCurrentPosition(kLat, kLon);
    WAIT_LIVE(service);
    const int before = int(notifier.shown.size());
    // Something elsewhere first (not notified), so that the stream has a position before ours.
    const QString elsewhere =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Ở Lăng Cô"), kFarAway));
    QTRY_COMPARE_WITH_TIMEOUT(service->pushClient()->lastSeq() > 0, true, 10000);
    QCOMPARE(notifier.count(elsewhere), 0);

    CapSpec cap = alertAt(QStringLiteral("Lũ trên sông Hương"));
    cap.infos[0].instruction = QStringLiteral("Di chuyển lên chỗ cao.");
    const QString id = publish(*m_server, m_partner, cap);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, id), 10000);
    QTRY_COMPARE(notifier.count(id), 1);
    const FakeNotifier::Shown *shown = notifier.last(id);
    QVERIFY(shown->title.contains(QString::fromUtf8("Lũ trên sông Hương")));
    QVERIFY(shown->title.contains(QStringLiteral("Severe")));
    QVERIFY(shown->body.contains(QString::fromUtf8("Di chuyển lên chỗ cao.")));
    QCOMPARE(shown->level, platform::Notifier::Level::Critical);
    QCOMPARE(int(notifier.shown.size()), before + 1);

    // Fetched again: no second notification.
    service->refresh();
    QTRY_VERIFY(!service->isLoading());
    QVERIFY(listed(*service, id));
    QCOMPARE(notifier.count(id), 1);

    // Another run on the same store, with the stream resuming and the list fetched: still once.
    // Even when the run before ended after showing the alert but before the stream kept its
    // position (the event comes again).
    service.reset();
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT key, value FROM kv_cache WHERE key LIKE 'push.last_seq@%'")));
        QVERIFY(q.next());
        const QString key = q.value(0).toString();
        const qint64 seq = q.value(1).toByteArray().toLongLong();
        QVERIFY(seq > 0);
        QSqlQuery w(m_db->connection());
        w.prepare(QStringLiteral("UPDATE kv_cache SET value = ? WHERE key = ?"));
        w.addBindValue(QByteArray::number(seq - 1));
        w.addBindValue(key);
        QVERIFY(w.exec());
    }
    FakeNotifier again;
    auto next = makeService(&again);
    next->setCurrentPosition(kLat, kLon);
    QVERIFY(listed(*next, id)); // from the cache
    QSignalSpy replayed(next->pushClient(), &push::PushClient::event);
    QTRY_COMPARE_WITH_TIMEOUT(next->streamState(), QStringLiteral("live"), 15000);
    QCOMPARE(replayed.count(), 1);
    next->refresh();
    QTRY_VERIFY(!next->isLoading());
    QVERIFY(listed(*next, id));
    QCOMPARE(again.shown.size(), 0);

    // A Minor alert is a low-level notification.
    const QString minor = publish(*m_server, m_partner,
                                  alertAt(QStringLiteral("Cắt điện"), kCentre,
                                          QStringLiteral("Minor"), {QStringLiteral("Infra")}));
    QTRY_COMPARE_WITH_TIMEOUT(again.count(minor), 1, 10000);
    QCOMPARE(again.last(minor)->level, platform::Notifier::Level::Low);
}

void TstAlertsService::updateReplacesCancelWithdraws()
{
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    service->setCurrentPosition(kLat, kLon);
    WAIT_LIVE(service);

    const CapSpec first = alertAt(QStringLiteral("Cây đổ"), kCentre, QStringLiteral("Moderate"));
    const QString firstId = publish(*m_server, m_partner, first);
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, firstId), 10000);
    QTRY_COMPARE(notifier.count(firstId), 1);
    QCOMPARE(notifier.last(firstId)->level, platform::Notifier::Level::Normal);
    service->openDetail(firstId);

    // The Update replaces it: one row, its notification replaced (same key).
    CapSpec update =
        alertAt(QStringLiteral("Cây đổ chắn đường Lê Lợi"), kCentre, QStringLiteral("Severe"));
    update.msgType = QStringLiteral("Update");
    update.references = first.reference();
    const QString updateId = publish(*m_server, m_partner, update);
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, updateId), 10000);
    QVERIFY(!listed(*service, firstId));
    QTRY_COMPARE(notifier.count(firstId), 2);
    QCOMPARE(notifier.last(firstId)->level, platform::Notifier::Level::Critical);
    QVERIFY(notifier.last(firstId)->title.contains(QString::fromUtf8("chắn đường Lê Lợi")));
    QCOMPARE(notifier.count(updateId), 0);
    QVERIFY(notifier.withdrawn.isEmpty());
    QCOMPARE(service->detail().value("state").toString(), QStringLiteral("replaced"));
    QCOMPARE(service->detail().value("replacedBy").toString(), updateId);

    // The Cancel withdraws it and its notification.
    service->openDetail(updateId);
    CapSpec cancel = alertAt(QStringLiteral("Đã dọn xong"));
    cancel.msgType = QStringLiteral("Cancel");
    cancel.references = update.reference();
    QVERIFY(!publish(*m_server, m_partner, cancel).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!listed(*service, updateId), 10000);
    QCOMPARE(notifier.withdrawn, QStringList{firstId});
    QCOMPARE(service->detail().value("state").toString(), QStringLiteral("cancelled"));
    // The Cancel itself is no alert to show or notify.
    QCOMPARE(int(notifier.shown.size()), 2);

    // A later run knows nothing of either.
    service.reset();
    auto next = makeService(&notifier);
    QVERIFY(!listed(*next, updateId));
    QVERIFY(!listed(*next, firstId));
}

void TstAlertsService::expiryRemoves()
{
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    service->setCurrentPosition(kLat, kLon);
    WAIT_LIVE(service);
    CapSpec cap = alertAt(QStringLiteral("Kẹt xe ngắn"), kCentre, QStringLiteral("Minor"),
                          {QStringLiteral("Transport")});
    cap.expires = QDateTime::currentDateTimeUtc().addSecs(4);
    const QString id = publish(*m_server, m_partner, cap);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, id), 3000);
    QCOMPARE(notifier.count(id), 1);
    QVERIFY(rowFor(*service, id).expires.isValid());
    service->openDetail(id);
    // It leaves the list at its expiry, with its notification.
    QTRY_VERIFY_WITH_TIMEOUT(!listed(*service, id), 10000);
    QVERIFY(QDateTime::currentDateTimeUtc() >= cap.expires.addMSecs(-1000));
    QCOMPARE(notifier.withdrawn, QStringList{id});
    QCOMPARE(service->detail().value("state").toString(), QStringLiteral("expired"));
    // Not in the cache either.
    auto next = makeService(&notifier, false);
    next->setShowAll(true);
    next->start();
    QVERIFY(!listed(*next, id));
}

void TstAlertsService::resetRefetches()
{
    // A server of its own: it is down while the app starts.
    QTemporaryDir serverData;
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = serverData.path();
    auto server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QVERIFY(m_api->setBaseUrl(server->baseUrl()));
    const QString partner = hues::test::partnerToken(*server);
    const CapSpec old = alertAt(QStringLiteral("Cũ"), QString());
    const QString oldId = publish(*server, partner, old);
    {
        FakeNotifier notifier;
        auto service = makeService(&notifier);
        WAIT_LIVE(service);
        QVERIFY(listed(*service, oldId));
    }
    // Meanwhile the old one is cancelled and a new one published.
    CapSpec cancel = alertAt(QStringLiteral("Hủy"), QString());
    cancel.msgType = QStringLiteral("Cancel");
    cancel.references = old.reference();
    QVERIFY(!publish(*server, partner, cancel).isEmpty());
    const QString newId = publish(*server, partner, alertAt(QStringLiteral("Mới"), QString()));
    QCOMPARE(server->stop(), 0);
    // The app's position in the stream is one the server does not know (as after the
    // server's events were pruned): it says reset when the app connects.
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE kv_cache SET value = '999999999' WHERE key LIKE "
                                      "'push.last_seq@%'")));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    QTRY_VERIFY_WITH_TIMEOUT(!service->isLoading(), 15000);
    QVERIFY(!service->error().isEmpty());
    QVERIFY(listed(*service, oldId)); // the cache
    QVERIFY(!listed(*service, newId));
    // The server is back: the stream is reset and the list fetched again.
    o.listen = server->baseUrl().authority();
    server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, newId), 20000);
    QVERIFY(!listed(*service, oldId));
    QCOMPARE(service->error(), QString());
    QTRY_COMPARE(service->streamState(), QStringLiteral("live"));
    QVERIFY(service->pushClient()->lastSeq() < 999999999);
    // Published while the app was away: news, notified once.
    QTRY_COMPARE(notifier.count(newId), 1);
    QCOMPARE(notifier.count(oldId), 0);
}

void TstAlertsService::placeFilter()
{
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    WAIT_LIVE(service);
    QVERIFY(!service->hasPosition());
    const QString centre = publish(*m_server, m_partner, alertAt(QStringLiteral("Ở trung tâm")));
    const QString beach = publish(*m_server, m_partner, alertAt(QStringLiteral("Ở biển"), kBeach));
    const QString far =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Ở Lăng Cô"), kFarAway));
    const QString everywhere =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Toàn tỉnh"), QString()));
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(everywhere), 1, 10000);

    // No position, no place: only what has no area.
    QVERIFY(listed(*service, everywhere));
    QVERIFY(!listed(*service, centre));
    QVERIFY(!listed(*service, beach));
    QVERIFY(!listed(*service, far));
    // Not concerning: not notified either.
    QCOMPARE(notifier.count(centre) + notifier.count(beach) + notifier.count(far), 0);

    QSignalSpy filter(service.get(), &AlertsService::filterChanged);
    service->setCurrentPosition(kLat, kLon);
    QVERIFY(service->hasPosition());
    QCOMPARE(filter.count(), 1);
    QVERIFY(listed(*service, centre));
    QCOMPARE(rowFor(*service, centre).where, QStringLiteral("Where you are"));
    QVERIFY(!listed(*service, beach));
    // A position outside every area: only the province-wide one.
    service->setCurrentPosition(16.0, 107.0);
    QVERIFY(!listed(*service, centre));
    QVERIFY(listed(*service, everywhere));
    service->setCurrentPosition(kLat, kLon);
    // Bad positions are ignored.
    service->setCurrentPosition(qQNaN(), kLon);
    service->setCurrentPosition(91, kLon);
    QVERIFY(listed(*service, centre));

    // A saved place: alerts there concern the user too.
    QVERIFY(!service->addPlace(QStringLiteral("Bad"), QStringLiteral("castle"), kLat, kLon));
    QVERIFY(!service->addPlace(QStringLiteral("Bad"), QStringLiteral("home"), 200, kLon));
    QVERIFY(!service->addPlace(QStringLiteral("Bad\nname"), QStringLiteral("home"), kLat, kLon));
    QCOMPARE(service->places()->rowCount(), 0);
    QVERIFY(service->addPlace(QString::fromUtf8("Nhà bà ngoại"), QStringLiteral("family"),
                              kBeachLat, kBeachLon));
    QVERIFY(service->addPlace(QString(), QStringLiteral("work"), 16.47, 107.60));
    QCOMPARE(service->places()->rowCount(), 2);
    // A place without a name is called by its kind.
    QCOMPARE(service->places()
                 ->index(placeOfKind(service->places(), QStringLiteral("work")))
                 .data(alerts::SavedPlacesModel::NameRole)
                 .toString(),
             QStringLiteral("Work"));
    QVERIFY(listed(*service, beach));
    QCOMPARE(rowFor(*service, beach).where, QString::fromUtf8("Nhà bà ngoại"));
    QVERIFY(rowFor(*service, beach).concerns);
    QCOMPARE(rowFor(*service, everywhere).where, QStringLiteral("Everywhere in the province"));
    QVERIFY(!listed(*service, far));

    // showAll lists what concerns nobody here too, marked as such.
    service->setShowAll(true);
    QVERIFY(listed(*service, far));
    QVERIFY(!rowFor(*service, far).concerns);
    QCOMPARE(rowFor(*service, far).where, QString());
    service->setShowAll(false);
    QVERIFY(!listed(*service, far));

    // Sorted by severity, then newest first.
    const QString extreme = publish(
        *m_server, m_partner, alertAt(QStringLiteral("Vỡ đê"), kCentre, QStringLiteral("Extreme")));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, extreme), 10000);
    QCOMPARE(service->alerts()->rows().constFirst().severity, QStringLiteral("Extreme"));
    const auto &rows = service->alerts()->rows();
    for (int i = 1; i < rows.size(); ++i) {
        const int a = alerts::severityRank(rows.at(i - 1).severity);
        const int b = alerts::severityRank(rows.at(i).severity);
        QVERIFY(a > b || (a == b && rows.at(i - 1).sent >= rows.at(i).sent));
    }

    // The places stay (another run), and removing one takes its alerts away.
    service.reset();
    auto next = makeService(&notifier, false);
    QCOMPARE(next->places()->rowCount(), 2);
    next->start();
    QVERIFY(listed(*next, beach));
    const QString placeId = next->places()
                                ->index(placeOfKind(next->places(), QStringLiteral("family")))
                                .data(alerts::SavedPlacesModel::PlaceIdRole)
                                .toString();
    next->removePlace(placeId);
    QCOMPARE(next->places()->rowCount(), 1);
    QVERIFY(!listed(*next, beach));
}

void TstAlertsService::mutedButNeverExtreme()
{
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    service->setCurrentPosition(kLat, kLon);
    WAIT_LIVE(service);
    const QString metSevere =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Mưa to"), kCentre));
    const QString metExtreme = publish(
        *m_server, m_partner, alertAt(QStringLiteral("Bão"), kCentre, QStringLiteral("Extreme")));
    const QString fire = publish(*m_server, m_partner,
                                 alertAt(QStringLiteral("Cháy"), kCentre,
                                         QStringLiteral("Moderate"), {QStringLiteral("Fire")}));
    const QString both =
        publish(*m_server, m_partner,
                alertAt(QStringLiteral("Sét đánh gây cháy"), kCentre, QStringLiteral("Severe"),
                        {QStringLiteral("Met"), QStringLiteral("Fire")}));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, both), 10000);

    QSignalSpy filter(service.get(), &AlertsService::filterChanged);
    service->setMuted(QStringLiteral("Met"), true);
    service->setMuted(QStringLiteral("Nonsense"), true); // not a CAP category: ignored
    QCOMPARE(service->mutedCategories(), QStringList{QStringLiteral("Met")});
    QCOMPARE(filter.count(), 1);
    QVERIFY(!listed(*service, metSevere));
    QVERIFY(listed(*service, metExtreme)); // never muted
    QVERIFY(listed(*service, fire));
    QVERIFY(listed(*service, both)); // Fire is not muted
    bool metMuted = false;
    for (const QVariant &c : service->categoryChoices()) {
        const QVariantMap m = c.toMap();
        QVERIFY(!m.value("name").toString().isEmpty());
        if (m.value("code").toString() == QLatin1String("Met"))
            metMuted = m.value("muted").toBool();
    }
    QVERIFY(metMuted);
    QCOMPARE(service->categoryChoices().size(), alerts::categoryValues().size());
    service->setShowAll(true);
    QVERIFY(listed(*service, metSevere));
    service->setShowAll(false);

    // New muted alerts are not notified; Extreme ones are.
    const QString quiet = publish(*m_server, m_partner, alertAt(QStringLiteral("Mưa rào")));
    const QString loud =
        publish(*m_server, m_partner,
                alertAt(QStringLiteral("Lũ quét"), kCentre, QStringLiteral("Extreme")));
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(loud), 1, 10000);
    QTRY_VERIFY(listed(*service, loud));
    QCOMPARE(notifier.count(quiet), 0);
    QVERIFY(!listed(*service, quiet));

    // Kept for the next run.
    service.reset();
    auto next = makeService(&notifier, false);
    QCOMPARE(next->mutedCategories(), QStringList{QStringLiteral("Met")});
    next->setMuted(QStringLiteral("Met"), false);
    next->setCurrentPosition(kLat, kLon);
    next->start();
    QVERIFY(listed(*next, quiet));
}

void TstAlertsService::languageChoice()
{
    FakeNotifier notifier;
    auto service = makeService(&notifier);
    WAIT_LIVE(service);
    CapSpec both;
    InfoSpec en;
    en.language = QStringLiteral("en-US");
    en.headline = QStringLiteral("Flash flood warning");
    en.event = QStringLiteral("Flood");
    en.area = QString();
    InfoSpec vi = en;
    vi.language = QStringLiteral("vi-VN");
    vi.headline = QString::fromUtf8("Cảnh báo lũ quét");
    vi.event = QString::fromUtf8("Lũ");
    both.infos = {en, vi}; // English first
    const QString bilingual = publish(*m_server, m_partner, both);
    CapSpec onlyEnglish;
    InfoSpec en2 = en;
    en2.headline = QStringLiteral("Water cut in Phú Hội");
    onlyEnglish.infos = {en2};
    const QString english = publish(*m_server, m_partner, onlyEnglish);
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, english), 10000);
    QTRY_VERIFY(listed(*service, bilingual));

    service->setLanguage(QStringLiteral("vi"));
    QCOMPARE(rowFor(*service, bilingual).headline, QString::fromUtf8("Cảnh báo lũ quét"));
    QCOMPARE(rowFor(*service, bilingual).event, QString::fromUtf8("Lũ"));
    QCOMPARE(rowFor(*service, english).headline, QStringLiteral("Water cut in Phú Hội"));
    service->openDetail(bilingual);
    QCOMPARE(service->detail().value("language").toString(), QStringLiteral("vi-VN"));
    QSignalSpy detail(service.get(), &AlertsService::detailChanged);
    service->setLanguage(QStringLiteral("en"));
    QCOMPARE(rowFor(*service, bilingual).headline, QStringLiteral("Flash flood warning"));
    QCOMPARE(detail.count(), 1);
    QCOMPARE(service->detail().value("headline").toString(), QStringLiteral("Flash flood warning"));
    QCOMPARE(service->detail().value("language").toString(), QStringLiteral("en-US"));
    // A language no <info> has: the first.
    service->setLanguage(QStringLiteral("fr"));
    QCOMPARE(rowFor(*service, bilingual).headline, QStringLiteral("Flash flood warning"));
    service->setLanguage(QStringLiteral("vi"));
    QCOMPARE(rowFor(*service, bilingual).headline, QString::fromUtf8("Cảnh báo lũ quét"));
}

void TstAlertsService::submissionFlow()
{
    // A server of its own: it is down when the alert is made.
    QTemporaryDir serverData;
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = serverData.path();
    auto server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QVERIFY(m_api->setBaseUrl(server->baseUrl()));
    const QString citizen =
        hues::test::signIn(*server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
    const QString verifier = hues::test::signIn(*server, QStringLiteral("verifier"),
                                                QStringLiteral("hues-verifier-demo"));
    QVERIFY(!citizen.isEmpty() && !verifier.isEmpty());
    StaticBearer bearer(citizen);
    m_api->setAuthenticator(&bearer);

    FakeNotifier notifier;
    auto service = makeService(&notifier, false);
    service->setCurrentPosition(kLat, kLon);
    QSignalSpy notices(service.get(), &AlertsService::notice);
    // Signed out: refused.
    QVERIFY(
        !service->submitAlert(QStringLiteral("Fire"), QStringLiteral("Cháy"), QUrl(), kLat, kLon));
    QCOMPARE(notices.count(), 1);
    const QString subject = QStringLiteral("acc-citizen");
    service->setAccount(subject);
    m_sender->setAccount(subject);
    QVERIFY(m_sender->start());
    service->start();
    QVERIFY(service->pushClient()->isPersonal());
    WAIT_LIVE(service);
    QCOMPARE(server->stop(), 0);

    // Refused before anything is queued.
    QVERIFY(
        !service->submitAlert(QStringLiteral("Flood"), QStringLiteral("x"), QUrl(), kLat, kLon));
    QVERIFY(
        !service->submitAlert(QStringLiteral("Fire"), QStringLiteral("   "), QUrl(), kLat, kLon));
    QVERIFY(!service->submitAlert(QStringLiteral("Fire"), QString(2001, QLatin1Char('a')), QUrl(),
                                  kLat, kLon));
    QVERIFY(!service->submitAlert(QStringLiteral("Fire"), QStringLiteral("a\x01z"), QUrl(), kLat,
                                  kLon));
    QVERIFY(!service->submitAlert(QStringLiteral("Fire"), QStringLiteral("Cháy"), QUrl(), qQNaN(),
                                  kLon));
    QCOMPARE(notices.count(), 6);
    QCOMPARE(m_outbox->items().size(), 0);
    // A photo that is no image: nothing queued, said why.
    QTemporaryDir files;
    const QString junk = files.filePath(QStringLiteral("junk.jpg"));
    {
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a photo");
    }
    QVERIFY(service->submitAlert(QStringLiteral("Fire"), QStringLiteral("Cháy"),
                                 QUrl::fromLocalFile(junk), kLat, kLon));
    QTRY_VERIFY(!service->isSubmitting());
    QCOMPARE(notices.count(), 7);
    QCOMPARE(m_outbox->items().size(), 0);

    // Queued offline with a photo: it waits, with a reason.
    const QString photo = files.filePath(QStringLiteral("fire.jpg"));
    {
        QFile f(photo);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(photosamples::encode(photosamples::photoLike(2400, 1600), "jpeg", 90));
    }
    QSignalSpy submitted(service.get(), &AlertsService::submitted);
    const QString text = QString::fromUtf8("Cháy nhà kho gần chợ Đông Ba, khói rất lớn");
    QVERIFY(
        service->submitAlert(QStringLiteral("Fire"), text, QUrl::fromLocalFile(photo), kLat, kLon));
    QVERIFY(service->isSubmitting());
    QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 20000);
    const QString outboxId = submitted.constFirst().constFirst().toString();
    const auto item = m_outbox->item(outboxId);
    QVERIFY(item);
    QCOMPARE(item->kind, alerts::kAlertSubmissionKind);
    QCOMPARE(item->attachmentCount, 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_outbox->item(outboxId)->state == store::OutboxItem::State::Waiting,
                             15000);
    QTRY_COMPARE(submissionFor(*service, outboxId).value("state").toString(),
                 QStringLiteral("waiting"));
    QVERIFY(!submissionFor(*service, outboxId).value("reason").toString().isEmpty());
    QCOMPARE(submissionFor(*service, outboxId).value("text").toString(), text);

    // The server is back at the same address: sent by the one sender, listed as pending.
    o.listen = server->baseUrl().authority();
    server = std::make_unique<TestServer>(o);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_outbox->item(outboxId)->state == store::OutboxItem::State::Sent,
                             20000);
    const QString submissionId = m_outbox->item(outboxId)->remoteId;
    QVERIFY(!submissionId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(submissionFor(*service, outboxId).value("state").toString(),
                              QStringLiteral("pending"), 15000);
    QCOMPARE(submissionFor(*service, outboxId).value("submissionId").toString(), submissionId);
    {
        QSqlQuery q(server->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), MAX(media_name) FROM alert_submissions")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(!q.value(1).toString().isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(service->streamState(), QStringLiteral("live"), 15000);

    // The verifier rejects it: the reason reaches the list and a notification.
    const auto decide = [&](const QString &id, const QString &what, const QJsonObject &body) {
        return hues::test::httpRequest(
            "POST", server->url(QStringLiteral("/api/v1/alert-submissions/%1/%2").arg(id, what)),
            QJsonDocument(body).toJson(QJsonDocument::Compact),
            hues::test::bearer(verifier) +
                hues::test::HeaderList{
                    qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))});
    };
    const QString reason = QString::fromUtf8("Không xác minh được: không có đám cháy");
    QCOMPARE(decide(submissionId, QStringLiteral("reject"),
                    QJsonObject{{QStringLiteral("reason"), reason}})
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(submissionFor(*service, outboxId).value("state").toString(),
                              QStringLiteral("rejected"), 15000);
    QCOMPARE(submissionFor(*service, outboxId).value("reason").toString(), reason);
    QCOMPARE(submissionFor(*service, outboxId).value("stateText").toString(),
             QStringLiteral("Not accepted"));
    QTRY_COMPARE(notifier.count(QStringLiteral("submission:") + submissionId), 1);
    QVERIFY(notifier.last(QStringLiteral("submission:") + submissionId)->body.contains(reason));

    // A second one, sent at once, approved: published as an alert around the place.
    submitted.clear();
    QVERIFY(service->submitAlert(QStringLiteral("Safety"),
                                 QString::fromUtf8("Cây đổ chắn ngang đường Lê Lợi"), QUrl(), kLat,
                                 kLon));
    QCOMPARE(submitted.count(), 1);
    const QString second = submitted.constFirst().constFirst().toString();
    QTRY_VERIFY_WITH_TIMEOUT(m_outbox->item(second)->state == store::OutboxItem::State::Sent,
                             15000);
    const QString secondId = m_outbox->item(second)->remoteId;
    QCOMPARE(decide(secondId, QStringLiteral("approve"),
                    QJsonObject{{QStringLiteral("headline"),
                                 QJsonObject{{QStringLiteral("vi-VN"),
                                              QString::fromUtf8("Cây đổ trên đường Lê Lợi")}}},
                                {QStringLiteral("severity"), QStringLiteral("Moderate")},
                                {QStringLiteral("radius_m"), 300}})
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(submissionFor(*service, second).value("state").toString(),
                              QStringLiteral("approved"), 15000);
    const QString alertId = submissionFor(*service, second).value("alertId").toString();
    QVERIFY(!alertId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, alertId), 10000);
    QCOMPARE(rowFor(*service, alertId).where, QStringLiteral("Where you are"));
    QCOMPARE(rowFor(*service, alertId).senderName,
             QString::fromUtf8("Trung tâm Xác minh Thông tin Huế"));
    QTRY_COMPARE(notifier.count(alertId), 1);
    QCOMPARE(notifier.count(QStringLiteral("submission:") + secondId), 1);
    // Newest first; both listed once.
    QCOMPARE(service->submissions().size(), 2);
    QCOMPARE(service->submissions().constFirst().toMap().value("outboxId").toString(), second);

    // Signed out: no submissions listed, the stream public only.
    service->setAccount(QString());
    QVERIFY(service->submissions().isEmpty());
    QVERIFY(!service->pushClient()->isPersonal());
    m_sender->stop();
    m_api->setAuthenticator(nullptr);
}

void TstAlertsService::reportStatusNotification()
{
    const QString citizen = hues::test::signIn(*m_server, QStringLiteral("citizen"),
                                               QStringLiteral("hues-citizen-demo"));
    const QString ioc =
        hues::test::signIn(*m_server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
    QVERIFY(!citizen.isEmpty() && !ioc.isEmpty());
    StaticBearer bearer(citizen);
    m_api->setAuthenticator(&bearer);
    FakeNotifier notifier;
    auto service = makeService(&notifier, false);
    service->setAccount(QStringLiteral("acc-citizen"));
    service->start();
    WAIT_LIVE(service);

    const HttpResult mine =
        hues::test::httpRequest("GET", m_server->url(QStringLiteral("/api/v1/me/reports")), {},
                                hues::test::bearer(citizen));
    const QString report =
        mine.array().at(0).toObject().value(QStringLiteral("service_request_id")).toString();
    QVERIFY(!report.isEmpty());
    QSignalSpy changed(service.get(), &AlertsService::reportStatusChanged);
    const HttpResult status = hues::test::httpRequest(
        "POST", m_server->url(QStringLiteral("/api/v1/reports/%1/status").arg(report)),
        QJsonDocument(
            QJsonObject{{QStringLiteral("detailed_status"), QStringLiteral("in_progress")},
                        {QStringLiteral("note"), QString::fromUtf8("Đội đã đến")}})
            .toJson(QJsonDocument::Compact),
        hues::test::bearer(ioc) + hues::test::HeaderList{qMakePair(
                                      QByteArray("Content-Type"), QByteArray("application/json"))});
    QCOMPARE(status.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QCOMPARE(changed.constFirst().at(0).toString(), report);
    QCOMPARE(changed.constFirst().at(1).toString(), QStringLiteral("in_progress"));
    QCOMPARE(notifier.count(QStringLiteral("report:") + report), 1);
    const FakeNotifier::Shown *shown = notifier.last(QStringLiteral("report:") + report);
    QCOMPARE(shown->title, QStringLiteral("Your report"));
    QVERIFY2(shown->body.contains(QStringLiteral("is now in progress")), qPrintable(shown->body));
    QVERIFY(shown->body.contains(QString::fromUtf8("Đội đã đến")));
    // An anonymous stream gets none of it.
    m_api->setAuthenticator(nullptr);
}

void TstAlertsService::enteringAnAreaNotifiesOnce()
{
    // Published before the app's first load: the one where the user is is not news, the other
    // is once the user goes there.
    const QString known =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Sạt lở ở Hương Hồ"), kVillage));
    const QString beyond =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Lũ ở Thủy Bằng"), kHill));
    QVERIFY(!known.isEmpty() && !beyond.isEmpty());

    FakeNotifier notifier;
    auto service = makeService(&notifier, false);
    service->setShowAll(true); // lists what does not concern the user too (not notified)
    service->setCurrentPosition(kVillageLat, kVillageLon);
    service->start();
    WAIT_LIVE(service);
    QVERIFY(listed(*service, known));
    QVERIFY(rowFor(*service, known).concerns);
    QVERIFY(listed(*service, beyond));
    QCOMPARE(notifier.count(known), 0);
    // Moving about inside its area: still not news.
    service->setCurrentPosition(kVillageLat + 0.0005, kVillageLon);
    QCOMPARE(notifier.count(known), 0);
    QCOMPARE(notifier.count(beyond), 0);
    service->setCurrentPosition(kHillLat, kHillLon);
    QCOMPARE(notifier.count(beyond), 1);
    QCOMPARE(notifier.count(known), 0);

    // An alert that arrives while the user is elsewhere is notified when they come into its
    // area, once: not again when they leave and come back.
    service->setCurrentPosition(kNowhereLat, kNowhereLon);
    int shown = int(notifier.shown.size());
    CapSpec cap = alertAt(QStringLiteral("Đường ngập ở Hương Hồ"), kVillage);
    cap.infos[0].instruction = QStringLiteral("Đi đường khác.");
    const QString arrived = publish(*m_server, m_partner, cap);
    QVERIFY(!arrived.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, arrived), 10000);
    QVERIFY(!rowFor(*service, arrived).concerns);
    QCOMPARE(notifier.count(arrived), 0);
    service->setCurrentPosition(kVillageLat, kVillageLon);
    QCOMPARE(notifier.count(arrived), 1);
    QCOMPARE(int(notifier.shown.size()), shown + 1);
    QVERIFY(notifier.last(arrived)->title.contains(QString::fromUtf8("Đường ngập ở Hương Hồ")));
    QVERIFY(notifier.last(arrived)->body.contains(QString::fromUtf8("Đi đường khác.")));
    QCOMPARE(notifier.last(arrived)->level, platform::Notifier::Level::Critical);
    service->setCurrentPosition(kVillageLat, kVillageLon + 0.0005);
    service->setCurrentPosition(kNowhereLat, kNowhereLon);
    service->setCurrentPosition(kVillageLat, kVillageLon);
    QCOMPARE(notifier.count(arrived), 1);
    QCOMPARE(int(notifier.shown.size()), shown + 1);

    // Muted: not notified on coming in either; Extreme is never muted.
    service->setMuted(QStringLiteral("Fire"), true);
    service->setCurrentPosition(kNowhereLat, kNowhereLon);
    const QString quiet = publish(*m_server, m_partner,
                                  alertAt(QStringLiteral("Cháy rừng nhỏ"), kVillage,
                                          QStringLiteral("Moderate"), {QStringLiteral("Fire")}));
    const QString loud = publish(*m_server, m_partner,
                                 alertAt(QStringLiteral("Cháy rừng lớn"), kVillage,
                                         QStringLiteral("Extreme"), {QStringLiteral("Fire")}));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, quiet) && listed(*service, loud), 10000);
    QCOMPARE(notifier.count(quiet) + notifier.count(loud), 0);
    service->setCurrentPosition(kVillageLat, kVillageLon);
    QCOMPARE(notifier.count(quiet), 0);
    QCOMPARE(notifier.count(loud), 1);
    service->setCurrentPosition(kNowhereLat, kNowhereLon);
    service->setCurrentPosition(kVillageLat, kVillageLon);
    QCOMPARE(notifier.count(quiet), 0);
    QCOMPARE(notifier.count(loud), 1);

    // A saved place counts like the position.
    service->setCurrentPosition(kNowhereLat, kNowhereLon);
    const QString atHome =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Mất nước ở Thủy Bằng"), kHill));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, atHome), 10000);
    QCOMPARE(notifier.count(atHome), 0);
    QVERIFY(service->addPlace(QString::fromUtf8("Nhà mẹ"), QStringLiteral("family"), kHillLat,
                              kHillLon));
    QCOMPARE(notifier.count(atHome), 1);
    QVERIFY(notifier.last(atHome)->body.contains(QString::fromUtf8("Nhà mẹ")));
    QVERIFY(service->addPlace(QString(), QStringLiteral("work"), kHillLat + 0.001, kHillLon));
    service->setCurrentPosition(kHillLat, kHillLon);
    QCOMPARE(notifier.count(atHome), 1);
    QCOMPARE(notifier.count(beyond), 1);

    // Across runs: what arrived while the user was elsewhere is notified in the next run when
    // they come into its area, once.
    service->setCurrentPosition(kNowhereLat, kNowhereLon);
    const QString later =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Cây đổ ở Hương Hồ"), kVillage));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*service, later), 10000);
    QCOMPARE(notifier.count(later), 0);
    service.reset();
    FakeNotifier second;
    auto next = makeService(&second, false);
    next->setCurrentPosition(kNowhereLat, kNowhereLon);
    next->start();
    WAIT_LIVE(next);
    QVERIFY(listed(*next, later));
    QCOMPARE(second.shown.size(), 0);
    next->setCurrentPosition(kVillageLat, kVillageLon);
    QCOMPARE(second.count(later), 1);
    QCOMPARE(second.shown.size(), 1); // nothing notified in the first run comes again
    // And one that arrives while away is notified when the next run starts inside its area.
    next->setCurrentPosition(kNowhereLat, kNowhereLon);
    const QString whileAway =
        publish(*m_server, m_partner, alertAt(QStringLiteral("Sét ở Hương Hồ"), kVillage));
    QTRY_VERIFY_WITH_TIMEOUT(listed(*next, whileAway), 10000);
    QCOMPARE(second.count(whileAway), 0);
    next.reset();
    FakeNotifier third;
    auto last = makeService(&third, false);
    last->setCurrentPosition(kVillageLat, kVillageLon);
    last->start();
    WAIT_LIVE(last);
    QTRY_COMPARE(third.count(whileAway), 1);
    QCOMPARE(third.shown.size(), 1);
    QCOMPARE(third.count(later), 0);
    last->setCurrentPosition(kNowhereLat, kNowhereLon);
    last->setCurrentPosition(kVillageLat, kVillageLon);
    QCOMPARE(third.shown.size(), 1);
}

QTEST_MAIN(TstAlertsService)
#include "tst_alerts_service.moc"
