// qr::QrScanner: camera frames through a real QVideoSink (a clip made with ffmpeg from a generated
// QR code, played by QMediaPlayer: the camera stand-in on machines without a camera), each frame
// format's luma path, throttling, and picked pictures.
#include "qr/QrCode.h"
#include "qr/QrScanner.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QMediaPlayer>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <cstring>
#include <memory>

using qr::QrScanner;

namespace {

// A VietQR-shaped payload (NAPAS GUID, BIN 970436, an amount, a purpose, CRC last).
const QString kPayload = QStringLiteral(
    "00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA530370454065000"
    "05802VN62150811HOA DON 12363049A1C");

QImage qrImage(const QString &text, int moduleSize = 4)
{
    return qr::toImage(qr::encode(text.toUtf8()), moduleSize, 4);
}

// A grey, noisy 640x360 picture like a camera's, with the code drawn at `at` if not null.
QImage scene(const QImage &code, QPoint at, quint32 seed)
{
    QImage image(640, 360, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int v = 90 + int(rng.bounded(80)) + (x + y) / 16;
            line[x] = qRgb(v, v, v);
        }
    }
    if (!code.isNull()) {
        QPainter painter(&image);
        painter.drawImage(at, code);
    }
    return image;
}

uchar lumaOf(QRgb rgb)
{
    return uchar((306 * qRed(rgb) + 601 * qGreen(rgb) + 117 * qBlue(rgb) + 0x200) >> 10);
}

// The picture as a video frame of `format`, written the way a camera driver lays it out.
QVideoFrame frameOf(const QImage &source, QVideoFrameFormat::PixelFormat format)
{
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    QVideoFrame frame(QVideoFrameFormat(image.size(), format));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int w = image.width();
    const int h = image.height();
    for (int y = 0; y < h; ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        uchar *out = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
        for (int x = 0; x < w; ++x) {
            const uchar luma = lumaOf(in[x]);
            switch (format) {
            case QVideoFrameFormat::Format_NV12:
            case QVideoFrameFormat::Format_NV21:
            case QVideoFrameFormat::Format_YUV420P:
            case QVideoFrameFormat::Format_YUV422P:
            case QVideoFrameFormat::Format_Y8:
                out[x] = luma;
                break;
            case QVideoFrameFormat::Format_YUYV:
                out[2 * x] = luma;
                out[2 * x + 1] = 128;
                break;
            case QVideoFrameFormat::Format_UYVY:
                out[2 * x] = 128;
                out[2 * x + 1] = luma;
                break;
            case QVideoFrameFormat::Format_P010: { // 10 bits at the top of a little-endian word
                const quint16 v = quint16(luma << 8);
                out[2 * x] = uchar(v & 0xff);
                out[2 * x + 1] = uchar(v >> 8);
                break;
            }
            case QVideoFrameFormat::Format_BGRA8888:
            case QVideoFrameFormat::Format_BGRX8888:
                out[4 * x] = uchar(qBlue(in[x]));
                out[4 * x + 1] = uchar(qGreen(in[x]));
                out[4 * x + 2] = uchar(qRed(in[x]));
                out[4 * x + 3] = 255;
                break;
            case QVideoFrameFormat::Format_RGBA8888:
                out[4 * x] = uchar(qRed(in[x]));
                out[4 * x + 1] = uchar(qGreen(in[x]));
                out[4 * x + 2] = uchar(qBlue(in[x]));
                out[4 * x + 3] = 255;
                break;
            default:
                return {};
            }
        }
    }
    // Chroma planes: neutral grey.
    for (int plane = 1; plane < frame.planeCount(); ++plane)
        std::memset(frame.bits(plane), 128, size_t(frame.mappedBytes(plane)));
    frame.unmap();
    return frame;
}

} // namespace

class TestQrScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void frameFormats_data();
    void frameFormats();
    void frameWithoutCode();
    void fullHdFrameAtHalfResolution();
    void hostileFrames();

    void throttlesAndDropsWhileBusy();
    void reportsEachCodeOnceUntilReset();
    void inactiveIgnoresFrames();
    void destroyedWhileDecoding();

    void clipFindsCodeOnce();
    void clipWithoutCodeFindsNothing();

    void pickedScreenshot();
    void pickedLargePhoto();
    void pickedFailures_data();
    void pickedFailures();
    void pickedRemoteUrl();

private:
    // Makes an H.264 clip with ffmpeg: 4 s at 15 fps of a noisy background, the code (if any)
    // appearing at 1.5 s, then moving right and growing.
    QString makeClip(const QString &name, bool withCode);
    // Plays the clip into a QVideoSink the scanner reads, to its end, and waits for the last
    // decode to finish.
    // Sets playedMs to the time it played.
    void play(const QString &clip, QrScanner &scanner, qint64 &playedMs);

    QTemporaryDir m_dir;
    QString m_ffmpeg;
};

void TestQrScanner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    QVERIFY2(!m_ffmpeg.isEmpty(), "ffmpeg is missing: run scripts/deps.sh");
}

void TestQrScanner::frameFormats_data()
{
    QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
    QTest::newRow("NV12") << QVideoFrameFormat::Format_NV12;
    QTest::newRow("NV21") << QVideoFrameFormat::Format_NV21;
    QTest::newRow("YUV420P") << QVideoFrameFormat::Format_YUV420P;
    QTest::newRow("YUV422P") << QVideoFrameFormat::Format_YUV422P;
    QTest::newRow("Y8") << QVideoFrameFormat::Format_Y8;
    QTest::newRow("YUYV") << QVideoFrameFormat::Format_YUYV;
    QTest::newRow("UYVY") << QVideoFrameFormat::Format_UYVY;
    QTest::newRow("P010") << QVideoFrameFormat::Format_P010;
    QTest::newRow("BGRA8888 (converted)") << QVideoFrameFormat::Format_BGRA8888;
    QTest::newRow("BGRX8888 (converted)") << QVideoFrameFormat::Format_BGRX8888;
    QTest::newRow("RGBA8888 (converted)") << QVideoFrameFormat::Format_RGBA8888;
}

void TestQrScanner::frameFormats()
{
    QFETCH(QVideoFrameFormat::PixelFormat, format);
    const QVideoFrame frame = frameOf(scene(qrImage(kPayload), QPoint(200, 40), 1), format);
    QVERIFY(frame.isValid());
    QCOMPARE(frame.pixelFormat(), format);
    const std::optional<QString> text = QrScanner::decodeFrame(frame);
    QVERIFY(text);
    QCOMPARE(*text, kPayload);
}

void TestQrScanner::frameWithoutCode()
{
    for (auto format : {QVideoFrameFormat::Format_NV12, QVideoFrameFormat::Format_BGRA8888}) {
        const QVideoFrame frame = frameOf(scene({}, {}, 2), format);
        QVERIFY(frame.isValid());
        QVERIFY(!QrScanner::decodeFrame(frame));
    }
}

void TestQrScanner::fullHdFrameAtHalfResolution()
{
    // 1080p, the code about 400 px wide: Glance reads every second pixel in place and finds it.
    QImage picture = scene({}, {}, 9).scaled(1920, 1080);
    {
        QPainter painter(&picture);
        painter.drawImage(QPoint(811, 333), qrImage(kPayload, 7));
    }
    const QVideoFrame frame = frameOf(picture, QVideoFrameFormat::Format_NV12);
    for (qr::Effort effort : {qr::Effort::Glance, qr::Effort::Fast, qr::Effort::Thorough}) {
        const std::optional<QString> text = QrScanner::decodeFrame(frame, effort);
        QVERIFY(text);
        QCOMPARE(*text, kPayload);
    }
    QVERIFY(!QrScanner::decodeFrame(
        frameOf(scene({}, {}, 9).scaled(1920, 1080), QVideoFrameFormat::Format_NV12),
        qr::Effort::Glance));
}

void TestQrScanner::hostileFrames()
{
    QVERIFY(!QrScanner::decodeFrame(QVideoFrame()));
    // A 1x1 frame and an odd-sized frame: no code, no crash.
    QVERIFY(!QrScanner::decodeFrame(frameOf(QImage(1, 1, QImage::Format_RGB32), //
                                            QVideoFrameFormat::Format_Y8)));
    QImage odd(33, 17, QImage::Format_RGB32);
    odd.fill(Qt::black);
    QVERIFY(!QrScanner::decodeFrame(frameOf(odd, QVideoFrameFormat::Format_NV12)));
    // A frame in a format the scanner does not read in place goes through Qt's conversion.
    QVideoFrame jpeg(QVideoFrameFormat(QSize(64, 64), QVideoFrameFormat::Format_Jpeg));
    QVERIFY(!QrScanner::decodeFrame(jpeg));
}

void TestQrScanner::throttlesAndDropsWhileBusy()
{
    QrScanner scanner;
    QCOMPARE(scanner.minimumInterval(), QrScanner::DefaultMinimumInterval);
    scanner.setMinimumInterval(60 * 1000);
    QVideoSink sink;
    scanner.setVideoSink(&sink);
    QCOMPARE(scanner.videoSink(), &sink);
    QSignalSpy decoded(&scanner, &QrScanner::decoded);

    // QVideoSink passes a frame on only when it differs from the last one: two, in turn.
    const QImage picture = scene(qrImage(kPayload), QPoint(100, 60), 3);
    const QVideoFrame frames[] = {frameOf(picture, QVideoFrameFormat::Format_NV12),
                                  frameOf(picture, QVideoFrameFormat::Format_NV12)};
    for (int i = 0; i < 30; ++i)
        sink.setVideoFrame(frames[i % 2]);
    QTRY_COMPARE(decoded.count(), 1);
    QCOMPARE(decoded.at(0).at(0).toString(), kPayload);
    const QrScanner::Stats stats = scanner.stats();
    QCOMPARE(stats.framesReceived, 30);
    QCOMPARE(stats.framesDecoded, 1);
    QCOMPARE(stats.framesDropped, 29);
    QVERIFY(stats.lastDecodeMs > 0);
    // The decode ran on the scanner's worker, not here; busy is only for picked pictures.
    QVERIFY(!scanner.isBusy());

    // Without the interval every frame is decoded, one at a time.
    scanner.setMinimumInterval(0);
    for (int i = 0; i < 5; ++i) {
        const qint64 before = scanner.stats().framesDecoded;
        sink.setVideoFrame(frames[i % 2]);
        QTRY_COMPARE(scanner.stats().framesDone, before + 1);
    }
    QCOMPARE(scanner.stats().framesDecoded, 6);
    QCOMPARE(decoded.count(), 1); // the same code: reported once
}

void TestQrScanner::reportsEachCodeOnceUntilReset()
{
    QrScanner scanner;
    scanner.setMinimumInterval(0);
    QVideoSink sink;
    scanner.setVideoSink(&sink);
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    const QString other = QStringLiteral("HUES-KIOSK-LOGIN:7f3a9c");
    const QImage first = scene(qrImage(kPayload), QPoint(100, 60), 4);
    const QImage second = scene(qrImage(other, 6), QPoint(300, 80), 5);

    auto push = [&](const QImage &picture) {
        const qint64 before = scanner.stats().framesDone;
        sink.setVideoFrame(frameOf(picture, QVideoFrameFormat::Format_NV12)); // a new frame
        QTRY_COMPARE(scanner.stats().framesDone, before + 1);
        QCoreApplication::processEvents(); // deliver a result posted by the worker
    };
    push(first);
    push(first);
    push(second);
    push(first);
    QCOMPARE(decoded.count(), 2);
    QCOMPARE(decoded.at(0).at(0).toString(), kPayload);
    QCOMPARE(decoded.at(1).at(0).toString(), other);
    scanner.reset();
    push(first);
    QCOMPARE(decoded.count(), 3);
    QCOMPARE(decoded.at(2).at(0).toString(), kPayload);
}

void TestQrScanner::inactiveIgnoresFrames()
{
    QrScanner scanner;
    scanner.setMinimumInterval(0);
    QSignalSpy activeChanged(&scanner, &QrScanner::activeChanged);
    scanner.setActive(false);
    QCOMPARE(activeChanged.count(), 1);
    QVERIFY(!scanner.isActive());
    QVideoSink sink;
    scanner.setVideoSink(&sink);
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    sink.setVideoFrame(
        frameOf(scene(qrImage(kPayload), QPoint(100, 60), 6), QVideoFrameFormat::Format_NV12));
    QCOMPARE(scanner.stats().framesReceived, 0);
    scanner.setActive(true);
    sink.setVideoFrame(
        frameOf(scene(qrImage(kPayload), QPoint(100, 60), 6), QVideoFrameFormat::Format_NV12));
    QTRY_COMPARE(decoded.count(), 1);
    // Detached from the sink: frames no longer arrive.
    scanner.setVideoSink(nullptr);
    sink.setVideoFrame(
        frameOf(scene(qrImage(kPayload), QPoint(100, 60), 6), QVideoFrameFormat::Format_NV12));
    QCOMPARE(scanner.stats().framesReceived, 1);
}

void TestQrScanner::destroyedWhileDecoding()
{
    // Frames keep coming from the sink while the scanner goes, with a decode in flight and a
    // result queued: nothing reaches the dead scanner (ASan/TSan builds watch this).
    QVideoSink sink;
    const QImage picture = scene(qrImage(kPayload), QPoint(100, 60), 7);
    qint64 decodesStarted = 0;
    for (int round = 0; round < 20; ++round) {
        auto scanner = std::make_unique<QrScanner>();
        QSignalSpy decoded(scanner.get(), &QrScanner::decoded);
        scanner->setMinimumInterval(0);
        scanner->setVideoSink(&sink);
        sink.setVideoFrame(frameOf(picture, QVideoFrameFormat::Format_NV12));
        if (round % 2)
            scanner->decodeImage(QUrl::fromLocalFile(QStringLiteral("/nonexistent.png")));
        decodesStarted += scanner->stats().framesDecoded;
        scanner.reset();
        QCOMPARE(decoded.count(), 0); // nothing was delivered synchronously
        sink.setVideoFrame(frameOf(picture, QVideoFrameFormat::Format_NV12));
    }
    QCoreApplication::processEvents();
    QCOMPARE(decodesStarted, 20);
}

QString TestQrScanner::makeClip(const QString &name, bool withCode)
{
    const QString code = m_dir.filePath(name + QStringLiteral("-code.png"));
    if (!qrImage(kPayload, 3).save(code))
        return {};
    const QString clip = m_dir.filePath(name + QStringLiteral(".mp4"));
    QStringList args{QStringLiteral("-hide_banner"),
                     QStringLiteral("-loglevel"),
                     QStringLiteral("error"),
                     QStringLiteral("-y"),
                     QStringLiteral("-f"),
                     QStringLiteral("lavfi"),
                     QStringLiteral("-i"),
                     QStringLiteral("color=c=0x8a8070:s=640x360:r=15:d=4,noise=alls=35:allf=t")};
    if (withCode) {
        args << QStringLiteral("-loop") << QStringLiteral("1") << QStringLiteral("-framerate")
             << QStringLiteral("15") << QStringLiteral("-i") << code
             << QStringLiteral("-filter_complex")
             << QStringLiteral("[1:v]scale=w='trunc(150+40*t)':h=-1:eval=frame[q];"
                               "[0:v][q]overlay=x='60+50*t':y='40+8*t':"
                               "enable='gte(t,1.5)':shortest=1,format=yuv420p");
    } else {
        args << QStringLiteral("-vf") << QStringLiteral("format=yuv420p");
    }
    args << QStringLiteral("-t") << QStringLiteral("4") << QStringLiteral("-c:v")
         << QStringLiteral("libx264") << QStringLiteral("-preset") << QStringLiteral("ultrafast")
         << clip;
    QProcess ffmpeg;
    ffmpeg.start(m_ffmpeg, args);
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0) {
        qWarning() << "ffmpeg failed:" << ffmpeg.readAllStandardError();
        return {};
    }
    return clip;
}

void TestQrScanner::play(const QString &clip, QrScanner &scanner, qint64 &playedMs)
{
    QElapsedTimer playing;
    QMediaPlayer player;
    QVideoSink sink;
    player.setVideoSink(&sink);
    scanner.setVideoSink(&sink);
    QSignalSpy errors(&player, &QMediaPlayer::errorOccurred);
    player.setSource(QUrl::fromLocalFile(clip));
    playing.start();
    player.play();
    QTRY_VERIFY2_WITH_TIMEOUT(player.mediaStatus() == QMediaPlayer::EndOfMedia || !errors.isEmpty(),
                              qPrintable(player.errorString()), 30000);
    playedMs = playing.elapsed();
    QVERIFY2(errors.isEmpty(), qPrintable(player.errorString()));
    scanner.setVideoSink(nullptr);
    QTRY_COMPARE(scanner.stats().framesDone, scanner.stats().framesDecoded);
    QCoreApplication::processEvents(); // deliver a result the worker posted last
}

void TestQrScanner::clipFindsCodeOnce()
{
    const QString clip = makeClip(QStringLiteral("with-code"), true);
    QVERIFY(!clip.isEmpty());
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    qint64 playedMs = 0;
    play(clip, scanner, playedMs);
    if (QTest::currentTestFailed())
        return;
    const QrScanner::Stats stats = scanner.stats();
    qInfo("clip: %lld frames received, %lld decoded, %lld dropped, %.1f ms per decode",
          stats.framesReceived, stats.framesDecoded, stats.framesDropped,
          stats.framesDecoded ? stats.totalDecodeMs / double(stats.framesDecoded) : 0.0);
    QCOMPARE(decoded.count(), 1);
    QCOMPARE(decoded.at(0).at(0).toString(), kPayload);
    // 4 s at 15 fps, 8 decodes a second at most: the throttle held and frames were dropped.
    QVERIFY(stats.framesReceived >= 50);
    QVERIFY(stats.framesDropped > 0);
    QVERIFY2(
        stats.framesDecoded <= playedMs / QrScanner::DefaultMinimumInterval + 1,
        qPrintable(QStringLiteral("%1 decodes in %2 ms").arg(stats.framesDecoded).arg(playedMs)));
}

void TestQrScanner::clipWithoutCodeFindsNothing()
{
    const QString clip = makeClip(QStringLiteral("no-code"), false);
    QVERIFY(!clip.isEmpty());
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    qint64 playedMs = 0;
    play(clip, scanner, playedMs);
    if (QTest::currentTestFailed())
        return;
    // Frames were looked at, and nothing came out.
    QVERIFY(scanner.stats().framesDecoded >= 10);
    QCOMPARE(decoded.count(), 0);
}

void TestQrScanner::pickedScreenshot()
{
    // A banking app's screenshot: a phone-sized picture, the code in a card, text around it.
    QImage shot(1080, 2340, QImage::Format_ARGB32);
    shot.fill(QColor(0xf2, 0xf4, 0xf7));
    {
        QPainter painter(&shot);
        painter.fillRect(QRect(0, 0, 1080, 220), QColor(0x00, 0x6b, 0x3c));
        painter.fillRect(QRect(90, 500, 900, 1000), Qt::white);
        painter.drawImage(QPoint(190, 600), qrImage(kPayload, 10));
        painter.setPen(Qt::black);
        painter.drawText(QRect(90, 1550, 900, 100), Qt::AlignCenter,
                         QStringLiteral("Quét mã để chuyển khoản"));
    }
    const QString file = m_dir.filePath(QStringLiteral("screenshot.png"));
    QVERIFY(shot.save(file));

    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy failed(&scanner, &QrScanner::imageFailed);
    QSignalSpy busy(&scanner, &QrScanner::busyChanged);
    scanner.decodeImage(QUrl::fromLocalFile(file));
    QVERIFY(scanner.isBusy());
    QTRY_COMPARE(decoded.count(), 1);
    QCOMPARE(decoded.at(0).at(0).toString(), kPayload);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!scanner.isBusy());
    QCOMPARE(busy.count(), 2);
    // Picked again: the user asked again, so it is reported again.
    scanner.decodeImage(QUrl::fromLocalFile(file));
    QTRY_COMPARE(decoded.count(), 2);
}

void TestQrScanner::pickedLargePhoto()
{
    // A 12 MP photo (JPEG) with a small printed code: read scaled, or else at full size.
    QImage photo = scene({}, {}, 8).scaled(4000, 3000);
    {
        QPainter painter(&photo);
        painter.drawImage(QPoint(1700, 1200), qrImage(kPayload, 3));
    }
    const QString file = m_dir.filePath(QStringLiteral("photo.jpg"));
    QVERIFY(photo.save(file, "JPEG", 92));
    const QrScanner::ImageResult result = QrScanner::decodeImageFile(file);
    QVERIFY2(result.text, qPrintable(result.error));
    QCOMPARE(*result.text, kPayload);
}

void TestQrScanner::pickedFailures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // written to the file; "-" for no file
    QTest::addColumn<QString>("reason");
    QTest::newRow("not an image") << QStringLiteral("notes.png")
                                  << QByteArrayLiteral("This is not a picture\n")
                                  << QStringLiteral("This file is not a picture.");
    QTest::newRow("empty file") << QStringLiteral("empty.jpg") << QByteArray()
                                << QStringLiteral("This file is not a picture.");
    QTest::newRow("missing") << QStringLiteral("missing.png") << QByteArrayLiteral("-")
                             << QStringLiteral("The file cannot be opened.");
    QImage blank(800, 600, QImage::Format_RGB32);
    blank.fill(Qt::white);
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        blank.save(&buffer, "PNG");
    }
    QTest::newRow("no code") << QStringLiteral("blank.png") << png
                             << QStringLiteral("No QR code was found in the picture.");
    QByteArray truncated = png.left(png.size() / 2);
    QTest::newRow("truncated png") << QStringLiteral("truncated.png") << truncated
                                   << QStringLiteral("This file is not a picture.");
}

void TestQrScanner::pickedFailures()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    if (content != "-") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QrScanner scanner;
    QSignalSpy decoded(&scanner, &QrScanner::decoded);
    QSignalSpy failed(&scanner, &QrScanner::imageFailed);
    scanner.decodeImage(QUrl::fromLocalFile(path));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), reason);
    QCOMPARE(decoded.count(), 0);
    QVERIFY(!scanner.isBusy());
}

void TestQrScanner::pickedRemoteUrl()
{
    QrScanner scanner;
    QSignalSpy failed(&scanner, &QrScanner::imageFailed);
    scanner.decodeImage(QUrl(QStringLiteral("https://example.org/qr.png")));
    QVERIFY(scanner.isBusy());
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(),
             QStringLiteral("Only a picture saved on this device can be read."));
    QVERIFY(!scanner.isBusy());
}

QTEST_MAIN(TestQrScanner)
#include "tst_qrscanner.moc"
