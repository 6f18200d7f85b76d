// bench_scanner: the QR scanner's frame pipeline (qr::QrScanner::decodeFrame: an NV12 video frame
// mapped read-only, its luma plane handed to zxing-cpp in place) against `zbarimg` on the same
// 1080p frames, in the same run. Target: at most half zbar's time per frame. A measurement, not
// a test: it exits 0 whatever the figures are (1 only when it cannot run).
//
// The frames: a VietQR-like code, turned a little and at varied sizes, on a photo-like
// 1920x1080 background (gradients, blurred shapes, sensor noise); as many again without a code
// (what a camera mostly sees). They are written as PNG and PGM files for zbarimg and built as
// NV12 QVideoFrames for the scanner.
//
// zbarimg's process start is amortised: one process reads all N files and another only the first;
// (T(N) - T(1)) / (N - 1) is its time per frame. That still includes zbarimg's image loading
// (ImageMagick, even for PGM), so libzbar, the library zbarimg runs, is also timed in this
// process on the same grey buffers: zbar's decoder alone, the strictest comparison.

#include "qr/QrCode.h"
#include "qr/QrScanner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QLibrary>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

constexpr double kRatioTarget = 0.5;

const QByteArray kPayload =
    QByteArrayLiteral("00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA"
                      "530370454065000005802VN5914BUN BO HUE O XUAN6003HUE62260822HUES HOA DON "
                      "2024 00016304F7B4");

QImage background(QRandomGenerator &rng)
{
    QImage image(1920, 1080, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, 1080);
    sky.setColorAt(0, QColor::fromHsv(int(rng.bounded(360)), 60, 200));
    sky.setColorAt(1, QColor::fromHsv(int(rng.bounded(360)), 90, 90));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 60; ++i) { // a table, a wall, a stall: soft shapes and edges
        painter.setBrush(QColor::fromHsv(int(rng.bounded(360)), int(rng.bounded(200)),
                                         40 + int(rng.bounded(200)), 90 + int(rng.bounded(160))));
        const QRect r(int(rng.bounded(1920)) - 200, int(rng.bounded(1080)) - 200,
                      40 + int(rng.bounded(600)), 40 + int(rng.bounded(400)));
        if (i % 3)
            painter.drawRect(r);
        else
            painter.drawEllipse(r);
    }
    painter.end();
    // Sensor noise.
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int n = int(rng.bounded(25)) - 12;
            const QRgb p = line[x];
            line[x] = qRgb(std::clamp(qRed(p) + n, 0, 255), std::clamp(qGreen(p) + n, 0, 255),
                           std::clamp(qBlue(p) + n, 0, 255));
        }
    }
    return image;
}

QImage frameWithCode(QRandomGenerator &rng, const QImage &code)
{
    QImage image = background(rng);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const double side = 320 + rng.bounded(380); // 320..700 px: held at 20-50 cm
    const QPointF centre(side / 2 + 60 + rng.bounded(1920 - side - 120),
                         side / 2 + 60 + rng.bounded(1080 - side - 120));
    painter.translate(centre);
    painter.rotate(rng.bounded(30.0) - 15.0);
    painter.drawImage(QRectF(-side / 2, -side / 2, side, side), code);
    return image;
}

QImage grey(const QImage &image)
{
    return image.convertToFormat(QImage::Format_Grayscale8);
}

// What a camera delivers: NV12, luma plus neutral chroma.
QVideoFrame nv12(const QImage &greyImage)
{
    QVideoFrame frame(QVideoFrameFormat(greyImage.size(), QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < greyImage.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0),
                    greyImage.constScanLine(y), size_t(greyImage.width()));
    std::memset(frame.bits(1), 128, size_t(frame.mappedBytes(1)));
    frame.unmap();
    return frame;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct PipelineResult
{
    std::vector<double> msPerFrame; // median over rounds, one per frame
    int found = 0;
    int wrong = 0;
};

PipelineResult runPipeline(const std::vector<QVideoFrame> &frames, int rounds, qr::Effort effort)
{
    PipelineResult result;
    std::vector<std::vector<double>> times(frames.size());
    for (int r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < frames.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            const std::optional<QString> text = qr::QrScanner::decodeFrame(frames[i], effort);
            times[i].push_back(double(timer.nsecsElapsed()) / 1e6);
            if (r == 0 && text)
                (*text == QString::fromLatin1(kPayload) ? result.found : result.wrong)++;
        }
    }
    for (const auto &t : times)
        result.msPerFrame.push_back(median(t));
    return result;
}

struct ZbarRun
{
    double ms = 0;
    int found = 0;
    bool ok = false;
};

ZbarRun runZbar(const QString &zbarimg, const QStringList &files)
{
    // QR codes only, as the scanner: every symbology off, then QR on.
    QStringList args{QStringLiteral("--quiet"), QStringLiteral("--raw"), QStringLiteral("--nodbus"),
                     QStringLiteral("-Sdisable"), QStringLiteral("-Sqrcode.enable")};
    args << files;
    QProcess zbar;
    QElapsedTimer timer;
    timer.start();
    zbar.start(zbarimg, args);
    ZbarRun run;
    if (!zbar.waitForFinished(600000) || zbar.exitStatus() != QProcess::NormalExit)
        return run;
    run.ms = double(timer.nsecsElapsed()) / 1e6;
    // 0: something found, 4: nothing found.
    run.ok = zbar.exitCode() == 0 || zbar.exitCode() == 4;
    const QList<QByteArray> lines = zbar.readAllStandardOutput().split('\n');
    run.found = int(std::count(lines.begin(), lines.end(), kPayload));
    return run;
}

// Best of `rounds` runs (the least disturbed by the other processes on the machine).
ZbarRun bestZbar(const QString &zbarimg, const QStringList &files, int rounds)
{
    ZbarRun best;
    for (int i = 0; i < rounds; ++i) {
        const ZbarRun run = runZbar(zbarimg, files);
        if (!run.ok)
            return run;
        if (!best.ok || run.ms < best.ms)
            best = run;
    }
    return best;
}

struct ZbarFigures
{
    double perFrame = 0; // (T(N files) - T(1 file)) / (N - 1): start-up amortised away
    double startup = 0;  // T(1) - perFrame
    int found = 0;
    bool ok = false;
};

ZbarFigures zbarFigures(const QString &zbarimg, const QStringList &files, int rounds)
{
    ZbarFigures f;
    const ZbarRun all = bestZbar(zbarimg, files, rounds);
    const ZbarRun one = bestZbar(zbarimg, files.mid(0, 1), rounds);
    if (!all.ok || !one.ok)
        return f;
    f.perFrame = (all.ms - one.ms) / double(files.size() - 1);
    f.startup = one.ms - f.perFrame;
    f.found = all.found;
    f.ok = true;
    return f;
}

// libzbar, the library zbarimg runs, in this process on the same grey pixels: zbar's decoder
// without image loading or process start (loaded at run time: it comes with zbar-tools, its
// headers need not be installed). Its public C API, as far as used here:
struct Zbar
{
    using ScannerCreate = void *(*)();
    using ScannerSetConfig = int (*)(void *, int symbology, int config, int value);
    using ScannerDestroy = void (*)(void *);
    using ImageCreate = void *(*)();
    using ImageSetFormat = void (*)(void *, unsigned long fourcc);
    using ImageSetSize = void (*)(void *, unsigned width, unsigned height);
    using ImageSetData = void (*)(void *, const void *, unsigned long, void (*)(void *));
    using ImageDestroy = void (*)(void *);
    using ScanImage = int (*)(void *, void *);
    using FirstSymbol = const void *(*)(const void *);
    using SymbolData = const char *(*)(const void *);
    static constexpr int None = 0, QrCode = 64, CfgEnable = 0;

    QLibrary library{QStringLiteral("zbar"), 0};
    ScannerCreate scannerCreate = nullptr;
    ScannerSetConfig scannerSetConfig = nullptr;
    ScannerDestroy scannerDestroy = nullptr;
    ImageCreate imageCreate = nullptr;
    ImageSetFormat imageSetFormat = nullptr;
    ImageSetSize imageSetSize = nullptr;
    ImageSetData imageSetData = nullptr;
    ImageDestroy imageDestroy = nullptr;
    ScanImage scanImage = nullptr;
    FirstSymbol firstSymbol = nullptr;
    SymbolData symbolData = nullptr;

    bool load()
    {
        if (!library.load())
            return false;
        auto get = [this](auto &fn, const char *name) {
            fn = reinterpret_cast<std::decay_t<decltype(fn)>>(library.resolve(name));
            return fn != nullptr;
        };
        return get(scannerCreate, "zbar_image_scanner_create") &&
               get(scannerSetConfig, "zbar_image_scanner_set_config") &&
               get(scannerDestroy, "zbar_image_scanner_destroy") &&
               get(imageCreate, "zbar_image_create") &&
               get(imageSetFormat, "zbar_image_set_format") &&
               get(imageSetSize, "zbar_image_set_size") &&
               get(imageSetData, "zbar_image_set_data") &&
               get(imageDestroy, "zbar_image_destroy") && get(scanImage, "zbar_scan_image") &&
               get(firstSymbol, "zbar_image_first_symbol") &&
               get(symbolData, "zbar_symbol_get_data");
    }
};

PipelineResult runZbarLibrary(Zbar &zbar, const std::vector<QImage> &greys, int rounds)
{
    PipelineResult result;
    void *scanner = zbar.scannerCreate();
    zbar.scannerSetConfig(scanner, Zbar::None, Zbar::CfgEnable, 0);
    zbar.scannerSetConfig(scanner, Zbar::QrCode, Zbar::CfgEnable, 1);
    std::vector<std::vector<double>> times(greys.size());
    for (int r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < greys.size(); ++i) {
            const QImage &g = greys[i];
            QElapsedTimer timer;
            timer.start();
            void *image = zbar.imageCreate();
            zbar.imageSetFormat(image, 0x30303859UL); // fourcc "Y800": 8-bit grey
            zbar.imageSetSize(image, unsigned(g.width()), unsigned(g.height()));
            zbar.imageSetData(image, g.constBits(), static_cast<unsigned long>(g.sizeInBytes()),
                              nullptr);
            const int symbols = zbar.scanImage(scanner, image);
            bool right = false;
            if (symbols > 0) {
                const void *symbol = zbar.firstSymbol(image);
                right = symbol && QByteArray(zbar.symbolData(symbol)) == kPayload;
            }
            zbar.imageDestroy(image);
            times[i].push_back(double(timer.nsecsElapsed()) / 1e6);
            if (r == 0 && symbols > 0)
                (right ? result.found : result.wrong)++;
        }
    }
    zbar.scannerDestroy(scanner);
    for (const auto &t : times)
        result.msPerFrame.push_back(median(t));
    return result;
}

void printPipeline(const char *name, const PipelineResult &r, int frames)
{
    const double med = median(r.msPerFrame);
    const double worst = *std::max_element(r.msPerFrame.begin(), r.msPerFrame.end());
    std::printf("%-52s %9.2f %9.2f   %3d/%d", name, med, worst, r.found, frames);
    if (r.wrong)
        std::printf(" (%d WRONG)", r.wrong);
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // QGuiApplication: QPainter text and QImage conversions; no window is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "QR scanner frame pipeline (zxing-cpp on the luma plane) against zbarimg, 1080p."));
    parser.addHelpOption();
    const QCommandLineOption frameCount(
        QStringLiteral("frames"),
        QStringLiteral("Frames with a code (and as many without; default 24)."),
        QStringLiteral("N"), QStringLiteral("24"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Rounds per case (default 3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Write the frames to DIR and keep them."),
                                  QStringLiteral("DIR"));
    parser.addOptions({frameCount, rounds, keep});
    parser.process(app);
    const int n = std::max(2, parser.value(frameCount).toInt());
    const int roundCount = std::max(1, parser.value(rounds).toInt());

    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbarimg.isEmpty()) {
        std::fprintf(stderr, "bench_scanner: zbarimg not found (zbar-tools)\n");
        return 1;
    }
    QTemporaryDir tmp;
    const QString dirPath = parser.isSet(keep) ? parser.value(keep) : tmp.path();
    if (!QDir().mkpath(dirPath)) {
        std::fprintf(stderr, "bench_scanner: cannot write to %s\n", qPrintable(dirPath));
        return 1;
    }
    const QDir dir(dirPath);

    const QImage code = qr::toImage(qr::encode(kPayload), 8, 4);
    QRandomGenerator rng(20240611);
    std::vector<QVideoFrame> withCode;
    std::vector<QVideoFrame> without;
    std::vector<QImage> greyWith;
    std::vector<QImage> greyWithout;
    QStringList pngWith, pgmWith, pngWithout, pgmWithout;
    for (int i = 0; i < 2 * n; ++i) {
        const bool hasCode = i < n;
        const QImage g = grey(hasCode ? frameWithCode(rng, code) : background(rng));
        const QString base =
            dir.filePath(QStringLiteral("%1-%2")
                             .arg(hasCode ? QStringLiteral("code") : QStringLiteral("none"))
                             .arg(i, 3, 10, QLatin1Char('0')));
        // zbarimg gets the same grey pixels the scanner gets.
        if (!g.save(base + QStringLiteral(".png")) || !g.save(base + QStringLiteral(".pgm"))) {
            std::fprintf(stderr, "bench_scanner: cannot write %s\n", qPrintable(base));
            return 1;
        }
        (hasCode ? withCode : without).push_back(nv12(g));
        (hasCode ? greyWith : greyWithout).push_back(g);
        (hasCode ? pngWith : pngWithout).append(base + QStringLiteral(".png"));
        (hasCode ? pgmWith : pgmWithout).append(base + QStringLiteral(".pgm"));
    }

    using qr::Effort;
    const PipelineResult glance = runPipeline(withCode, roundCount, Effort::Glance);
    const PipelineResult glanceNone = runPipeline(without, roundCount, Effort::Glance);
    const PipelineResult fast = runPipeline(withCode, roundCount, Effort::Fast);
    const PipelineResult fastNone = runPipeline(without, roundCount, Effort::Fast);
    const PipelineResult thorough = runPipeline(withCode, roundCount, Effort::Thorough);
    Zbar zbarLibrary;
    const bool haveLibrary = zbarLibrary.load();
    PipelineResult zlib, zlibNone;
    if (haveLibrary) {
        zlib = runZbarLibrary(zbarLibrary, greyWith, roundCount);
        zlibNone = runZbarLibrary(zbarLibrary, greyWithout, roundCount);
    }
    const ZbarFigures zPgm = zbarFigures(zbarimg, pgmWith, roundCount);
    const ZbarFigures zPgmNone = zbarFigures(zbarimg, pgmWithout, roundCount);
    const ZbarFigures zPng = zbarFigures(zbarimg, pngWith, roundCount);
    if (!zPgm.ok || !zPgmNone.ok || !zPng.ok) {
        std::fprintf(stderr, "bench_scanner: zbarimg failed\n");
        return 1;
    }

    std::printf("frames: %d x 1920x1080 with a VietQR-like code (%lld bytes, version %d, "
                "320-700 px, turned up to 15 deg) and %d without, photo-like background; "
                "%d rounds\n\n",
                n, static_cast<long long>(kPayload.size()), (qr::encode(kPayload).size() - 17) / 4,
                n, roundCount);
    std::printf("%-52s %9s %9s   %s\n", "case", "ms/frame", "worst", "found");
    printPipeline("scanner, half resolution (Glance), code", glance, n);
    printPipeline("scanner, half resolution (Glance), none", glanceNone, 0);
    printPipeline("scanner, full resolution (Fast), code", fast, n);
    printPipeline("scanner, full resolution (Fast), none", fastNone, 0);
    printPipeline("qr::decode Thorough (picked pictures), code", thorough, n);
    // What QrScanner does: of every FullFrameEvery frames, one at full resolution.
    const double every = qr::QrScanner::FullFrameEvery;
    const double ours = (median(glance.msPerFrame) * (every - 1) + median(fast.msPerFrame)) / every;
    const double oursNone =
        (median(glanceNone.msPerFrame) * (every - 1) + median(fastNone.msPerFrame)) / every;
    std::printf("%-52s %9.2f\n", "scanner as it runs (1 full in 4), code", ours);
    std::printf("%-52s %9.2f\n", "scanner as it runs (1 full in 4), none", oursNone);
    std::printf("%-52s %9.2f %9s   %3d/%d\n", "zbarimg, PGM, per frame, code", zPgm.perFrame, "",
                zPgm.found, n);
    std::printf("%-52s %9.2f\n", "zbarimg, PGM, per frame, none", zPgmNone.perFrame);
    std::printf("%-52s %9.2f %9s   %3d/%d\n", "zbarimg, PNG, per frame, code", zPng.perFrame, "",
                zPng.found, n);
    std::printf("%-52s %9.2f\n", "zbarimg process start-up (1 file minus a frame)", zPgm.startup);
    if (haveLibrary) {
        printPipeline("libzbar in process (zbar's decoder alone), code", zlib, n);
        printPipeline("libzbar in process (zbar's decoder alone), none", zlibNone, 0);
    } else {
        std::printf("libzbar (libzbar.so.0) not found: no in-process row\n");
    }

    const double ratio = ours / zPgm.perFrame;
    const double ratioNone = oursNone / zPgmNone.perFrame;
    std::printf("\nratio scanner / zbarimg per frame: %.3f with a code, %.3f without\n", ratio,
                ratioNone);
    bool met = ratio <= kRatioTarget && ratioNone <= kRatioTarget;
    if (haveLibrary) {
        const double lib = ours / median(zlib.msPerFrame);
        const double libNone = oursNone / median(zlibNone.msPerFrame);
        std::printf("ratio scanner / libzbar in process: %.3f with a code, %.3f without\n", lib,
                    libNone);
        met = met && lib <= kRatioTarget && libNone <= kRatioTarget;
    }
    std::printf("target: at most %.0f%% of zbar's time per frame%s: %s\n", kRatioTarget * 100,
                haveLibrary ? " (against zbarimg and libzbar)" : "", met ? "met" : "NOT met");
    return 0;
}
