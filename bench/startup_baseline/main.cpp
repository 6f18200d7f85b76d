// bench_startup_baseline: the smallest Qt Quick app worth comparing hues with. It loads a
// one-rectangle window and, on its first swapped frame, prints the same line as
// `hues --bench-startup`: first_frame_ms=X rss_kib=Y, X counted from HUES_BENCH_T0_NS.

#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <memory>
#include <unistd.h>

namespace {

qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> parts = f.readAll().split(' ');
    const long pageKiB = sysconf(_SC_PAGESIZE) / 1024;
    return parts.size() > 1 ? parts.at(1).toLongLong() * pageKiB : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/HuesBench/StartupBaseline/Main.qml")));
    auto *win = engine.rootObjects().isEmpty()
                    ? nullptr
                    : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!win) {
        std::fputs("bench_startup_baseline: the window could not be loaded\n", stderr);
        return 1;
    }

    // Same measurement as hues: a connection with a main-thread context, so with a threaded
    // render loop the time is taken on the main thread just after the swap, as in the app.
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = QObject::connect(win, &QQuickWindow::frameSwapped, &app, [conn] {
        QObject::disconnect(*conn);
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        const qint64 nowNs = qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
        const qint64 t0 = qEnvironmentVariable("HUES_BENCH_T0_NS").toLongLong();
        std::printf("first_frame_ms=%.2f rss_kib=%lld\n", t0 > 0 ? (nowNs - t0) / 1e6 : -1.0,
                    static_cast<long long>(residentKiB()));
        std::fflush(stdout);
        QTimer::singleShot(0, [] { QCoreApplication::exit(0); });
    });
    return QGuiApplication::exec();
}
