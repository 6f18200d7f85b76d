// The photo pipeline (core/media): decoding by content, limits, orientation, scaling, size,
// metadata stripping, damaged and hostile input, and the asynchronous variant.
#include "PhotoSamples.h"
#include "media/PhotoPipeline.h"

#include <QBuffer>
#include <QColorSpace>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using media::PhotoLimits;
using media::PhotoResult;
using Error = PhotoResult::Error;

Q_DECLARE_METATYPE(PhotoResult::Error)

namespace {

enum Corner { TopLeft, TopRight, BottomLeft, BottomRight };

QImage decode(const QByteArray &jpeg)
{
    QImage image;
    image.loadFromData(jpeg, "JPEG");
    return image;
}

QRgb cornerColour(const QImage &image, Corner corner)
{
    const int dx = image.width() / 20, dy = image.height() / 20;
    const int x = (corner == TopLeft || corner == BottomLeft) ? dx : image.width() - 1 - dx;
    const int y = (corner == TopLeft || corner == TopRight) ? dy : image.height() - 1 - dy;
    return image.pixel(x, y);
}

bool isRed(QRgb c)
{
    return qRed(c) > 170 && qGreen(c) < 90 && qBlue(c) < 90;
}

bool isGreen(QRgb c)
{
    return qGreen(c) > 150 && qRed(c) < 90 && qBlue(c) < 90;
}

// The markers of a JPEG file, read independently of the pipeline: every segment before the
// first SOS, then whatever follows the entropy-coded data. APP0 is reported as 0x100E0 when
// it is not a JFIF header.
QList<int> markersOf(const QByteArray &jpeg, bool *endsAtEoi)
{
    QList<int> markers;
    const auto *p = reinterpret_cast<const uchar *>(jpeg.constData());
    const qsizetype n = jpeg.size();
    *endsAtEoi = false;
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
        return markers;
    markers << 0xD8;
    qsizetype i = 2;
    while (i + 4 <= n && p[i] == 0xFF) {
        const int marker = p[i + 1];
        const int length = (p[i + 2] << 8) | p[i + 3];
        const bool jfif = marker == 0xE0 && i + 9 <= n && memcmp(p + i + 4, "JFIF\0", 5) == 0;
        markers << (marker == 0xE0 && !jfif ? 0x100E0 : marker);
        i += 2 + length;
        if (marker != 0xDA)
            continue;
        for (; i + 1 < n; ++i) { // entropy-coded data up to the next real marker
            if (p[i] == 0xFF && p[i + 1] != 0x00 && (p[i + 1] < 0xD0 || p[i + 1] > 0xD7))
                break;
        }
        if (i + 1 >= n)
            return markers;
        if (p[i + 1] == 0xD9) {
            markers << 0xD9;
            *endsAtEoi = i + 2 == n;
            return markers;
        }
    }
    return markers;
}

QByteArray jpegWithMarkers()
{
    // Stored 4000x3000 with a red block in the stored top-left corner and a green one in the
    // stored top-right corner.
    QImage image = photosamples::photoLike(4000, 3000);
    for (int y = 0; y < 600; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < 600; ++x) {
            line[x] = qRgb(230, 20, 20);
            line[4000 - 1 - x] = qRgb(20, 200, 20);
        }
    }
    return photosamples::encode(image, "jpeg", 92);
}

} // namespace

class tst_Photo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void orientation_data();
    void orientation();
    void stripsAllMetadata();
    void phonePhotoSizeBudget();
    void pngInput();
    void gifInput();
    void progressiveAndTrailingData();
    void smallImageNotUpscaled();
    void contentDecidesNotName();

    void refused_data();
    void refused();
    void pngHeaderBombRefusedFromHeader();
    void allocationLimitIsASecondGuard();
    void tooManyJpegScans();
    void tooLargeFileRefusedBeforeReading();
    void missingFile();

    void asyncRunsOffTheCallingThread();
    void concurrentCalls();

private:
    QTemporaryDir m_dir;
    QByteArray m_plainJpeg;  // 4000x3000 photo-like, quality 92, no metadata
    QByteArray m_markedJpeg; // the same with a red and a green block in the top corners
};

void tst_Photo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_plainJpeg = photosamples::encode(photosamples::photoLike(4000, 3000), "jpeg", 92);
    QVERIFY(m_plainJpeg.size() > 1'000'000); // compresses like a photo, not like a flat colour
    m_markedJpeg = jpegWithMarkers();
}

void tst_Photo::orientation_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("red");   // where the stored top-left corner must end up
    QTest::addColumn<int>("green"); // where the stored top-right corner must end up
    const QSize landscape(1600, 1200), portrait(1200, 1600);
    QTest::newRow("1 normal") << 1 << landscape << int(TopLeft) << int(TopRight);
    QTest::newRow("2 mirrored") << 2 << landscape << int(TopRight) << int(TopLeft);
    QTest::newRow("3 rotated 180") << 3 << landscape << int(BottomRight) << int(BottomLeft);
    QTest::newRow("4 flipped") << 4 << landscape << int(BottomLeft) << int(BottomRight);
    QTest::newRow("5 transposed") << 5 << portrait << int(TopLeft) << int(BottomLeft);
    QTest::newRow("6 rotated 90 cw") << 6 << portrait << int(TopRight) << int(BottomRight);
    QTest::newRow("7 transversed") << 7 << portrait << int(BottomRight) << int(TopRight);
    QTest::newRow("8 rotated 270 cw") << 8 << portrait << int(BottomLeft) << int(TopLeft);
}

void tst_Photo::orientation()
{
    QFETCH(int, orientation);
    QFETCH(QSize, size);
    QFETCH(int, red);
    QFETCH(int, green);

    const QByteArray input =
        photosamples::insertAfterSoi(m_markedJpeg, photosamples::exifSegment(orientation));
    const PhotoResult result = media::processPhoto(input);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, size);
    const QImage out = decode(result.jpeg);
    QCOMPARE(out.size(), size);
    for (Corner corner : {TopLeft, TopRight, BottomLeft, BottomRight}) {
        const QRgb c = cornerColour(out, corner);
        QCOMPARE(isRed(c), corner == red);
        QCOMPARE(isGreen(c), corner == green);
    }
    // The orientation was applied to the pixels and the tag is gone: nothing rotates it twice.
    QVERIFY(!result.jpeg.contains("Exif"));
}

void tst_Photo::stripsAllMetadata()
{
    // EXIF (make, model, GPS), XMP with a position, an ICC profile (Display P3) and comments.
    QImage image = photosamples::photoLike(3000, 2000, 7);
    image.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
    image.setText("Comment", "taken at home, 12 Le Loi");
    QByteArray input = photosamples::encode(image, "jpeg", 90);
    QVERIFY(input.contains("ICC_PROFILE"));
    QVERIFY(input.contains("12 Le Loi"));
    input = photosamples::insertAfterSoi(
        input, photosamples::exifSegment(6) +
                   photosamples::xmpSegment("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><exif:"
                                            "GPSLatitude>16,27.822N</exif:GPSLatitude>"
                                            "</x:xmpmeta>") +
                   photosamples::commentSegment("secret comment"));
    QVERIFY(input.contains(photosamples::exifGpsLatitudeBytes()));

    const PhotoResult result = media::processPhoto(input);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(1067, 1600)); // rotated by the EXIF tag
    bool endsAtEoi = false;
    const QList<int> markers = markersOf(result.jpeg, &endsAtEoi);
    QVERIFY(endsAtEoi);
    QCOMPARE(markers.first(), 0xD8);
    QCOMPARE(markers.last(), 0xD9);
    const QList<int> allowed = {0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDD, 0xDA, 0xD9};
    for (int marker : markers)
        QVERIFY2(allowed.contains(marker), qPrintable(QString::number(marker, 16)));
    QCOMPARE(markers.count(0xDA), 1); // one baseline scan
    QCOMPARE(markers.count(0xC0), 1); // baseline, not progressive
    for (const QByteArray &secret :
         {QByteArray("Exif"), QByteArray("HueCam"), QByteArray("Field-1"), QByteArray("xap/1.0"),
          QByteArray("GPSLatitude"), QByteArray("ICC_PROFILE"), QByteArray("Le Loi"),
          QByteArray("secret comment"), photosamples::exifGpsLatitudeBytes()})
        QVERIFY2(!result.jpeg.contains(secret), secret.constData());

    // The Display P3 pixels were converted to sRGB, not just relabelled.
    const QImage out = decode(result.jpeg);
    QVERIFY(!out.colorSpace().isValid());
}

void tst_Photo::phonePhotoSizeBudget()
{
    const PhotoResult result = media::processPhoto(m_plainJpeg);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(1600, 1200));
    QVERIFY2(result.jpeg.size() <= 500 * 1024, qPrintable(QString::number(result.jpeg.size())));

    // Quality 80 alone meets the budget on this photo: the lower-quality retry is not what
    // makes it fit.
    PhotoLimits noRetry;
    noRetry.targetOutputBytes = 0;
    const PhotoResult plain = media::processPhoto(m_plainJpeg, noRetry);
    QVERIFY(plain.ok());
    QCOMPARE(plain.jpeg, result.jpeg);

    // A budget below what quality 80 gives makes the pipeline lower the quality.
    PhotoLimits tight;
    tight.targetOutputBytes = result.jpeg.size() / 2;
    const PhotoResult smaller = media::processPhoto(m_plainJpeg, tight);
    QVERIFY(smaller.ok());
    QVERIFY(smaller.jpeg.size() < result.jpeg.size());
    QCOMPARE(smaller.size, QSize(1600, 1200));
}

void tst_Photo::pngInput()
{
    QImage image = photosamples::photoLike(2400, 1800, 3).convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < 300; ++y) // a transparent band at the top
        memset(image.scanLine(y), 0, size_t(image.bytesPerLine()));
    const QByteArray png = photosamples::encode(image, "png");
    const PhotoResult result = media::processPhoto(png);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(1600, 1200));
    const QImage out = decode(result.jpeg);
    const QRgb top = out.pixel(800, 20);
    QVERIFY2(qRed(top) > 245 && qGreen(top) > 245 && qBlue(top) > 245,
             "transparent pixels become white");
    QVERIFY(result.jpeg.startsWith("\xFF\xD8"));
}

void tst_Photo::gifInput()
{
    QImage image = photosamples::photoLike(200, 150, 9);
    for (int y = 0; y < 30; ++y) // a red band at the top
        for (int x = 0; x < 200; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    const QByteArray gif = photosamples::gif(image);
    const PhotoResult result = media::processPhoto(gif);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(200, 150));
    QVERIFY(isRed(decode(result.jpeg).pixel(100, 10)));
    const PhotoResult truncated = media::processPhoto(gif.left(gif.size() / 2));
    QCOMPARE(truncated.error, Error::Damaged);
}

void tst_Photo::progressiveAndTrailingData()
{
    const QImage image = photosamples::photoLike(2000, 1500, 5);
    const QByteArray progressive = photosamples::encode(image, "jpeg", 85, true);
    PhotoResult result = media::processPhoto(progressive);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(1600, 1200));
    bool endsAtEoi = false;
    QCOMPARE(markersOf(result.jpeg, &endsAtEoi).count(0xDA), 1); // the output is baseline

    // A motion photo carries a video after the JPEG's EOI: the photo is complete.
    result = media::processPhoto(progressive + QByteArray(5000, 'v'));
    QVERIFY2(result.ok(), qPrintable(result.message));
}

void tst_Photo::smallImageNotUpscaled()
{
    const QByteArray jpeg = photosamples::encode(photosamples::photoLike(640, 480), "jpeg", 90);
    const PhotoResult result = media::processPhoto(jpeg);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(640, 480));
    QCOMPARE(decode(result.jpeg).size(), QSize(640, 480));

    const QByteArray tall = photosamples::encode(photosamples::photoLike(300, 1600), "jpeg", 90);
    QCOMPARE(media::processPhoto(tall).size, QSize(300, 1600)); // exactly at the limit
}

void tst_Photo::contentDecidesNotName()
{
    const QByteArray png = photosamples::encode(photosamples::photoLike(320, 240), "png");
    const QByteArray jpeg = photosamples::encode(photosamples::photoLike(320, 240), "jpeg");
    auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return QString();
        return file.fileName();
    };
    const QString pngNamedJpg = write("png.jpg", png);
    const QString jpegNamedTxt = write("photo.txt", jpeg);
    const QString textNamedJpg = write("notes.jpg", "Not a photo at all, just some text.\n");
    const QString htmlNamedPng = write("page.png", "<html><body>hi</body></html>");
    QVERIFY(!pngNamedJpg.isEmpty() && !jpegNamedTxt.isEmpty() && !textNamedJpg.isEmpty() &&
            !htmlNamedPng.isEmpty());

    QVERIFY(media::processPhotoFile(pngNamedJpg).ok());
    QVERIFY(media::processPhotoFile(jpegNamedTxt).ok());
    PhotoResult result = media::processPhotoFile(textNamedJpg);
    QCOMPARE(result.error, Error::NotAnImage);
    QVERIFY(!result.message.isEmpty());
    QVERIFY(result.jpeg.isEmpty());
    QCOMPARE(media::processPhotoFile(htmlNamedPng).error, Error::NotAnImage);
}

void tst_Photo::refused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<PhotoResult::Error>("error");

    const QByteArray jpeg = photosamples::encode(photosamples::photoLike(1200, 900), "jpeg", 90);
    const QByteArray png = photosamples::encode(photosamples::photoLike(600, 400), "png");
    const qsizetype sos = jpeg.indexOf("\xFF\xDA");
    QVERIFY(sos > 0);

    QTest::newRow("empty") << QByteArray() << Error::NotAnImage;
    QTest::newRow("text") << QByteArray("hello, this is not a photo\n") << Error::NotAnImage;
    QTest::newRow("zeros") << QByteArray(4096, '\0') << Error::NotAnImage;
    QTest::newRow("jpeg signature only") << QByteArray("\xFF\xD8\xFF") << Error::Damaged;
    QTest::newRow("jpeg cut in half") << jpeg.left(jpeg.size() / 2) << Error::Damaged;
    QTest::newRow("jpeg without EOI") << jpeg.left(jpeg.size() - 2) << Error::Damaged;
    QTest::newRow("jpeg cut after SOS header") << jpeg.left(sos + 20) << Error::Damaged;
    QTest::newRow("jpeg cut in the header") << jpeg.left(sos / 2) << Error::Damaged;
    // Complete, but with a restart marker in the middle of the entropy-coded data of an image
    // without restart intervals: libjpeg loses its place and invents the rest.
    QByteArray corrupt = jpeg;
    corrupt.insert((sos + jpeg.size()) / 2, "\xFF\xD5", 2);
    QTest::newRow("jpeg with corrupt image data") << corrupt << Error::Damaged;
    QByteArray scrambled = jpeg;
    for (qsizetype i = sos + 400; i < sos + 1400; ++i) // bytes never 0xFF: no markers appear
        scrambled[i] = char((i * 37) % 255);
    QTest::newRow("jpeg with scrambled image data") << scrambled << Error::Damaged;
    QTest::newRow("png cut in half") << png.left(png.size() / 2) << Error::Damaged;
    QTest::newRow("png without IEND") << png.left(png.size() - 12) << Error::Damaged;
    QTest::newRow("png signature only") << png.left(8) << Error::Damaged;
    QTest::newRow("xpm (not a photo format)")
        << QByteArray("/* XPM */\nstatic char *x[] = {\"1 1 1 1\", \"a c #ff0000\", \"a\"};\n")
        << Error::NotAnImage;
    QTest::newRow("bmp (not a photo format)")
        << photosamples::encode(photosamples::photoLike(16, 16), "bmp") << Error::NotAnImage;
    QTest::newRow("over the byte limit")
        << QByteArray(25 * 1024 * 1024 + 1, '\xFF') << Error::TooLarge;
}

void tst_Photo::refused()
{
    QFETCH(QByteArray, input);
    QFETCH(PhotoResult::Error, error);
    const PhotoResult result = media::processPhoto(input);
    QCOMPARE(result.error, error);
    QVERIFY(!result.ok());
    QVERIFY(!result.message.isEmpty());
    QVERIFY(result.jpeg.isEmpty());
    QVERIFY(!result.size.isValid());
}

void tst_Photo::pngHeaderBombRefusedFromHeader()
{
    const QByteArray bomb = photosamples::pngHeaderBomb(50000, 50000);
    QVERIFY(bomb.size() < 200);
    QElapsedTimer timer;
    timer.start();
    const PhotoResult result = media::processPhoto(bomb);
    const qint64 ms = timer.elapsed();
    QCOMPARE(result.error, Error::TooManyPixels);
    QVERIFY(result.message.contains("50000"));
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms))); // decoding would take minutes

    // Just over the limit is refused, just under it is not refused for its pixel count.
    PhotoLimits limits;
    limits.maxPixels = 1000 * 1000;
    QCOMPARE(media::processPhoto(photosamples::pngHeaderBomb(1000, 1001), limits).error,
             Error::TooManyPixels);
    QVERIFY(media::processPhoto(photosamples::pngHeaderBomb(1000, 1000), limits).error !=
            Error::TooManyPixels);
}

void tst_Photo::allocationLimitIsASecondGuard()
{
    // With the pixel check out of the way, QImageReader's allocation limit still refuses to
    // allocate 50000x50000 pixels (2.5 GB of grey; Qt reads a grey PNG at full size): before
    // any pixel is decoded, quickly.
    PhotoLimits limits;
    limits.maxPixels = qint64(1) << 40;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("exceeds the current allocation limit of 256"));
    QElapsedTimer timer;
    timer.start();
    const PhotoResult result =
        media::processPhoto(photosamples::pngHeaderBomb(50000, 50000, 0), limits);
    QCOMPARE(result.error, Error::TooManyPixels);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void tst_Photo::tooManyJpegScans()
{
    // A progressive JPEG padded with hundreds of empty scans (a known way to keep libjpeg
    // busy): refused from its structure.
    const QByteArray jpeg =
        photosamples::encode(photosamples::photoLike(400, 300), "jpeg", 85, true);
    const qsizetype lastSos = jpeg.lastIndexOf("\xFF\xDA");
    const qsizetype eoi = jpeg.size() - 2;
    QVERIFY(lastSos > 0);
    const QByteArray scan = jpeg.mid(lastSos, eoi - lastSos);
    QByteArray padded = jpeg.left(eoi);
    for (int i = 0; i < 150; ++i)
        padded += scan;
    padded += jpeg.mid(eoi);
    const PhotoResult result = media::processPhoto(padded);
    QCOMPARE(result.error, Error::Damaged);
    QVERIFY(media::processPhoto(jpeg).ok());
}

void tst_Photo::tooLargeFileRefusedBeforeReading()
{
    // A sparse 26 MB file: refused from its size, never read.
    const QString path = m_dir.filePath("huge.jpg");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(m_plainJpeg.left(64)) == 64);
    QVERIFY(file.resize(26 * 1024 * 1024));
    file.close();
    const PhotoResult result = media::processPhotoFile(path);
    QCOMPARE(result.error, Error::TooLarge);
    QVERIFY(result.message.contains("25.0"));

    PhotoLimits small;
    small.maxInputBytes = m_plainJpeg.size() - 1;
    QCOMPARE(media::processPhoto(m_plainJpeg, small).error, Error::TooLarge);
    small.maxInputBytes = m_plainJpeg.size();
    QVERIFY(media::processPhoto(m_plainJpeg, small).ok());
}

void tst_Photo::missingFile()
{
    const PhotoResult result = media::processPhotoFile(m_dir.filePath("nope.jpg"));
    QCOMPARE(result.error, Error::NotAnImage);
    QVERIFY(!result.message.isEmpty());
}

void tst_Photo::asyncRunsOffTheCallingThread()
{
    // A FIFO: the pipeline blocks reading it until this thread writes the photo. Were the
    // work done on the calling thread, processPhotoAsync() would never return.
    const QString fifo = m_dir.filePath("camera.fifo");
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QFuture<PhotoResult> future = media::processPhotoAsync(fifo);
    QVERIFY(!future.isFinished());

    QFutureWatcher<PhotoResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<PhotoResult>::finished);
    watcher.setFuture(future);

    QFile writer(fifo);
    QVERIFY(writer.open(QIODevice::WriteOnly)); // returns once the worker opened it
    const QByteArray input =
        photosamples::insertAfterSoi(m_plainJpeg, photosamples::exifSegment(8));
    QCOMPARE(writer.write(input), input.size());
    writer.close();

    QVERIFY(finished.wait(30000));
    const PhotoResult result = future.result();
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.size, QSize(1200, 1600));
}

void tst_Photo::concurrentCalls()
{
    QList<QFuture<PhotoResult>> futures;
    for (int orientation = 1; orientation <= 8; ++orientation)
        futures << media::processPhotoDataAsync(
            photosamples::insertAfterSoi(m_plainJpeg, photosamples::exifSegment(orientation)));
    for (int i = 0; i < futures.size(); ++i) {
        const PhotoResult result = futures[i].result();
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.size, i < 4 ? QSize(1600, 1200) : QSize(1200, 1600));
    }
}

QTEST_GUILESS_MAIN(tst_Photo)
#include "tst_photo.moc"
