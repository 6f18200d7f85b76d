// hues-tool qr decode / make, run as a user would (no server involved), on the real VietQR
// payloads of tests/core/vietqr/data and on QR images.
#include "ToolRunner.h"
#include "qr/QrCode.h"
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hues::test;

namespace {

QList<QStringList> realRows()
{
    QFile file(QStringLiteral(HUES_VIETQR_TESTDATA "/real_codes.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QList<QStringList> rows;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        rows.append(QString::fromUtf8(line).split(QLatin1Char('\t')));
    }
    return rows;
}

// The one JSON object of stdout; fails the test otherwise.
QJsonObject onlyObject(const QString &out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

const QStringList kKeys = {
    QStringLiteral("account"),  QStringLiteral("amount"),     QStringLiteral("bankBin"),
    QStringLiteral("bankName"), QStringLiteral("billNumber"), QStringLiteral("currency"),
    QStringLiteral("dynamic"),  QStringLiteral("purpose"),    QStringLiteral("serviceCode")};

} // namespace

class TestHuesToolQr : public QObject
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
        const ToolRun r = runTool(top);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.listsCommand(QStringLiteral("qr")), qPrintable(r.out));
        const QStringList qr{QStringLiteral("qr"), QStringLiteral("--help")};
        const ToolRun q = runTool(qr);
        HUES_EXPECT_EXIT(q, 0);
        for (const char *name : {"decode", "make"})
            QVERIFY2(q.listsCommand(QLatin1String(name)), qPrintable(q.out));
        const QStringList make{QStringLiteral("qr"), QStringLiteral("make"),
                               QStringLiteral("--help")};
        const ToolRun m = runTool(make);
        HUES_EXPECT_EXIT(m, 0);
        QVERIFY2(m.out.startsWith(QLatin1String("Usage: hues-tool qr make --bin BIN --account")),
                 qPrintable(m.out));
    }

    void decodeRealCodes_data()
    {
        QTest::addColumn<QStringList>("row");
        for (const QStringList &r : realRows()) {
            if (r[1] == QLatin1String("ok"))
                QTest::newRow(qPrintable(r[0])) << r;
        }
    }

    // One JSON object with exactly the keys of the issue, the values of the code.
    void decodeRealCodes()
    {
        QFETCH(QStringList, row);
        const QStringList args{QStringLiteral("qr"), QStringLiteral("decode"), row[10]};
        const ToolRun r = runTool(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        const QJsonObject o = onlyObject(r.out);
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, kKeys);
        QCOMPARE(o.value(QStringLiteral("bankBin")).toString(), row[2]);
        const vietqr::Bank *bank = vietqr::findBank(row[2]);
        if (bank)
            QCOMPARE(o.value(QStringLiteral("bankName")).toString(), bank->shortName);
        else
            QVERIFY(o.value(QStringLiteral("bankName")).isNull());
        QCOMPARE(o.value(QStringLiteral("account")).toString(), row[3]);
        QCOMPARE(o.value(QStringLiteral("serviceCode")).toString(),
                 row[4] == QLatin1String("C") ? QStringLiteral("QRIBFTTC")
                                              : QStringLiteral("QRIBFTTA"));
        QVERIFY(o.value(QStringLiteral("dynamic")).isBool());
        QCOMPARE(o.value(QStringLiteral("dynamic")).toBool(), row[5] == QLatin1String("1"));
        if (row[6].isEmpty()) {
            QVERIFY(o.value(QStringLiteral("amount")).isNull());
        } else {
            QVERIFY(o.value(QStringLiteral("amount")).isDouble());
            QCOMPARE(o.value(QStringLiteral("amount")).toInteger(), row[6].toLongLong());
            // An integer in the text, never "1.8e+05" or "180000.0".
            QVERIFY2(r.out.contains(QStringLiteral("\"amount\":") + row[6] + QLatin1Char(',')),
                     qPrintable(r.out));
        }
        QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("704"));
        if (row[7].isEmpty())
            QVERIFY(o.value(QStringLiteral("billNumber")).isNull());
        else
            QCOMPARE(o.value(QStringLiteral("billNumber")).toString(), row[7]);
        if (row[8].isEmpty())
            QVERIFY(o.value(QStringLiteral("purpose")).isNull());
        else
            QCOMPARE(o.value(QStringLiteral("purpose")).toString(), row[8]);
    }

    void decodeRefusesInvalidCodes_data()
    {
        QTest::addColumn<QString>("payload");
        for (const QStringList &r : realRows()) {
            if (r[1] != QLatin1String("ok"))
                QTest::newRow(qPrintable(r[0])) << r[10];
        }
        const QString good = vietqr::make(code());
        QString badCrc = good;
        badCrc[badCrc.size() - 1] =
            badCrc.endsWith(QLatin1Char('0')) ? QLatin1Char('1') : QLatin1Char('0');
        QTest::newRow("bad-crc") << badCrc;
        QTest::newRow("truncated") << good.left(good.size() - 10);
        QTest::newRow("usd") << QString(good).replace(QStringLiteral("5303704"),
                                                      QStringLiteral("5303840"));
        QTest::newRow("url") << QStringLiteral("https://vietqr.net");
        QTest::newRow("too-long") << QString(600, QLatin1Char('0'));
        QTest::newRow("vietnamese-text") << QString::fromUtf8("Thanh toán tiền điện");
    }

    // Exit 2, nothing on stdout, the codec's reason (tag and violation) on stderr.
    void decodeRefusesInvalidCodes()
    {
        QFETCH(QString, payload);
        const vietqr::ParseResult expected = vietqr::parse(payload);
        QVERIFY(!expected.ok);
        const QStringList args{QStringLiteral("qr"), QStringLiteral("decode"), payload};
        const ToolRun r = runTool(args);
        HUES_EXPECT_EXIT(r, 2);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.contains(expected.error), qPrintable(r.describe()));
        if (!expected.errorTag.isEmpty())
            QVERIFY(r.err.contains(expected.errorTag + QStringLiteral(": ")));
    }

    void makePrintsThePayload_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("payload");
        vietqr::Code s;
        s.bankBin = QStringLiteral("970436");
        s.account = QStringLiteral("0011001932418");
        QTest::newRow("static") << QStringList{QStringLiteral("--bin"), QStringLiteral("970436"),
                                               QStringLiteral("--account"),
                                               QStringLiteral("0011001932418")}
                                << vietqr::make(s);
        // NAPAS' example 6.1.3 without its bill number.
        vietqr::Code d;
        d.dynamic = true;
        d.bankBin = QStringLiteral("970403");
        d.account = QStringLiteral("0011012345678");
        d.amount = 180000;
        d.purpose = QStringLiteral("thanh toan don hang");
        QTest::newRow("dynamic")
            << QStringList{QStringLiteral("--bin"),     QStringLiteral("970403"),
                           QStringLiteral("--account"), QStringLiteral("0011012345678"),
                           QStringLiteral("--amount"),  QStringLiteral("180000"),
                           QStringLiteral("--purpose"), QStringLiteral("thanh toan don hang")}
            << vietqr::make(d);
        vietqr::Code v = d;
        v.purpose = QString::fromUtf8("Bún bò Huế");
        v.amount = 50000;
        QTest::newRow("vietnamese-purpose")
            << QStringList{QStringLiteral("--bin"),     QStringLiteral("970403"),
                           QStringLiteral("--account"), QStringLiteral("0011012345678"),
                           QStringLiteral("--amount"),  QStringLiteral("50000"),
                           QStringLiteral("--purpose"), QString::fromUtf8("Bún bò Huế")}
            << vietqr::make(v);
        vietqr::Code c;
        c.bankBin = QStringLiteral("970403");
        c.account = QStringLiteral("9704031101234567");
        c.service = vietqr::ServiceCode::Card;
        QTest::newRow("card")
            << QStringList{QStringLiteral("--bin"), QStringLiteral("970403"),
                           QStringLiteral("--account"), QStringLiteral("9704031101234567"),
                           QStringLiteral("--card")}
            << QStringLiteral("00020101021138600010A00000072701300006970403011697040311012345670"
                              "208QRIBFTTC53037045802VN63044F52"); // NAPAS' example 6.1.2
    }

    void makePrintsThePayload()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, payload);
        QVERIFY(!payload.isEmpty());
        const QStringList args =
            QStringList{QStringLiteral("qr"), QStringLiteral("make")} + options;
        const ToolRun r = runTool(args);
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.out, payload + QLatin1Char('\n'));
        QVERIFY(vietqr::parse(payload).ok);
    }

    // make --png writes an image that zxing (our reader), zbar (another) and `qr decode` read.
    void makePngScans()
    {
        const QString png = m_dir.filePath(QStringLiteral("pay.png"));
        const QStringList args{QStringLiteral("qr"),        QStringLiteral("make"),
                               QStringLiteral("--bin"),     QStringLiteral("970415"),
                               QStringLiteral("--account"), QStringLiteral("113366668888"),
                               QStringLiteral("--amount"),  QStringLiteral("50000"),
                               QStringLiteral("--purpose"), QString::fromUtf8("Mệ Kéo bún bò"),
                               QStringLiteral("--png"),     png};
        const ToolRun r = runTool(args);
        HUES_EXPECT_EXIT(r, 0);
        const QString payload = r.out.trimmed();
        QVERIFY(vietqr::parse(payload).ok);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.format() == QImage::Format_Invalid, false);
        const std::optional<QByteArray> read = qr::decode(image);
        QVERIFY(read.has_value());
        QCOMPARE(QString::fromUtf8(*read), payload);

        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        if (!zbarimg.isEmpty()) {
            QProcess zbar;
            zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), png});
            QVERIFY(zbar.waitForFinished(30000));
            QCOMPARE(zbar.exitCode(), 0);
            QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), payload);
        }

        const QStringList decode{QStringLiteral("qr"), QStringLiteral("decode"), png};
        const ToolRun d = runTool(decode);
        HUES_EXPECT_EXIT(d, 0);
        const QJsonObject o = onlyObject(d.out);
        QCOMPARE(o.value(QStringLiteral("bankBin")).toString(), QStringLiteral("970415"));
        QCOMPARE(o.value(QStringLiteral("bankName")).toString(), QStringLiteral("VietinBank"));
        QCOMPARE(o.value(QStringLiteral("account")).toString(), QStringLiteral("113366668888"));
        QCOMPARE(o.value(QStringLiteral("amount")).toInteger(), 50000);
        QCOMPARE(o.value(QStringLiteral("dynamic")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("purpose")).toString(), QString::fromUtf8("Mệ Kéo bún bò"));
        QVERIFY(o.value(QStringLiteral("billNumber")).isNull());
    }

    // An image of a real code, drawn here, decodes like its payload.
    void decodeImageOfRealCode()
    {
        const QString payload = realRows().first()[10];
        const QString png = m_dir.filePath(QStringLiteral("real.png"));
        QVERIFY(qr::toImage(qr::encode(payload.toUtf8()), 6, 4).save(png));
        const QStringList fromImage{QStringLiteral("qr"), QStringLiteral("decode"), png};
        const QStringList fromText{QStringLiteral("qr"), QStringLiteral("decode"), payload};
        const ToolRun a = runTool(fromImage);
        const ToolRun b = runTool(fromText);
        HUES_EXPECT_EXIT(a, 0);
        HUES_EXPECT_EXIT(b, 0);
        QCOMPARE(a.out, b.out);
    }

    void decodeImageFailures()
    {
        // A picture without a QR code: exit 2.
        const QString blank = m_dir.filePath(QStringLiteral("blank.png"));
        QImage white(200, 200, QImage::Format_RGB32);
        white.fill(Qt::white);
        QVERIFY(white.save(blank));
        const QStringList noCode{QStringLiteral("qr"), QStringLiteral("decode"), blank};
        const ToolRun a = runTool(noCode);
        HUES_EXPECT_EXIT(a, 2);
        QVERIFY(a.out.isEmpty());
        QVERIFY2(a.err.contains(QStringLiteral("no QR code")), qPrintable(a.err));

        // A QR code that is not a VietQR: exit 2 with the codec's reason.
        const QString other = m_dir.filePath(QStringLiteral("url.png"));
        QVERIFY(qr::toImage(qr::encode("https://hue.gov.vn"), 6, 4).save(other));
        const QStringList notVietQr{QStringLiteral("qr"), QStringLiteral("decode"), other};
        const ToolRun b = runTool(notVietQr);
        HUES_EXPECT_EXIT(b, 2);
        QVERIFY2(b.err.contains(QStringLiteral("not a two-digit tag")), qPrintable(b.err));

        // An existing file that is no image, and a folder: exit 1.
        const QString text = m_dir.filePath(QStringLiteral("payload.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(vietqr::make(code()).toUtf8());
        f.close();
        const QStringList notImage{QStringLiteral("qr"), QStringLiteral("decode"), text};
        const ToolRun c = runTool(notImage);
        HUES_EXPECT_EXIT(c, 1);
        QVERIFY2(c.err.contains(QStringLiteral("cannot read")), qPrintable(c.err));
        const QStringList folder{QStringLiteral("qr"), QStringLiteral("decode"), m_dir.path()};
        const ToolRun d = runTool(folder);
        HUES_EXPECT_EXIT(d, 1);
        QVERIFY(d.out.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString dec = QStringLiteral("decode");
        const QString mk = QStringLiteral("make");
        QTest::newRow("decode-nothing") << QStringList{dec} << 2 << "missing PAYLOAD";
        QTest::newRow("decode-two") << QStringList{dec, QStringLiteral("a"), QStringLiteral("b")}
                                    << 2 << "unexpected argument";
        QTest::newRow("make-no-account")
            << QStringList{mk, QStringLiteral("--bin"), QStringLiteral("970436")} << 2
            << "give both --bin and --account";
        QTest::newRow("make-bad-bin")
            << QStringList{mk, QStringLiteral("--bin"), QStringLiteral("9704"),
                           QStringLiteral("--account"), QStringLiteral("123456")}
            << 2 << "BIN must be 6 digits";
        QTest::newRow("make-bad-account")
            << QStringList{mk, QStringLiteral("--bin"), QStringLiteral("970436"),
                           QStringLiteral("--account"), QStringLiteral("0011-0019")}
            << 2 << "account must be";
        for (const char *amount : {"50.000", "50000.5", "0", "-1", "1e5", "12345678901234", ""}) {
            QTest::newRow(qPrintable(QStringLiteral("make-amount '%1'").arg(QLatin1String(amount))))
                << QStringList{mk,
                               QStringLiteral("--bin"),
                               QStringLiteral("970436"),
                               QStringLiteral("--account"),
                               QStringLiteral("123456"),
                               QStringLiteral("--amount"),
                               QString::fromLatin1(amount)}
                << 2 << "--amount takes a whole number";
        }
        QTest::newRow("make-long-purpose") << QStringList{mk,
                                                          QStringLiteral("--bin"),
                                                          QStringLiteral("970436"),
                                                          QStringLiteral("--account"),
                                                          QStringLiteral("123456"),
                                                          QStringLiteral("--purpose"),
                                                          QString(26, QLatin1Char('p'))}
                                           << 2 << "at most 25";
        QTest::newRow("make-png-unwritable")
            << QStringList{mk,
                           QStringLiteral("--bin"),
                           QStringLiteral("970436"),
                           QStringLiteral("--account"),
                           QStringLiteral("123456"),
                           QStringLiteral("--png"),
                           QStringLiteral("/nonexistent-dir/x.png")}
            << 1 << "cannot write";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QStringList all = QStringList{QStringLiteral("qr")} + args;
        const ToolRun r = runTool(all);
        HUES_EXPECT_EXIT(r, exitCode);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
    }

private:
    static vietqr::Code code()
    {
        vietqr::Code c;
        c.dynamic = true;
        c.bankBin = QStringLiteral("970436");
        c.account = QStringLiteral("0011001932418");
        c.amount = 120000;
        c.purpose = QStringLiteral("Tien dien");
        return c;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestHuesToolQr)
#include "tst_hues_tool_qr.moc"
