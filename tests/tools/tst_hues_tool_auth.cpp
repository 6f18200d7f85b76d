// hues-tool login / whoami, run as a user would, against the real hues-server: the test is the
// phone that opens the printed URL, signs in and approves. The session is kept in the system's
// secure storage: a throwaway GNOME Keyring when run through with-keyring.sh.
#include "Backends.h"
#include "PlainBrowser.h"
#include "TestServer.h"
#include "ToolRunner.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using authtest::PlainBrowser;
using namespace hues::test;

namespace {

bool withKeyring()
{
    return qEnvironmentVariable("HUES_TEST_KEYRING") == QLatin1String("1");
}

} // namespace

class TstHuesToolAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void usageErrors_data();
    void usageErrors();
    void loginAndWhoami();
    void loginDenied();
    void loginWithoutKeychain();

private:
    QStringList base() const;
    ToolRun run(const QStringList &args, int timeoutMs = 60000);
    // Starts login, approves (or denies) on the "phone", returns the finished run.
    ToolRun login(const QStringList &extra, const QString &decision = QStringLiteral("approve"));

    TestServer m_server{seeded()};
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstHuesToolAuth::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TstHuesToolAuth::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QStringList TstHuesToolAuth::base() const
{
    return {QStringLiteral("--data-dir"), m_dir->path()};
}

ToolRun TstHuesToolAuth::run(const QStringList &args, int timeoutMs)
{
    return runTool(base() + args, {{}, {}, timeoutMs});
}

ToolRun TstHuesToolAuth::login(const QStringList &extra, const QString &decision)
{
    ToolRun r;
    r.args = base() +
             QStringList{"login", "--issuer", m_server.baseUrl().toString(), "--timeout", "60"} +
             extra;
    QProcess p;
    p.start(toolExecutable(), r.args);
    QString out;
    QDeadlineTimer deadline(30000);
    static const QRegularExpression link(QStringLiteral("or open (\\S+)"));
    QRegularExpressionMatch m;
    while (!deadline.hasExpired() && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(500);
        out += QString::fromUtf8(p.readAllStandardOutput());
        m = link.match(out);
        if (m.hasMatch())
            break;
    }
    if (m.hasMatch()) {
        PlainBrowser phone;
        phone.username = QStringLiteral("citizen");
        phone.password = QStringLiteral("hues-citizen-demo");
        phone.decision = decision;
        const PlainBrowser::Page done = phone.browse(QUrl(m.captured(1)));
        if (done.status != 200)
            qWarning() << "the phone got" << done.status << done.body.left(300);
    }
    if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    else
        p.kill();
    r.out = out + QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TstHuesToolAuth::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no issuer") << QStringList{"login"} << "--issuer";
    QTest::newRow("http issuer") << QStringList{"login", "--issuer", "http://id.example"}
                                 << "https";
    QTest::newRow("bad timeout") << QStringList{"login", "--issuer", "https://id.example",
                                                "--timeout", "0"}
                                 << "--timeout";
    QTest::newRow("whoami argument") << QStringList{"whoami", "extra"} << "unexpected";
}

void TstHuesToolAuth::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const ToolRun r = run(args);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
}

void TstHuesToolAuth::loginAndWhoami()
{
    if (!withKeyring())
        QSKIP("needs a throwaway keyring: run through tests/core/auth/with-keyring.sh");
    QElapsedTimer clock;
    clock.start();
    const ToolRun in = login({});
    QVERIFY2(in.exitCode == 0, qPrintable(in.describe()));
    qInfo("login, approved on the phone: %lld ms", static_cast<long long>(clock.elapsed()));
    QVERIFY2(in.out.contains("To sign in, open "), qPrintable(in.describe()));
    QVERIFY2(in.out.contains(QString::fromUtf8("Signed in as Nguyễn Thị Hương")),
             qPrintable(in.describe()));
    QVERIFY(in.out.contains("subject: "));
    QVERIFY2(!in.err.contains("warning"), qPrintable(in.describe()));

    // Another process finds the session in the keyring.
    const ToolRun who = run({"whoami"});
    QVERIFY2(who.exitCode == 0, qPrintable(who.describe()));
    QVERIFY(who.out.contains(QString::fromUtf8("name: Nguyễn Thị Hương")));
    QVERIFY(who.out.contains("client: hues-tool"));
    QVERIFY(who.out.contains(QString::fromUtf8("citizen ID: •••")));
    const ToolRun json = run({"whoami", "--json"});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value("issuer").toString(), m_server.baseUrl().toString());
    QVERIFY(!o.value("subject").toString().isEmpty());
    QVERIFY(o.value("citizen_id").toString().startsWith(QChar(0x2022)));
    // No secret on the terminal: no token, no full citizen ID.
    for (const QString &text : {in.out, in.err, who.out, who.err, json.out})
        QVERIFY2(!text.contains("eyJ"), qPrintable(text)); // no JWT anywhere

    // Another profile has nobody signed in.
    const ToolRun other = run({"--profile", "other", "whoami"});
    QVERIFY2(other.exitCode == 1, qPrintable(other.describe()));
    QVERIFY(other.err.contains("not signed in"));
}

void TstHuesToolAuth::loginDenied()
{
    const ToolRun r = login({"--no-keychain"}, QStringLiteral("deny"));
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("refused"), qPrintable(r.describe()));
    QVERIFY(!r.out.contains("Signed in"));
}

void TstHuesToolAuth::loginWithoutKeychain()
{
    const ToolRun in = login({"--no-keychain"});
    QVERIFY2(in.exitCode == 0, qPrintable(in.describe()));
    QVERIFY(in.out.contains(QString::fromUtf8("Signed in as Nguyễn Thị Hương")));
    QVERIFY2(in.err.contains("was not kept"), qPrintable(in.describe()));
    if (!withKeyring() && qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        return; // not touching a keyring that may be the user's
    const ToolRun who = run({"whoami"});
    QVERIFY2(who.exitCode == 1, qPrintable(who.describe()));
    QVERIFY(who.err.contains("not signed in"));
}

QTEST_GUILESS_MAIN(TstHuesToolAuth)
#include "tst_hues_tool_auth.moc"
