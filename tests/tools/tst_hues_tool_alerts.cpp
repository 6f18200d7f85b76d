// hues-tool alerts watch against hues-server, run as a user would: usage errors, alert events
// printed live as JSON lines (Alert, Update, Cancel), --since replaying what came after a
// sequence number, --count, a server that is down at first, and running until killed.
#include "PushSupport.h"
#include "TestServer.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using hues::test::TestServer;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe(const QStringList &args) const
    {
        return QStringLiteral("hues-tool %1\nexit: %2\nstdout:\n%3\nstderr:\n%4")
            .arg(args.join(QLatin1Char(' ')))
            .arg(exitCode)
            .arg(out, err);
    }
};

#define EXPECT_EXIT(result, args, code)                                                            \
    QVERIFY2((result).exitCode == (code), qPrintable((result).describe(args)))

// A running `hues-tool ... alerts watch`, its output collected as it comes.
class Watch : public QObject
{
public:
    explicit Watch(const QStringList &args, const QString &dataDir) : m_args(args)
    {
        m_process.setProgram(QStringLiteral(HUES_TOOL_PATH));
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

hues::test::Cap capNamed(const QString &identifier)
{
    hues::test::Cap c;
    c.identifier = identifier;
    c.sender = QStringLiteral("pc3hue@evn.com.vn");
    return c;
}

QJsonObject publish(const TestServer &server, const QString &token, const hues::test::Cap &cap)
{
    const hues::test::HttpResult r = hues::test::postCap(server, cap.xml(), token);
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
        QVERIFY2(QFileInfo(QStringLiteral(HUES_TOOL_PATH)).isExecutable(), HUES_TOOL_PATH);
        QVERIFY(m_dir.isValid());
        TestServer::Options o;
        o.seedDemo = true;
        o.dataDir = m_serverData.path();
        m_server = std::make_unique<TestServer>(o);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_partner = hues::test::partnerToken(*m_server);
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
            const Result r = run(args);
            EXPECT_EXIT(r, args, 2);
            QVERIFY2(r.out.isEmpty(), qPrintable(r.describe(args)));
            QVERIFY2(!r.err.isEmpty(), qPrintable(r.describe(args)));
        }
        const QStringList top{QStringLiteral("--help")};
        const Result h = run(top);
        EXPECT_EXIT(h, top, 0);
        QVERIFY(QRegularExpression(QStringLiteral("^  alerts +\\S"),
                                   QRegularExpression::MultilineOption)
                    .match(h.out)
                    .hasMatch());
        const QStringList help{QStringLiteral("alerts"), QStringLiteral("watch"),
                               QStringLiteral("--help")};
        const Result w = run(help);
        EXPECT_EXIT(w, help, 0);
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
        const hues::test::Cap first = capNamed(QStringLiteral("watch-first"));
        const QJsonObject a = publish(*m_server, m_partner, first);
        hues::test::Cap update = capNamed(QStringLiteral("watch-update"));
        update.msgType = QStringLiteral("Update");
        update.references = first.reference();
        update.headline = QString::fromUtf8("Nước đang rút");
        const QJsonObject b = publish(*m_server, m_partner, update);
        hues::test::Cap cancel = capNamed(QStringLiteral("watch-cancel"));
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
        const QJsonObject a = publish(*m_server, hues::test::partnerToken(*m_server),
                                      capNamed(QStringLiteral("after-restart")));
        QVERIFY(!a.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(watch.lines().size(), 1, 15000);
        QCOMPARE(watch.lines().constFirst().value("identifier").toString(),
                 QStringLiteral("after-restart"));
        QCOMPARE(watch.process().state(), QProcess::Running);
        watch.process().terminate();
        QVERIFY(watch.process().waitForFinished(10000));
    }

private:
    Result run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(HUES_TOOL_PATH),
                QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args);
        Result r;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitStatus() == QProcess::NormalExit)
            r.exitCode = p.exitCode();
        return r;
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_serverData;
    std::unique_ptr<TestServer> m_server;
    QString m_partner;
    qint64 m_firstSeq = 0;
};

QTEST_MAIN(TestHuesToolAlerts)
#include "tst_hues_tool_alerts.moc"
