#include "ToolRunner.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>

namespace hues::test {

QString ToolRun::describe() const
{
    return QStringLiteral("hues-tool %1\nexit: %2\nstdout:\n%3\nstderr:\n%4")
        .arg(args.join(QLatin1Char(' ')))
        .arg(exitCode)
        .arg(out, err);
}

bool ToolRun::listsCommand(const QString &name) const
{
    return QRegularExpression(QStringLiteral("^  %1 +\\S").arg(QRegularExpression::escape(name)),
                              QRegularExpression::MultilineOption)
        .match(out)
        .hasMatch();
}

QString ToolRun::field(const QString &name) const
{
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(name + QStringLiteral(": ")))
            return line.mid(name.size() + 2);
    }
    return {};
}

QString toolExecutable()
{
    return QStringLiteral(HUES_TOOL_EXE);
}

ToolRun runTool(const QStringList &args, const ToolOptions &options)
{
    QProcess process;
    if (!options.isolateIn.isEmpty()) {
        const QDir dir(options.isolateIn);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("xdg-config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("xdg-cache")));
        for (const char *name : {"QT_LOGGING_RULES", "QT_LOGGING_CONF", "QT_MESSAGE_PATTERN"})
            env.remove(QLatin1String(name));
        process.setProcessEnvironment(env);
    }
    process.start(toolExecutable(), args);
    if (!options.input.isEmpty())
        process.write(options.input);
    process.closeWriteChannel();
    ToolRun run;
    run.args = args;
    const bool finished = process.waitForFinished(options.timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    } else if (process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    if (!finished)
        run.err += QStringLiteral("\n(did not finish within %1 ms: %2)")
                       .arg(options.timeoutMs)
                       .arg(process.errorString());
    return run;
}

} // namespace hues::test
