#include "Tool.h"

#include "Commands.h"
#include "logging.h"
#include "net/ApiClient.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <algorithm>
#include <cstdio>

namespace tool {

namespace {

const QString kProgram = QStringLiteral("hues-tool");

// QCommandLineParser's help, with our usage line instead of argv[0]'s and a list
// of commands when there are some.
QString helpText(const QCommandLineParser &parser, const QString &usage,
                 const std::vector<Command> *commands = nullptr)
{
    QString text = parser.helpText();
    const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
    text = QStringLiteral("Usage: ") + usage + text.mid(firstLineEnd);
    if (commands) {
        qsizetype width = 0;
        for (const Command &c : *commands)
            width = std::max<qsizetype>(width, qstrlen(c.name));
        text += QStringLiteral("\nCommands:\n");
        for (const Command &c : *commands)
            text += QStringLiteral("  ") + QString::fromLatin1(c.name).leftJustified(width + 2) +
                    QString::fromUtf8(c.summary) + QLatin1Char('\n');
    }
    return text;
}

// Runs the command named by args[0] with the rest of args.
int runNamed(const Context &context, const QString &invocation,
             const std::vector<Command> &commands, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("missing command"), invocation);
    const QString &name = args.constFirst();
    for (const Command &c : commands) {
        if (name == QLatin1String(c.name))
            return c.run(context, invocation + QLatin1Char(' ') + name, args.mid(1));
    }
    if (name.startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("unknown option '%1'").arg(name), invocation);
    return usageError(QStringLiteral("unknown command '%1'").arg(name), invocation);
}

// A profile name becomes a folder name: no separators, no "..".
bool isValidProfile(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(name).hasMatch();
}

void setUpLogging(bool verbose)
{
    // QT_MESSAGE_PATTERN and QT_LOGGING_RULES, when set, still win over these.
    qSetMessagePattern(QStringLiteral("hues-tool: %{if-warning}warning: %{endif}"
                                      "%{if-critical}error: %{endif}%{category}: %{message}"));
    // Without --verbose, the tool's own messages are the whole story.
    if (!verbose)
        QLoggingCategory::setFilterRules(
            QStringLiteral("hues.*.debug=false\nhues.*.info=false\nhues.*.warning=false"));
}

} // namespace

bool Context::ensureDataDir() const
{
    if (QDir().mkpath(dataDir))
        return true;
    printError(QStringLiteral("cannot create the data folder %1").arg(dataDir));
    return false;
}

void printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "hues-tool: %s\n", message.toLocal8Bit().constData());
}

int usageError(const QString &message, const QString &invocation)
{
    printError(message);
    std::fprintf(stderr, "Try '%s --help'.\n", invocation.toLocal8Bit().constData());
    return ExitUsage;
}

int parseCommandLine(QCommandLineParser &parser, const QString &invocation, const QStringList &args,
                     const QString &usage)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    parser.addOption(help);
    if (!parser.parse(QStringList{invocation} + args))
        return usageError(parser.errorText(), invocation);
    if (parser.isSet(help)) {
        printOut(helpText(parser, usage));
        return ExitOk;
    }
    return -1;
}

int dispatch(const Context &context, const QString &invocation, const QString &description,
             const std::vector<Command> &commands, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    parser.addOption(help);
    if (!parser.parse(QStringList{invocation} + args))
        return usageError(parser.errorText(), invocation);
    if (parser.isSet(help)) {
        printOut(helpText(parser, invocation + QStringLiteral(" <command> [<args>]"), &commands));
        return ExitOk;
    }
    return runNamed(context, invocation, commands, parser.positionalArguments());
}

int run(const QStringList &arguments)
{
    const QString defaultDataDir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("hues-tool: a command line over the core of Hue-S.\n"
                       "Global options go before the command."));
    // Everything from the command on belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder of the local data, as the app's --data-dir (default: %1).")
            .arg(defaultDataDir),
        QStringLiteral("DIR"));
    const QCommandLineOption profile(
        QStringLiteral("profile"), QStringLiteral("Profile whose data to use (default: default)."),
        QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("City server address (https, or http to this machine)."),
        QStringLiteral("URL"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Show the log messages of core on stderr."));
    parser.addOptions({help, version, dataDir, profile, server, verbose});
    if (!parser.parse(arguments))
        return usageError(parser.errorText(), kProgram);
    if (parser.isSet(help)) {
        printOut(helpText(parser, kProgram + QStringLiteral(" [options] <command> [<args>]"),
                          &commands()));
        return ExitOk;
    }
    if (parser.isSet(version)) {
        printOut(kProgram + QStringLiteral(" " HUES_VERSION "\n"));
        return ExitOk;
    }

    Context context;
    context.verbose = parser.isSet(verbose);
    context.profile = parser.value(profile);
    if (!isValidProfile(context.profile))
        return usageError(QStringLiteral("bad --profile '%1': use up to 64 letters, digits, "
                                         "'.', '_' or '-', starting with a letter or digit")
                              .arg(context.profile),
                          kProgram);
    const QString dir = parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataDir;
    if (dir.isEmpty())
        return usageError(QStringLiteral("--data-dir needs a folder"), kProgram);
    context.dataDir = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (parser.isSet(server)) {
        const QUrl url(parser.value(server));
        QString why;
        if (!net::ApiClient::isAcceptableBaseUrl(url, &why))
            // Redacted: a mistyped address may carry a password or a token.
            return usageError(
                QStringLiteral("bad --server '%1': %2").arg(hues::redactUrl(url), why), kProgram);
        context.server = url;
    }

    setUpLogging(context.verbose);
    return runNamed(context, kProgram, commands(), parser.positionalArguments());
}

} // namespace tool
