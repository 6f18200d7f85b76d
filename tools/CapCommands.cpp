// hues-tool cap validate / match: CAP 1.2 files checked with the codec the server and the app
// use (core/alerts), no server needed.
#include "Commands.h"
#include "alerts/Cap.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tool {

namespace {

// Exit code of `cap match` when the place is outside the alert's area.
constexpr int kExitOutside = 3;
// Exit code for a file that is not a valid CAP 1.2 alert.
constexpr int kExitInvalid = 2;

// Reads FILE ("-": standard input) up to the codec's size limit. On failure prints why and
// returns false with *code set.
bool readInput(const QString &name, QByteArray *out, int *code)
{
    const qsizetype limit = alerts::ParseLimits().maxBytes;
    QFile file;
    bool opened = false;
    if (name == QLatin1String("-")) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(name);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened || (name != QLatin1String("-") && QFileInfo(name).isDir())) {
        printError(QStringLiteral("cannot read %1: %2")
                       .arg(name, opened ? QStringLiteral("is a folder") : file.errorString()));
        *code = ExitFailure;
        return false;
    }
    // One byte over the limit is enough to know it is too big; the codec then says so.
    *out = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError) {
        printError(QStringLiteral("cannot read %1: %2").arg(name, file.errorString()));
        *code = ExitFailure;
        return false;
    }
    if (out->size() > limit) {
        const qint64 size = name == QLatin1String("-") ? -1 : QFileInfo(name).size();
        printError(QStringLiteral("%1: %2 bytes; a CAP message may have at most %3")
                       .arg(name, size < 0 ? QStringLiteral("more than %1").arg(limit)
                                           : QString::number(size))
                       .arg(limit));
        *code = kExitInvalid;
        return false;
    }
    return true;
}

// Parses the file; prints each error as "line:col: path: message" on stderr.
bool parseInput(const QString &name, alerts::ParseResult *result, int *code)
{
    QByteArray xml;
    if (!readInput(name, &xml, code))
        return false;
    *result = alerts::parse(xml);
    if (result->ok)
        return true;
    for (const alerts::ParseError &e : std::as_const(result->errors))
        std::fprintf(stderr, "%s\n", e.toString().toLocal8Bit().constData());
    *code = kExitInvalid;
    return false;
}

QString summary(const alerts::Alert &a)
{
    QStringList languages;
    int areas = 0;
    for (const alerts::Info &info : a.infos) {
        languages.append(info.language);
        areas += int(info.areas.size());
    }
    return QStringLiteral("%1 %2 %3 from %4 sent %5, %6 info block(s) (%7), %8 area(s), expires %9")
        .arg(a.status, a.msgType, a.identifier, a.sender, alerts::formatTime(a.sent))
        .arg(a.infos.size())
        .arg(languages.join(QStringLiteral(", ")))
        .arg(areas)
        .arg(alerts::formatTime(alerts::expiry(a)));
}

bool parseDegrees(const QString &text, double min, double max, double *out)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !(value >= min && value <= max))
        return false;
    *out = value;
    return true;
}

int runValidate(const Context &, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks that FILE (\"-\": standard input) is a valid CAP 1.2 <alert>, with the rules\n"
        "hues-server applies when an alert is published. Prints a one-line summary; each\n"
        "error goes to stderr as \"line:column: element path: reason\".\n"
        "Exit status: 0 valid, 2 invalid (or a usage error), 1 the file cannot be read."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CAP XML file."));
    if (const int code =
            parseCommandLine(parser, invocation, args, invocation + QStringLiteral(" FILE"));
        code >= 0)
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(QStringLiteral("missing FILE"), invocation);
    if (files.size() > 1)
        return usageError(QStringLiteral("unexpected argument '%1'").arg(files.at(1)), invocation);

    alerts::ParseResult result;
    int code = ExitOk;
    if (!parseInput(files.first(), &result, &code)) {
        if (code == kExitInvalid && !result.errors.isEmpty())
            printOut(QStringLiteral("%1: invalid CAP 1.2: %2 error(s)\n")
                         .arg(files.first())
                         .arg(result.errors.size()));
        return code;
    }
    printOut(QStringLiteral("%1: valid CAP 1.2: %2\n").arg(files.first(), summary(result.alert)));
    return ExitOk;
}

int runMatch(const Context &, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tells whether a place is in the area of the CAP 1.2 alert in FILE (\"-\": standard\n"
        "input), as the app decides whether to notify: inside (or on the edge of) any\n"
        "polygon or circle; an alert without a placeable area concerns the whole province.\n"
        "Exit status: 0 inside, 3 outside, 2 invalid alert or usage error, 1 unreadable file."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CAP XML file."));
    const QCommandLineOption lat(QStringLiteral("lat"),
                                 QStringLiteral("Latitude of the place (WGS 84 degrees)."),
                                 QStringLiteral("DEG"));
    const QCommandLineOption lon({QStringLiteral("long"), QStringLiteral("lon")},
                                 QStringLiteral("Longitude of the place (WGS 84 degrees)."),
                                 QStringLiteral("DEG"));
    parser.addOptions({lat, lon});
    if (const int code = parseCommandLine(
            parser, invocation, args, invocation + QStringLiteral(" FILE --lat DEG --long DEG"));
        code >= 0)
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(QStringLiteral("missing FILE"), invocation);
    if (files.size() > 1)
        return usageError(QStringLiteral("unexpected argument '%1'").arg(files.at(1)), invocation);
    if (!parser.isSet(lat) || !parser.isSet(lon))
        return usageError(QStringLiteral("give both --lat and --long"), invocation);
    geo::LatLon place;
    if (!parseDegrees(parser.value(lat), -90, 90, &place.lat))
        return usageError(QStringLiteral("--lat takes decimal degrees from -90 to 90, not '%1'")
                              .arg(parser.value(lat)),
                          invocation);
    if (!parseDegrees(parser.value(lon), -180, 180, &place.lon))
        return usageError(QStringLiteral("--long takes decimal degrees from -180 to 180, not '%1'")
                              .arg(parser.value(lon)),
                          invocation);

    alerts::ParseResult result;
    int code = ExitOk;
    if (!parseInput(files.first(), &result, &code))
        return code;
    const alerts::Alert &alert = result.alert;
    const QString where = QString::number(place.lat, 'f', QLocale::FloatingPointShortest) +
                          QLatin1Char(',') +
                          QString::number(place.lon, 'f', QLocale::FloatingPointShortest);
    if (!alerts::concerns(alert, place.lat, place.lon)) {
        printOut(QStringLiteral("%1: %2 is outside the area of %3\n")
                     .arg(files.first(), where, alert.identifier));
        return kExitOutside;
    }
    // Name what matched, in the order concerns() looks.
    QString reason = QStringLiteral("the alert has no placeable area (the whole province)");
    for (const alerts::Info &info : alert.infos) {
        bool found = false;
        for (const alerts::Area &area : info.areas) {
            bool inside = !area.hasGeometry();
            for (const geo::Ring &ring : area.polygons)
                inside = inside || geo::polygonContains(ring, place);
            for (const alerts::Circle &c : area.circles)
                inside = inside || geo::circleContains(c.centre, c.radiusKm, place);
            if (inside) {
                reason = QStringLiteral("area '%1' (%2)").arg(area.areaDesc, info.language);
                found = true;
                break;
            }
        }
        if (found || info.areas.isEmpty())
            break;
    }
    printOut(QStringLiteral("%1: %2 is inside the area of %3: %4\n")
                 .arg(files.first(), where, alert.identifier, reason));
    return ExitOk;
}

} // namespace

int runCap(const Context &context, const QString &invocation, const QStringList &args)
{
    static const std::vector<Command> subcommands = {
        {"validate", "Check a CAP 1.2 file; print each error with its line and element.",
         runValidate},
        {"match", "Tell whether a place is in a CAP alert's area (exit 0 inside, 3 outside).",
         runMatch},
    };
    return dispatch(context, invocation,
                    QStringLiteral("CAP 1.2 alert files (OASIS Common Alerting Protocol), checked "
                                   "with the codec of the app and the server."),
                    subcommands, args);
}

} // namespace tool
