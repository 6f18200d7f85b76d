// ScannerView.qml (Hues.App) in a real window, offscreen: the empty state where the machine has
// no camera, the "Pick an image" button, a picked picture's code given once through
// scanned(payload), and a failure's reason shown and cleared.
#include "qr/QrCode.h"

#include <QAudioDevice>
#include <QCameraDevice>
#include <QMediaDevices>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Hues_ServicesPlugin)
Q_IMPORT_QML_PLUGIN(Hues_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hues_AppPlugin)

namespace {

const QByteArray kPayload = QByteArrayLiteral(
    "00020101021138570010A00000072701270006970415011311330066600000208QRIBFTTA5303704"
    "5802VN5921QUAN BUN BO HUE ME KEO6003HUE63041D3A");

QQuickItem *find(QQuickItem *root, const char *name)
{
    return root->findChild<QQuickItem *>(QLatin1String(name));
}

bool shown(QQuickItem *item)
{
    return item && item->isVisible() && item->width() > 0 && item->height() > 0;
}

} // namespace

class TestScannerView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyStateAndPickButton();
    void pickedPicture();
    void pickedFailureShownAndReset();

private:
    QQuickItem *load(QQuickView &view);
    QTemporaryDir m_dir;
};

void TestScannerView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile qml(m_dir.filePath(QStringLiteral("Host.qml")));
    QVERIFY(qml.open(QIODevice::WriteOnly));
    qml.write("import QtQuick\nimport Hues.App\n"
              "Item {\n width: 420; height: 720\n"
              " ScannerView { objectName: \"scannerView\"; anchors.fill: parent }\n}\n");
}

QQuickItem *TestScannerView::load(QQuickView &view)
{
    view.engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
    view.setSource(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("Host.qml"))));
    if (view.status() != QQuickView::Ready) {
        qWarning() << view.errors();
        return nullptr;
    }
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return nullptr;
    return find(view.rootObject(), "scannerView");
}

void TestScannerView::emptyStateAndPickButton()
{
    QQuickView view;
    QQuickItem *scanner = load(view);
    QVERIFY(scanner);
    const bool hasCamera = !QMediaDevices::videoInputs().isEmpty();
    QCOMPARE(scanner->property("hasCamera").toBool(), hasCamera);
    QCOMPARE(shown(find(scanner, "scannerNoCamera")), !hasCamera);
    QCOMPARE(shown(find(scanner, "scannerViewfinder")), hasCamera);
    QCOMPARE(shown(find(scanner, "scannerAim")), hasCamera);
    QQuickItem *pick = find(scanner, "scannerPickImage");
    QVERIFY(shown(pick));
    QVERIFY(pick->isEnabled());
    // Large enough to hit: at least one and a quarter touch targets high.
    QVERIFY(pick->height() >= 48 * 1.25 - 1);
    QVERIFY(!shown(find(scanner, "scannerError")));
}

void TestScannerView::pickedPicture()
{
    const QString file = m_dir.filePath(QStringLiteral("shop.png"));
    QVERIFY(qr::toImage(qr::encode(kPayload), 6, 4).save(file));
    QQuickView view;
    QQuickItem *scanner = load(view);
    QVERIFY(scanner);
    QObject *reader = scanner->findChild<QObject *>(QStringLiteral("qrScanner"));
    QVERIFY(reader);
    QSignalSpy scanned(scanner, SIGNAL(scanned(QString)));
    // What the file dialog's onAccepted does with the chosen file.
    QVERIFY(
        QMetaObject::invokeMethod(reader, "decodeImage", Q_ARG(QUrl, QUrl::fromLocalFile(file))));
    QTRY_COMPARE(scanned.count(), 1);
    QCOMPARE(scanned.at(0).at(0).toString(), QString::fromLatin1(kPayload));
    QCOMPARE(scanner->property("error").toString(), QString());
    QVERIFY(!scanner->property("busy").toBool());
}

void TestScannerView::pickedFailureShownAndReset()
{
    const QString file = m_dir.filePath(QStringLiteral("notes.jpg"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a picture");
    }
    QQuickView view;
    QQuickItem *scanner = load(view);
    QVERIFY(scanner);
    QObject *reader = scanner->findChild<QObject *>(QStringLiteral("qrScanner"));
    QVERIFY(reader);
    QSignalSpy scanned(scanner, SIGNAL(scanned(QString)));
    QVERIFY(
        QMetaObject::invokeMethod(reader, "decodeImage", Q_ARG(QUrl, QUrl::fromLocalFile(file))));
    QTRY_VERIFY(shown(find(scanner, "scannerError")));
    QCOMPARE(scanner->property("error").toString(), QStringLiteral("This file is not a picture."));
    QCOMPARE(scanned.count(), 0);
    QVERIFY(QMetaObject::invokeMethod(scanner, "reset"));
    QCOMPARE(scanner->property("error").toString(), QString());
    QTRY_VERIFY(!shown(find(scanner, "scannerError")));
}

QTEST_MAIN(TestScannerView)
#include "tst_scannerview.moc"
