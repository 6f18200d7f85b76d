// bench_startup: time to first frame and resident memory of hues next to a minimal Qt Quick
// window (bench_startup_baseline), both measured in the same run, alternately, and reported as
// a ratio and a difference. A measurement, not a test: it exits 0 whatever the figures are.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

constexpr double kTimeRatioTarget = 1.5;
constexpr double kRssDeltaTargetMiB = 40.0;

// One process run: what it printed and how it ended.
struct RunResult
{
    bool ok = false;
    double firstFrameMs = -1;
    qint64 rssKiB = -1;
    QString error;
};

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// The environment of the children: ours, minus HUES_BENCH_T0_NS, plus the platform plugin.
std::vector<std::string> childEnvironment(const QByteArray &platform)
{
    std::vector<std::string> env;
    for (char **e = environ; *e; ++e) {
        if (std::strncmp(*e, "HUES_BENCH_T0_NS=", 17) == 0 ||
            std::strncmp(*e, "QT_QPA_PLATFORM=", 16) == 0)
            continue;
        env.emplace_back(*e);
    }
    env.push_back("QT_QPA_PLATFORM=" + platform.toStdString());
    return env;
}

void readInto(int fd, QByteArray *out, bool *open)
{
    char buf[4096];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        out->append(buf, n);
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        *open = false;
}

// Starts `program` with `args`, HUES_BENCH_T0_NS set to CLOCK_MONOTONIC taken right before
// posix_spawn(), waits for it (killing it after timeoutMs) and parses its report line.
RunResult runOnce(const QString &program, const QStringList &args,
                  const std::vector<std::string> &baseEnv, int timeoutMs)
{
    RunResult r;
    std::vector<std::string> argStore{QFile::encodeName(program).toStdString()};
    for (const QString &a : args)
        argStore.push_back(a.toLocal8Bit().toStdString());
    std::vector<char *> argv;
    for (std::string &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    // HUES_BENCH_T0_NS is sized for any 64-bit value here and filled in just before the spawn.
    std::vector<std::string> envStore = baseEnv;
    envStore.push_back(std::string("HUES_BENCH_T0_NS=") + std::string(20, '\0'));
    std::vector<char *> envp;
    for (std::string &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    int outPipe[2];
    int errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
        r.error = QStringLiteral("pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);

    char *t0 = envStore.back().data() + 17;
    pid_t pid = -1;
    std::snprintf(t0, 20, "%lld", static_cast<long long>(monotonicNs()));
    const int spawnError = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(outPipe[1]);
    close(errPipe[1]);
    if (spawnError != 0) {
        close(outPipe[0]);
        close(errPipe[0]);
        r.error = QStringLiteral("cannot start %1: %2")
                      .arg(program, QString::fromLocal8Bit(std::strerror(spawnError)));
        return r;
    }

    QByteArray out;
    QByteArray err;
    bool outOpen = true;
    bool errOpen = true;
    bool timedOut = false;
    const qint64 deadline = monotonicNs() + qint64(timeoutMs) * 1000000;
    while (outOpen || errOpen) {
        const int left = int(std::max<qint64>(0, (deadline - monotonicNs()) / 1000000));
        if (left == 0) {
            timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
        if (!outOpen)
            fds[0].fd = -1;
        if (!errOpen)
            fds[1].fd = -1;
        if (poll(fds, 2, left) < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            readInto(outPipe[0], &out, &outOpen);
        if (fds[1].revents)
            readInto(errPipe[0], &err, &errOpen);
    }
    close(outPipe[0]);
    close(errPipe[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }

    static const QRegularExpression line(
        QStringLiteral("first_frame_ms=(-?[0-9.]+) rss_kib=(-?[0-9]+)"));
    const QRegularExpressionMatch m = line.match(QString::fromUtf8(out));
    const QString tail = QString::fromLocal8Bit(err.right(2000)).trimmed();
    if (timedOut)
        r.error = QStringLiteral("no exit within %1 ms").arg(timeoutMs);
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        r.error = WIFSIGNALED(status) ? QStringLiteral("killed by signal %1").arg(WTERMSIG(status))
                                      : QStringLiteral("exit code %1").arg(WEXITSTATUS(status));
    else if (!m.hasMatch())
        r.error = QStringLiteral("no first_frame_ms=... rss_kib=... line on stdout");
    else if (m.captured(1).toDouble() < 0 || m.captured(2).toLongLong() < 0)
        r.error = QStringLiteral("the process could not measure itself: %1")
                      .arg(QString::fromUtf8(out).trimmed());
    if (!r.error.isEmpty()) {
        if (!tail.isEmpty())
            r.error += QStringLiteral("\n  stderr: ") + tail;
        return r;
    }
    r.ok = true;
    r.firstFrameMs = m.captured(1).toDouble();
    r.rssKiB = m.captured(2).toLongLong();
    return r;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Measured figures of one program.
struct Series
{
    std::vector<double> ms;
    std::vector<double> rssMiB;
    RunResult warmUp;
};

void printRow(const char *what, const QString &base, const QString &app, const QString &cmp,
              const QString &target, const QString &ok)
{
    std::printf("| %s | %s | %s | %s | %s | %s |\n", what, qPrintable(base), qPrintable(app),
                qPrintable(cmp), qPrintable(target), qPrintable(ok));
}

QString num(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication core(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Startup of hues (time to first frame, resident memory) against a minimal Qt Quick "
        "window, run alternately in one session. QT_QPA_PLATFORM defaults to offscreen."));
    p.addHelpOption();
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Measured runs of each program (default 10)."),
                                  QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption warmUps(
        QStringLiteral("warm-up"),
        QStringLiteral("Unmeasured runs of each program first (default 1)."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("--server for hues (default http://127.0.0.1:9, where nothing listens)."),
        QStringLiteral("URL"), QStringLiteral("http://127.0.0.1:9"));
    const QCommandLineOption app(
        QStringLiteral("app"), QStringLiteral("The hues executable (default " HUES_BENCH_APP ")."),
        QStringLiteral("PATH"), QStringLiteral(HUES_BENCH_APP));
    const QCommandLineOption baseline(
        QStringLiteral("baseline"),
        QStringLiteral("The baseline executable (default " HUES_BENCH_BASELINE ")."),
        QStringLiteral("PATH"), QStringLiteral(HUES_BENCH_BASELINE));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds before a run counts as hung "
                                                    "(default 60)."),
                                     QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Print every run's figures."));
    p.addOptions({runs, warmUps, server, app, baseline, timeout, verbose});
    p.process(core);

    bool okRuns = false;
    bool okWarm = false;
    bool okTimeout = false;
    const int n = p.value(runs).toInt(&okRuns);
    const int warm = p.value(warmUps).toInt(&okWarm);
    const int timeoutS = p.value(timeout).toInt(&okTimeout);
    if (!okRuns || n < 1 || !okWarm || warm < 0 || !okTimeout || timeoutS < 1) {
        std::fputs("bench_startup: --runs and --timeout take a positive number, --warm-up a "
                   "number >= 0\n",
                   stderr);
        return 2;
    }
    const QString appPath = p.value(app);
    const QString basePath = p.value(baseline);
    for (const QString &path : {appPath, basePath}) {
        if (!QFileInfo(path).isExecutable()) {
            std::fprintf(stderr, "bench_startup: not an executable: %s\n", qPrintable(path));
            return 2;
        }
    }
    const QByteArray platform =
        qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ? qgetenv("QT_QPA_PLATFORM") : "offscreen";
    const std::vector<std::string> env = childEnvironment(platform);
    const bool talk = p.isSet(verbose);

    Series base;
    Series hues;
    bool failed = false;
    // Alternate baseline and hues, so drift in machine load hits both alike.
    for (int i = 0; i < warm + n && !failed; ++i) {
        const bool measured = i >= warm;
        for (int which = 0; which < 2; ++which) {
            const bool isApp = which == 1;
            QStringList args;
            std::unique_ptr<QTemporaryDir> dataDir;
            if (isApp) { // a first-start profile for hues on every run
                dataDir = std::make_unique<QTemporaryDir>();
                args = QStringList{QStringLiteral("--bench-startup"), QStringLiteral("--data-dir"),
                                   dataDir->path(), QStringLiteral("--server"), p.value(server)};
            }
            const RunResult r = runOnce(isApp ? appPath : basePath, args, env, timeoutS * 1000);
            const char *name = isApp ? "hues" : "baseline";
            if (!r.ok) {
                std::fprintf(stderr, "bench_startup: %s, run %d: %s\n", name, i + 1,
                             qPrintable(r.error));
                failed = true;
                break;
            }
            if (talk)
                std::fprintf(stderr, "%s %-8s first_frame_ms=%.2f rss_kib=%lld\n",
                             measured ? "run    " : "warm-up", name, r.firstFrameMs,
                             static_cast<long long>(r.rssKiB));
            Series &s = isApp ? hues : base;
            if (!measured) {
                if (i == 0)
                    s.warmUp = r;
                continue;
            }
            s.ms.push_back(r.firstFrameMs);
            s.rssMiB.push_back(r.rssKiB / 1024.0);
        }
    }
    if (failed)
        return 1;

    const double baseMs = median(base.ms);
    const double huesMs = median(hues.ms);
    const double baseMin = *std::min_element(base.ms.begin(), base.ms.end());
    const double huesMin = *std::min_element(hues.ms.begin(), hues.ms.end());
    const double baseRss = median(base.rssMiB);
    const double huesRss = median(hues.rssMiB);
    const double ratio = huesMs / baseMs;
    const double delta = huesRss - baseRss;

    std::printf("bench_startup: %d measured runs each, alternating, after %d warm-up; "
                "QT_QPA_PLATFORM=%s; Qt %s; %ld CPUs\n",
                n, warm, platform.constData(), qVersion(), sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("time: CLOCK_MONOTONIC just before posix_spawn() to the first frameSwapped "
                "seen on the main thread; includes exec and library loading\n\n");
    const QString yes = QStringLiteral("yes");
    const QString no = QStringLiteral("no");
    printRow("what", QStringLiteral("baseline"), QStringLiteral("hues"),
             QStringLiteral("ratio/delta"), QStringLiteral("target"), QStringLiteral("ok?"));
    printRow("---", QStringLiteral("---:"), QStringLiteral("---:"), QStringLiteral("---:"),
             QStringLiteral("---"), QStringLiteral("---"));
    printRow("first frame, median (ms)", num(baseMs), num(huesMs),
             num(ratio, 2) + QStringLiteral("x"), QStringLiteral("<= 1.5x"),
             ratio <= kTimeRatioTarget ? yes : no);
    printRow("first frame, min (ms)", num(baseMin), num(huesMin),
             num(huesMin / baseMin, 2) + QStringLiteral("x"), QString(), QString());
    if (warm > 0)
        printRow("first frame, 1st warm-up run (ms)", num(base.warmUp.firstFrameMs),
                 num(hues.warmUp.firstFrameMs),
                 num(hues.warmUp.firstFrameMs / base.warmUp.firstFrameMs, 2) + QStringLiteral("x"),
                 QString(), QString());
    printRow("RSS after first frame, median (MiB)", num(baseRss), num(huesRss),
             (delta >= 0 ? QStringLiteral("+") : QString()) + num(delta) + QStringLiteral(" MiB"),
             QStringLiteral("<= +40 MiB"), delta <= kRssDeltaTargetMiB ? yes : no);
    return 0;
}
