#include "qr/QrCode.h"
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace vietqr;

Q_DECLARE_METATYPE(vietqr::Code)

namespace {

const QString kGuid = QStringLiteral("A000000727");

// A data object with its length in characters (code points), as EMVCo counts.
QString tlv(const QString &tag, const QString &value)
{
    return tag + QStringLiteral("%1").arg(value.toUcs4().size(), 2, 10, QLatin1Char('0')) + value;
}

// The same with the length in UTF-8 bytes, as some generators (wrongly) count.
QString tlvBytes(const QString &tag, const QString &value)
{
    return tag + QStringLiteral("%1").arg(value.toUtf8().size(), 2, 10, QLatin1Char('0')) + value;
}

QString hex4(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0')).toUpper();
}

// Appends 6304 and the right CRC, so that a refusal is for the reason the row is about.
QString withCrc(const QString &body)
{
    const QString covered = body + QStringLiteral("6304");
    return covered + hex4(crc16(covered.toUtf8()));
}

const QString kPfi = tlv(QStringLiteral("00"), QStringLiteral("01"));
const QString kPoi = tlv(QStringLiteral("01"), QStringLiteral("12"));
const QString kBen = tlv(QStringLiteral("00"), QStringLiteral("970436")) +
                     tlv(QStringLiteral("01"), QStringLiteral("0011001234567"));
const QString kService = tlv(QStringLiteral("02"), QStringLiteral("QRIBFTTA"));

QString m38(const QString &beneficiary = kBen, const QString &service = kService,
            const QString &guid = tlv(QStringLiteral("00"), kGuid))
{
    return tlv(QStringLiteral("38"), guid + tlv(QStringLiteral("01"), beneficiary) + service);
}

const QString k53 = tlv(QStringLiteral("53"), QStringLiteral("704"));
const QString k54 = tlv(QStringLiteral("54"), QStringLiteral("50000"));
const QString k58 = tlv(QStringLiteral("58"), QStringLiteral("VN"));
const QString k62 = tlv(QStringLiteral("62"), tlv(QStringLiteral("08"), QStringLiteral("Hoc phi")));

// A valid dynamic code; rows of refused() change one thing in it.
QString base(const QString &merchant = m38(), const QString &rest = k53 + k54 + k58 + k62)
{
    return kPfi + kPoi + merchant + rest;
}

Code sampleCode()
{
    Code c;
    c.dynamic = true;
    c.bankBin = QStringLiteral("970415");
    c.account = QStringLiteral("113366668888");
    c.amount = 50000;
    c.purpose = QStringLiteral("Bun bo Hue");
    return c;
}

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
        const QStringList cols = QString::fromUtf8(line).split(QLatin1Char('\t'));
        if (cols.size() != 11)
            qFatal("bad row in real_codes.tsv: %s", line.constData());
        rows.append(cols);
    }
    return rows;
}

} // namespace

class TestVietQr : public QObject
{
    Q_OBJECT

private slots:
    void crc_data();
    void crc();
    void realCodes_data();
    void realCodes();
    void singleCharacterChangesAreRefused_data();
    void singleCharacterChangesAreRefused();
    void refused_data();
    void refused();
    void charactersNotBytes();
    void bounds();
    void makeRoundTrip_data();
    void makeRoundTrip();
    void makeRefuses_data();
    void makeRefuses();
    void zxingRoundTrip_data();
    void zxingRoundTrip();
    void zbarRoundTrip_data();
    void zbarRoundTrip();
    void maskAccount_data();
    void maskAccount();
    void formatVnd_data();
    void formatVnd();
    void banks();
    void findBank_data();
    void findBank();
};

void TestVietQr::crc_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("crc");
    // The catalogue check value of CRC-16/CCITT-FALSE, and the empty string (the initial value).
    QTest::newRow("check") << QByteArray("123456789") << 0x29B1;
    QTest::newRow("empty") << QByteArray() << 0xFFFF;
    QTest::newRow("A") << QByteArray("A") << 0xB915;
    // NAPAS' examples 6.1.2 and 6.1.3, through "6304".
    QTest::newRow("napas-6.1.2")
        << QByteArray("00020101021138600010A00000072701300006970403011697040311012345670208QRIBF"
                      "TTC53037045802VN6304")
        << 0x4F52;
    QTest::newRow("napas-6.1.3")
        << QByteArray("00020101021238570010A00000072701270006970403011300110123456780208QRIBF"
                      "TTA530370454061800005802VN62340107NPS68690819thanh toan don hang6304")
        << 0x2E2E;
}

void TestVietQr::crc()
{
    QFETCH(QByteArray, data);
    QFETCH(int, crc);
    QCOMPARE(int(crc16(data)), crc);
}

void TestVietQr::realCodes_data()
{
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("bin");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("service");
    QTest::addColumn<bool>("dynamic");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("bill");
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<bool>("canonical");
    QTest::addColumn<QString>("payload");
    const QList<QStringList> rows = realRows();
    QVERIFY(rows.size() >= 15);
    for (const QStringList &r : rows) {
        QTest::newRow(qPrintable(r[0]))
            << r[1] << r[2] << r[3] << r[4] << (r[5] == QLatin1String("1")) << r[6] << r[7] << r[8]
            << (r[9] == QLatin1String("1")) << r[10];
    }
}

void TestVietQr::realCodes()
{
    QFETCH(QString, result);
    QFETCH(QString, bin);
    QFETCH(QString, account);
    QFETCH(QString, service);
    QFETCH(bool, dynamic);
    QFETCH(QString, amount);
    QFETCH(QString, bill);
    QFETCH(QString, purpose);
    QFETCH(bool, canonical);
    QFETCH(QString, payload);

    const ParseResult r = parse(payload);
    if (result != QLatin1String("ok")) {
        QVERIFY2(!r.ok, "a refused row was accepted");
        QCOMPARE(r.errorTag, result);
        QVERIFY(r.error.startsWith(result + QStringLiteral(": ")));
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.error.isEmpty());
    QVERIFY(r.errorTag.isEmpty());
    QCOMPARE(r.code.bankBin, bin);
    QCOMPARE(r.code.account, account);
    QCOMPARE(r.code.service,
             service == QLatin1String("C") ? ServiceCode::Card : ServiceCode::Account);
    QCOMPARE(r.code.dynamic, dynamic);
    if (amount.isEmpty())
        QVERIFY(!r.code.amount.has_value());
    else
        QCOMPARE(r.code.amount, std::optional<qint64>(amount.toLongLong()));
    QCOMPARE(r.code.currency, QStringLiteral("704"));
    QCOMPARE(r.code.country, QStringLiteral("VN"));
    QCOMPARE(r.code.billNumber, bill);
    QCOMPARE(r.code.purpose, purpose);

    // make() of what was read is valid and reads back the same.
    const QString made = make(r.code);
    QVERIFY(!made.isEmpty());
    QCOMPARE(validate(r.code), QString());
    const ParseResult again = parse(made);
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(again.code == r.code);
    QCOMPARE(made == payload, canonical);
}

void TestVietQr::singleCharacterChangesAreRefused_data()
{
    QTest::addColumn<QString>("payload");
    for (const QStringList &r : realRows()) {
        if (r[1] == QLatin1String("ok"))
            QTest::newRow(qPrintable(r[0])) << r[10];
    }
}

// CRC-16 catches every error burst of up to 16 bits, so no change of one ASCII character
// anywhere (tag, length, value or CRC) may slip through as another valid code.
void TestVietQr::singleCharacterChangesAreRefused()
{
    QFETCH(QString, payload);
    const QString alphabet = QStringLiteral("0123456789ABCFZaz .-");
    int tried = 0;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        for (QChar c : alphabet) {
            // Changing the CRC's letter case keeps the same value.
            if (c == payload[i] || (i >= payload.size() - 4 && c.toUpper() == payload[i].toUpper()))
                continue;
            QString changed = payload;
            changed[i] = c;
            const ParseResult r = parse(changed);
            if (r.ok) {
                QFAIL(qPrintable(QStringLiteral("accepted after changing character %1 to '%2': %3")
                                     .arg(i)
                                     .arg(c)
                                     .arg(changed)));
            }
            QVERIFY(!r.error.isEmpty());
            ++tried;
        }
    }
    QVERIFY(tried > 1000);
}

void TestVietQr::refused_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("reason"); // a part of the (English) message

    const QString valid = withCrc(base());
    QVERIFY(parse(valid).ok);
    const QString t00 = tlv(QStringLiteral("00"), kGuid);

    // CRC
    {
        QString p = valid;
        p[p.size() - 1] = p.endsWith(QLatin1Char('0')) ? QLatin1Char('1') : QLatin1Char('0');
        QTest::newRow("crc-wrong") << p << "63"
                                   << "CRC mismatch: the payload says";
    }
    {
        QString p = valid;
        p[20] = QLatin1Char('9'); // inside the GUID's value: structure intact, content changed
        QTest::newRow("crc-content-changed") << p << "63"
                                             << "its content gives";
    }
    QTest::newRow("crc-not-hex") << base() + QStringLiteral("6304GHIJ") << "63"
                                 << "not 4 hexadecimal digits";
    QTest::newRow("crc-3-digits") << base() + QStringLiteral("6303ABC") << "63"
                                  << "not 4 hexadecimal digits";
    QTest::newRow("crc-missing") << base() << "63"
                                 << "missing";
    QTest::newRow("crc-not-last") << base(m38(), k53 + k54 + k62) + QStringLiteral("6304ABCD") + k58
                                  << "63"
                                  << "must be the last";
    QTest::newRow("crc-of-other-payload") << base(m38(), k53 + k58) + valid.right(8) << "63"
                                          << "CRC mismatch";
    {
        // The CRC covers the text as UTF-8; one computed over Latin-1 does not match.
        const QString body =
            base(m38(), k53 + k58 +
                            tlv(QStringLiteral("62"),
                                tlv(QStringLiteral("08"), QString::fromUtf8("Học phí"))));
        const QString covered = body + QStringLiteral("6304");
        QTest::newRow("crc-over-latin1") << covered + hex4(crc16(covered.toLatin1())) << "63"
                                         << "CRC mismatch";
    }

    // Lengths and nesting
    QTest::newRow("length-overrun-top") << kPfi + kPoi + QStringLiteral("3899") + m38().mid(4) +
                                               k53 + k58 + QStringLiteral("6304ABCD")
                                        << "38"
                                        << "runs past the end of the payload";
    QTest::newRow("length-not-digits")
        << withCrc(kPfi + kPoi + QStringLiteral("38A7") + m38().mid(4) + k53 + k58) << "38"
        << "is not two digits";
    QTest::newRow("length-zero") << withCrc(base(m38(), k53 + QStringLiteral("5400") + k58)) << "54"
                                 << "length 00";
    QTest::newRow("tag-not-digits")
        << withCrc(kPfi + kPoi + m38() + QStringLiteral("5A03704") + k58) << ""
        << "is not a two-digit tag";
    QTest::newRow("truncated") << QStringLiteral("00020") << "00"
                               << "runs past the end";
    QTest::newRow("truncated-value") << QStringLiteral("000201010212385") << ""
                                     << "ends inside a data object";
    {
        // 38.01 claims 50 characters; the template 38 holds fewer after it.
        const QString ben = QStringLiteral("0150") + kBen;
        const QString m = tlv(QStringLiteral("38"), t00 + ben + kService);
        QTest::newRow("nested-overrun-38.01") << withCrc(base(m)) << "38.01"
                                              << "runs past the end of template 38";
    }
    {
        // 38.01.01 claims 14 characters where 13 follow inside 38.01.
        const QString ben = tlv(QStringLiteral("00"), QStringLiteral("970436")) +
                            QStringLiteral("0114") + QStringLiteral("0011001234567");
        QTest::newRow("nested-overrun-38.01.01") << withCrc(base(m38(ben))) << "38.01.01"
                                                 << "runs past the end of template 38.01";
    }
    {
        // 38.01.01 claims 12 characters where 13 follow: one is left over (NAPAS' 6.1.1).
        const QString ben = tlv(QStringLiteral("00"), QStringLiteral("970436")) +
                            QStringLiteral("0112") + QStringLiteral("0011001234567");
        QTest::newRow("nested-leftover-38.01") << withCrc(base(m38(ben))) << "38.01"
                                               << "ends inside a data object";
    }
    QTest::newRow("nested-overrun-62.08")
        << withCrc(
               base(m38(), k53 + k58 + tlv(QStringLiteral("62"), QStringLiteral("0830Hoc phi"))))
        << "62.08"
        << "runs past the end of template 62";
    QTest::newRow("nested-zero-62.05")
        << withCrc(base(m38(), k53 + k58 + tlv(QStringLiteral("62"), QStringLiteral("0500"))))
        << "62.05"
        << "length 00";
    QTest::newRow("other-scheme-template-broken")
        << withCrc(base(m38(), tlv(QStringLiteral("26"), QStringLiteral("0010A0")) + k53 + k58))
        << "26.00"
        << "runs past the end of template 26";
    QTest::newRow("unreserved-template-broken")
        << withCrc(base(m38(), k53 + k58 + tlv(QStringLiteral("80"), QStringLiteral("0005AB"))))
        << "80.00"
        << "runs past";

    // Duplicates and order
    QTest::newRow("duplicate-54") << withCrc(base(m38(), k53 + k54 + k54 + k58)) << "54"
                                  << "appears twice";
    QTest::newRow("duplicate-38") << withCrc(base(m38(), m38() + k53 + k58)) << "38"
                                  << "appears twice";
    QTest::newRow("duplicate-38.01.00")
        << withCrc(base(m38(tlv(QStringLiteral("00"), QStringLiteral("970436")) + kBen)))
        << "38.01.00"
        << "appears twice";
    QTest::newRow("duplicate-62.08")
        << withCrc(base(m38(), k53 + k58 + tlv(QStringLiteral("62"), QStringLiteral("0801A0801B"))))
        << "62.08"
        << "appears twice";
    QTest::newRow("pfi-not-first") << withCrc(kPoi + kPfi + m38() + k53 + k58) << "00"
                                   << "must be the first";
    QTest::newRow("pfi-missing") << withCrc(kPoi + m38() + k53 + k58) << "00"
                                 << "missing";
    QTest::newRow("pfi-02") << withCrc(QStringLiteral("000202") + kPoi + m38() + k53 + k58) << "00"
                            << "it must be '01'";

    // Mandatory tags and values
    QTest::newRow("poi-missing") << withCrc(kPfi + m38() + k53 + k58) << "01"
                                 << "missing";
    QTest::newRow("poi-13") << withCrc(kPfi + QStringLiteral("010213") + m38() + k53 + k58) << "01"
                            << "'11' (static) or '12'";
    QTest::newRow("no-38") << withCrc(kPfi + kPoi +
                                      tlv(QStringLiteral("26"),
                                          tlv(QStringLiteral("00"), QStringLiteral("A000000775"))) +
                                      k53 + k58)
                           << "38"
                           << "no VietQR merchant account";
    QTest::newRow("guid-wrong") << withCrc(base(m38(
                                       kBen, kService,
                                       tlv(QStringLiteral("00"), QStringLiteral("A000000775")))))
                                << "38.00"
                                << "VietQR (NAPAS) uses A000000727";
    QTest::newRow("guid-lowercase")
        << withCrc(
               base(m38(kBen, kService, tlv(QStringLiteral("00"), QStringLiteral("a000000727")))))
        << "38.00"
        << "the GUID is";
    QTest::newRow("guid-missing") << withCrc(base(tlv(QStringLiteral("38"),
                                                      tlv(QStringLiteral("01"), kBen) + kService)))
                                  << "38.00"
                                  << "missing";
    QTest::newRow("beneficiary-missing")
        << withCrc(base(tlv(QStringLiteral("38"), t00 + kService))) << "38.01"
        << "missing";
    QTest::newRow("bin-missing") << withCrc(base(m38(tlv(QStringLiteral("01"),
                                                         QStringLiteral("0011001234567")))))
                                 << "38.01.00"
                                 << "missing";
    QTest::newRow("bin-5-digits")
        << withCrc(base(m38(tlv(QStringLiteral("00"), QStringLiteral("97043")) +
                            tlv(QStringLiteral("01"), QStringLiteral("0011001234567")))))
        << "38.01.00"
        << "is not 6 digits";
    QTest::newRow("bin-letters")
        << withCrc(base(m38(tlv(QStringLiteral("00"), QStringLiteral("97043A")) +
                            tlv(QStringLiteral("01"), QStringLiteral("0011001234567")))))
        << "38.01.00"
        << "is not 6 digits";
    QTest::newRow("account-missing")
        << withCrc(base(m38(tlv(QStringLiteral("00"), QStringLiteral("970436"))))) << "38.01.01"
        << "missing";
    QTest::newRow("account-dash")
        << withCrc(base(m38(tlv(QStringLiteral("00"), QStringLiteral("970436")) +
                            tlv(QStringLiteral("01"), QStringLiteral("0011-001234567")))))
        << "38.01.01"
        << "letters or digits";
    QTest::newRow("account-20")
        << withCrc(base(m38(tlv(QStringLiteral("00"), QStringLiteral("970436")) +
                            tlv(QStringLiteral("01"), QStringLiteral("12345678901234567890")))))
        << "38.01.01"
        << "1 to 19";
    QTest::newRow("service-missing") << withCrc(base(m38(kBen, QString()))) << "38.02"
                                     << "missing";
    QTest::newRow("service-qrpush")
        << withCrc(base(m38(kBen, tlv(QStringLiteral("02"), QStringLiteral("QRPUSH"))))) << "38.02"
        << "unknown service code 'QRPUSH'";
    QTest::newRow("service-lowercase")
        << withCrc(base(m38(kBen, tlv(QStringLiteral("02"), QStringLiteral("qribftta")))))
        << "38.02"
        << "unknown service code";
    QTest::newRow("currency-missing") << withCrc(base(m38(), k54 + k58)) << "53"
                                      << "missing";
    QTest::newRow("currency-usd")
        << withCrc(base(m38(), tlv(QStringLiteral("53"), QStringLiteral("840")) + k58)) << "53"
        << "only 704";
    QTest::newRow("currency-letters")
        << withCrc(base(m38(), tlv(QStringLiteral("53"), QStringLiteral("VND")) + k58)) << "53"
        << "only 704";
    QTest::newRow("country-missing") << withCrc(base(m38(), k53 + k54)) << "58"
                                     << "missing";
    QTest::newRow("country-us") << withCrc(base(m38(), k53 + tlv(QStringLiteral("58"),
                                                                 QStringLiteral("US"))))
                                << "58"
                                << "only VN";
    QTest::newRow("country-lowercase")
        << withCrc(base(m38(), k53 + tlv(QStringLiteral("58"), QStringLiteral("vn")))) << "58"
        << "only VN";

    // Amount: whole đồng, digits only
    const QStringList badAmounts = {
        QStringLiteral("50000.00"),       QStringLiteral("50000."),  QStringLiteral("50,000"),
        QStringLiteral("050000"),         QStringLiteral("0"),       QStringLiteral("-5000"),
        QStringLiteral("+5000"),          QStringLiteral("5000 "),   QStringLiteral("5e4"),
        QStringLiteral("12345678901234"), QStringLiteral("５０００")};
    for (const QString &a : badAmounts) {
        QTest::newRow(qPrintable(QStringLiteral("amount '%1'").arg(a)))
            << withCrc(base(m38(), k53 + tlv(QStringLiteral("54"), a) + k58)) << "54"
            << "is not a whole number of đồng";
    }

    // Other fields
    QTest::newRow("mcc-3-digits")
        << withCrc(base(m38(), tlv(QStringLiteral("52"), QStringLiteral("581")) + k53 + k58))
        << "52"
        << "not 4 digits";
    QTest::newRow("name-26") << withCrc(base(m38(), k53 + k58 +
                                                        tlv(QStringLiteral("59"),
                                                            QString(26, QLatin1Char('N')))))
                             << "59"
                             << "has 26 characters; at most 25";
    QTest::newRow("city-16") << withCrc(base(m38(), k53 + k58 +
                                                        tlv(QStringLiteral("60"),
                                                            QString(16, QLatin1Char('H')))))
                             << "60"
                             << "has 16 characters; at most 15";
    QTest::newRow("purpose-26") << withCrc(base(m38(), k53 + k58 +
                                                           tlv(QStringLiteral("62"),
                                                               tlv(QStringLiteral("08"),
                                                                   QString(26, QLatin1Char('p'))))))
                                << "62.08"
                                << "at most 25";
    QTest::newRow("bill-26") << withCrc(base(m38(), k53 + k58 +
                                                        tlv(QStringLiteral("62"),
                                                            tlv(QStringLiteral("01"),
                                                                QString(26, QLatin1Char('1'))))))
                             << "62.01"
                             << "at most 25";
    QTest::newRow("purpose-tab") << withCrc(base(m38(), k53 + k58 +
                                                            tlv(QStringLiteral("62"),
                                                                tlv(QStringLiteral("08"),
                                                                    QStringLiteral("Hoc\tphi")))))
                                 << "62.08"
                                 << "control character";
    QTest::newRow("name-newline")
        << withCrc(base(m38(), k53 + k58 + tlv(QStringLiteral("59"), QStringLiteral("A\nB"))))
        << "59"
        << "control character";
    QTest::newRow("tip-04")
        << withCrc(base(m38(), k53 + tlv(QStringLiteral("55"), QStringLiteral("04")) + k58)) << "55"
        << "01, 02 or 03";
    QTest::newRow("fee-without-tip")
        << withCrc(base(m38(), k53 + tlv(QStringLiteral("56"), QStringLiteral("1000")) + k58))
        << "56"
        << "55 = 02";
    QTest::newRow("percentage-with-tip-02")
        << withCrc(base(m38(), k53 + tlv(QStringLiteral("55"), QStringLiteral("02")) +
                                   tlv(QStringLiteral("57"), QStringLiteral("3.5")) + k58))
        << "57"
        << "55 = 03";

    // Whole payload
    QTest::newRow("empty") << QString() << ""
                           << "empty";
    QTest::newRow("513-characters") << QString(513, QLatin1Char('0')) << ""
                                    << "has 513 characters; at most 512";
    QTest::newRow("huge") << QString(100000, QLatin1Char('9')) << ""
                          << "more than 512 characters";
    QTest::newRow("lone-surrogate") << base() + QChar(0xD800) << ""
                                    << "not valid text";
    QTest::newRow("whitespace-after") << valid + QLatin1Char('\n') << ""
                                      << "ends inside";
    QTest::newRow("url") << QStringLiteral("https://img.vietqr.io/image/970436-0011001234567.png")
                         << ""
                         << "not a two-digit tag";
}

void TestVietQr::refused()
{
    QFETCH(QString, payload);
    QFETCH(QString, tag);
    QFETCH(QString, reason);
    const ParseResult r = parse(payload);
    QVERIFY2(!r.ok, qPrintable(payload));
    QCOMPARE(r.errorTag, tag);
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    if (!tag.isEmpty())
        QVERIFY2(r.error.startsWith(tag + QStringLiteral(": ")), qPrintable(r.error));
}

// Lengths count characters: a Vietnamese purpose is read when counted in code points, and a
// payload whose lengths were counted in UTF-8 bytes is refused.
void TestVietQr::charactersNotBytes()
{
    // The emoji is one character, two UTF-16 units and four UTF-8 bytes.
    const QString purpose = QString::fromUtf8("Ủng hộ Huế 😀");
    QCOMPARE(purpose.toUcs4().size(), 12);
    const QString byChars = withCrc(
        base(m38(), k53 + k58 + tlv(QStringLiteral("62"), tlv(QStringLiteral("08"), purpose))));
    const ParseResult r = parse(byChars);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.code.purpose, purpose);
    QVERIFY(byChars.contains(QStringLiteral("0812") + purpose));

    const QString byBytes = withCrc(
        base(m38(),
             k53 + k58 + tlvBytes(QStringLiteral("62"), tlvBytes(QStringLiteral("08"), purpose))));
    QVERIFY(byBytes != byChars);
    const ParseResult rb = parse(byBytes);
    QVERIFY(!rb.ok);
    QVERIFY(!rb.error.isEmpty());

    // make() counts the same way.
    Code c = sampleCode();
    c.purpose = purpose;
    QVERIFY(make(c).contains(QStringLiteral("0812") + purpose));
    // 25 characters of three UTF-8 bytes each still fit in 62.08.
    c.purpose = QString(25, QChar(0x1EE7));
    QVERIFY(!make(c).isEmpty());
    QCOMPARE(parse(make(c)).code.purpose, c.purpose);
}

void TestVietQr::bounds()
{
    // A payload of exactly 512 characters is read; 513 is refused before parsing.
    QString body = base(m38(), k53 + k58);
    // Unreserved templates 80, 81, ... of 103 characters each, then an RFU object (70) to
    // reach 512 with the CRC.
    for (int tag = 80; body.size() + 103 + 4 + 1 + 8 <= 512; ++tag)
        body += tlv(QString::number(tag), tlv(QStringLiteral("00"), QString(95, QLatin1Char('x'))));
    const int left = 512 - int(body.size()) - 8 - 4;
    QVERIFY(left >= 1 && left <= 99);
    body += tlv(QStringLiteral("70"), QString(left, QLatin1Char('y')));
    const QString exact = withCrc(body);
    QCOMPARE(exact.size(), 512);
    const ParseResult ok = parse(exact);
    QVERIFY2(ok.ok, qPrintable(ok.error));
    QCOMPARE(ok.code.bankBin, QStringLiteral("970436"));
    const ParseResult tooLong = parse(QString(exact + QLatin1Char('0')));
    QVERIFY(!tooLong.ok);
    QCOMPARE(tooLong.errorTag, QString());
    QVERIFY(tooLong.error.contains(QStringLiteral("513")));

    // make() never writes more than 512 characters: every field at its limit stays below.
    Code c = sampleCode();
    c.account = QString(19, QLatin1Char('9'));
    c.amount = MaxAmount;
    c.merchantName = QString(25, QChar(0x1EBF));
    c.merchantCity = QString(15, QChar(0x1EBF));
    c.billNumber = QString(25, QChar(0x1EBF));
    c.referenceLabel = QString(25, QChar(0x1EBF));
    c.purpose = QString(25, QChar(0x1EBF));
    const QString longest = make(c);
    QVERIFY(!longest.isEmpty());
    QVERIFY(longest.size() < 512);
    QVERIFY(parse(longest).code == c);
}

void TestVietQr::makeRoundTrip_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("expected"); // "" = not checked

    Code c = sampleCode();
    QTest::newRow("dynamic") << c << QString();
    Code s;
    s.bankBin = QStringLiteral("970436");
    s.account = QStringLiteral("0011001932418");
    QTest::newRow("static-minimal")
        << s
        << QStringLiteral("00020101021138570010A000000727012700069704360113"
                          "00110019324180208QRIBFTTA53037045802VN6304") +
               hex4(crc16("00020101021138570010A00000072701270006970436011300110019324180208QRIBFTT"
                          "A53037045802VN6304"));
    // NAPAS' example 6.1.3, rebuilt field by field, gives their exact text and CRC.
    Code n;
    n.dynamic = true;
    n.bankBin = QStringLiteral("970403");
    n.account = QStringLiteral("0011012345678");
    n.amount = 180000;
    n.billNumber = QStringLiteral("NPS6869");
    n.purpose = QStringLiteral("thanh toan don hang");
    QTest::newRow("napas-6.1.3")
        << n
        << QStringLiteral(
               "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA"
               "530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E");
    Code card = n;
    card.account = QStringLiteral("9704031101234567");
    card.service = ServiceCode::Card;
    QTest::newRow("napas-6.1.4")
        << card
        << QStringLiteral(
               "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC"
               "530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203");
    Code one = c;
    one.amount = 1;
    QTest::newRow("amount-1") << one << QString();
    Code max = c;
    max.amount = MaxAmount;
    QTest::newRow("amount-max") << max << QString();
    Code all = c;
    all.merchantName = QString::fromUtf8("Quán Bún bò Huế Mệ Kéo");
    all.merchantCity = QString::fromUtf8("Huế");
    all.billNumber = QStringLiteral("HD-2025-000123");
    all.referenceLabel = QStringLiteral("QR7K2P9Q1234567890ABCDEFG");
    all.purpose = QString::fromUtf8("Bún bò Huế, 2 tô");
    QTest::newRow("all-fields-vietnamese") << all << QString();
    Code letters = c;
    letters.account = QStringLiteral("VQRQACLNP2680");
    QTest::newRow("alnum-account") << letters << QString();
    Code longest = c;
    longest.account = QString(19, QLatin1Char('9'));
    longest.merchantName = QString(25, QLatin1Char('M'));
    longest.merchantCity = QString(15, QLatin1Char('C'));
    longest.billNumber = QString(25, QLatin1Char('B'));
    longest.referenceLabel = QString(25, QLatin1Char('R'));
    longest.purpose = QString(25, QLatin1Char('P'));
    QTest::newRow("every-field-at-its-limit") << longest << QString();
    Code sym = c;
    sym.purpose = QStringLiteral("Ref: #12/2025 (50%) & co");
    QTest::newRow("symbols") << sym << QString();
    for (const Bank &b : vietqr::banks()) {
        if (b.bin == QLatin1String("970436") || b.bin == QLatin1String("970418") ||
            b.bin == QLatin1String("970422") || b.bin == QLatin1String("546034")) {
            Code x = c;
            x.bankBin = b.bin;
            QTest::newRow(qPrintable(QStringLiteral("bank-") + b.code)) << x << QString();
        }
    }
}

void TestVietQr::makeRoundTrip()
{
    QFETCH(Code, code);
    QFETCH(QString, expected);
    QCOMPARE(validate(code), QString());
    const QString payload = make(code);
    QVERIFY(!payload.isEmpty());
    QVERIFY(payload.toUcs4().size() <= MaxPayloadChars);
    if (!expected.isEmpty())
        QCOMPARE(payload, expected);
    QCOMPARE(make(code), payload); // deterministic
    const ParseResult r = parse(payload);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.code == code);
    QCOMPARE(make(r.code), payload);
    QVERIFY(payload.startsWith(QStringLiteral("000201")));
    QCOMPARE(payload.mid(payload.size() - 8, 4), QStringLiteral("6304"));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-F]{4}$")).match(payload.right(4)).hasMatch());
}

void TestVietQr::makeRefuses_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("reason");
    const Code c = sampleCode();
    Code x;
    x = c, x.bankBin = QStringLiteral("97041");
    QTest::newRow("bin-5") << x << "BIN";
    x = c, x.bankBin = QStringLiteral("97041A");
    QTest::newRow("bin-letter") << x << "BIN";
    x = c, x.bankBin.clear();
    QTest::newRow("bin-empty") << x << "BIN";
    x = c, x.account.clear();
    QTest::newRow("account-empty") << x << "account";
    x = c, x.account = QStringLiteral("0011 0019");
    QTest::newRow("account-space") << x << "account";
    x = c, x.account = QString(20, QLatin1Char('1'));
    QTest::newRow("account-20") << x << "account";
    x = c, x.account = QString::fromUtf8("đ123");
    QTest::newRow("account-non-ascii") << x << "account";
    x = c, x.amount = 0;
    QTest::newRow("amount-0") << x << "amount";
    x = c, x.amount = -50000;
    QTest::newRow("amount-negative") << x << "amount";
    x = c, x.amount = MaxAmount + 1;
    QTest::newRow("amount-14-digits") << x << "amount";
    x = c, x.currency = QStringLiteral("840");
    QTest::newRow("currency") << x << "704";
    x = c, x.country = QStringLiteral("TH");
    QTest::newRow("country") << x << "VN";
    x = c, x.merchantName = QString(26, QLatin1Char('n'));
    QTest::newRow("name-26") << x << "merchant name";
    x = c, x.merchantCity = QString(16, QLatin1Char('c'));
    QTest::newRow("city-16") << x << "merchant city";
    x = c, x.billNumber = QString(26, QLatin1Char('b'));
    QTest::newRow("bill-26") << x << "bill number";
    x = c, x.referenceLabel = QString(26, QLatin1Char('r'));
    QTest::newRow("ref-26") << x << "reference label";
    x = c, x.purpose = QString(26, QLatin1Char('p'));
    QTest::newRow("purpose-26") << x << "purpose";
    x = c, x.purpose = QStringLiteral("a\tb");
    QTest::newRow("purpose-tab") << x << "purpose";
    x = c, x.purpose = QString(QChar(0xDC00));
    QTest::newRow("purpose-lone-surrogate") << x << "purpose";
}

void TestVietQr::makeRefuses()
{
    QFETCH(Code, code);
    QFETCH(QString, reason);
    const QString why = validate(code);
    QVERIFY2(why.contains(reason), qPrintable(why));
    QCOMPARE(make(code), QString());
}

void TestVietQr::zxingRoundTrip_data()
{
    makeRoundTrip_data();
}

// Each generated code, drawn as a QR symbol, is read back by zxing-cpp (the app's reader)
// to the same bytes and the same Code.
void TestVietQr::zxingRoundTrip()
{
    QFETCH(Code, code);
    const QString payload = make(code);
    QVERIFY(!payload.isEmpty());
    const qr::QrMatrix matrix = qr::encode(payload.toUtf8(), qr::ErrorCorrection::Medium);
    QVERIFY(!matrix.isNull());
    const QImage image = qr::toImage(matrix, 4, 4);
    QVERIFY(!image.isNull());
    const std::optional<QByteArray> read = qr::decode(image);
    QVERIFY(read.has_value());
    QCOMPARE(*read, payload.toUtf8());
    const ParseResult r = parse(QString::fromUtf8(*read));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.code == code);
}

void TestVietQr::zbarRoundTrip_data()
{
    makeRoundTrip_data();
}

// zbar, a reader written by other people, reads the PNG of each generated code to the same
// payload (what a banking app's scanner would see).
void TestVietQr::zbarRoundTrip()
{
    QFETCH(Code, code);
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbarimg.isEmpty())
        QSKIP("zbarimg not installed (zbar-tools, see scripts/deps.sh)");
    const QString payload = make(code);
    QVERIFY(!payload.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("vietqr.png"));
    const QImage image = qr::toImage(qr::encode(payload.toUtf8()), 4, 4);
    QVERIFY(image.save(file));
    QProcess zbar;
    zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), file});
    QVERIFY(zbar.waitForFinished(30000));
    QCOMPARE(zbar.exitStatus(), QProcess::NormalExit);
    QCOMPARE(zbar.exitCode(), 0);
    QByteArray out = zbar.readAllStandardOutput();
    if (out.endsWith('\n'))
        out.chop(1);
    QCOMPARE(QString::fromUtf8(out), payload);
    const ParseResult r = parse(QString::fromUtf8(out));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.code == code);
}

void TestVietQr::maskAccount_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("masked");
    const QString dots = QStringLiteral("\u2022\u2022\u2022");
    QTest::newRow("13") << "0011001234567" << dots + QStringLiteral(" 4567");
    QTest::newRow("card") << "9704031101234567" << dots + QStringLiteral(" 4567");
    QTest::newRow("5") << "12345" << dots + QStringLiteral(" 2345");
    QTest::newRow("4: nothing shown") << "1234" << dots;
    QTest::newRow("1") << "7" << dots;
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("letters") << "VQRQACLNP2680" << dots + QStringLiteral(" 2680");
}

void TestVietQr::maskAccount()
{
    QFETCH(QString, account);
    QFETCH(QString, masked);
    QCOMPARE(vietqr::maskAccount(account), masked);
}

void TestVietQr::formatVnd_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("text");
    const QString d = QStringLiteral(" \u20AB");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0") + d;
    QTest::newRow("999") << qint64(999) << QStringLiteral("999") + d;
    QTest::newRow("1000") << qint64(1000) << QStringLiteral("1.000") + d;
    QTest::newRow("50000") << qint64(50000) << QStringLiteral("50.000") + d;
    QTest::newRow("5000000") << qint64(5000000) << QStringLiteral("5.000.000") + d;
    QTest::newRow("500000000") << qint64(500000000) << QStringLiteral("500.000.000") + d;
    QTest::newRow("negative") << qint64(-50000) << QStringLiteral("\u221250.000") + d;
    QTest::newRow("max") << std::numeric_limits<qint64>::max()
                         << QStringLiteral("9.223.372.036.854.775.807") + d;
    QTest::newRow("min") << std::numeric_limits<qint64>::min()
                         << QStringLiteral("\u22129.223.372.036.854.775.808") + d;
}

void TestVietQr::formatVnd()
{
    QFETCH(qint64, amount);
    QFETCH(QString, text);
    QCOMPARE(vietqr::formatVnd(amount), text);
}

void TestVietQr::banks()
{
    const QList<Bank> &list = vietqr::banks();
    QVERIFY(list.size() >= 50);
    QSet<QString> bins;
    QSet<QString> codes;
    const QRegularExpression bin(QStringLiteral("^[0-9]{6}$"));
    const QRegularExpression colour(QStringLiteral("^#[0-9A-F]{6}$"));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Bank &b = list[i];
        QVERIFY2(bin.match(b.bin).hasMatch(), qPrintable(b.bin));
        QVERIFY2(colour.match(b.colour).hasMatch(), qPrintable(b.colour));
        QVERIFY(!b.code.isEmpty());
        QVERIFY(!b.shortName.isEmpty());
        QVERIFY(!b.name.isEmpty());
        QVERIFY2(!bins.contains(b.bin), qPrintable(b.bin));
        QVERIFY2(!codes.contains(b.code), qPrintable(b.code));
        bins.insert(b.bin);
        codes.insert(b.code);
        if (i > 0)
            QVERIFY(list[i - 1].shortName.compare(b.shortName, Qt::CaseInsensitive) <= 0);
        QCOMPARE(vietqr::findBank(b.bin), &b);
    }
}

void TestVietQr::findBank_data()
{
    QTest::addColumn<QString>("bin");
    QTest::addColumn<QString>("shortName");
    QTest::addColumn<QString>("code");
    QTest::newRow("vcb") << "970436"
                         << "Vietcombank"
                         << "VCB";
    QTest::newRow("vietinbank") << "970415"
                                << "VietinBank"
                                << "ICB";
    QTest::newRow("bidv") << "970418"
                          << "BIDV"
                          << "BIDV";
    QTest::newRow("agribank") << "970405"
                              << "Agribank"
                              << "VBA";
    QTest::newRow("mb") << "970422"
                        << "MBBank"
                        << "MB";
    QTest::newRow("techcombank") << "970407"
                                 << "Techcombank"
                                 << "TCB";
    QTest::newRow("acb") << "970416"
                         << "ACB"
                         << "ACB";
    QTest::newRow("sacombank") << "970403"
                               << "Sacombank"
                               << "STB";
    QTest::newRow("vpbank") << "970432"
                            << "VPBank"
                            << "VPB";
    QTest::newRow("tpbank") << "970423"
                            << "TPBank"
                            << "TPB";
    QTest::newRow("cake") << "546034"
                          << "CAKE"
                          << "CAKE";
    QTest::newRow("unknown") << "970499"
                             << ""
                             << "";
    QTest::newRow("empty") << ""
                           << ""
                           << "";
    QTest::newRow("prefix") << "97043"
                            << ""
                            << "";
}

void TestVietQr::findBank()
{
    QFETCH(QString, bin);
    QFETCH(QString, shortName);
    QFETCH(QString, code);
    const Bank *b = vietqr::findBank(bin);
    if (shortName.isEmpty()) {
        QCOMPARE(b, nullptr);
        return;
    }
    QVERIFY(b);
    QCOMPARE(b->bin, bin);
    QCOMPARE(b->shortName, shortName);
    QCOMPARE(b->code, code);
}

QTEST_MAIN(TestVietQr)
#include "tst_vietqr.moc"
