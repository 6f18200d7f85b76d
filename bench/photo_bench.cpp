// bench_photo: the photo pipeline (media::processPhoto) on a 12-megapixel phone-like JPEG next
// to a baseline measured in the same run, alternately: decode the same JPEG and re-encode it
// at the same size with no scaling (QImage::loadFromData + QImage::save at the same quality).
// Target: the pipeline takes at most half the baseline's time. A measurement, not a test: it
// exits 0 whatever the figures are.

#include "PhotoSamples.h"
#include "media/PhotoPipeline.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

constexpr double kRatioTarget = 0.5;

struct Timing
{
    std::vector<double> ms;
    qint64 outputBytes = 0;
    QSize outputSize;

    double median() const
    {
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const size_t n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    double min() const { return *std::min_element(ms.begin(), ms.end()); }
};

// Runs `work` once and records its time; `work` returns the output's bytes and size.
void measure(Timing &timing, const std::function<std::pair<QByteArray, QSize>()> &work)
{
    QElapsedTimer timer;
    timer.start();
    const auto [bytes, size] = work();
    timing.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    timing.outputBytes = bytes.size();
    timing.outputSize = size;
}

std::pair<QByteArray, QSize> baseline(const QByteArray &input, int quality)
{
    QImage image;
    image.loadFromData(input);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    return {out, image.size()};
}

std::pair<QByteArray, QSize> pipeline(const QByteArray &input)
{
    const media::PhotoResult result = media::processPhoto(input);
    if (!result.ok())
        std::fprintf(stderr, "bench_photo: the pipeline failed: %s\n", qPrintable(result.message));
    return {result.jpeg, result.size};
}

void printRow(const char *name, const Timing &t, const Timing *base)
{
    std::printf("%-34s %9.1f %9.1f %8.0f  %4dx%-4d", name, t.median(), t.min(),
                double(t.outputBytes) / 1024.0, t.outputSize.width(), t.outputSize.height());
    if (base)
        std::printf("  %5.2f %s", t.median() / base->median(),
                    t.median() / base->median() <= kRatioTarget ? "(target met)" : "(OVER TARGET)");
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("The photo pipeline against decode + re-encode");
    parser.addHelpOption();
    QCommandLineOption runsOption("runs", "Measured runs of each case (default 9).", "n", "9");
    parser.addOption(runsOption);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    // A 12-megapixel photo as a phone stores it: 4000x3000, quality 92; and the same photo
    // taken upright (EXIF orientation 6), which the pipeline must rotate.
    const QImage photo = photosamples::photoLike(4000, 3000);
    const QByteArray input = photosamples::encode(photo, "jpeg", 92);
    const QByteArray upright = photosamples::insertAfterSoi(input, photosamples::exifSegment(6));
    const int quality = media::PhotoLimits().jpegQuality;
    std::printf("input: 4000x3000 JPEG, %.0f KB, quality 92; %d runs each, alternating\n\n",
                double(input.size()) / 1024.0, runs);

    Timing base, piped, rotated;
    baseline(input, quality); // warm-up: plugin loading, caches
    pipeline(input);
    for (int i = 0; i < runs; ++i) {
        measure(base, [&] { return baseline(input, quality); });
        measure(piped, [&] { return pipeline(input); });
        measure(rotated, [&] { return pipeline(upright); });
    }

    std::printf("%-34s %9s %9s %8s  %9s  %5s\n", "case", "median ms", "min ms", "out KB",
                "out size", "ratio");
    printRow("baseline: decode + re-encode q80", base, nullptr);
    printRow("pipeline", piped, &base);
    printRow("pipeline, EXIF orientation 6", rotated, &base);
    std::printf("\ntarget: pipeline at most %.0f%% of the baseline's time; output at most "
                "500 KB\n",
                kRatioTarget * 100);
    return 0;
}
