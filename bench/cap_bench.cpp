// bench_cap: CAP 1.2 parse throughput (alerts::parse: XML, value syntax and every validation
// rule) over the CAP test messages (tests/core/alerts/data: the spec's examples, Australian,
// Canadian and Huế alerts), each parsed as its own document, next to a baseline measured in
// the same run, alternately: a plain QXmlStreamReader reading every token of the same bytes.
// Target: parsing at least half the baseline's MB/s. A measurement, not a test: it exits 0
// whatever the figures are.

#include "alerts/Cap.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QXmlStreamReader>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

constexpr double kRatioTarget = 0.5;

struct Timing
{
    std::vector<double> mbPerSecond;

    double median() const
    {
        std::vector<double> sorted = mbPerSecond;
        std::sort(sorted.begin(), sorted.end());
        const size_t n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    double best() const { return *std::max_element(mbPerSecond.begin(), mbPerSecond.end()); }
};

// Runs `pass` (one pass over the corpus, returning a count so nothing is optimised away)
// `repeat` times and records the throughput.
qint64 measure(Timing &timing, qint64 bytesPerPass, int repeat, const std::function<qint64()> &pass)
{
    qint64 sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < repeat; ++i)
        sink += pass();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    timing.mbPerSecond.push_back(double(bytesPerPass) * repeat / (1024.0 * 1024.0) / seconds);
    return sink;
}

void row(const char *name, const Timing &t, const Timing *base)
{
    std::printf("%-44s %10.1f %10.1f", name, t.median(), t.best());
    if (base)
        std::printf("  %5.2f", t.median() / base->median());
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CAP 1.2 parse throughput against "
                                                    "QXmlStreamReader over the same bytes."));
    parser.addHelpOption();
    const QCommandLineOption megabytes(QStringLiteral("mb"),
                                       QStringLiteral("Megabytes parsed per case (default 12)."),
                                       QStringLiteral("MB"), QStringLiteral("12"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Alternating rounds (default 15)."),
                                    QStringLiteral("N"), QStringLiteral("15"));
    parser.addOptions({megabytes, rounds});
    parser.process(app);

    QList<QByteArray> corpus;
    qint64 corpusBytes = 0;
    const QDir dir(QStringLiteral(HUES_CAP_TESTDATA));
    for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_cap: cannot read %s\n", qPrintable(file.fileName()));
            return 1;
        }
        corpus.append(file.readAll());
        corpusBytes += corpus.last().size();
        const alerts::ParseResult r = alerts::parse(corpus.last());
        if (!r.ok) {
            std::fprintf(stderr, "bench_cap: %s: %s\n", qPrintable(name),
                         qPrintable(r.errorString()));
            return 1;
        }
    }
    if (corpus.isEmpty()) {
        std::fprintf(stderr, "bench_cap: no CAP messages in %s\n", HUES_CAP_TESTDATA);
        return 1;
    }
    const int roundCount = std::max(1, parser.value(rounds).toInt());
    const double mb = std::max(0.1, parser.value(megabytes).toDouble());
    const int repeat = std::max(
        1, int(mb * 1024 * 1024 / double(corpusBytes) / roundCount + 0.5)); // passes per round

    auto baselinePass = [&corpus] {
        qint64 tokens = 0;
        for (const QByteArray &xml : corpus) {
            QXmlStreamReader reader(xml);
            while (!reader.atEnd()) {
                reader.readNext();
                ++tokens;
            }
            if (reader.hasError())
                std::abort();
        }
        return tokens;
    };
    auto parsePass = [&corpus] {
        qint64 infos = 0;
        for (const QByteArray &xml : corpus) {
            const alerts::ParseResult r = alerts::parse(xml);
            if (!r.ok)
                std::abort();
            infos += r.alert.infos.size();
        }
        return infos;
    };
    QList<alerts::Alert> parsed;
    for (const QByteArray &xml : corpus)
        parsed.append(alerts::parse(xml).alert);
    auto serializePass = [&parsed] {
        qint64 bytes = 0;
        for (const alerts::Alert &a : parsed)
            bytes += alerts::serialize(a).size();
        return bytes;
    };
    qint64 serializedBytes = 0;
    for (const alerts::Alert &a : parsed)
        serializedBytes += alerts::serialize(a).size();

    Timing baseline;
    Timing parse;
    Timing serialize;
    qint64 sink = 0;
    for (int i = 0; i < roundCount; ++i) { // alternating, so load changes hit every case
        sink += measure(baseline, corpusBytes, repeat, baselinePass);
        sink += measure(parse, corpusBytes, repeat, parsePass);
        sink += measure(serialize, serializedBytes, repeat, serializePass);
    }

    std::printf("corpus: %lld CAP messages, %.1f KB (tests/core/alerts/data); %d rounds of %d "
                "passes, %.1f MB parsed per case\n\n",
                static_cast<long long>(corpus.size()), double(corpusBytes) / 1024.0, roundCount,
                repeat, double(corpusBytes) * repeat * roundCount / (1024.0 * 1024.0));
    std::printf("%-44s %10s %10s  %5s\n", "case", "median MB/s", "best MB/s", "ratio");
    row("baseline: QXmlStreamReader, every token", baseline, nullptr);
    row("alerts::parse (XML + values + validation)", parse, &baseline);
    row("alerts::serialize (MB/s of XML written)", serialize, &baseline);
    const double ratio = parse.median() / baseline.median();
    std::printf("\ntarget: parse at least %.0f%% of the baseline's MB/s: %s (%.0f%%)\n",
                kRatioTarget * 100, ratio >= kRatioTarget ? "met" : "NOT met", ratio * 100);
    return sink < 0 ? 1 : 0;
}
