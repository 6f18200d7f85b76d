#include "alerts/Cap.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace alerts;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(HUES_CAP_TESTDATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

Alert parsed(const QString &name)
{
    const ParseResult r = parse(readData(name));
    if (!r.ok)
        qFatal("%s: %s", qPrintable(name), qPrintable(r.errorString()));
    return r.alert;
}

// A small valid alert; the refusal rows change one thing in it.
const QByteArray kBase = R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>HUE-1</identifier>
  <sender>ioc@hue.gov.vn</sender>
  <sent>2025-10-28T07:30:00+07:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <category>Met</category>
    <event>Flood</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <area>
      <areaDesc>Citadel</areaDesc>
      <polygon>16.48,107.57 16.47,107.59 16.46,107.58 16.48,107.57</polygon>
      <circle>16.47,107.58 2</circle>
    </area>
  </info>
</alert>
)";

QByteArray changed(const QByteArray &from, const QByteArray &to)
{
    QByteArray xml = kBase;
    if (!xml.contains(from))
        qFatal("the base message has no %s", from.constData());
    return xml.replace(from, to);
}

QString describe(const ParseResult &r)
{
    QStringList lines;
    for (const ParseError &e : r.errors)
        lines.append(e.toString());
    return lines.join(QLatin1Char('\n'));
}

// An alert with every field set, as code (the verification centre) would build it.
Alert fullAlert()
{
    Alert a;
    a.identifier = QStringLiteral("HUE-VER-2025-7");
    a.sender = QStringLiteral("verification@hue.gov.vn");
    a.sent = QDateTime(QDate(2025, 11, 2), QTime(8, 15, 30), Qt::OffsetFromUTC, 7 * 3600);
    a.status = QStringLiteral("Exercise");
    a.msgType = QStringLiteral("Update");
    a.source = QStringLiteral("Trung tâm Xác minh");
    a.scope = QStringLiteral("Restricted");
    a.restriction = QStringLiteral("IOC staff only");
    a.addresses = QStringLiteral("ioc@hue.gov.vn \"Phòng Cháy Chữa Cháy\"");
    a.codes = QStringList{QStringLiteral("profile:HUE:1.0"), QStringLiteral("drill")};
    a.note = QStringLiteral("Diễn tập <không> phải & thật");
    a.references = {{QStringLiteral("verification@hue.gov.vn"), QStringLiteral("HUE-VER-2025-6"),
                     QDateTime(QDate(2025, 11, 2), QTime(7, 0), Qt::OffsetFromUTC, 7 * 3600)},
                    {QStringLiteral("cap@ec.gc.ca"), QStringLiteral("2.49.0.1"),
                     QDateTime(QDate(2025, 11, 1), QTime(23, 0), Qt::OffsetFromUTC, 0)}};
    a.incidents = QStringLiteral("flood-2025-11 \"song Huong\"");
    Info vi;
    vi.language = QStringLiteral("vi-VN");
    vi.categories = QStringList{QStringLiteral("Fire"), QStringLiteral("Safety")};
    vi.event = QStringLiteral("Cháy");
    vi.responseTypes = QStringList{QStringLiteral("Evacuate"), QStringLiteral("AllClear")};
    vi.urgency = QStringLiteral("Expected");
    vi.severity = QStringLiteral("Extreme");
    vi.certainty = QStringLiteral("Likely");
    vi.audience = QStringLiteral("Người dân phường Phú Hội");
    vi.eventCodes = {{QStringLiteral("SAME"), QStringLiteral("FRW")}};
    vi.effective = QDateTime(QDate(2025, 11, 2), QTime(8, 0), Qt::OffsetFromUTC, 7 * 3600);
    vi.onset = QDateTime(QDate(2025, 11, 2), QTime(1, 0), Qt::OffsetFromUTC, 0);
    vi.expires = QDateTime(QDate(2025, 11, 2), QTime(12, 0), Qt::OffsetFromUTC, -(5 * 3600 + 1800));
    vi.senderName = QStringLiteral("Trung tâm Xác minh Thông tin Huế");
    vi.headline = QStringLiteral("Cháy lớn gần cầu Trường Tiền");
    vi.description = QStringLiteral("Dòng 1\nDòng 2 \"trích dẫn\" 'nháy' ]]> <tag>");
    vi.instruction = QStringLiteral("Sơ tán ngay.");
    vi.web = QStringLiteral("https://hue.gov.vn/canh-bao?id=7&lang=vi");
    vi.contact = QStringLiteral("1900 1234");
    vi.parameters = {{QStringLiteral("Mức"), QStringLiteral("3")},
                     {QStringLiteral("empty"), QString()}};
    Resource photo;
    photo.resourceDesc = QStringLiteral("Ảnh hiện trường");
    photo.mimeType = QStringLiteral("image/jpeg");
    photo.size = 123456;
    photo.uri = QStringLiteral("https://hue.gov.vn/media/7.jpg");
    photo.derefUri = QStringLiteral("/9j/4AAQSkZJRg==");
    photo.digest = QStringLiteral("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
    vi.resources = {photo};
    Area area;
    area.areaDesc = QStringLiteral("Phú Hội");
    area.polygons = {{{16.4712, 107.5901},
                      {16.4688, 107.6012},
                      {16.4601, 107.5987},
                      {16.4622, 107.5879},
                      {16.4712, 107.5901}}};
    area.circles = {{{16.4667, 107.5944}, 0.75}, {{-0.5, -179.999999}, 0}};
    area.geocodes = {{QStringLiteral("ward"), QStringLiteral("19777")}};
    area.altitude = 10.5;
    area.ceiling = 1500;
    vi.areas = {area};
    Info en = vi;
    en.language = QStringLiteral("en-US");
    en.event = QStringLiteral("Fire");
    en.headline = QStringLiteral("Large fire near Truong Tien bridge");
    en.areas.clear();
    a.infos = {vi, en};
    return a;
}

} // namespace

class TestCap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void testdataParsesValidatesAndRoundTrips_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(QStringLiteral(HUES_CAP_TESTDATA))
                                      .entryList({QStringLiteral("*.xml")}, QDir::Files);
        QCOMPARE(files.size(), 7);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }
    void testdataParsesValidatesAndRoundTrips()
    {
        QFETCH(QString, file);
        const ParseResult r = parse(readData(file));
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.errorString(), QString());
        QCOMPARE(validate(r.alert), QStringList());
        QVERIFY(!r.alert.infos.isEmpty());
        const QByteArray xml = serialize(r.alert);
        const ParseResult again = parse(xml);
        QVERIFY2(again.ok,
                 qPrintable(describe(again) + QLatin1Char('\n') + QString::fromUtf8(xml)));
        QVERIFY2(again.alert == r.alert, xml.constData());
        QCOMPARE(serialize(again.alert), xml);
    }

    void specA1HomelandSecurity()
    {
        const Alert a = parsed(QStringLiteral("cap12_specA1_homeland_security_resource.xml"));
        QCOMPARE(a.identifier, QStringLiteral("43b080713727"));
        QCOMPARE(a.sender, QStringLiteral("hsas@dhs.gov"));
        QCOMPARE(a.sent.offsetFromUtc(), -5 * 3600);
        QCOMPARE(a.sent.toUTC(), QDateTime(QDate(2003, 4, 2), QTime(19, 39, 1), Qt::UTC));
        QCOMPARE(a.infos.size(), 1);
        const Info &info = a.infos.first();
        QCOMPARE(info.language, QStringLiteral("en-US")); // the default: no <language>
        QCOMPARE(info.categories, QStringList{QStringLiteral("Security")});
        QCOMPARE(info.severity, QStringLiteral("Severe"));
        QVERIFY(info.description.startsWith(QLatin1String("The Department of Homeland")));
        QVERIFY(info.description.contains(QLatin1Char('\n')));
        QVERIFY2(info.instruction.startsWith(QLatin1String("A High Condition")), "text is trimmed");
        QCOMPARE(info.parameters.size(), 1);
        QCOMPARE(info.parameters[0].valueName, QStringLiteral("HSAS"));
        QCOMPARE(info.parameters[0].value, QStringLiteral("ORANGE"));
        QCOMPARE(info.resources.size(), 1);
        QCOMPARE(info.resources[0].mimeType, QStringLiteral("image/gif"));
        QCOMPARE(info.resources[0].size, std::nullopt);
        QCOMPARE(info.areas.size(), 1);
        QVERIFY(!info.areas[0].hasGeometry());
        QCOMPARE(expiry(a), a.sent.addSecs(24 * 3600)); // no <expires>
    }

    void specA2Thunderstorm()
    {
        const Alert a = parsed(QStringLiteral("cap12_specA2_severe_thunderstorm_polygon.xml"));
        const Info &info = a.infos.first();
        QCOMPARE(info.responseTypes, QStringList{QStringLiteral("Shelter")});
        QCOMPARE(info.eventCodes.size(), 1);
        QCOMPARE(info.expires,
                 QDateTime(QDate(2003, 6, 17), QTime(16, 0), Qt::OffsetFromUTC, -7 * 3600));
        QCOMPARE(info.contact, QStringLiteral("BARUFFALDI/JUSKIE"));
        const Area &area = info.areas.first();
        QCOMPARE(area.polygons.size(), 1);
        QCOMPARE(area.polygons[0].size(), 5);
        QCOMPARE(area.polygons[0][1], (geo::LatLon{38.34, -119.95}));
        QCOMPARE(area.geocodes.size(), 3);
        QCOMPARE(area.geocodes[2].value, QStringLiteral("006003"));
        QVERIFY(concerns(a, 38.47, -119.9));
        QVERIFY(!concerns(a, 38.0, -119.9));
        QCOMPARE(expiry(a), info.expires);
    }

    void specA3EarthquakeUpdate()
    {
        const Alert a = parsed(QStringLiteral("cap12_specA3_earthquake_update.xml"));
        QCOMPARE(a.msgType, QStringLiteral("Update"));
        QCOMPARE(a.references.size(), 1);
        QCOMPARE(a.references[0].sender, QStringLiteral("trinet@caltech.edu"));
        QCOMPARE(a.references[0].identifier, QStringLiteral("TRI13970876.1"));
        QCOMPARE(a.references[0].key(),
                 QStringLiteral("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00"));
        QCOMPARE(key(a),
                 QStringLiteral("trinet@caltech.edu,TRI13970876.2,2003-06-11T20:56:00-07:00"));
        const Circle &c = a.infos[0].areas[0].circles.at(0);
        QCOMPARE(c.radiusKm, 0.0);
        QVERIFY(concerns(a, 32.9525, -115.5527)); // radius 0: the point itself
        QVERIFY(!concerns(a, 32.9526, -115.5527));
    }

    void specA4AmberMultilingual()
    {
        const Alert a = parsed(QStringLiteral("cap12_specA4_amber_multilingual.xml"));
        QCOMPARE(a.source, QStringLiteral("SW"));
        QCOMPARE(a.infos.size(), 2);
        QCOMPARE(a.infos[1].language, QStringLiteral("es-US"));
        QCOMPARE(a.infos[1].event, QStringLiteral("Abducción de Niño"));
        QCOMPARE(alerts::bestInfo(a, QStringLiteral("es-MX")), &a.infos[1]);
        QCOMPARE(alerts::bestInfo(a, QStringLiteral("vi-VN")), &a.infos[0]);
        QVERIFY2(concerns(a, 16.46, 107.59), "geocodes only: cannot be placed, so it concerns all");
    }

    void otherAgencies()
    {
        const Alert au = parsed(QStringLiteral("cap12_au_rfs_fire_circle.xml"));
        QCOMPARE(au.identifier, QStringLiteral("tag:www.rfs.nsw.gov.au2011-10-06:40184"));
        QCOMPARE(au.infos[0].categories,
                 (QStringList{QStringLiteral("Fire"), QStringLiteral("Met")}));
        QCOMPARE(au.infos[0].parameters[5].value, QString()); // <cap:value />
        const Circle &c = au.infos[0].areas[0].circles[0];
        QCOMPARE(c.centre, (geo::LatLon{-35.3888, 147.0598}));
        QCOMPARE(c.radiusKm, 25.0);
        QVERIFY(concerns(au, -35.3888, 147.0598));
        QVERIFY(concerns(au, -35.3888 + 24.9 / 111.1951, 147.0598));
        QVERIFY(!concerns(au, -35.3888 + 25.1 / 111.1951, 147.0598));

        const Alert ca = parsed(QStringLiteral("cap12_ca_update_references.xml"));
        QCOMPARE(ca.sent.offsetFromUtc(), 0);
        QCOMPARE(formatTime(ca.sent), QStringLiteral("2012-05-02T23:21:04-00:00"));
        QCOMPARE(ca.codes.size(), 3);
        QCOMPARE(ca.restriction, QString()); // <restriction/>
        QCOMPARE(ca.references.size(), 2);
        QCOMPARE(
            ca.references[1].key(),
            QStringLiteral("cap@ec.gc.ca,2.49.0.1.124.60f31a3a.2012,2012-05-02T21:55:21-00:00"));
        QCOMPARE(ca.infos[1].language, QStringLiteral("fr-CA"));
        QCOMPARE(ca.infos[0].areas.size(), 2);
        QCOMPARE(ca.infos[0].areas[1].polygons[0].size(), 38);
        QVERIFY(concerns(ca, 42.25, -82.8));   // Essex County
        QVERIFY(concerns(ca, 42.45, -82.0));   // Chatham-Kent
        QVERIFY(!concerns(ca, 43.65, -79.38)); // Toronto
        QCOMPARE(alerts::bestInfo(ca, QStringLiteral("fr-FR")), &ca.infos[1]);
    }

    void hueFloodAlert()
    {
        const Alert a = parsed(QStringLiteral("hue_flood_citadel_vi_en.xml"));
        QCOMPARE(alerts::bestInfo(a, QStringLiteral("vi-VN"))->headline,
                 QStringLiteral("Ngập sâu trong Kinh thành và quanh chợ Đông Ba"));
        QCOMPARE(alerts::bestInfo(a, QStringLiteral("en-GB"))->language, QStringLiteral("en-US"));
        QVERIFY(concerns(a, 16.4676, 107.5786)); // Ngọ Môn
        QVERIFY(concerns(a, 16.4697, 107.5780)); // Thái Hòa palace
        QVERIFY(concerns(a, 16.4726, 107.5887)); // Đông Ba market (the circle)
        QVERIFY(concerns(a, 16.4726 + 0.45 / 111.1951, 107.5887));
        QVERIFY(!concerns(a, 16.4535, 107.5447)); // Thiên Mụ pagoda
        QVERIFY(!concerns(a, 16.4565, 107.5780)); // Huế railway station
        QVERIFY(!concerns(a, 16.0544, 108.2022)); // Đà Nẵng
        // The latest expiry of the two infos.
        QCOMPARE(expiry(a),
                 QDateTime(QDate(2025, 10, 28), QTime(21, 30), Qt::OffsetFromUTC, 7 * 3600));
    }

    void fullAlertRoundTrips()
    {
        const Alert a = fullAlert();
        QCOMPARE(validate(a), QStringList());
        const QByteArray xml = serialize(a);
        QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QVERIFY(xml.contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"));
        QVERIFY(xml.contains("<expires>2025-11-02T12:00:00-05:30</expires>"));
        QVERIFY(xml.contains("<onset>2025-11-02T01:00:00-00:00</onset>"));
        QVERIFY(xml.contains("<circle>-0.5,-179.999999 0</circle>"));
        QVERIFY(xml.contains("<altitude>10.5</altitude>"));
        const ParseResult r = parse(xml);
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QVERIFY2(r.alert == a, xml.constData());
        // Element order of the schema: identifier before sender, language first in info.
        QVERIFY(xml.indexOf("<identifier>") < xml.indexOf("<sender>"));
        QVERIFY(xml.indexOf("<language>vi-VN") < xml.indexOf("<category>Fire"));
        QVERIFY(xml.indexOf("<resource>") < xml.indexOf("<area>"));
    }

    void equalityNoticesEveryField()
    {
        const Alert a = fullAlert();
        QVERIFY(a == fullAlert());
        Alert b = fullAlert();
        b.infos[0].areas[0].polygons[0][2].lon += 1e-12;
        QVERIFY(a != b);
        b = fullAlert();
        b.sent = b.sent.toOffsetFromUtc(3600); // the same instant, another offset
        QVERIFY(a != b);
        b = fullAlert();
        b.infos[1].resources[0].size.reset();
        QVERIFY(a != b);
        b = fullAlert();
        b.references[1].sent = QDateTime();
        QVERIFY(a != b);
    }

    void serializerDropsWhatXmlCannotCarry()
    {
        Alert a = fullAlert();
        a.infos[0].headline = QStringLiteral("A\x01"
                                             "B\x1f"
                                             "C") +
                              QChar(0xFFFF) + QChar(0xD800) + QStringLiteral("D");
        a.infos[0].description = QStringLiteral("line\r\nline\rend\tX");
        const ParseResult r = parse(serialize(a));
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QCOMPARE(r.alert.infos[0].headline, QStringLiteral("ABCD"));
        QCOMPARE(r.alert.infos[0].description, a.infos[0].description);
    }

    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("offset");
        QTest::newRow("plus") << QStringLiteral("2025-10-28T07:30:00+07:00") << true << 25200;
        QTest::newRow("minus") << QStringLiteral("2003-06-17T14:57:00-07:00") << true << -25200;
        QTest::newRow("utc") << QStringLiteral("2012-05-02T23:21:04-00:00") << true << 0;
        QTest::newRow("utc plus") << QStringLiteral("2012-05-02T23:21:04+00:00") << true << 0;
        QTest::newRow("half hour") << QStringLiteral("2025-01-01T00:00:00+05:30") << true << 19800;
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00+07:00") << true << 25200;
        QTest::newRow("Z") << QStringLiteral("2025-10-28T07:30:00Z") << false << 0;
        QTest::newRow("no offset") << QStringLiteral("2025-10-28T07:30:00") << false << 0;
        QTest::newRow("fraction") << QStringLiteral("2025-10-28T07:30:00.5+07:00") << false << 0;
        QTest::newRow("no seconds") << QStringLiteral("2025-10-28T07:30+07:00") << false << 0;
        QTest::newRow("space") << QStringLiteral("2025-10-28 07:30:00+07:00") << false << 0;
        QTest::newRow("compact offset") << QStringLiteral("2025-10-28T07:30:00+0700") << false << 0;
        QTest::newRow("Feb 30") << QStringLiteral("2025-02-30T07:30:00+07:00") << false << 0;
        QTest::newRow("hour 24") << QStringLiteral("2025-10-28T24:00:00+07:00") << false << 0;
        QTest::newRow("minute 60") << QStringLiteral("2025-10-28T07:60:00+07:00") << false << 0;
        QTest::newRow("offset 15h") << QStringLiteral("2025-10-28T07:30:00+15:00") << false << 0;
        QTest::newRow("offset minutes")
            << QStringLiteral("2025-10-28T07:30:00+07:60") << false << 0;
        QTest::newRow("year 0") << QStringLiteral("0000-10-28T07:30:00+07:00") << false << 0;
        QTest::newRow("arabic digits") << QStringLiteral("٢٠٢٥-10-28T07:30:00+07:00") << false << 0;
        QTest::newRow("empty") << QString() << false << 0;
    }
    void times()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, offset);
        const QDateTime t = parseTime(text);
        QCOMPARE(t.isValid(), valid);
        if (!valid)
            return;
        QCOMPARE(t.offsetFromUtc(), offset);
        const QString expected =
            offset == 0 ? text.left(19) + QStringLiteral("-00:00") : text; // UTC is "-00:00"
        QCOMPARE(formatTime(t), expected);
        QCOMPARE(parseTime(formatTime(t)), t);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const QByteArray &xml, const char *path,
                      const char *message) {
            QTest::newRow(name) << xml << QString::fromUtf8(path) << QString::fromUtf8(message);
        };
        // Required elements of <alert>.
        row("no identifier", changed("<identifier>HUE-1</identifier>", ""), "alert/identifier",
            "missing");
        row("empty identifier", changed("<identifier>HUE-1</identifier>", "<identifier/>"),
            "alert/identifier", "missing");
        row("identifier with space", changed(">HUE-1<", ">HUE 1<"), "alert/identifier",
            "spaces, commas");
        row("identifier with comma", changed(">HUE-1<", ">HUE,1<"), "alert/identifier",
            "spaces, commas");
        row("identifier with &", changed(">HUE-1<", ">HUE&amp;1<"), "alert/identifier", "'&'");
        row("no sender", changed("<sender>ioc@hue.gov.vn</sender>", ""), "alert/sender", "missing");
        row("no sent", changed("<sent>2025-10-28T07:30:00+07:00</sent>", ""), "alert/sent",
            "missing");
        row("no status", changed("<status>Actual</status>", ""), "alert/status", "missing");
        row("no msgType", changed("<msgType>Alert</msgType>", ""), "alert/msgType", "missing");
        row("no scope", changed("<scope>Public</scope>", ""), "alert/scope", "missing");
        row("twice identifier",
            changed("<identifier>HUE-1</identifier>",
                    "<identifier>HUE-1</identifier><identifier>HUE-2</identifier>"),
            "alert/identifier", "only once");
        // Enumerations.
        row("status", changed(">Actual<", ">Real<"), "alert/status", "'Real' is not one of");
        row("status lower case", changed(">Actual<", ">actual<"), "alert/status", "not one of");
        row("msgType", changed(">Alert<", ">Notice<"), "alert/msgType", "'Notice'");
        row("scope", changed(">Public<", ">Everyone<"), "alert/scope", "'Everyone'");
        row("category", changed(">Met<", ">Weather<"), "alert/info[1]/category[1]", "'Weather'");
        row("second category",
            changed("<category>Met</category>",
                    "<category>Met</category><category>Flood</category>"),
            "alert/info[1]/category[2]", "'Flood'");
        row("responseType",
            changed("<event>Flood</event>", "<event>Flood</event><responseType>Run</responseType>"),
            "alert/info[1]/responseType[1]", "'Run'");
        row("urgency", changed(">Immediate<", ">Now<"), "alert/info[1]/urgency", "'Now'");
        row("severity", changed(">Severe<", ">High<"), "alert/info[1]/severity", "'High'");
        row("certainty CAP 1.1", changed(">Observed<", ">Very Likely<"), "alert/info[1]/certainty",
            "'Very Likely'");
        // Required elements of <info> and <area>.
        row("no category", changed("<category>Met</category>", ""), "alert/info[1]/category",
            "missing");
        row("no event", changed("<event>Flood</event>", ""), "alert/info[1]/event", "missing");
        row("no urgency", changed("<urgency>Immediate</urgency>", ""), "alert/info[1]/urgency",
            "missing");
        row("no severity", changed("<severity>Severe</severity>", ""), "alert/info[1]/severity",
            "missing");
        row("no certainty", changed("<certainty>Observed</certainty>", ""),
            "alert/info[1]/certainty", "missing");
        row("no areaDesc", changed("<areaDesc>Citadel</areaDesc>", ""),
            "alert/info[1]/area[1]/areaDesc", "missing");
        row("bad language", changed("<category>Met", "<language>vi_VN</language><category>Met"),
            "alert/info[1]/language", "'vi_VN'");
        row("empty language", changed("<category>Met", "<language/><category>Met"),
            "alert/info[1]/language", "language tag");
        // Polygons and circles.
        const QByteArray polygon = "16.48,107.57 16.47,107.59 16.46,107.58 16.48,107.57";
        const char *p1 = "alert/info[1]/area[1]/polygon[1]";
        row("polygon of 3 points", changed(polygon, "16.48,107.57 16.47,107.59 16.48,107.57"), p1,
            "at least 4");
        row("empty polygon", changed(polygon, ""), p1, "has 0 points");
        row("polygon not closed",
            changed(polygon, "16.48,107.57 16.47,107.59 16.46,107.58 16.49,107.57"), p1,
            "not closed");
        row("polygon lat 95", changed(polygon, "95,107.57 16.47,107.59 16.46,107.58 95,107.57"), p1,
            "latitude 95 is outside");
        row("polygon lon 181", changed(polygon, "16.48,181 16.47,107.59 16.46,107.58 16.48,181"),
            p1, "longitude 181 is outside");
        row("polygon semicolon",
            changed(polygon, "16.48;107.57 16.47,107.59 16.46,107.58 16.48;107.57"), p1,
            "'16.48;107.57' is not a \"lat,lon\" pair");
        row("polygon exponent", changed(polygon, "1e1,107.57 16.47,107.59 16.46,107.58 1e1,107.57"),
            p1, "\"lat,lon\" pair");
        row("polygon nan", changed(polygon, "nan,107.57 16.47,107.59 16.46,107.58 nan,107.57"), p1,
            "\"lat,lon\" pair");
        row("polygon lon missing", changed(polygon, "16.48, 16.47,107.59 16.46,107.58 16.48,"), p1,
            "\"lat,lon\" pair");
        row("second polygon", changed("</polygon>", "</polygon><polygon>1,1 2,2 3,3 4,4</polygon>"),
            "alert/info[1]/area[1]/polygon[2]", "not closed");
        const char *c1 = "alert/info[1]/area[1]/circle[1]";
        row("circle without radius", changed("16.47,107.58 2", "16.47,107.58"), c1,
            "\"lat,lon radius\"");
        row("circle with comma radius", changed("16.47,107.58 2", "16.47,107.58,2"), c1,
            "\"lat,lon radius\"");
        row("circle extra", changed("16.47,107.58 2", "16.47,107.58 2 km"), c1,
            "\"lat,lon radius\"");
        row("circle negative radius", changed("16.47,107.58 2", "16.47,107.58 -2"), c1,
            "radius must be");
        row("circle lat 91", changed("16.47,107.58 2", "91,107.58 2"), c1, "latitude 91");
        row("circle text", changed("16.47,107.58 2", "Citadel"), c1, "\"lat,lon radius\"");
        row("ceiling without altitude", changed("</circle>", "</circle><ceiling>100</ceiling>"),
            "alert/info[1]/area[1]/ceiling", "altitude");
        row("altitude text", changed("</circle>", "</circle><altitude>high</altitude>"),
            "alert/info[1]/area[1]/altitude", "'high' is not a decimal number");
        // Times.
        row("sent Z", changed("2025-10-28T07:30:00+07:00", "2025-10-28T00:30:00Z"), "alert/sent",
            "no \"Z\"");
        row("sent without offset", changed("2025-10-28T07:30:00+07:00", "2025-10-28T07:30:00"),
            "alert/sent", "not a CAP date and time");
        row("sent fraction", changed("2025-10-28T07:30:00+07:00", "2025-10-28T07:30:00.123+07:00"),
            "alert/sent", "not a CAP date and time");
        row("sent Feb 30", changed("2025-10-28T07:30:00+07:00", "2025-02-30T07:30:00+07:00"),
            "alert/sent", "not a CAP date and time");
        row("sent words", changed("2025-10-28T07:30:00+07:00", "yesterday"), "alert/sent",
            "'yesterday'");
        row("expires bad",
            changed("<event>Flood</event>", "<event>Flood</event><expires>2025-10-28</expires>"),
            "alert/info[1]/expires", "'2025-10-28'");
        row("onset twice",
            changed("<event>Flood</event>", "<event>Flood</event><onset>2025-10-28T07:30:00+07:00"
                                            "</onset><onset>2025-10-28T07:30:00+07:00</onset>"),
            "alert/info[1]/onset", "only once");
        // References and scope.
        row("reference of two parts",
            changed("<scope>Public</scope>",
                    "<scope>Public</scope><references>ioc@hue.gov.vn,HUE-0</references>"),
            "alert/references", "'ioc@hue.gov.vn,HUE-0' is not \"sender,identifier,sent\"");
        row("reference with bad time",
            changed("<scope>Public</scope>",
                    "<scope>Public</scope><references>ioc@hue.gov.vn,HUE-0,2025-10-28T07:30:00Z</"
                    "references>"),
            "alert/references", "not \"sender,identifier,sent\"");
        row("reference empty identifier",
            changed("<scope>Public</scope>",
                    "<scope>Public</scope><references>ioc@hue.gov.vn,,2025-10-28T07:30:00+07:00</"
                    "references>"),
            "alert/references", "not \"sender,identifier,sent\"");
        row("restricted without restriction", changed(">Public<", ">Restricted<"),
            "alert/restriction", "Restricted");
        row("private without addresses", changed(">Public<", ">Private<"), "alert/addresses",
            "Private");
        // Named values and resources.
        row("parameter without valueName",
            changed("<event>Flood</event>",
                    "<event>Flood</event><parameter><value>1</value></parameter>"),
            "alert/info[1]/parameter[1]/valueName", "missing");
        row("geocode without value",
            changed("</circle>", "</circle><geocode><valueName>ward</valueName></geocode>"),
            "alert/info[1]/area[1]/geocode[1]/value", "missing");
        row("resource without mimeType",
            changed("<area>", "<resource><resourceDesc>map</resourceDesc></resource><area>"),
            "alert/info[1]/resource[1]/mimeType", "missing");
        row("resource size text",
            changed("<area>", "<resource><resourceDesc>map</resourceDesc><mimeType>text/html"
                              "</mimeType><size>big</size></resource><area>"),
            "alert/info[1]/resource[1]/size", "'big' is not a number of bytes");
        row("resource size negative",
            changed("<area>", "<resource><resourceDesc>map</resourceDesc><mimeType>text/html"
                              "</mimeType><size>-1</size></resource><area>"),
            "alert/info[1]/resource[1]/size", "not a number of bytes");
        // XML and the document as a whole.
        row("text between elements", changed("<scope>Public</scope>", "<scope>Public</scope>oops"),
            "alert", "unexpected text");
        row("element inside a leaf", changed(">Flood<", ">Fl<b>oo</b>d<"), "alert/info[1]",
            "not well-formed");
        row("unclosed", changed("</alert>", ""), "alert", "not well-formed");
        row("two roots", changed("</alert>\n", "</alert><alert/>"), "alert", "not well-formed");
        row("undeclared entity", changed(">Flood<", ">&flood;<"), "alert/info[1]",
            "not well-formed");
        row("empty document", QByteArray(), "alert", "not well-formed");
        row("not XML", QByteArray("{\"alert\": 1}"), "alert", "not well-formed");
        row("no namespace", changed(" xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"", ""), "alert",
            "a CAP 1.2 <alert> in the namespace urn:oasis:names:tc:emergency:cap:1.2");
        row("CAP 1.1", changed("cap:1.2", "cap:1.1"), "alert", "only CAP 1.2");
        row("other root", QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"), "alert",
            "the root element is <feed>");
        row("prefixed children in no namespace",
            QByteArray("<cap:alert xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                       "<identifier>X</identifier></cap:alert>"),
            "alert/identifier", "missing");
    }
    void refused()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ParseResult r = parse(xml);
        QVERIFY2(!r.ok, "accepted");
        QVERIFY(!r.errors.isEmpty());
        const bool found = std::any_of(r.errors.begin(), r.errors.end(), [&](const ParseError &e) {
            return e.path == path && e.message.contains(message);
        });
        QVERIFY2(
            found,
            qPrintable(
                QStringLiteral("expected %1: ...%2...; got:\n%3").arg(path, message, describe(r))));
        for (const ParseError &e : r.errors) {
            if (!xml.isEmpty())
                QVERIFY2(e.line >= 1 && e.column >= 1, qPrintable(e.toString()));
        }
        QCOMPARE(r.errorString(), r.errors.first().toString());
    }

    void errorsCarryTheElementsPosition()
    {
        const ParseResult r = parse(changed(">Actual<", ">Real<").replace(">Severe<", ">High<"));
        QVERIFY(!r.ok);
        QCOMPARE(r.errors.size(), 2);
        QCOMPARE(r.errors[0].line, 6); // <status>
        QCOMPARE(r.errors[0].column, 11);
        QCOMPARE(r.errors[0].toString(),
                 QStringLiteral("6:11: alert/status: 'Real' is not one of Actual Exercise System "
                                "Test Draft"));
        QCOMPARE(r.errors[1].line, 13); // <severity>
        QCOMPARE(r.errors[1].path, QStringLiteral("alert/info[1]/severity"));
        // A missing element points at its parent.
        const ParseResult missing = parse(changed("<event>Flood</event>", ""));
        QCOMPARE(missing.errors.size(), 1);
        QCOMPARE(missing.errors[0].line, 9); // <info>
    }

    void everyErrorIsReportedInDocumentOrder()
    {
        const ParseResult r = parse(changed("<identifier>HUE-1</identifier>", "")
                                        .replace(">Actual<", ">Real<")
                                        .replace("16.47,107.58 2", "16.47,107.58")
                                        .replace(">Met<", ">Weather<"));
        QCOMPARE(r.errors.size(), 4);
        for (qsizetype i = 1; i < r.errors.size(); ++i)
            QVERIFY(std::pair(r.errors[i - 1].line, r.errors[i - 1].column) <=
                    std::pair(r.errors[i].line, r.errors[i].column));
        QCOMPARE(r.errors.last().path, QStringLiteral("alert/info[1]/area[1]/circle[1]"));
    }

    void billionLaughsIsRefusedNotExpanded()
    {
        QByteArray xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [\n<!ENTITY lol \"lol\">\n";
        for (int i = 1; i <= 9; ++i) {
            xml += "<!ENTITY lol" + QByteArray::number(i) + " \"";
            for (int k = 0; k < 10; ++k)
                xml += "&lol" + (i > 1 ? QByteArray::number(i - 1) : QByteArray()) + ';';
            xml += "\">\n";
        }
        xml += "]>\n" + changed(">HUE-1<", ">&lol9;<").mid(kBase.indexOf("<alert"));
        const ParseResult r = parse(xml);
        QVERIFY(!r.ok);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors[0].message.contains(QLatin1String("DOCTYPE")), qPrintable(describe(r)));
        QCOMPARE(r.alert.identifier, QString()); // nothing was read, let alone expanded
    }

    void externalEntityIsRefused()
    {
        const QByteArray xml = "<?xml version=\"1.0\"?>\n"
                               "<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
                               changed(">HUE-1<", ">&xxe;<").mid(kBase.indexOf("<alert"));
        const ParseResult r = parse(xml);
        QVERIFY(!r.ok);
        QVERIFY2(r.errors[0].message.contains(QLatin1String("DOCTYPE")), qPrintable(describe(r)));
        QVERIFY(!r.alert.identifier.contains(QLatin1String("root")));
        // An external DTD by reference, without an internal subset.
        const ParseResult external =
            parse("<!DOCTYPE alert SYSTEM \"http://example.com/cap.dtd\">\n" +
                  kBase.mid(kBase.indexOf("<alert")));
        QVERIFY(!external.ok);
        QVERIFY(external.errors[0].message.contains(QLatin1String("DOCTYPE")));
    }

    void hundredMegabytesAreRefusedBeforeParsing()
    {
        QByteArray xml = kBase;
        xml.insert(xml.indexOf("</event>"), QByteArray(100 * 1024 * 1024, 'x'));
        const ParseResult r = parse(xml);
        QVERIFY(!r.ok);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].line, 0); // decided on the size alone
        QVERIFY2(r.errors[0].message.contains(QLatin1String("at most 1048576")),
                 qPrintable(describe(r)));
        QCOMPARE(r.alert.identifier, QString());
    }

    void limitsAreConfigurable()
    {
        ParseLimits small;
        small.maxBytes = 200;
        QVERIFY(!parse(kBase, small).ok);
        QVERIFY(parse(kBase).ok);

        QByteArray big = kBase;
        big.insert(big.indexOf("</event>"), QByteArray(2 * 1024 * 1024, 'x'));
        QVERIFY(!parse(big).ok);
        ParseLimits large;
        large.maxBytes = 4 * 1024 * 1024;
        const ParseResult r = parse(big, large);
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QCOMPARE(r.alert.infos[0].event.size(), 5 + 2 * 1024 * 1024);
    }

    void deepNestingIsRefused()
    {
        QByteArray nested;
        for (int i = 0; i < 40; ++i)
            nested += "<x:e xmlns:x=\"urn:example\">";
        for (int i = 0; i < 40; ++i)
            nested += "</x:e>";
        const ParseResult r =
            parse(changed("<scope>Public</scope>", "<scope>Public</scope>" + nested));
        QVERIFY(!r.ok);
        QVERIFY2(r.errors[0].message.contains(QLatin1String("nested more than 32")),
                 qPrintable(describe(r)));
    }

    void tooManyElementsAreRefused()
    {
        QByteArray codes;
        for (int i = 0; i < 20001; ++i)
            codes += "<code>c</code>";
        const ParseResult r =
            parse(changed("<scope>Public</scope>", "<scope>Public</scope>" + codes));
        QVERIFY(!r.ok);
        QVERIFY2(r.errors[0].message.contains(QLatin1String("more than 20000 elements")),
                 qPrintable(describe(r)));
        codes.clear();
        for (int i = 0; i < 1000; ++i)
            codes += "<code>c</code>";
        QVERIFY(parse(changed("<scope>Public</scope>", "<scope>Public</scope>" + codes)).ok);
    }

    void unknownAndForeignElementsAreSkipped()
    {
        const ParseResult r = parse(
            changed("<scope>Public</scope>",
                    "<scope>Public</scope><futureElement>x<nested>y</nested></futureElement>"
                    "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                    "<identifier>NOT-THIS</identifier></ds:SignedInfo></ds:Signature>"
                    "<!-- a comment --><?pi data?>"));
        QVERIFY2(r.ok, qPrintable(describe(r)));
        QCOMPARE(r.alert.identifier, QStringLiteral("HUE-1"));
        QCOMPARE(r.alert.infos.size(), 1);
    }

    void validateFindsTheRulesInBuiltAlerts()
    {
        Alert a = fullAlert();
        a.identifier.clear();
        a.sender = QStringLiteral("a,b");
        a.sent = QDateTime();
        a.scope = QStringLiteral("Private");
        a.addresses.clear();
        a.references[0].identifier = QStringLiteral("x y");
        Info &info = a.infos[0];
        info.language = QStringLiteral("123");
        info.categories.append(QStringLiteral("Weather"));
        info.urgency.clear();
        info.resources[0].mimeType.clear();
        Area &area = info.areas[0];
        area.polygons.append({{0, 0}, {0, 1}, {1, 1}});
        area.polygons.append({{0, 0}, {0, 1}, {1, 1}, {0, 0.5}});
        area.polygons.append({{0, 0}, {0, 1}, {-91, 1}, {0, 0}});
        area.circles.append({{0, 0}, -1});
        area.altitude.reset();
        const QStringList issues = validate(a);
        const QStringList expected = {
            QStringLiteral("alert/identifier: is required but missing or empty"),
            QStringLiteral("alert/sender: must not contain spaces, commas, '<' or '&'"),
            QStringLiteral("alert/sent: is required but missing or empty"),
            QStringLiteral("alert/addresses: is required when scope is Private"),
            QStringLiteral("alert/references: reference 1 is not \"sender,identifier,sent\""),
            QStringLiteral("alert/info[1]/language: '123' is not a language tag such as vi-VN"),
            QStringLiteral("alert/info[1]/category[3]: 'Weather' is not one of Geo Met Safety "
                           "Security Rescue Fire Health Env Transport Infra CBRNE Other"),
            QStringLiteral("alert/info[1]/urgency: is required but missing or empty"),
            QStringLiteral("alert/info[1]/resource[1]/mimeType: is required but missing or empty"),
            QStringLiteral("alert/info[1]/area[1]/polygon[2]: has 3 points; a polygon needs at "
                           "least 4 (the first repeated last)"),
            QStringLiteral("alert/info[1]/area[1]/polygon[3]: is not closed: the last point must "
                           "equal the first"),
            QStringLiteral("alert/info[1]/area[1]/polygon[4]: point 3: latitude -91 is outside "
                           "-90..90"),
            QStringLiteral("alert/info[1]/area[1]/circle[3]: the radius must be a number of "
                           "kilometres, 0 or more"),
            QStringLiteral("alert/info[1]/area[1]/ceiling: may only be given together with "
                           "altitude"),
        };
        QCOMPARE(issues, expected);
        // Serialised anyway, it is refused on parsing with the same findings.
        const ParseResult r = parse(serialize(a));
        QVERIFY(!r.ok);
        QVERIFY2(r.errors.size() >= 12, qPrintable(describe(r)));
    }

    void bestInfo_data()
    {
        QTest::addColumn<QString>("ui");
        QTest::addColumn<QString>("language");
        QTest::newRow("exact vi") << QStringLiteral("vi-VN") << QStringLiteral("vi-VN");
        QTest::newRow("exact en") << QStringLiteral("en-US") << QStringLiteral("en-US");
        QTest::newRow("case") << QStringLiteral("EN-us") << QStringLiteral("en-US");
        QTest::newRow("primary en") << QStringLiteral("en-GB") << QStringLiteral("en-US");
        QTest::newRow("primary only") << QStringLiteral("vi") << QStringLiteral("vi-VN");
        QTest::newRow("other language") << QStringLiteral("fr-FR") << QStringLiteral("vi-VN");
        QTest::newRow("empty") << QString() << QStringLiteral("vi-VN");
    }
    void bestInfo()
    {
        QFETCH(QString, ui);
        QFETCH(QString, language);
        const Alert a = parsed(QStringLiteral("hue_flood_citadel_vi_en.xml"));
        const Info *info = alerts::bestInfo(a, ui);
        QVERIFY(info);
        QCOMPARE(info->language, language);
    }

    void bestInfoPrefersExactOverPrimary()
    {
        Alert a = fullAlert();
        a.infos[0].language = QStringLiteral("en-GB");
        a.infos[1].language = QStringLiteral("en-US");
        QCOMPARE(alerts::bestInfo(a, QStringLiteral("en-US")), &a.infos[1]);
        QCOMPARE(alerts::bestInfo(a, QStringLiteral("en-AU")), &a.infos[0]);
        QCOMPARE(alerts::bestInfo(Alert(), QStringLiteral("en-US")), nullptr);
    }

    void concernsPlaces()
    {
        Alert none; // no info at all: the whole province
        QVERIFY(concerns(none, 16.46, 107.59));
        Alert a = fullAlert(); // infos[1] has no area: not geographically restricted
        QVERIFY(concerns(a, 10.0, 20.0));
        a.infos.removeLast();
        QVERIFY(!concerns(a, 10.0, 20.0));
        QVERIFY(concerns(a, 16.4667, 107.5944)); // the circle's centre
        QVERIFY(concerns(a, 16.47, 107.595));    // inside the polygon
        QVERIFY(concerns(a, 16.4712, 107.5901)); // a vertex of the polygon
        QVERIFY(concerns(a, -0.5, -179.999999)); // the radius-0 circle
        Area geocodes;
        geocodes.areaDesc = QStringLiteral("ward 19777");
        geocodes.geocodes = {{QStringLiteral("ward"), QStringLiteral("19777")}};
        a.infos[0].areas.append(geocodes);
        QVERIFY(concerns(a, 10.0, 20.0)); // an area that cannot be placed
    }

    void expiryAndKey()
    {
        Alert a = fullAlert();
        a.infos[1].expires = a.infos[0].expires.addSecs(-60);
        QCOMPARE(expiry(a), a.infos[0].expires);
        a.infos[1].expires = a.infos[0].expires.addSecs(60);
        QCOMPARE(expiry(a), a.infos[1].expires);
        a.infos[0].expires = QDateTime();
        a.infos[1].expires = QDateTime();
        QCOMPARE(expiry(a), a.sent.addSecs(24 * 3600));
        QCOMPARE(expiry(Alert()), QDateTime());
        QCOMPARE(key(a), QStringLiteral("verification@hue.gov.vn,HUE-VER-2025-7,"
                                        "2025-11-02T08:15:30+07:00"));
        QCOMPARE(a.references[1].key(), QStringLiteral("cap@ec.gc.ca,2.49.0.1,"
                                                       "2025-11-01T23:00:00-00:00"));
    }

    void enumerationsAndRanks()
    {
        QCOMPARE(categoryValues().size(), 12);
        QCOMPARE(responseTypeValues().size(), 9);
        QCOMPARE(statusValues().size(), 5);
        QCOMPARE(msgTypeValues().size(), 5);
        QCOMPARE(scopeValues().size(), 3);
        QCOMPARE(urgencyValues().size(), 5);
        QCOMPARE(severityValues().size(), 5);
        QCOMPARE(certaintyValues().size(), 5);
        QVERIFY(severityRank(QStringLiteral("Extreme")) > severityRank(QStringLiteral("Severe")));
        QVERIFY(severityRank(QStringLiteral("Severe")) > severityRank(QStringLiteral("Moderate")));
        QVERIFY(severityRank(QStringLiteral("Moderate")) > severityRank(QStringLiteral("Minor")));
        QVERIFY(severityRank(QStringLiteral("Minor")) > severityRank(QStringLiteral("Unknown")));
        QCOMPARE(severityRank(QStringLiteral("bogus")), 0);
    }
};

QTEST_APPLESS_MAIN(TestCap)
#include "tst_cap.moc"
