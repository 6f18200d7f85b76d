// hues-tool cap validate / match, run as a user would (no server involved).
#include "ToolRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString data(const char *name)
{
    return QStringLiteral(HUES_CAP_TESTDATA "/") + QLatin1String(name);
}

const char kHue[] = "hue_flood_citadel_vi_en.xml";

} // namespace

using namespace hues::test;

class TestHuesToolCap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(toolExecutable()).isExecutable(), qPrintable(toolExecutable()));
        QVERIFY(m_dir.isValid());
    }

    void helpListsTheCommands()
    {
        const QStringList top{QStringLiteral("--help")};
        const ToolRun r = run(top);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.listsCommand(QStringLiteral("cap")), qPrintable(r.out));
        const QStringList cap{QStringLiteral("cap"), QStringLiteral("--help")};
        const ToolRun c = run(cap);
        HUES_EXPECT_EXIT(c, 0);
        for (const char *name : {"validate", "match"})
            QVERIFY2(c.listsCommand(QLatin1String(name)), qPrintable(c.out));
        const QStringList match{QStringLiteral("cap"), QStringLiteral("match"),
                                QStringLiteral("--help")};
        const ToolRun m = run(match);
        HUES_EXPECT_EXIT(m, 0);
        QVERIFY(m.out.startsWith(
            QLatin1String("Usage: hues-tool cap match FILE --lat DEG --long DEG")));
    }

    void validateAcceptsEveryTestMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("identifier");
        QTest::newRow("A.1") << data("cap12_specA1_homeland_security_resource.xml")
                             << QStringLiteral("43b080713727");
        QTest::newRow("A.2") << data("cap12_specA2_severe_thunderstorm_polygon.xml")
                             << QStringLiteral("KSTO1055887203");
        QTest::newRow("A.3") << data("cap12_specA3_earthquake_update.xml")
                             << QStringLiteral("TRI13970876.2");
        QTest::newRow("A.4") << data("cap12_specA4_amber_multilingual.xml")
                             << QStringLiteral("KAR0-0306112239-SW");
        QTest::newRow("AU") << data("cap12_au_rfs_fire_circle.xml")
                            << QStringLiteral("tag:www.rfs.nsw.gov.au2011-10-06:40184");
        QTest::newRow("CA") << data("cap12_ca_update_references.xml")
                            << QStringLiteral("2.49.0.1.124.6bddbc91.2012");
        QTest::newRow("Hue") << data(kHue) << QStringLiteral("HUE-IOC-2025-0042");
    }
    void validateAcceptsEveryTestMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, identifier);
        const QStringList args{QStringLiteral("cap"), QStringLiteral("validate"), file};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.out.startsWith(file + QStringLiteral(": valid CAP 1.2: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1Char(' ') + identifier + QLatin1Char(' ')),
                 qPrintable(r.out));
    }

    void validateSummarisesTheHueAlert()
    {
        const QStringList args{QStringLiteral("cap"), QStringLiteral("validate"), data(kHue)};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 0);
        QCOMPARE(r.out, data(kHue) +
                            QStringLiteral(": valid CAP 1.2: Actual Alert HUE-IOC-2025-0042 from "
                                           "ioc@hue.gov.vn sent 2025-10-28T07:30:00+07:00, 2 info "
                                           "block(s) (vi-VN, en-US), 4 area(s), expires "
                                           "2025-10-28T21:30:00+07:00\n"));
    }

    void validateReadsStandardInput()
    {
        const QStringList args{QStringLiteral("cap"), QStringLiteral("validate"),
                               QStringLiteral("-")};
        QFile file(data(kHue));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ToolRun r = run(args, file.readAll());
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("-: valid CAP 1.2: ")), qPrintable(r.out));
    }

    void validateListsEveryError()
    {
        const QString file = write("broken.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>HUE 1</identifier>
  <sender>ioc@hue.gov.vn</sender>
  <sent>2025-10-28T00:30:00Z</sent>
  <status>Real</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <category>Met</category>
    <event>Flood</event>
    <urgency>Immediate</urgency>
    <certainty>Observed</certainty>
    <area>
      <areaDesc>Citadel</areaDesc>
      <polygon>16.48,107.57 16.47,107.59 16.48,107.57</polygon>
      <circle>16.47,107.58</circle>
    </area>
  </info>
</alert>
)");
        const QStringList args{QStringLiteral("cap"), QStringLiteral("validate"), file};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 2);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList expected = {
            QStringLiteral("3:15: alert/identifier: must not contain spaces, commas, '<' or '&'"),
            QStringLiteral("5:9: alert/sent: '2025-10-28T00:30:00Z' is not a CAP date and time "
                           "(YYYY-MM-DDThh:mm:ss+hh:mm, \"-00:00\" for UTC, no \"Z\")"),
            QStringLiteral("6:11: alert/status: 'Real' is not one of Actual Exercise System Test "
                           "Draft"),
            QStringLiteral("9:9: alert/info[1]/severity: is required but missing or empty"),
            QStringLiteral("16:16: alert/info[1]/area[1]/polygon[1]: has 3 points; a polygon "
                           "needs at least 4 (the first repeated last)"),
            QStringLiteral("17:15: alert/info[1]/area[1]/circle[1]: '16.47,107.58' is not "
                           "\"lat,lon radius\" (decimal degrees, kilometres)"),
        };
        QCOMPARE(lines, expected);
        QCOMPARE(r.out, file + QStringLiteral(": invalid CAP 1.2: 6 error(s)\n"));
    }

    void validateRefusesHostileDocuments_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error");
        QTest::newRow("billion laughs")
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\">"
                          "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                          "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
                          "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                          "<identifier>&c;</identifier></alert>")
            << QStringLiteral("DOCTYPE");
        QTest::newRow("external entity")
            << QByteArray("<!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                          "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                          "<identifier>&x;</identifier></alert>")
            << QStringLiteral("DOCTYPE");
        QTest::newRow("CAP 1.1") << QByteArray(
                                        "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.1\"/>")
                                 << QStringLiteral("only CAP 1.2");
        QTest::newRow("not XML") << QByteArray("hello") << QStringLiteral("not well-formed XML");
    }
    void validateRefusesHostileDocuments()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        const QString file = write("hostile.xml", xml);
        const QStringList args{QStringLiteral("cap"), QStringLiteral("validate"), file};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(error), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains(QLatin1String("root:")), "a file's content leaked");
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+:\\d+: alert: ")).match(r.err).hasMatch(),
                 qPrintable(r.err));
    }

    void validateRefusesABigFileUnread()
    {
        QFile file(m_dir.filePath(QStringLiteral("big.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(100 * 1024 * 1024)); // sparse: 100 MB of zeros
        file.close();
        const QStringList args{QStringLiteral("cap"), QStringLiteral("validate"), file.fileName()};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QLatin1String("104857600 bytes; a CAP message may have at most "
                                              "1048576")),
                 qPrintable(r.describe()));
    }

    void usageAndFileErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("error");
        const QString hue = data(kHue);
        const QString validate = QStringLiteral("validate");
        const QString match = QStringLiteral("match");
        QTest::newRow("validate without file")
            << QStringList{validate} << 2 << QStringLiteral("missing FILE");
        QTest::newRow("validate two files")
            << QStringList{validate, hue, hue} << 2 << QStringLiteral("unexpected argument");
        QTest::newRow("validate missing file")
            << QStringList{validate, QStringLiteral("/nonexistent/alert.xml")} << 1
            << QStringLiteral("cannot read /nonexistent/alert.xml");
        QTest::newRow("validate a folder")
            << QStringList{validate, QStringLiteral(HUES_CAP_TESTDATA)} << 1
            << QStringLiteral("cannot read");
        QTest::newRow("match without place")
            << QStringList{match, hue} << 2 << QStringLiteral("give both --lat and --long");
        QTest::newRow("match without long")
            << QStringList{match, hue, QStringLiteral("--lat"), QStringLiteral("16.4")} << 2
            << QStringLiteral("give both --lat and --long");
        QTest::newRow("match lat 95")
            << QStringList{match,
                           hue,
                           QStringLiteral("--lat"),
                           QStringLiteral("95"),
                           QStringLiteral("--long"),
                           QStringLiteral("107")}
            << 2 << QStringLiteral("--lat takes decimal degrees from -90 to 90, not '95'");
        QTest::newRow("match long text") << QStringList{match,
                                                        hue,
                                                        QStringLiteral("--lat"),
                                                        QStringLiteral("16"),
                                                        QStringLiteral("--long"),
                                                        QStringLiteral("east")}
                                         << 2 << QStringLiteral("--long takes decimal degrees");
        QTest::newRow("match missing file") << QStringList{match,
                                                           QStringLiteral("/nonexistent.xml"),
                                                           QStringLiteral("--lat"),
                                                           QStringLiteral("16"),
                                                           QStringLiteral("--long"),
                                                           QStringLiteral("107")}
                                            << 1 << QStringLiteral("cannot read");
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("check")} << 2
                                            << QStringLiteral("unknown command 'check'");
    }
    void usageAndFileErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, error);
        args.prepend(QStringLiteral("cap"));
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, code);
        QVERIFY2(r.err.contains(error), qPrintable(r.describe()));
        QCOMPARE(r.out, QString());
    }

    void match_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("lat");
        QTest::addColumn<QString>("lon");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("said");
        const QString hue = data(kHue);
        QTest::newRow("Ngo Mon, in the Citadel polygon")
            << hue << QStringLiteral("16.4676") << QStringLiteral("107.5786") << 0
            << QStringLiteral("is inside the area of HUE-IOC-2025-0042: area 'Kinh thành Huế' "
                              "(vi-VN)");
        QTest::newRow("a vertex of the Citadel polygon")
            << hue << QStringLiteral("16.4585") << QStringLiteral("107.5830") << 0
            << QStringLiteral("area 'Kinh thành Huế'");
        QTest::newRow("Dong Ba market, in the circle")
            << hue << QStringLiteral("16.4726") << QStringLiteral("107.5887") << 0
            << QStringLiteral("area 'Chợ Đông Ba' (vi-VN)");
        QTest::newRow("Thien Mu pagoda, outside")
            << hue << QStringLiteral("16.4535") << QStringLiteral("107.5447") << 3
            << QStringLiteral("16.4535,107.5447 is outside the area of HUE-IOC-2025-0042");
        QTest::newRow("negative longitude, radius 0 circle")
            << data("cap12_specA3_earthquake_update.xml") << QStringLiteral("32.9525")
            << QStringLiteral("-115.5527") << 0 << QStringLiteral("is inside");
        QTest::newRow("next to a radius 0 circle")
            << data("cap12_specA3_earthquake_update.xml") << QStringLiteral("32.9535")
            << QStringLiteral("-115.5527") << 3 << QStringLiteral("is outside");
        QTest::newRow("area without geometry")
            << data("cap12_specA4_amber_multilingual.xml") << QStringLiteral("16.46")
            << QStringLiteral("107.59") << 0 << QStringLiteral("area 'Los Angeles County'");
        QTest::newRow("Canadian polygon")
            << data("cap12_ca_update_references.xml") << QStringLiteral("42.25")
            << QStringLiteral("-82.8") << 0
            << QStringLiteral("area 'Windsor - Leamington - Essex County' (en-CA)");
        QTest::newRow("Huế against the Canadian alert")
            << data("cap12_ca_update_references.xml") << QStringLiteral("16.46")
            << QStringLiteral("107.59") << 3 << QStringLiteral("is outside");
    }
    void match()
    {
        QFETCH(QString, file);
        QFETCH(QString, lat);
        QFETCH(QString, lon);
        QFETCH(int, code);
        QFETCH(QString, said);
        const QStringList args{QStringLiteral("cap"),
                               QStringLiteral("match"),
                               file,
                               QStringLiteral("--lat"),
                               lat,
                               QStringLiteral("--long"),
                               lon};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, code);
        QVERIFY2(r.out.contains(said), qPrintable(r.describe()));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QCOMPARE(r.err, QString());
    }

    void matchRefusesAnInvalidAlert()
    {
        const QString file = write("invalid.xml", "<alert xmlns=\"urn:oasis:names:tc:emergency:"
                                                  "cap:1.2\"><identifier>X</identifier></alert>");
        const QStringList args{
            QStringLiteral("cap"),         QStringLiteral("match"), file,
            QStringLiteral("--lat=16.46"), QStringLiteral("--lon"), QStringLiteral("107.59")};
        const ToolRun r = run(args);
        HUES_EXPECT_EXIT(r, 2);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^1:\\d+: alert/sender: is required but missing"),
                               QRegularExpression::MultilineOption)
                .match(r.err)
                .hasMatch(),
            qPrintable(r.describe()));
        QCOMPARE(r.out, QString());
    }

private:
    QTemporaryDir m_dir;

    ToolRun run(const QStringList &args, const QByteArray &input = QByteArray()) const
    {
        return runTool(args, {m_dir.path(), input, 60000});
    }

    QString write(const char *name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
};

QTEST_GUILESS_MAIN(TestHuesToolCap)
#include "tst_hues_tool_cap.moc"
