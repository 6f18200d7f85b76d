// qr::encode, qr::toImage and qr::decode: round trips, limits, hostile images.
#include "qr/QrCode.h"

#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>

#include <cstring>

using qr::EncodeError;
using qr::ErrorCorrection;

namespace {

// An EMVCo merchant-presented QR payload shaped like a VietQR one (IDs, a NAPAS GUID, an
// amount, a bill number, CRC field last).
QByteArray vietQrLike()
{
    return QByteArrayLiteral("00020101021238570010A00000072701270006970436011300110123456780208"
                             "QRIBFTTA53037045406250005802VN5914BUN BO HUE O XUAN6003HUE"
                             "62260822HUES HOA DON 2024 0001630445B2");
}

QImage render(const QByteArray &text, ErrorCorrection ecc = ErrorCorrection::Medium)
{
    const qr::QrMatrix matrix = qr::encode(text, ecc);
    return qr::toImage(matrix, 4, 4);
}

QImage noise(QRandomGenerator &rng, int width, int height, QImage::Format format)
{
    QImage image(width, height, format);
    if (image.isNull())
        return image;
    for (int y = 0; y < height; ++y) {
        uchar *line = image.scanLine(y);
        for (qsizetype i = 0; i < image.bytesPerLine(); ++i)
            line[i] = uchar(rng.bounded(256));
    }
    if (format == QImage::Format_Indexed8 || format == QImage::Format_Mono) {
        // A colour table shorter than the indices used: readers must cope.
        QList<QRgb> table;
        for (int i = 0, n = int(rng.bounded(3)); i < n; ++i)
            table.append(rng.generate());
        image.setColorTable(table);
    }
    return image;
}

} // namespace

class TestQr : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void vietnameseIsUtf8();
    void errorCorrectionGrowsSymbol();
    void finderPatterns();
    void emptyInput();
    void tooLong_data();
    void tooLong();
    void largestFits();
    void toImageGeometry();
    void toImageRejects();
    void decodeNothing_data();
    void decodeNothing();
    void decodeTransformed_data();
    void decodeTransformed();
    void decodeTooLarge();
    void independentReader_data();
    void independentReader();
    void fuzzRandomImages();
    void fuzzMutatedCodes();
};

void TestQr::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<ErrorCorrection>("ecc");

    QTest::newRow("ascii") << QByteArray("Hello, world!") << ErrorCorrection::Medium;
    QTest::newRow("digits") << QByteArray("0123456789012345678901234567890")
                            << ErrorCorrection::Low;
    QTest::newRow("alnum") << QByteArray("HTTPS://HUE.GOV.VN/ABC-123") << ErrorCorrection::High;
    QTest::newRow("url")
        << QByteArray(
               "https://id.hue.gov.vn/device?user_code=WDJB-MJHT&lang=vi&return=https%3A%2F%2F"
               "hue.gov.vn%2Fkiosk%3Fcentre%3D12%26desk%3D4#top")
        << ErrorCorrection::Medium;
    QTest::newRow("vietnamese") << QString::fromUtf8("Thành phố Huế – Đại Nội").toUtf8()
                                << ErrorCorrection::Medium;
    QTest::newRow("vietqr") << vietQrLike() << ErrorCorrection::Medium;
    QTest::newRow("vietqr-high") << vietQrLike() << ErrorCorrection::High;
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    QTest::newRow("binary-all-bytes") << binary << ErrorCorrection::Low;
    QTest::newRow("invalid-utf8") << QByteArray("caf\xe9 \xc3\x28 \xed\xa0\x80")
                                  << ErrorCorrection::Quartile;
    QTest::newRow("nul-inside") << QByteArray("a\0b\0c", 5) << ErrorCorrection::Medium;
    QTest::newRow("one-byte") << QByteArray("x") << ErrorCorrection::Medium;
}

void TestQr::roundTrip()
{
    QFETCH(QByteArray, text);
    QFETCH(ErrorCorrection, ecc);

    const qr::QrMatrix matrix = qr::encode(text, ecc);
    QVERIFY2(!matrix.isNull(), qPrintable(matrix.errorString()));
    QCOMPARE(matrix.error(), EncodeError::None);
    QVERIFY(matrix.errorString().isEmpty());
    // Versions 1..40: 21 + 4 (v - 1) modules.
    QVERIFY(matrix.size() >= 21 && matrix.size() <= 177);
    QCOMPARE((matrix.size() - 21) % 4, 0);
    QCOMPARE(matrix.modules().size(), qsizetype(matrix.size()) * matrix.size());

    const QImage image = qr::toImage(matrix, 4, 4);
    QCOMPARE(image.width(), (matrix.size() + 8) * 4);
    const std::optional<QByteArray> decoded = qr::decode(image);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, text);
}

void TestQr::vietnameseIsUtf8()
{
    const QString text = QString::fromUtf8("Thành phố Huế – Đại Nội");
    const auto decoded = qr::decode(render(text.toUtf8()));
    QVERIFY(decoded);
    QCOMPARE(QString::fromUtf8(*decoded), text);
}

void TestQr::errorCorrectionGrowsSymbol()
{
    const QByteArray text = vietQrLike();
    const int low = qr::encode(text, ErrorCorrection::Low).size();
    const int medium = qr::encode(text, ErrorCorrection::Medium).size();
    const int quartile = qr::encode(text, ErrorCorrection::Quartile).size();
    const int high = qr::encode(text, ErrorCorrection::High).size();
    QVERIFY(low > 0);
    QVERIFY(low <= medium);
    QVERIFY(medium <= quartile);
    QVERIFY(quartile <= high);
    QVERIFY2(low < high, qPrintable(QStringLiteral("L %1, H %2").arg(low).arg(high)));
}

void TestQr::finderPatterns()
{
    const qr::QrMatrix matrix = qr::encode("finder", ErrorCorrection::Medium);
    QVERIFY(!matrix.isNull());
    const int n = matrix.size();
    // Three 7x7 finders: dark ring, light ring, dark 3x3 core; light separator around.
    const QList<QPoint> corners = {{0, 0}, {n - 7, 0}, {0, n - 7}};
    for (const QPoint &c : corners) {
        for (int dy = 0; dy < 7; ++dy) {
            for (int dx = 0; dx < 7; ++dx) {
                const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
                const bool expected = ring != 2;
                QVERIFY2(matrix.isDark(c.x() + dx, c.y() + dy) == expected,
                         qPrintable(QStringLiteral("finder at %1,%2 module %3,%4")
                                        .arg(c.x())
                                        .arg(c.y())
                                        .arg(dx)
                                        .arg(dy)));
            }
        }
    }
    QVERIFY(!matrix.isDark(7, 0));
    QVERIFY(!matrix.isDark(0, 7));
    // The bottom-right corner holds no finder.
    bool allDark = true;
    for (int i = 0; i < 7; ++i)
        allDark = allDark && matrix.isDark(n - 1 - i, n - 1);
    QVERIFY(!allDark);
    // Outside the symbol is light, not a crash.
    QVERIFY(!matrix.isDark(-1, 0));
    QVERIFY(!matrix.isDark(0, n));
}

void TestQr::emptyInput()
{
    const qr::QrMatrix matrix = qr::encode(QByteArray());
    QVERIFY(matrix.isNull());
    QCOMPARE(matrix.size(), 0);
    QCOMPARE(matrix.error(), EncodeError::EmptyInput);
    QVERIFY(!matrix.errorString().isEmpty());
    QVERIFY(qr::toImage(matrix).isNull());
}

void TestQr::tooLong_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<ErrorCorrection>("ecc");

    // Version 40 holds 2953 bytes at L, 2331 at M, 1663 at Q, 1273 at H (byte mode).
    QTest::newRow("2954 bytes, L") << QByteArray(2954, 'a') << ErrorCorrection::Low;
    QTest::newRow("2332 bytes, M") << QByteArray(2332, 'a') << ErrorCorrection::Medium;
    QTest::newRow("1664 bytes, Q") << QByteArray(1664, 'a') << ErrorCorrection::Quartile;
    QTest::newRow("1274 bytes, H") << QByteArray(1274, 'a') << ErrorCorrection::High;
    QTest::newRow("7090 digits, L") << QByteArray(7090, '7') << ErrorCorrection::Low;
    QTest::newRow("1 MB") << QByteArray(1 << 20, 'z') << ErrorCorrection::Low;
    QTest::newRow("1000 vietnamese")
        << QString(1000, QChar(0x1EBF)).toUtf8() << ErrorCorrection::Low;
    QTest::newRow("2954 binary") << QByteArray(2954, '\xff') << ErrorCorrection::Low;
}

void TestQr::tooLong()
{
    QFETCH(QByteArray, text);
    QFETCH(ErrorCorrection, ecc);
    const qr::QrMatrix matrix = qr::encode(text, ecc);
    QVERIFY(matrix.isNull());
    QCOMPARE(matrix.error(), EncodeError::TooLong);
    QVERIFY(matrix.errorString().contains(QStringLiteral("too long")));
}

void TestQr::largestFits()
{
    // (Read at 4 px per module: zxing 1.4's reader misses version 40 at exactly 2, which zbar
    // reads.)
    const qr::QrMatrix bytes = qr::encode(QByteArray(2953, 'a'), ErrorCorrection::Low);
    QCOMPARE(bytes.size(), 177);
    QCOMPARE(qr::decode(qr::toImage(bytes, 4, 4)).value_or(QByteArray()), QByteArray(2953, 'a'));
    const qr::QrMatrix digits = qr::encode(QByteArray(7089, '7'), ErrorCorrection::Low);
    QCOMPARE(digits.size(), 177);
}

void TestQr::toImageGeometry()
{
    const qr::QrMatrix matrix = qr::encode("geometry");
    const int n = matrix.size();
    const QImage image = qr::toImage(matrix, 3, 2, QColor(0x4B, 0x2A, 0x7B), Qt::yellow);
    QCOMPARE(image.size(), QSize((n + 4) * 3, (n + 4) * 3));
    // Quiet zone light, top-left module of the finder dark, each module a 3x3 square.
    QCOMPARE(image.pixel(0, 0), QColor(Qt::yellow).rgba());
    QCOMPARE(image.pixel(5, 5), QColor(Qt::yellow).rgba());
    for (int y = 6; y < 9; ++y) {
        for (int x = 6; x < 9; ++x)
            QCOMPARE(image.pixel(x, y), qRgb(0x4B, 0x2A, 0x7B));
    }
    // Second ring of the finder is light.
    QCOMPARE(image.pixel(6 + 3 + 1, 6 + 3 + 1), QColor(Qt::yellow).rgba());
    int dark = 0;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const bool isDark =
                image.pixel((x + 2) * 3 + 1, (y + 2) * 3 + 1) != QColor(Qt::yellow).rgba();
            QCOMPARE(isDark, matrix.isDark(x, y));
            dark += isDark;
        }
    }
    QVERIFY(dark > n * n / 4 && dark < n * n * 3 / 4);
    QVERIFY(qr::decode(image).has_value());
}

void TestQr::toImageRejects()
{
    const qr::QrMatrix matrix = qr::encode("x");
    QVERIFY(qr::toImage(matrix, 0).isNull());
    QVERIFY(qr::toImage(matrix, -3).isNull());
    QVERIFY(qr::toImage(matrix, 4, -1).isNull());
    QVERIFY(qr::toImage(matrix, 1000).isNull());
    QVERIFY(qr::toImage(matrix, 4, 1 << 30).isNull());
    QVERIFY(qr::toImage(qr::QrMatrix()).isNull());
    QVERIFY(!qr::toImage(matrix, 1, 0).isNull());
    QCOMPARE(qr::toImage(matrix, 1, 0).width(), matrix.size());
}

void TestQr::decodeNothing_data()
{
    QTest::addColumn<QImage>("image");

    QTest::newRow("null") << QImage();
    QImage white(400, 300, QImage::Format_RGB32);
    white.fill(Qt::white);
    QTest::newRow("white") << white;
    QImage black(200, 200, QImage::Format_Grayscale8);
    black.fill(0);
    QTest::newRow("black") << black;
    QRandomGenerator rng(20240611);
    QTest::newRow("noise-grey") << noise(rng, 320, 240, QImage::Format_Grayscale8);
    QTest::newRow("noise-rgb") << noise(rng, 641, 479, QImage::Format_RGB32);
    QTest::newRow("noise-mono") << noise(rng, 333, 222, QImage::Format_Mono);
    QTest::newRow("1x1") << noise(rng, 1, 1, QImage::Format_RGB888);
    QTest::newRow("thin") << noise(rng, 4000, 1, QImage::Format_Grayscale8);
    // The three finder patterns of a real code, everything else of it wiped.
    const qr::QrMatrix code = qr::encode("finders only");
    QImage finders = qr::toImage(code, 4, 4);
    const int last = code.size() - 8;
    for (int y = 0; y < code.size(); ++y) {
        for (int x = 0; x < code.size(); ++x) {
            const bool inFinder = (x < 8 && y < 8) || (x >= last && y < 8) || (x < 8 && y >= last);
            for (int py = 0; !inFinder && py < 4; ++py) {
                for (int px = 0; px < 4; ++px)
                    finders.setPixel((x + 4) * 4 + px, (y + 4) * 4 + py, qRgb(255, 255, 255));
            }
        }
    }
    QTest::newRow("finders-only") << finders;
    // A code drawn fully transparent over nothing is white on white.
    QTest::newRow("transparent-code")
        << qr::toImage(qr::encode("ghost"), 4, 4, QColor(0, 0, 0, 0), QColor(0, 0, 0, 0));
}

void TestQr::decodeNothing()
{
    QFETCH(QImage, image);
    QCOMPARE(qr::decode(image), std::nullopt);
}

void TestQr::decodeTransformed_data()
{
    QTest::addColumn<QImage>("image");
    const QImage base = render(vietQrLike());

    QTest::newRow("rotated 90") << base.transformed(QTransform().rotate(90));
    QTest::newRow("scaled 2.7 smooth")
        << base.scaled(base.size() * 2.7, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QTest::newRow("grey8") << base.convertToFormat(QImage::Format_Grayscale8);
    QTest::newRow("indexed") << base.convertToFormat(QImage::Format_Indexed8);
    QTest::newRow("rgb16") << base.convertToFormat(QImage::Format_RGB16);
    QTest::newRow("transparent light")
        << qr::toImage(qr::encode(vietQrLike()), 4, 4, Qt::black, QColor(0, 0, 0, 0));
    // A grab from a 2x screen: pixels count, not the logical size.
    QImage hiDpi = qr::toImage(qr::encode(vietQrLike()), 1, 4, Qt::black, QColor(0, 0, 0, 0));
    hiDpi.setDevicePixelRatio(2);
    QTest::newRow("transparent, 1 px modules, dpr 2") << hiDpi;
    QImage hiDpiOpaque = qr::toImage(qr::encode(vietQrLike()), 1, 4);
    hiDpiOpaque.setDevicePixelRatio(3);
    QTest::newRow("1 px modules, dpr 3") << hiDpiOpaque;
    QImage framed(base.width() + 300, base.height() + 200, QImage::Format_RGB32);
    framed.fill(QColor(0xF6, 0xF4, 0xF9));
    {
        QPainter painter(&framed);
        painter.drawImage(170, 60, base);
    }
    QTest::newRow("inside a page") << framed;
}

void TestQr::decodeTransformed()
{
    QFETCH(QImage, image);
    QCOMPARE(qr::decode(image).value_or(QByteArray("<none>")), vietQrLike());
}

void TestQr::decodeTooLarge()
{
    QImage wide(qr::MaxDecodeSide + 1, 1, QImage::Format_Grayscale8);
    wide.fill(255);
    QCOMPARE(qr::decode(wide), std::nullopt);
    // Within the side limit but over the pixel budget: refused before any work.
    QImage big(5000, 5000, QImage::Format_Grayscale8);
    QVERIFY(!big.isNull());
    big.fill(255);
    const QImage code = render("too big to search");
    for (int y = 0; y < code.height(); ++y) {
        for (int x = 0; x < code.width(); ++x)
            big.scanLine(y)[x] = uchar(qGray(code.pixel(x, y)));
    }
    QCOMPARE(qr::decode(big), std::nullopt);
    // The same code in an image inside the budget is found.
    QCOMPARE(qr::decode(big.copy(0, 0, 4000, 4000)), QByteArray("too big to search"));
}

void TestQr::independentReader_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("url") << QByteArray("https://id.hue.gov.vn/device?user_code=WDJB-MJHT");
    QTest::newRow("vietnamese") << QString::fromUtf8("Thành phố Huế – Đại Nội").toUtf8();
    QTest::newRow("vietqr") << vietQrLike();
}

// zbar, a reader written by other people, reads what we write (UTF-8 marked with ECI).
void TestQr::independentReader()
{
    QFETCH(QByteArray, text);
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbarimg.isEmpty())
        QSKIP("zbarimg not installed (zbar-tools)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("code.png"));
    QVERIFY(render(text).save(file));
    QProcess zbar;
    zbar.start(zbarimg, {QStringLiteral("--quiet"), QStringLiteral("--raw"), file});
    QVERIFY(zbar.waitForFinished(30000));
    QCOMPARE(zbar.exitCode(), 0);
    QByteArray out = zbar.readAllStandardOutput();
    if (out.endsWith('\n'))
        out.chop(1);
    QCOMPARE(out, text);
}

void TestQr::fuzzRandomImages()
{
    QRandomGenerator rng(0x51C0DE);
    const QList<QImage::Format> formats = {QImage::Format_Mono,
                                           QImage::Format_MonoLSB,
                                           QImage::Format_Indexed8,
                                           QImage::Format_RGB32,
                                           QImage::Format_ARGB32,
                                           QImage::Format_RGB16,
                                           QImage::Format_RGB888,
                                           QImage::Format_Alpha8,
                                           QImage::Format_Grayscale8,
                                           QImage::Format_Grayscale16,
                                           QImage::Format_RGBA64,
                                           QImage::Format_BGR30,
                                           QImage::Format_ARGB32_Premultiplied};
    int found = 0;
    for (int i = 0; i < 150; ++i) {
        const int w = int(rng.bounded(1, 400));
        const int h = int(rng.bounded(1, 400));
        const QImage image = noise(rng, w, h, formats.at(int(rng.bounded(formats.size()))));
        found += qr::decode(image).has_value();
    }
    QCOMPARE(found, 0);
}

void TestQr::fuzzMutatedCodes()
{
    QRandomGenerator rng(20250101);
    const QByteArray text = vietQrLike();
    const QImage base =
        render(text, ErrorCorrection::Quartile).convertToFormat(QImage::Format_Grayscale8);
    int intact = 0;
    int wrong = 0;
    for (int i = 0; i < 120; ++i) {
        QImage image = base.copy();
        switch (i % 4) {
        case 0: // flip random pixels
            for (int k = 0, n = int(rng.bounded(1, 4000)); k < n; ++k) {
                uchar *p =
                    image.scanLine(int(rng.bounded(image.height()))) + rng.bounded(image.width());
                *p = uchar(255 - *p);
            }
            break;
        case 1: // blot out a rectangle
            for (int y = int(rng.bounded(image.height())), h = int(rng.bounded(1, 80));
                 y < std::min(image.height(), y + h); ++y)
                std::memset(image.scanLine(y), int(rng.bounded(2)) * 255,
                            size_t(image.bytesPerLine()));
            break;
        case 2: // crop anywhere, possibly through the code
            image =
                image.copy(int(rng.bounded(image.width())), int(rng.bounded(image.height())),
                           int(rng.bounded(1, image.width())), int(rng.bounded(1, image.height())));
            break;
        case 3: // overwrite random bytes of a row with random values
            for (int k = 0, n = int(rng.bounded(1, 2000)); k < n; ++k)
                image.scanLine(int(rng.bounded(image.height())))[rng.bounded(image.width())] =
                    uchar(rng.bounded(256));
            break;
        }
        const auto decoded = qr::decode(image);
        if (decoded) {
            ++intact;
            wrong += *decoded != text;
        }
    }
    // Reed-Solomon either repairs the damage or the read fails; never a different payload.
    QCOMPARE(wrong, 0);
    QVERIFY2(intact > 0, "error correction should survive some of the damage");
}

QTEST_GUILESS_MAIN(TestQr)
#include "tst_qr.moc"
