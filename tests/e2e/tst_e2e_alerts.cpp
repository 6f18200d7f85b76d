// End to end, alerts: the real Main.qml and core against a real hues-server with the demo data,
// at a fixed position in the centre of Huế. The test clicks through "Alerts" by objectName:
// the alerts that concern the place, most severe first; an alert published by a partner
// (client credentials of evn-hue) appears live and its Cancel removes it; the detail says what
// to do in the UI's language; all of the province on request; saved places and muted
// categories change the list; a signed-in citizen reports an emergency, which the verifier
// approves.
#include "AccountService.h"
#include "Application.h"
#include "PushSupport.h"
#include "QuickItems.h"
#include "TestServer.h"
#include "alerts/AlertsService.h"
#include "securestore/SecureStore.h"

#include <QDir>
#include <QJsonDocument>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using alerts::AlertListModel;
using hues::AccountService;
using hues::Application;
using hues::AppOptions;
using hues::test::click;
using hues::test::clickNamed;
using hues::test::Echo;
using hues::test::findVisible;
using hues::test::grab;
using hues::test::HttpResult;
using hues::test::TestServer;
using hues::test::textOf;
using hues::test::typeInto;

namespace {

// The Citadel's south gate, in the centre of Huế (10 m accuracy).
const QString kPosition = QStringLiteral("16.4637,107.5909,10");
constexpr double kLat = 16.4637;
constexpr double kLon = 107.5909;

const QString kCentre =
    QStringLiteral("<polygon>16.4500,107.5650 16.4500,107.6150 16.4800,107.6150 "
                   "16.4800,107.5650 16.4500,107.5650</polygon>");
const QString kPhuHoi = QStringLiteral("<circle>16.4640,107.5900 1.5</circle>");
const QString kLeLoi = QStringLiteral("<circle>16.4620,107.5880 0.8</circle>");
// A Lưới district, 40 km west: concerns nobody in the centre.
const QString kALuoi = QStringLiteral("<circle>16.2200,107.2800 12</circle>");

// One <info> of a CAP message.
struct Info
{
    QString language = QStringLiteral("vi-VN");
    QString category = QStringLiteral("Met");
    QString event;
    QString urgency = QStringLiteral("Immediate");
    QString severity = QStringLiteral("Severe");
    QString certainty = QStringLiteral("Observed");
    QString senderName;
    QString headline;
    QString description;
    QString instruction;
    QString web;
    QString contact;
    QString areaDesc;
    QString geometry;
};

// A CAP 1.2 message as a partner sends it.
struct Message
{
    QString identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString sender = QStringLiteral("ioc@hue.gov.vn");
    QString msgType = QStringLiteral("Alert");
    QString references;
    QDateTime sent = QDateTime::currentDateTimeUtc().addSecs(-20 * 60);
    QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(10 * 3600);
    QList<Info> infos;

    QString reference() const
    {
        return sender + QLatin1Char(',') + identifier + QLatin1Char(',') +
               hues::test::capTime(sent);
    }

    QByteArray xml() const
    {
        const auto element = [](const char *name, const QString &value) {
            return value.isEmpty() ? QString()
                                   : QStringLiteral("<%1>%2</%1>")
                                         .arg(QLatin1String(name), value.toHtmlEscaped());
        };
        QString t = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                   "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">") +
                    element("identifier", identifier) + element("sender", sender) +
                    element("sent", hues::test::capTime(sent)) + element("status", "Actual") +
                    element("msgType", msgType) + element("scope", "Public") +
                    element("references", references);
        for (const Info &i : infos) {
            t += QStringLiteral("<info>") + element("language", i.language) +
                 element("category", i.category) + element("event", i.event) +
                 element("urgency", i.urgency) + element("severity", i.severity) +
                 element("certainty", i.certainty) +
                 element("expires", hues::test::capTime(expires)) +
                 element("senderName", i.senderName) + element("headline", i.headline) +
                 element("description", i.description) + element("instruction", i.instruction) +
                 element("web", i.web) + element("contact", i.contact) + QStringLiteral("<area>") +
                 element("areaDesc", i.areaDesc) + i.geometry + QStringLiteral("</area></info>");
        }
        return (t + QStringLiteral("</alert>")).toUtf8();
    }
};

const QString kFloodInstructionVi = QStringLiteral(
    "Đưa người già, trẻ em và tài sản lên chỗ cao ngay. Không đi qua đường ngập. Ngắt điện tầng "
    "trệt.");
const QString kFloodInstructionEn = QStringLiteral(
    "Move elderly people, children and belongings to higher ground now. Do not cross flooded "
    "roads. Switch off the power on the ground floor.");

// The river in flood over the centre: Extreme, in Vietnamese and English.
Message flood()
{
    Message m;
    m.identifier = QStringLiteral("hue-flood-2026-11");
    Info vi;
    vi.event = QStringLiteral("Lũ trên sông Hương");
    vi.severity = QStringLiteral("Extreme");
    vi.senderName = QStringLiteral("Ban Chỉ huy PCTT&TKCN tỉnh Thừa Thiên Huế");
    vi.headline = QStringLiteral("Lũ khẩn cấp: nước sông Hương vượt báo động 3");
    vi.description = QStringLiteral("Mực nước sông Hương tại Kim Long đạt 4,2 m và còn lên. Các "
                                    "phường ven sông bị ngập sâu 0,5–1,2 m.");
    vi.instruction = kFloodInstructionVi;
    vi.web = QStringLiteral("https://thuathienhue.gov.vn");
    vi.contact = QStringLiteral("Đường dây nóng 0234 3822 000");
    vi.areaDesc = QStringLiteral("Các phường ven sông Hương, TP Huế");
    vi.geometry = kCentre;
    Info en = vi;
    en.language = QStringLiteral("en-US");
    en.event = QStringLiteral("Flood on the Perfume River");
    en.senderName = QStringLiteral("Thừa Thiên Huế Disaster Prevention Command");
    en.headline = QStringLiteral("Flood emergency: Perfume River above alarm level 3");
    en.description = QStringLiteral("The river at Kim Long is at 4.2 m and rising. Riverside "
                                    "wards are flooded 0.5-1.2 m deep.");
    en.instruction = kFloodInstructionEn;
    en.contact = QStringLiteral("Hotline 0234 3822 000");
    en.areaDesc = QStringLiteral("Riverside wards of Huế city");
    m.infos = {vi, en};
    return m;
}

Message simple(const QString &category, const QString &severity, const QString &event,
               const QString &headline, const QString &areaDesc, const QString &geometry,
               const QString &enHeadline, const QString &senderName)
{
    Message m;
    Info vi;
    vi.category = category;
    vi.severity = severity;
    vi.urgency = QStringLiteral("Expected");
    vi.certainty = QStringLiteral("Likely");
    vi.event = event;
    vi.headline = headline;
    vi.areaDesc = areaDesc;
    vi.geometry = geometry;
    vi.senderName = senderName;
    Info en = vi;
    en.language = QStringLiteral("en-US");
    en.headline = enHeadline;
    m.infos = {vi, en};
    return m;
}

Message powerCut()
{
    Message m = simple(QStringLiteral("Infra"), QStringLiteral("Moderate"),
                       QStringLiteral("Cắt điện theo kế hoạch"),
                       QStringLiteral("Cắt điện phường Phú Hội từ 7:30 đến 17:00"),
                       QStringLiteral("Phường Phú Hội, TP Huế"), kPhuHoi,
                       QStringLiteral("Power cut in Phú Hội ward from 7:30 to 17:00"),
                       QStringLiteral("Công ty Điện lực Thừa Thiên Huế"));
    m.sender = QStringLiteral("pc3hue@evn.com.vn");
    m.infos[1].event = QStringLiteral("Planned power cut");
    m.infos[1].areaDesc = QStringLiteral("Phú Hội ward, Huế city");
    return m;
}

Message roadWorks()
{
    Message m = simple(
        QStringLiteral("Transport"), QStringLiteral("Minor"), QStringLiteral("Thi công đường"),
        QStringLiteral("Rào chắn một làn đường Lê Lợi"), QStringLiteral("Đường Lê Lợi, TP Huế"),
        kLeLoi, QStringLiteral("One lane of Lê Lợi street closed"),
        QStringLiteral("Sở Giao thông Vận tải"));
    m.sent = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    m.infos[1].event = QStringLiteral("Road works");
    m.infos[1].areaDesc = QStringLiteral("Lê Lợi street, Huế city");
    return m;
}

Message landslide()
{
    Message m = simple(
        QStringLiteral("Geo"), QStringLiteral("Severe"), QStringLiteral("Sạt lở đất"),
        QStringLiteral("Nguy cơ sạt lở đất cao ở huyện A Lưới"), QStringLiteral("Huyện A Lưới"),
        kALuoi, QStringLiteral("High risk of landslides in A Lưới district"),
        QStringLiteral("Ban Chỉ huy PCTT&TKCN tỉnh Thừa Thiên Huế"));
    m.infos[1].event = QStringLiteral("Landslide");
    m.infos[1].areaDesc = QStringLiteral("A Lưới district");
    return m;
}

int rank(const QString &severity)
{
    static const QStringList order = {QStringLiteral("Minor"), QStringLiteral("Moderate"),
                                      QStringLiteral("Severe"), QStringLiteral("Extreme")};
    return int(order.indexOf(severity));
}

// The row of the alert with this id, -1 if it is not listed.
int rowOf(const AlertListModel *model, const QString &alertId)
{
    const auto &rows = model->rows();
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).alertId == alertId)
            return i;
    }
    return -1;
}

} // namespace

class TstE2eAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsAlertsOfThePlaceLive();
    void detailSaysWhatToDo_data();
    void detailSaysWhatToDo();
    void showAllListsTheProvince();
    void savedPlacesAndMutedCategories();
    void citizenReportsAnEmergency();
    void wideWindow();

private:
    void startApp(std::unique_ptr<Application> &app, const QString &dataDir, QSize size,
                  const QString &language = QStringLiteral("vi"),
                  platform::SecureStore *store = nullptr);
    // Clicks the card of the alert with this headline, once the list has settled.
    void clickAlert(QQuickWindow *window, const AlertListModel *list, const QString &headline);
    QString publish(const Message &message);

    std::unique_ptr<TestServer> m_server;
    QString m_partner;
    QString m_flood;
    QString m_power;
    QString m_road;
    QString m_landslide;
    QList<QUrl> m_opened;
};

void TstE2eAlerts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    // Published by a partner system with the alert-publishing scope.
    m_partner = hues::test::partnerToken(*m_server);
    QVERIFY(!m_partner.isEmpty());
    m_flood = publish(flood());
    m_power = publish(powerCut());
    m_road = publish(roadWorks());
    m_landslide = publish(landslide());
    QVERIFY(!m_flood.isEmpty() && !m_power.isEmpty() && !m_road.isEmpty() &&
            !m_landslide.isEmpty());
}

QString TstE2eAlerts::publish(const Message &message)
{
    const HttpResult r = hues::test::postCap(*m_server, message.xml(), m_partner);
    if (r.status != 201)
        qWarning() << "publish failed:" << r.status << r.body;
    return r.object().value(QStringLiteral("alert_id")).toString();
}

void TstE2eAlerts::startApp(std::unique_ptr<Application> &app, const QString &dataDir, QSize size,
                            const QString &language, platform::SecureStore *store)
{
    AppOptions o;
    o.dataDir = dataDir;
    o.serverUrl = m_server->baseUrl().toString();
    o.language = language;
    o.size = size;
    o.page = QStringLiteral("alerts");
    o.position = kPosition;
    app = std::make_unique<Application>(o);
    if (store)
        app->setSecureStore(store);
    m_opened.clear();
    QList<QUrl> *opened = &m_opened;
    app->setUrlOpener([opened](const QUrl &url) {
        opened->append(url);
        return true;
    });
    QVERIFY(app->start());
    QVERIFY(QTest::qWaitForWindowExposed(app->window()));
    QTRY_VERIFY(findVisible(app->window(), QStringLiteral("page_alerts")));
}

void TstE2eAlerts::clickAlert(QQuickWindow *window, const AlertListModel *list,
                              const QString &headline)
{
    const auto card = [&]() -> QQuickItem * {
        for (int i = 0; i < list->rows().size(); ++i) {
            QQuickItem *row = findVisible(window, QStringLiteral("alertRow_%1").arg(i));
            QQuickItem *text = row ? findVisible(row, QStringLiteral("alertRowHeadline")) : nullptr;
            if (text && text->property("text").toString() == headline)
                return row;
        }
        return nullptr;
    };
    QQuickItem *row = nullptr;
    QTRY_VERIFY2((row = card()), qPrintable(headline));
    QQuickItem *stack = findVisible(window, QStringLiteral("stack"));
    QVERIFY(stack);
    QTRY_VERIFY(!stack->property("busy").toBool());
    hues::test::scrollIntoView(row);
    // Cards are laid out again when the list changes: click where it stays put.
    QPointF last(-1, -1);
    QTRY_VERIFY([&] {
        row = card();
        if (!row)
            return false;
        const QPointF centre = row->mapToScene(QPointF(row->width() / 2, row->height() / 2));
        const bool settled = centre == last;
        last = centre;
        return settled && QRectF(QPointF(0, 0), window->size()).contains(centre);
    }());
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, last.toPoint());
}

// The alerts of the position, most severe first; a new one arrives by the stream, its Cancel
// removes it, without a refresh.
void TstE2eAlerts::listsAlertsOfThePlaceLive()
{
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892));
    QQuickWindow *window = app->window();
    const AlertListModel *list = app->alerts()->alerts();

    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, m_flood) >= 0, 15000);
    QTRY_VERIFY(rowOf(list, m_power) >= 0 && rowOf(list, m_road) >= 0);
    QVERIFY(rowOf(list, m_landslide) < 0);
    for (int i = 1; i < list->rows().size(); ++i)
        QVERIFY2(rank(list->rows().at(i - 1).severity) >= rank(list->rows().at(i).severity),
                 qPrintable(QStringLiteral("row %1 out of order").arg(i)));
    QVERIFY(rowOf(list, m_flood) < rowOf(list, m_power));
    QVERIFY(rowOf(list, m_power) < rowOf(list, m_road));
    // Where it applies and that it is new.
    const AlertListModel::Row &first = list->rows().at(rowOf(list, m_flood));
    QCOMPARE(first.where, QStringLiteral("Nơi bạn đang ở"));
    QVERIFY(first.unread);
    QCOMPARE(first.headline, QStringLiteral("Lũ khẩn cấp: nước sông Hương vượt báo động 3"));

    // On screen: the card of the flood, in Vietnamese, with its severity and where.
    const QString floodRow = QStringLiteral("alertRow_%1").arg(rowOf(list, m_flood));
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = findVisible(window, floodRow)));
    QVERIFY(row->height() >= 48);
    QQuickItem *badge = findVisible(row, QStringLiteral("severityText"));
    QVERIFY(badge);
    QCOMPARE(badge->property("text").toString(), QStringLiteral("Cực kỳ nghiêm trọng"));
    QVERIFY(findVisible(row, QStringLiteral("alertRowUnread")));
    QQuickItem *where = findVisible(row, QStringLiteral("alertRowWhere"));
    QVERIFY(where);
    QVERIFY(where->property("text").toString().contains(QStringLiteral("Nơi bạn đang ở")));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(window, QStringLiteral("alertsStreamState")),
                              QStringLiteral("Trực tiếp"), 15000);
    QVERIFY(!findVisible(window, QStringLiteral("alertsError")));
    QVERIFY(!findVisible(window, QStringLiteral("alertsNoPosition")));
    QVERIFY(!findVisible(window, QStringLiteral("alertsEmpty")));
    grab(window, QStringLiteral("alerts-list-vi.png"));

    // A fire near the market, published now: listed by the stream, above the power cut.
    Message fire =
        simple(QStringLiteral("Fire"), QStringLiteral("Severe"), QStringLiteral("Cháy"),
               QStringLiteral("Cháy lớn gần chợ Đông Ba"), QStringLiteral("Phường Đông Ba"),
               kPhuHoi, QStringLiteral("Large fire near Đông Ba market"),
               QStringLiteral("Trung tâm Giám sát, điều hành đô thị thông minh"));
    fire.sent = QDateTime::currentDateTimeUtc();
    const QString fireId = publish(fire);
    QVERIFY(!fireId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, fireId) >= 0, 15000);
    QVERIFY(rowOf(list, fireId) > rowOf(list, m_flood));
    QVERIFY(rowOf(list, fireId) < rowOf(list, m_power));
    QTRY_VERIFY(findVisible(window, QStringLiteral("alertRow_%1").arg(rowOf(list, fireId))));
    QTRY_COMPARE(textOf(window, QStringLiteral("alertsListTitle")),
                 QStringLiteral("%1 cảnh báo cho bạn").arg(list->rows().size()));

    // Withdrawn by its sender while its detail is open: the detail says so first, the list
    // drops it, live too.
    clickAlert(window, list, QStringLiteral("Cháy lớn gần chợ Đông Ba"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alertDetail")));
    QTRY_COMPARE(textOf(window, QStringLiteral("alertDetailHeadline")),
                 QStringLiteral("Cháy lớn gần chợ Đông Ba"));
    QVERIFY(!findVisible(window, QStringLiteral("alertDetailState")));
    Message cancel = fire;
    cancel.identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    cancel.msgType = QStringLiteral("Cancel");
    cancel.references = fire.reference();
    cancel.sent = QDateTime::currentDateTimeUtc();
    QVERIFY(!publish(cancel).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, fireId) < 0, 15000);
    QVERIFY(rowOf(list, m_flood) >= 0);
    QTRY_VERIFY(findVisible(window, QStringLiteral("alertDetailState")));
    QQuickItem *state = findVisible(window, QStringLiteral("alertDetailState"));
    QVERIFY(state->property("text").toString().startsWith(QStringLiteral("Đã hủy")));
    QCOMPARE(textOf(window, QStringLiteral("alertDetailHeadline")),
             QStringLiteral("Cháy lớn gần chợ Đông Ba"));
    grab(window, QStringLiteral("alerts-cancelled-vi.png"));
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alerts")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_alertDetail")));
}

void TstE2eAlerts::detailSaysWhatToDo_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("instruction");
    QTest::addColumn<QString>("severity");
    QTest::newRow("vi") << QStringLiteral("vi")
                        << QStringLiteral("Lũ khẩn cấp: nước sông Hương vượt báo động 3")
                        << kFloodInstructionVi << QStringLiteral("Cực kỳ nghiêm trọng");
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringLiteral("Flood emergency: Perfume River above alarm level 3")
                        << kFloodInstructionEn << QStringLiteral("Extreme");
}

// The detail of the flood in the UI's language: severity, headline, what to do, sender, area;
// opening it marks it read.
void TstE2eAlerts::detailSaysWhatToDo()
{
    QFETCH(QString, language);
    QFETCH(QString, headline);
    QFETCH(QString, instruction);
    QFETCH(QString, severity);
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892), language);
    QQuickWindow *window = app->window();
    const AlertListModel *list = app->alerts()->alerts();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, m_flood) >= 0, 15000);

    clickAlert(window, list, headline);
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alertDetail")));
    QTRY_COMPARE(textOf(window, QStringLiteral("alertDetailHeadline")), headline);
    QCOMPARE(textOf(window, QStringLiteral("alertDetailInstruction")), instruction);
    QVERIFY(findVisible(window, QStringLiteral("alertDetailInstructionCard")));
    QQuickItem *banner = findVisible(window, QStringLiteral("alertDetailSeverity"));
    QVERIFY(banner);
    QCOMPARE(banner->property("text").toString(), severity);
    QVERIFY(textOf(window, QStringLiteral("alertDetailDescription")).contains(QStringLiteral("4")));
    QVERIFY(!textOf(window, QStringLiteral("alertDetailSender")).isEmpty());
    QVERIFY(!textOf(window, QStringLiteral("alertDetailArea")).isEmpty());
    QVERIFY(!textOf(window, QStringLiteral("alertDetailSent")).isEmpty());
    QVERIFY(findVisible(window, QStringLiteral("alertDetailWeb")));
    QVERIFY(!findVisible(window, QStringLiteral("alertDetailState")));
    QVERIFY(!findVisible(window, QStringLiteral("alertDetailGone")));
    grab(window, QStringLiteral("alerts-detail-%1.png").arg(language));

    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alerts")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_alertDetail")));
    QTRY_VERIFY(!list->rows().at(rowOf(list, m_flood)).unread);
    QTRY_VERIFY(app->alerts()->detail().isEmpty());
    if (language == QLatin1String("en"))
        grab(window, QStringLiteral("alerts-list-en.png"));
}

// "Show all alerts in the province" adds those elsewhere (the landslide in A Lưới).
void TstE2eAlerts::showAllListsTheProvince()
{
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892));
    QQuickWindow *window = app->window();
    const AlertListModel *list = app->alerts()->alerts();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, m_flood) >= 0, 15000);
    QVERIFY(rowOf(list, m_landslide) < 0);

    clickNamed(window, QStringLiteral("alertsShowAll"));
    QTRY_VERIFY(app->alerts()->showAll());
    QTRY_VERIFY(rowOf(list, m_landslide) >= 0);
    QVERIFY(list->rows().at(rowOf(list, m_landslide)).where.isEmpty());
    QVERIFY(!list->rows().at(rowOf(list, m_landslide)).concerns);
    QVERIFY(findVisible(window, QStringLiteral("alertsShowAll"))->property("checked").toBool());
    QTRY_VERIFY(textOf(window, QStringLiteral("alertsListTitle"))
                    .endsWith(QStringLiteral("cảnh báo trong tỉnh")));
    // Severe: above the power cut, below the flood.
    QVERIFY(rowOf(list, m_landslide) > rowOf(list, m_flood));
    QVERIFY(rowOf(list, m_landslide) < rowOf(list, m_power));

    clickNamed(window, QStringLiteral("alertsShowAll"));
    QTRY_VERIFY(!app->alerts()->showAll());
    QTRY_VERIFY(rowOf(list, m_landslide) < 0);
    QVERIFY(!findVisible(window, QStringLiteral("alertsShowAll"))->property("checked").toBool());
}

// A relative's house in A Lưới, typed as coordinates, brings its alerts in; muting a category
// takes its alerts out, but never an Extreme one; removing the place and unmuting undo it.
void TstE2eAlerts::savedPlacesAndMutedCategories()
{
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892));
    QQuickWindow *window = app->window();
    alerts::AlertsService *service = app->alerts();
    const AlertListModel *list = service->alerts();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, m_road) >= 0, 15000);

    clickNamed(window, QStringLiteral("alertsPlacesButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alertPlaces")));
    QVERIFY(findVisible(window, QStringLiteral("placesNone")));
    QTRY_VERIFY(!textOf(window, QStringLiteral("placeHere")).isEmpty());
    QVERIFY(textOf(window, QStringLiteral("placeHere")).startsWith(QStringLiteral("16.46370")));

    // The relative's house, by coordinates (a decimal comma is fine).
    typeInto(window, QStringLiteral("placeName"), QStringLiteral("Nhà bà ngoại"), Echo::Checked);
    clickNamed(window, QStringLiteral("placeKind_family"));
    clickNamed(window, QStringLiteral("placeAdvancedToggle"));
    QQuickItem *saveCoordinates = nullptr;
    QTRY_VERIFY((saveCoordinates = findVisible(window, QStringLiteral("placeSaveCoordinates"))));
    QVERIFY(!saveCoordinates->isEnabled());
    typeInto(window, QStringLiteral("placeLatitude"), QStringLiteral("16,22"), Echo::Checked);
    typeInto(window, QStringLiteral("placeLongitude"), QStringLiteral("107.28"), Echo::Checked);
    clickNamed(window, QStringLiteral("placeSaveCoordinates"));
    QTRY_COMPARE(service->places()->rowCount(), 1);
    const auto place = service->places()->places().constFirst();
    QCOMPARE(place.name, QStringLiteral("Nhà bà ngoại"));
    QCOMPARE(place.kind, QStringLiteral("family"));
    QVERIFY(qAbs(place.lat - 16.22) < 1e-9 && qAbs(place.lon - 107.28) < 1e-9);
    QTRY_VERIFY(findVisible(window, QStringLiteral("place_0")));
    QCOMPARE(textOf(window, QStringLiteral("placeRowName")), QStringLiteral("Nhà bà ngoại"));
    QCOMPARE(textOf(window, QStringLiteral("placeName")), QString());
    QVERIFY(!findVisible(window, QStringLiteral("placeSaveError")));

    // A bad latitude keeps the button disabled: nothing saved.
    clickNamed(window, QStringLiteral("placeAdvancedToggle"));
    typeInto(window, QStringLiteral("placeLatitude"), QStringLiteral("96"), Echo::Checked);
    typeInto(window, QStringLiteral("placeLongitude"), QStringLiteral("107"), Echo::Checked);
    QVERIFY(!findVisible(window, QStringLiteral("placeSaveCoordinates"))->isEnabled());
    QCOMPARE(service->places()->rowCount(), 1);

    // Traffic muted; weather too, but the flood is Extreme and stays.
    clickNamed(window, QStringLiteral("muteSwitch_Transport"));
    QTRY_VERIFY(service->mutedCategories().contains(QStringLiteral("Transport")));
    QVERIFY(
        !findVisible(window, QStringLiteral("muteSwitch_Transport"))->property("checked").toBool());
    clickNamed(window, QStringLiteral("muteSwitch_Met"));
    QTRY_VERIFY(service->mutedCategories().contains(QStringLiteral("Met")));
    QVERIFY(findVisible(window, QStringLiteral("muteSwitch_Fire"))->property("checked").toBool());
    findVisible(window, QStringLiteral("alertPlacesFlick"))->setProperty("contentY", 0);
    grab(window, QStringLiteral("alerts-places-vi.png"));

    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alerts")));
    QTRY_VERIFY(rowOf(list, m_landslide) >= 0);
    QCOMPARE(list->rows().at(rowOf(list, m_landslide)).where, QStringLiteral("Nhà bà ngoại"));
    QTRY_VERIFY(rowOf(list, m_road) < 0);
    QVERIFY(rowOf(list, m_flood) >= 0);
    QVERIFY(textOf(window, QStringLiteral("alertsPlacesSummary")).contains(QStringLiteral("1")));

    // Removed (confirmed) and unmuted: as before.
    clickNamed(window, QStringLiteral("alertsPlacesButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alertPlaces")));
    clickNamed(window, QStringLiteral("placeRemove_0"));
    clickNamed(window, QStringLiteral("placeRemoveConfirm"));
    QTRY_COMPARE(service->places()->rowCount(), 0);
    QTRY_VERIFY(findVisible(window, QStringLiteral("placesNone")));
    clickNamed(window, QStringLiteral("muteSwitch_Transport"));
    clickNamed(window, QStringLiteral("muteSwitch_Met"));
    QTRY_VERIFY(service->mutedCategories().isEmpty());

    // "Save here": where the device is, named by its kind.
    clickNamed(window, QStringLiteral("placeKind_home"));
    clickNamed(window, QStringLiteral("placeSaveHere"));
    QTRY_COMPARE(service->places()->rowCount(), 1);
    QVERIFY(qAbs(service->places()->places().constFirst().lat - kLat) < 1e-6);
    QVERIFY(qAbs(service->places()->places().constFirst().lon - kLon) < 1e-6);
    QCOMPARE(service->places()->places().constFirst().kind, QStringLiteral("home"));

    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alerts")));
    QTRY_VERIFY(rowOf(list, m_landslide) < 0);
    QTRY_VERIFY(rowOf(list, m_road) >= 0);
}

// Signed out, the page explains and leads to the account page; signed in, an emergency is
// reported (category, text, the position), queued, sent, and approved by the verifier.
void TstE2eAlerts::citizenReportsAnEmergency()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(412, 892), QStringLiteral("vi"), &store);
    QQuickWindow *window = app->window();
    alerts::AlertsService *service = app->alerts();

    QTRY_VERIFY(findVisible(window, QStringLiteral("alertsSignInNote")));
    QVERIFY(!findVisible(window, QStringLiteral("alertsSubmitButton")));
    clickNamed(window, QStringLiteral("alertsSignInButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_account")));
    clickNamed(window, QStringLiteral("accountSignInButton"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_opened.isEmpty(), 10000);
    hues::test::Browser browser;
    const HttpResult answer = browser.signIn(m_opened.constLast(), QStringLiteral("citizen"),
                                             QStringLiteral("hues-citizen-demo"));
    QCOMPARE(answer.status / 100, 3);
    const HttpResult landed =
        hues::test::httpGet(QUrl(QString::fromUtf8(answer.header("Location"))));
    QCOMPARE(landed.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(app->account()->state(), AccountService::SignedIn, 15000);
    clickNamed(window, QStringLiteral("backButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alerts")));

    clickNamed(window, QStringLiteral("alertsSubmitButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_submitAlert")));
    QVERIFY(findVisible(window, QStringLiteral("submitAlertEmergencyNumbers")));
    QTRY_VERIFY(findVisible(window, QStringLiteral("submitAlertNoSubmissions")));
    QQuickItem *send = findVisible(window, QStringLiteral("submitAlertSend"));
    QVERIFY(send);
    QVERIFY(!send->isEnabled());
    clickNamed(window, QStringLiteral("submitAlertCategory_Fire"));
    const QString text = QStringLiteral("Cháy nhà kho gần chợ Đông Ba, khói rất lớn, chưa có xe "
                                        "cứu hỏa.");
    typeInto(window, QStringLiteral("submitAlertText"), text, Echo::Checked);
    // The position is chosen by itself.
    QTRY_VERIFY(findVisible(window, QStringLiteral("submitAlertPlaceHere")));
    QTRY_VERIFY(send->isEnabled());
    QVERIFY(!findVisible(window, QStringLiteral("submitAlertMissing")));
    grab(window, QStringLiteral("alerts-submit-vi.png"));
    QSignalSpy submitted(service, &alerts::AlertsService::submitted);
    clickNamed(window, QStringLiteral("submitAlertSend"));
    QCOMPARE(submitted.count(), 1);

    // Back on the alerts, queued then sent; the server has it from this citizen, here.
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_alerts")));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("page_submitAlert")));
    QTRY_COMPARE_WITH_TIMEOUT(
        hues::test::count(*m_server, QStringLiteral("SELECT COUNT(*) FROM alert_submissions "
                                                    "WHERE category = 'Fire' AND status = "
                                                    "'pending'")),
        1, 20000);
    QSqlQuery q(m_server->database());
    QVERIFY(q.exec(QStringLiteral("SELECT id, text, lat, lon FROM alert_submissions")) && q.next());
    const QString submissionId = q.value(0).toString();
    QCOMPARE(q.value(1).toString(), text);
    QVERIFY(qAbs(q.value(2).toDouble() - kLat) < 1e-6 && qAbs(q.value(3).toDouble() - kLon) < 1e-6);
    const auto stateOf = [service] {
        const QVariantList all = service->submissions();
        return all.isEmpty() ? QString() : all.constFirst().toMap().value("state").toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(), QStringLiteral("pending"), 15000);
    QTRY_VERIFY(findVisible(window, QStringLiteral("alertsLastSubmission")));

    // The verifier approves it: published around the place, the citizen sees it approved.
    const QString verifier = hues::test::signIn(*m_server, QStringLiteral("verifier"),
                                                QStringLiteral("hues-verifier-demo"));
    QVERIFY(!verifier.isEmpty());
    const HttpResult approved = hues::test::httpRequest(
        "POST",
        m_server->url(QStringLiteral("/api/v1/alert-submissions/%1/approve").arg(submissionId)),
        QJsonDocument(QJsonObject{{QStringLiteral("headline"),
                                   QStringLiteral("Cháy nhà kho gần chợ Đông Ba")},
                                  {QStringLiteral("severity"), QStringLiteral("Severe")},
                                  {QStringLiteral("radius_m"), 300}})
            .toJson(QJsonDocument::Compact),
        hues::test::bearer(verifier) +
            hues::test::HeaderList{
                qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))});
    QCOMPARE(approved.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(), QStringLiteral("approved"), 15000);
    // And, being around the citizen, listed for them.
    const AlertListModel *list = service->alerts();
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(list->rows().cbegin(), list->rows().cend(),
                                         [](const AlertListModel::Row &r) {
                                             return r.headline ==
                                                    QStringLiteral("Cháy nhà kho gần chợ Đông Ba");
                                         }),
                             15000);

    clickNamed(window, QStringLiteral("alertsSubmitButton"));
    QTRY_VERIFY(findVisible(window, QStringLiteral("submission_0")));
    QQuickItem *chip = findVisible(findVisible(window, QStringLiteral("submission_0")),
                                   QStringLiteral("submissionState"));
    QVERIFY(chip);
    QCOMPARE(chip->property("text").toString(), QStringLiteral("Đã xác minh và phát cảnh báo"));
}

// A kiosk-sized window in English: list and side column. (Screenshots for the README.)
void TstE2eAlerts::wideWindow()
{
    QTemporaryDir data;
    std::unique_ptr<Application> app;
    startApp(app, data.path(), QSize(1920, 1080), QStringLiteral("en"));
    QQuickWindow *window = app->window();
    const AlertListModel *list = app->alerts()->alerts();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, m_flood) >= 0, 15000);
    QTRY_COMPARE(list->rows().at(rowOf(list, m_flood)).headline,
                 QStringLiteral("Flood emergency: Perfume River above alarm level 3"));
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = findVisible(window, QStringLiteral("alertRow_0"))));
    QVERIFY(row->height() >= 64);
    QQuickItem *places = findVisible(window, QStringLiteral("alertsPlacesButton"));
    QVERIFY(places);
    // Beside the list, not below it.
    QVERIFY(places->mapToScene(QPointF(0, 0)).x() > row->mapToScene(QPointF(row->width(), 0)).x());
    QTRY_COMPARE_WITH_TIMEOUT(textOf(window, QStringLiteral("alertsStreamState")),
                              QStringLiteral("Live"), 15000);
    grab(window, QStringLiteral("alerts-wide-en.png"));
}

QTEST_MAIN(TstE2eAlerts)
#include "tst_e2e_alerts.moc"
