// Runs the real hues-tool executable as a user would and collects what it printed.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hues::test {

// One finished run of hues-tool.
struct ToolRun
{
    QStringList args;
    int exitCode = -1; // -1 unless the tool ran and exited normally
    QString out;
    QString err;

    // The command line, the exit code and both outputs, for a failure message.
    QString describe() const;
    // Whether stdout lists the command name in a help text ("  name   what it does").
    bool listsCommand(const QString &name) const;
    // The value of the first "name: value" line of stdout.
    QString field(const QString &name) const;
};

struct ToolOptions
{
    // Non-empty: HOME and XDG_{DATA,CONFIG,CACHE}_HOME below this directory, and no logging
    // settings from outside (QT_LOGGING_RULES, QT_LOGGING_CONF, QT_MESSAGE_PATTERN).
    QString isolateIn;
    QByteArray input;      // written to stdin (which is closed in any case)
    int timeoutMs = 60000; // then the tool is killed: exitCode -1
};

// The hues-tool built with the tests.
QString toolExecutable();

// Runs hues-tool with args and waits for it to finish.
ToolRun runTool(const QStringList &args, const ToolOptions &options = {});

} // namespace hues::test

// Checks the exit code of a ToolRun and shows the whole run when it is wrong.
#define HUES_EXPECT_EXIT(run, code) QVERIFY2((run).exitCode == (code), qPrintable((run).describe()))
