// hues-tool alerts watch against hues-server, run as a user would: usage errors, alert events
// printed live as JSON lines (Alert, Update, Cancel), --since replaying what came after a
// sequence number, --count, a server that is down at first, and running until killed.
#include "CapMessage.h"
#include "TestServer.h"
#include "Tokens.h"
#include "ToolRunner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace hues::test;

namespace {

// A running `hues-tool ... alerts watch`, its output collected as it comes.
class Watch : public QObject
{
public:
    explicit Watch(const QStringList &args, const QString &dataDir) : m_args(args)
    {
        m_process.setProgram(toolExecutable());
        m_process.setArguments(QStringList{QStringLiteral("--data-dir"), dataDir} + args);
        connect(&m_process, &QProcess::readyReadStandardOutput, this,
                [this] { m_out += QString::fromUtf8(m_process.readAllStandardOutput()); });
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this] { m_err += QString::fromUtf8(m_process.readAllStandardError()); });
        m_process.start();
    }
    ~Watch() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }
    QString out() const { return m_out; }
    QString err() const { return m_err; }
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> list;
        for (const QString &line : m_out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            list.append(QJsonDocument::fromJson(line.toUtf8()).object());
        return list;
    }
    QString describe() const
    {
        return QStringLiteral("hues-tool %1\nstdout:\n%2\nstderr:\n%3")
            .arg(m_args.join(QLatin1Char(' ')), m_out, m_err);
    }

private:
    QStringList m_args;
    QProcess m_process;
    QString m_out;
    QString m_err;
};

Cap capNamed(const QString &identifier)
{
    Cap c;
    c.identifier = identifier;
    c.sender = QStringLiteral("pc3hue@evn.com.vn");
    return c;
}

QJsonObject publish(const TestServer &server, const QString &token, const Cap &cap)
{
    const HttpResult r = postCap(server, cap.xml(), token);
    if (r.status != 201)
        qWarning() << "publish:" << r.status << r.body;
    return r.object();
}

} // namespace

class TestHuesToolAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(toolExecutable()).isExecutable(), qPrintable(toolExecutable()));
        QVERIFY(m_dir.isValid());
        TestServer::Options o;
        o.seedDemo = true;
        o.dataDir = m_serverData.path();
        m_server = std::make_unique<TestServer>(o);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_partner = partnerToken(*m_server);
        QVERIFY(!m_partner.isEmpty());
    }

    void usage()
    {
        const QString server = m_server->baseUrl().toString();
        const QList<QStringList> bad = {
            {QStringLiteral("alerts"), QStringLiteral("watch")}, // no --server
            {QStringLiteral("--server"), server, QStringLiteral("alerts"), QStringLiteral("watch"),
             QStringLiteral("--since"), QStringLiteral("-1")},
            {QStringLiteral("--server"), server, QStringLiteral("alerts"), QStringLiteral("watch"),
             QStringLiteral("--since"), QStringLiteral("abc")},
            {QStringLiteral("--server"), server, QStringLiteral("alerts"), QStringLiteral("watch"),
             QStringLiteral("--count"), QStringLiteral("0")},
            {QStringLiteral("--server"), server, QStringLiteral("alerts"), QStringLiteral("watch"),
             QStringLiteral("extra")},
            {QStringLiteral("alerts"), QStringLiteral("nonsense")},
        };
        for (const QStringList &args : bad) {
            const ToolRun r = run(args);
            HUES_EXPECT_EXIT(r, 2);
            QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
            QVERIFY2(!r.err.isEmpty(), qPrintable(r.describe()));
        }
        const QStringList top{QStringLiteral("--help")};
        const ToolRun h = run(top);
        HUES_EXPECT_EXIT(h, 0);
        QVERIFY(h.listsCommand(QStringLiteral("alerts")));
        const QStringList help{QStringLiteral("alerts"), QStringLiteral("watch"),
                               QStringLiteral("--help")};
        const ToolRun w = run(help);
        HUES_EXPECT_EXIT(w, 0);
        QVERIFY2(w.out.startsWith(QLatin1String("Usage: hues-tool alerts watch [--since N]")),
                 qPrintable(w.out));
    }

    // Live: an Alert, its Update and the Cancel, one line each, then --count ends it.
    void watchLive()
    {
        Watch watch({QStringLiteral("--server"), m_server->baseUrl().toString(),
                     QStringLiteral("alerts"), QStringLiteral("watch"), QStringLiteral("--count"),
                     QStringLiteral("3")},
                    m_dir.path());
        QTRY_VERIFY2_WITH_TIMEOUT(watch.err().contains(QLatin1String("live after seq")),
                                  qPrintable(watch.describe()), 15000);
        const Cap first = capNamed(QStringLiteral("watch-first"));
        const QJsonObject a = publish(*m_server, m_partner, first);
        Cap update = capNamed(QStringLiteral("watch-update"));
        update.msgType = QStringLiteral("Update");
        update.references = first.reference();
        update.headline = QString::fromUtf8("Nước đang rút");
        const QJsonObject b = publish(*m_server, m_partner, update);
        Cap cancel = capNamed(QStringLiteral("watch-cancel"));
        cancel.msgType = QStringLiteral("Cancel");
        cancel.references = update.reference();
        const QJsonObject c = publish(*m_server, m_partner, cancel);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());

        QVERIFY2(watch.process().waitForFinished(15000), qPrintable(watch.describe()));
        QCOMPARE(watch.process().exitStatus(), QProcess::NormalExit);
        QVERIFY2(watch.process().exitCode() == 0, qPrintable(watch.describe()));
        const QList<QJsonObject> lines = watch.lines();
        QCOMPARE(lines.size(), 3);
        const QList<QJsonObject> published{a, b, c};
        const QStringList kinds{QStringLiteral("alert"), QStringLiteral("alert"),
                                QStringLiteral("alert_cancel")};
        const QStringList types{QStringLiteral("Alert"), QStringLiteral("Update"),
                                QStringLiteral("Cancel")};
        const QStringList ids{QStringLiteral("watch-first"), QStringLiteral("watch-update"),
                              QStringLiteral("watch-cancel")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject &l = lines.at(i);
            QCOMPARE(l.value("seq").toInteger(), published.at(i).value("seq").toInteger());
            QCOMPARE(l.value("kind").toString(), kinds.at(i));
            QCOMPARE(l.value("alert_id").toString(), published.at(i).value("alert_id").toString());
            QCOMPARE(l.value("identifier").toString(), ids.at(i));
            QCOMPARE(l.value("sender").toString(), QStringLiteral("pc3hue@evn.com.vn"));
            QCOMPARE(l.value("msg_type").toString(), types.at(i));
            QCOMPARE(l.value("severity").toString(), QStringLiteral("Severe"));
            QCOMPARE(l.value("event").toString(), QString::fromUtf8("Lũ"));
            QVERIFY(!l.value("sent").toString().isEmpty());
            QCOMPARE(l.keys().size(), 10);
        }
        QCOMPARE(lines.at(1).value("headline").toString(), QString::fromUtf8("Nước đang rút"));
        m_firstSeq = a.value("seq").toInteger();
    }

    // --since: what came after that sequence number first, in order.
    void watchSince()
    {
        QVERIFY(m_firstSeq > 0);
        Watch watch({QStringLiteral("--server"), m_server->baseUrl().toString(),
                     QStringLiteral("alerts"), QStringLiteral("watch"), QStringLiteral("--since"),
                     QString::number(m_firstSeq), QStringLiteral("--count"), QStringLiteral("2")},
                    m_dir.path());
        QVERIFY2(watch.process().waitForFinished(15000), qPrintable(watch.describe()));
        QVERIFY2(watch.process().exitCode() == 0, qPrintable(watch.describe()));
        const QList<QJsonObject> lines = watch.lines();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).value("identifier").toString(), QStringLiteral("watch-update"));
        QCOMPARE(lines.at(0).value("seq").toInteger(), m_firstSeq + 1);
        QCOMPARE(lines.at(1).value("identifier").toString(), QStringLiteral("watch-cancel"));
    }

    // Started while the server is down: it retries, and prints once the server is back; without
    // --count it goes on until killed.
    void serverDownThenUpUntilKilled()
    {
        const QString url = m_server->baseUrl().toString();
        QCOMPARE(m_server->stop(), 0);
        Watch watch(
            {QStringLiteral("--server"), url, QStringLiteral("alerts"), QStringLiteral("watch")},
            m_dir.path());
        QTRY_VERIFY2_WITH_TIMEOUT(watch.err().contains(QLatin1String("retrying")),
                                  qPrintable(watch.describe()), 15000);
        TestServer::Options o;
        o.seedDemo = true;
        o.dataDir = m_serverData.path();
        o.listen = m_server->baseUrl().authority();
        m_server = std::make_unique<TestServer>(o);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QTRY_VERIFY2_WITH_TIMEOUT(watch.err().contains(QLatin1String("live after seq")),
                                  qPrintable(watch.describe()), 20000);
        const QJsonObject a =
            publish(*m_server, partnerToken(*m_server), capNamed(QStringLiteral("after-restart")));
        QVERIFY(!a.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(watch.lines().size(), 1, 15000);
        QCOMPARE(watch.lines().constFirst().value("identifier").toString(),
                 QStringLiteral("after-restart"));
        QCOMPARE(watch.process().state(), QProcess::Running);
        watch.process().terminate();
        QVERIFY(watch.process().waitForFinished(10000));
    }

private:
    ToolRun run(const QStringList &args)
    {
        return runTool(QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args,
                       {{}, {}, 30000});
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_serverData;
    std::unique_ptr<TestServer> m_server;
    QString m_partner;
    qint64 m_firstSeq = 0;
};

QTEST_MAIN(TestHuesToolAlerts)
#include "tst_hues_tool_alerts.moc"
