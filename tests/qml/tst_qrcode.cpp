// The QrCode element of Hues.Services: drawn in a real window, grabbed, and read back with
// qr::decode; crisp (whole-pixel modules, only its two colours) at any size and pixel ratio.
#include "QrCodeItem.h"
#include "qr/QrCode.h"

#include <QAccessible>
#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(Hues_ServicesPlugin)

using hues::QrCodeItem;

namespace {

const QColor pageColour(0xF6, 0xF4, 0xF9);

QByteArray deviceGrantUri()
{
    return QByteArrayLiteral("https://id.hue.gov.vn/realms/hue/device?user_code=WDJB-MJHT");
}

QByteArray vietQrLike()
{
    return QByteArrayLiteral("00020101021238570010A00000072701270006970436011300110123456780208"
                             "QRIBFTTA53037045406250005802VN5914BUN BO HUE O XUAN6003HUE"
                             "62260822HUES HOA DON 2024 0001630445B2");
}

// Where the code square is in a grab, and whether every pixel is one of the expected colours.
struct Scan
{
    QRect box;           // bounding box of pixels that are not the page colour
    int strayPixels = 0; // pixels that are neither page, dark nor light colour
};

Scan scan(const QImage &image, QColor dark, QColor light)
{
    Scan result;
    const QRgb page = pageColour.rgb();
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y) | 0xFF000000;
            if (p == page)
                continue;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
            if (p != dark.rgb() && p != light.rgb())
                ++result.strayPixels;
        }
    }
    if (right >= 0)
        result.box = QRect(QPoint(left, top), QPoint(right, bottom));
    return result;
}

} // namespace

class TestQrCode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void scannable_data();
    void scannable();
    void crispAtAnySize_data();
    void crispAtAnySize();
    void followsTextAndErrorCorrection();
    void colours();
    void emptyAndTooLong();
    void accessible();

private:
    QrCodeItem *create(const QString &properties, QSizeF size = QSizeF(300, 300));
    QImage grab();

    QQmlEngine *m_engine = nullptr;
    std::unique_ptr<QQuickWindow> m_window;
    std::unique_ptr<QQuickItem> m_root;
    int m_grabs = 0;
};

void TestQrCode::initTestCase()
{
    m_engine = new QQmlEngine(this);
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
}

void TestQrCode::init()
{
    m_window = std::make_unique<QQuickWindow>();
    m_window->setColor(pageColour);
    m_window->resize(420, 420);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestQrCode::cleanup()
{
    m_root.reset();
    m_window.reset();
}

// A QrCode with the given QML property lines, centred in the window (so usually at a
// fractional position).
QrCodeItem *TestQrCode::create(const QString &properties, QSizeF size)
{
    QQmlComponent component(m_engine);
    const QString qml = QStringLiteral("import QtQuick\nimport Hues.Services\n"
                                       "Item { anchors.fill: parent\n"
                                       "  QrCode { objectName: \"code\"; anchors.centerIn: parent\n"
                                       "    width: %1; height: %2\n%3\n  }\n}\n")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(properties);
    component.setData(qml.toUtf8(), QUrl(QStringLiteral("qrc:/tst_qrcode/Test.qml")));
    m_root.reset(qobject_cast<QQuickItem *>(component.create()));
    if (!m_root) {
        qWarning() << component.errors();
        return nullptr;
    }
    m_root->setParentItem(m_window->contentItem());
    return m_root->findChild<QrCodeItem *>(QStringLiteral("code"));
}

QImage TestQrCode::grab()
{
    // grabWindow renders the current state of the scene synchronously.
    const QImage image = m_window->grabWindow();
    // For people: HUES_TEST_GRAB_DIR=dir keeps every grab as a PNG.
    const QString dir = qEnvironmentVariable("HUES_TEST_GRAB_DIR");
    if (!dir.isEmpty()) {
        QString name = QString::fromLatin1(QTest::currentTestFunction());
        if (QTest::currentDataTag())
            name += QLatin1Char('-') + QString::fromLatin1(QTest::currentDataTag());
        name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]+")), QStringLiteral("_"));
        image.save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name).arg(++m_grabs)));
    }
    return image;
}

void TestQrCode::scannable_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("ecc");
    QTest::newRow("device grant") << deviceGrantUri() << QStringLiteral("Medium");
    QTest::newRow("vietnamese") << QString::fromUtf8("Thành phố Huế – Đại Nội").toUtf8()
                                << QStringLiteral("Quartile");
    QTest::newRow("vietqr, high") << vietQrLike() << QStringLiteral("High");
    QTest::newRow("vietqr, low") << vietQrLike() << QStringLiteral("Low");
}

void TestQrCode::scannable()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, ecc);
    QrCodeItem *code = create(QStringLiteral("text: \"%1\"; errorCorrection: QrCode.%2")
                                  .arg(QString::fromUtf8(text), ecc));
    QVERIFY(code);
    QVERIFY(code->isValid());
    QCOMPARE(code->text(), QString::fromUtf8(text));
    QCOMPARE(code->property("errorCorrection").toString(), ecc);

    const QImage image = grab();
    QVERIFY(!image.isNull());
    QCOMPARE(qr::decode(image).value_or(QByteArray("<nothing read>")), text);
    // The item draws the same symbol core makes.
    const qr::QrMatrix matrix =
        qr::encode(text, static_cast<qr::ErrorCorrection>(int(code->errorCorrection())));
    QCOMPARE(code->moduleCount(), matrix.size());
}

void TestQrCode::crispAtAnySize_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("300x300") << QSizeF(300, 300);
    QTest::newRow("fractional 251.5x263.25") << QSizeF(251.5, 263.25);
    QTest::newRow("wide 400x180") << QSizeF(400, 180);
    QTest::newRow("implicit") << QSizeF();
    QTest::newRow("too small 30x30") << QSizeF(30, 30);
}

void TestQrCode::crispAtAnySize()
{
    QFETCH(QSizeF, size);
    const bool implicit = size.isEmpty();
    QrCodeItem *code =
        create(QStringLiteral("text: \"%1\"").arg(QString::fromLatin1(deviceGrantUri())),
               implicit ? QSizeF(1, 1) : size);
    QVERIFY(code);
    const int total = code->moduleCount() + 2 * QrCodeItem::QuietZone;
    if (implicit) {
        // Drop the explicit size: the implicit one applies.
        code->resetWidth();
        code->resetHeight();
        QCOMPARE(code->width(), qreal(total * QrCodeItem::ImplicitModuleSize));
        QCOMPARE(code->height(), code->width());
    }

    const QImage image = grab();
    const qreal dpr = m_window->effectiveDevicePixelRatio();
    QCOMPARE(image.width(), qRound(m_window->width() * dpr));
    const Scan s = scan(image, Qt::black, Qt::white);
    QCOMPARE(s.strayPixels, 0);
    const int fits = int(std::floor(std::min(code->width(), code->height()) * dpr + 1e-6)) / total;
    if (fits < 1) {
        // Not one pixel per module: a cut-off code would mislead a scanner, so none is drawn.
        QVERIFY(code->isValid());
        QVERIFY(!s.box.isValid());
        return;
    }
    QVERIFY(s.box.isValid());
    QCOMPARE(s.box.width(), s.box.height());
    // A whole number of pixels per module, as large as fits (at least one).
    QCOMPARE(s.box.width() % total, 0);
    const int module = s.box.width() / total;
    QCOMPARE(module, fits);
    // Centred in the item, to within a pixel.
    const QPointF centre = code->mapToScene(QPointF(code->width() / 2, code->height() / 2)) * dpr;
    QVERIFY2(std::abs(s.box.center().x() + 0.5 - centre.x()) <= 1.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(s.box.center().x()).arg(centre.x())));
    QVERIFY(std::abs(s.box.center().y() + 0.5 - centre.y()) <= 1.0);
    QCOMPARE(qr::decode(image).value_or(QByteArray()), deviceGrantUri());
    // Each module is a uniform square: sample its corners.
    const QPoint origin =
        s.box.topLeft() + QPoint(QrCodeItem::QuietZone, QrCodeItem::QuietZone) * module;
    const qr::QrMatrix matrix = qr::encode(deviceGrantUri());
    for (int y = 0; y < matrix.size(); ++y) {
        for (int x = 0; x < matrix.size(); ++x) {
            const QRgb want = matrix.isDark(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255);
            const QPoint tl = origin + QPoint(x, y) * module;
            QCOMPARE(image.pixel(tl) | 0xFF000000, want);
            QCOMPARE(image.pixel(tl + QPoint(module - 1, module - 1)) | 0xFF000000, want);
        }
    }
}

void TestQrCode::followsTextAndErrorCorrection()
{
    QrCodeItem *code = create(QStringLiteral("text: \"first\""));
    QVERIFY(code);
    QCOMPARE(qr::decode(grab()).value_or(QByteArray()), QByteArray("first"));

    QSignalSpy matrixSpy(code, &QrCodeItem::matrixChanged);
    QSignalSpy textSpy(code, &QrCodeItem::textChanged);
    code->setText(QString::fromLatin1(vietQrLike()));
    QCOMPARE(textSpy.count(), 1);
    QCOMPARE(matrixSpy.count(), 1);
    QCOMPARE(qr::decode(grab()).value_or(QByteArray()), vietQrLike());
    code->setText(QString::fromLatin1(vietQrLike()));
    QCOMPARE(textSpy.count(), 1);

    const int mediumModules = code->moduleCount();
    const QSizeF mediumImplicit(code->implicitWidth(), code->implicitHeight());
    code->setErrorCorrection(QrCodeItem::High);
    QCOMPARE(matrixSpy.count(), 2);
    QVERIFY(code->moduleCount() > mediumModules);
    QVERIFY(code->implicitWidth() > mediumImplicit.width());
    QCOMPARE(qr::decode(grab()).value_or(QByteArray()), vietQrLike());

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("unknown errorCorrection"));
    code->setErrorCorrection(static_cast<QrCodeItem::ErrorCorrection>(42));
    QCOMPARE(code->errorCorrection(), QrCodeItem::High);
}

void TestQrCode::colours()
{
    // Hues' imperial purple on a pale container still reads, and only those colours appear.
    const QColor dark(0x4B, 0x2A, 0x7B);
    const QColor light(0xFB, 0xF3, 0xDA);
    QrCodeItem *code =
        create(QStringLiteral("text: \"%1\"; darkColor: \"%2\"; lightColor: \"%3\"")
                   .arg(QString::fromLatin1(deviceGrantUri()), dark.name(), light.name()));
    QVERIFY(code);
    QCOMPARE(code->darkColor(), dark);
    const QImage image = grab();
    QCOMPARE(scan(image, dark, light).strayPixels, 0);
    QCOMPARE(qr::decode(image).value_or(QByteArray()), deviceGrantUri());

    QSignalSpy spy(code, &QrCodeItem::darkColorChanged);
    code->setDarkColor(Qt::darkGreen);
    QCOMPARE(spy.count(), 1);
    const QImage green = grab();
    QCOMPARE(scan(green, Qt::darkGreen, light).strayPixels, 0);
    QVERIFY(scan(green, dark, light).strayPixels > 0);
}

void TestQrCode::emptyAndTooLong()
{
    QrCodeItem *code = create(QString());
    QVERIFY(code);
    QVERIFY(!code->isValid());
    QCOMPARE(code->moduleCount(), 0);
    QVERIFY(code->errorString().isEmpty()); // no text yet is not an error
    QCOMPARE(code->implicitWidth(), 0.0);
    QVERIFY(!scan(grab(), Qt::black, Qt::white).box.isValid()); // nothing drawn

    code->setText(QStringLiteral("ok"));
    QVERIFY(code->isValid());
    QVERIFY(code->implicitWidth() > 0);

    QSignalSpy spy(code, &QrCodeItem::matrixChanged);
    code->setText(QString(3000, QLatin1Char('a')));
    QCOMPARE(spy.count(), 1);
    QVERIFY(!code->isValid());
    QCOMPARE(code->errorString(), qr::errorString(qr::EncodeError::TooLong));
    QCOMPARE(code->implicitWidth(), 0.0);
    // The previous code is gone: nothing half-valid stays on screen.
    QVERIFY(!scan(grab(), Qt::black, Qt::white).box.isValid());
}

void TestQrCode::accessible()
{
    QrCodeItem *code =
        create(QStringLiteral("text: \"%1\"").arg(QString::fromLatin1(deviceGrantUri())));
    QVERIFY(code);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(code);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::Graphic);
    QCOMPARE(iface->text(QAccessible::Description), QString::fromLatin1(deviceGrantUri()));
    code->setText(QStringLiteral("changed"));
    QCOMPARE(iface->text(QAccessible::Description), QStringLiteral("changed"));
}

QTEST_MAIN(TestQrCode)
#include "tst_qrcode.moc"
