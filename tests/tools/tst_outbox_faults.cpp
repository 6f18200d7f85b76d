// The outbox under faults: 20 reports with photos are queued with `hues-tool report new
// --offline`, then `hues-tool outbox sync` is killed with SIGKILL at random moments (after a
// random delay, or after N lines of its output) again and again, with the server stopped and
// started in between. At the end the server holds each report exactly once with its photos,
// and the local store agrees. The seed is printed; HUES_FAULT_SEED=<n> replays a run.
#include "PhotoSamples.h"
#include "TestServer.h"
#include "ToolRunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using hues::test::TestServer;
using hues::test::toolExecutable;

namespace {

constexpr int kReports = 20;

struct Run
{
    int exitCode = -1;
    bool killed = false;
    int lines = 0;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1 killed %2\nstdout:\n%3\nstderr:\n%4")
            .arg(exitCode)
            .arg(killed)
            .arg(out, err);
    }
};

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString description(int i)
{
    return QStringLiteral("fault report %1").arg(i, 2, 10, QLatin1Char('0'));
}

int photosOf(int i)
{
    return 1 + i % 3;
}

} // namespace

class TstOutboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedSyncsSendEachReportOnce();

private:
    QStringList base() const;
    // Runs hues-tool; with killAfterLines >= 0 it is killed (SIGKILL) once it has printed that
    // many lines, with killAfterMs >= 0 once that much time has passed, whichever comes first.
    Run run(const QStringList &args, int killAfterLines = -1, int killAfterMs = -1);
    bool startServer();

    QTemporaryDir m_dir;
    QString m_serverDir;
    int m_port = 0;
    std::unique_ptr<TestServer> m_server;
    QStringList m_photoFiles;
    int m_restarts = 0;
};

void TstOutboxFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_serverDir = m_dir.filePath(QStringLiteral("server"));
    m_port = freePort();
    QVERIFY(startServer());
    for (int i = 0; i < 3; ++i) {
        const QString path = m_dir.filePath(QStringLiteral("photo%1.jpg").arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(photosamples::encode(photosamples::photoLike(1600 + 400 * i, 1200, quint32(i + 7)),
                                     "jpeg", 90));
        m_photoFiles << path;
    }
}

bool TstOutboxFaults::startServer()
{
    if (m_server)
        m_server->stop();
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = m_serverDir;
    o.listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    m_server = std::make_unique<TestServer>(o);
    return m_server->start();
}

QStringList TstOutboxFaults::base() const
{
    return {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("client")),
            QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:%1").arg(m_port)};
}

Run TstOutboxFaults::run(const QStringList &args, int killAfterLines, int killAfterMs)
{
    QProcess p;
    Run r;
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, [&loop, &p] {
        if (p.state() == QProcess::NotRunning)
            loop.quit();
    });
    QObject::connect(&p, &QProcess::readyReadStandardOutput, &loop, [&] {
        r.out += QString::fromUtf8(p.readAllStandardOutput());
        r.lines = int(r.out.count(QLatin1Char('\n')));
        if (killAfterLines >= 0 && r.lines >= killAfterLines && p.state() == QProcess::Running &&
            !r.killed) {
            r.killed = true;
            p.kill();
        }
    });
    QTimer killer;
    killer.setSingleShot(true);
    QObject::connect(&killer, &QTimer::timeout, &loop, [&] {
        if (p.state() == QProcess::Running && !r.killed) {
            r.killed = true;
            p.kill();
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        p.kill();
        loop.quit();
    });
    p.start(toolExecutable(), base() + args);
    if (killAfterLines == 0) {
        r.killed = true;
        p.kill();
    }
    if (killAfterMs >= 0)
        killer.start(killAfterMs);
    deadline.start(60000);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    p.waitForFinished(5000); // reaped: its pid is gone before the next run looks at the lock
    r.out += QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.lines = int(r.out.count(QLatin1Char('\n')));
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

void TstOutboxFaults::killedSyncsSendEachReportOnce()
{
    QElapsedTimer clock;
    clock.start();
    const quint32 seed = qEnvironmentVariableIsSet("HUES_FAULT_SEED")
                             ? quint32(qEnvironmentVariableIntValue("HUES_FAULT_SEED"))
                             : QRandomGenerator::system()->generate();
    qInfo("fault seed: %u (HUES_FAULT_SEED=%u replays this run)", seed, seed);
    QRandomGenerator rng(seed);

    // 20 reports, 1 to 3 photos each, queued without sending.
    for (int i = 0; i < kReports; ++i) {
        QStringList args{QStringLiteral("report"),      QStringLiteral("new"),
                         QStringLiteral("--category"),  QStringLiteral("flooding"),
                         QStringLiteral("--lat"),       QString::number(16.46 + i * 0.001, 'f', 4),
                         QStringLiteral("--long"),      QStringLiteral("107.59"),
                         QStringLiteral("--attribute"), QStringLiteral("flood_depth=lt20"),
                         QStringLiteral("--text"),      description(i),
                         QStringLiteral("--offline")};
        for (int k = 0; k < photosOf(i); ++k)
            args << QStringLiteral("--photo") << m_photoFiles.at(k);
        const Run r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.startsWith(QLatin1String("queued: ")), qPrintable(r.describe()));
    }
    const qint64 queuedMs = clock.elapsed();

    // Kill the sender again and again; stop and start the server between some runs.
    int kills = 0;
    int sentLines = 0;
    int downRuns = 0;
    int replays = 0; // sends whose first answer a kill lost: the server replayed them
    const int rounds = 10;
    for (int round = 0; round < rounds; ++round) {
        if (round % 3 == 2) {
            QCOMPARE(m_server->stop(), 0);
            ++m_restarts;
            if (rng.bounded(2) == 0) {
                // A sync with the server down: everything waits, nothing is lost.
                const Run down = run({QStringLiteral("outbox"), QStringLiteral("sync")});
                // (Exit 0 only once everything was sent before.)
                QVERIFY2(down.exitCode == 1 || (down.exitCode == 0 && down.out.isEmpty()),
                         qPrintable(down.describe()));
                QVERIFY2(down.out.isEmpty() || down.out.startsWith(QLatin1String("waiting ")),
                         qPrintable(down.describe()));
                ++downRuns;
            }
            QVERIFY2(startServer(), qPrintable(m_server->errorString()));
        }
        // Half the runs die after a few lines (between two sends), half after a random time
        // (before, during or after an upload, or after the server committed).
        const bool byLines = rng.bounded(2) == 0;
        const int lines = byLines ? 1 + int(rng.bounded(3)) : -1;
        const int delay = byLines ? -1 : 20 + int(rng.bounded(600));
        const Run r = run({QStringLiteral("outbox"), QStringLiteral("sync")}, lines, delay);
        sentLines += int(r.out.count(QLatin1String("sent ")));
        replays += int(r.out.count(QLatin1String("(replayed)")));
        QVERIFY2(!r.out.contains(QLatin1String("failed ")), qPrintable(r.describe()));
        if (r.killed) {
            ++kills;
            qInfo("round %d: killed after %s (%d lines printed)", round,
                  qPrintable(byLines ? QStringLiteral("%1 lines").arg(lines)
                                     : QStringLiteral("%1 ms").arg(delay)),
                  r.lines);
        } else {
            qInfo("round %d: finished before the kill (exit %d, %d lines)", round, r.exitCode,
                  r.lines);
        }
    }

    // Now let it finish: everything is sent, each once.
    Run last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        last = run({QStringLiteral("outbox"), QStringLiteral("sync")});
        if (last.exitCode == 0)
            break;
    }
    QVERIFY2(last.exitCode == 0, qPrintable(last.describe()));
    replays += int(last.out.count(QLatin1String("(replayed)")));

    // The server: exactly one request per report, with its photos.
    QHash<QString, QString> serverIds; // description -> id
    {
        QSqlQuery q(m_server->database());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT r.description, r.id, (SELECT COUNT(*) FROM service_request_media m WHERE "
            "m.request_id = r.id) FROM service_requests r WHERE r.description LIKE 'fault "
            "report %'")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const QString text = q.value(0).toString();
            QVERIFY2(!serverIds.contains(text), qPrintable(QStringLiteral("twice: ") + text));
            serverIds.insert(text, q.value(1).toString());
            const int index = text.mid(13).toInt();
            QCOMPARE(q.value(2).toInt(), photosOf(index));
        }
        QCOMPARE(rows, kReports);
    }
    for (int i = 0; i < kReports; ++i)
        QVERIFY2(serverIds.contains(description(i)), qPrintable(description(i)));

    // The local store: all sent, with the server's ids.
    const Run list =
        run({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray items = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(items.size(), kReports);
    QSet<QString> remoteIds;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("sent"));
        remoteIds.insert(o.value(QLatin1String("remote_id")).toString());
    }
    const QList<QString> ids = serverIds.values();
    QCOMPARE(remoteIds, QSet<QString>(ids.cbegin(), ids.cend()));

    // And by report: each item's remote id is the server's id of its description.
    {
        const QString db = m_dir.filePath(QStringLiteral("client/profiles/default/hues.sqlite"));
        QSqlDatabase local =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("faults-local"));
        local.setDatabaseName(db);
        QVERIFY(local.open());
        QSqlQuery q(local);
        QVERIFY(q.exec(QStringLiteral("SELECT payload, remote_id FROM outbox")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const QString text = QJsonDocument::fromJson(q.value(0).toByteArray())
                                     .object()
                                     .value(QLatin1String("description"))
                                     .toString();
            QCOMPARE(q.value(1).toString(), serverIds.value(text));
        }
        QCOMPARE(rows, kReports);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("faults-local"));

    qInfo("fault run: seed %u, %d reports queued in %lld ms, %d kills, %d server restarts "
          "(%d syncs while it was down), %d 'sent' lines before the last sync, %d in it, %d "
          "replayed, total %lld ms",
          seed, kReports, static_cast<long long>(queuedMs), kills, m_restarts, downRuns, sentLines,
          int(last.out.count(QLatin1String("sent "))), replays,
          static_cast<long long>(clock.elapsed()));
    QVERIFY(kills >= 4);
}

QTEST_MAIN(TstOutboxFaults)
#include "tst_outbox_faults.moc"
