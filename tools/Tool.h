#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <vector>

class QCommandLineParser;

namespace tool {

// Exit codes of hues-tool, as scripts see them.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// What the global options (given before the command) decided.
struct Context
{
    QString dataDir; // absolute; not created until a command needs it
    QString profile;
    QUrl server; // empty unless --server was given; validated
    bool verbose = false;

    // Creates the data folder; on failure prints the error and returns false.
    bool ensureDataDir() const;
};

// One command of a command group: `hues-tool NAME ...` or `hues-tool GROUP NAME ...`.
// The handler gets the arguments after NAME; `invocation` is e.g. "hues-tool store".
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const Context &context, const QString &invocation, const QStringList &args);
};

// Runs hues-tool with the full argument list (arguments[0] is the program).
int run(const QStringList &arguments);

// Runs one of `commands` named by args[0], or handles --help; for command groups.
int dispatch(const Context &context, const QString &invocation, const QString &description,
             const std::vector<Command> &commands, const QStringList &args);

// Parses the arguments of a leaf command (the --help option is added here). Returns
// -1 to go on, or the exit code when help was printed or the arguments were wrong.
int parseCommandLine(QCommandLineParser &parser, const QString &invocation, const QStringList &args,
                     const QString &usage);

void printOut(const QString &text);
void printError(const QString &message);
// Prints a usage error with the hint to the help of `invocation`; returns ExitUsage.
int usageError(const QString &message, const QString &invocation);

} // namespace tool
