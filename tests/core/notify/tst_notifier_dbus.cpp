// platform::DBusNotifier, the desktop notifications of Linux, against a fake
// org.freedesktop.Notifications registered by this test on a private bus (its own dbus-daemon,
// with no activatable services): the Notify arguments (urgency from the level, the body as
// plain text, the "default" action), replacing by key, CloseNotification on withdraw, clicks,
// the service closing a notification, a missing service (not available, never blocking, and
// available once it appears) and a hung one (calls time out, nothing waits).
#include "notify/Notifier.h"
#include "notify/Notifier_dbus.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

struct Call
{
    QString appName;
    uint replacesId = 0;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
};

// The notification daemon's side of the Desktop Notifications Specification, recording calls.
class FakeNotifications : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<Call> calls;
    QList<uint> closed;
    bool hang = false; // Notify never answers
    uint nextId = 41;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appIcon)
        calls.append({appName, replacesId, summary, body, actions, hints, expireTimeout});
        if (hang) {
            setDelayedReply(true); // and never reply
            return 0;
        }
        return replacesId != 0 ? replacesId : ++nextId;
    }
    void CloseNotification(uint id) { closed.append(id); }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

} // namespace

class TstNotifierDbus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void notifyArguments();
    void replaceAndWithdraw();
    void clickedAndClosed();
    void missingServiceThenAppears();
    void hungServiceNeverBlocks();
    void noBus();
    void platformCreate();

private:
    bool registerService();
    void unregisterService();

    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    std::unique_ptr<FakeNotifications> m_fake;
    int m_connections = 0;
    QString m_serviceConnection;
};

void TstNotifierDbus::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed");
    QVERIFY(m_dir.isValid());
    // A bus of our own: nothing on it but what this test puts there, nothing activatable.
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(
                "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
                "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\" "
                "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
                "</busconfig>\n")
                .arg(m_dir.path())
                .toUtf8());
    f.close();
    m_daemon.start(daemon, {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                            QStringLiteral("--print-address=1")});
    QVERIFY2(m_daemon.waitForStarted(10000), qPrintable(m_daemon.errorString()));
    while (!m_daemon.canReadLine()) {
        QVERIFY2(m_daemon.state() == QProcess::Running,
                 m_daemon.readAllStandardError().constData());
        QVERIFY2(m_daemon.waitForReadyRead(10000), "dbus-daemon printed no address");
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!m_address.isEmpty());
}

void TstNotifierDbus::cleanupTestCase()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5000))
            m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }
}

void TstNotifierDbus::init()
{
    m_fake = std::make_unique<FakeNotifications>();
    QVERIFY(registerService());
}

void TstNotifierDbus::cleanup()
{
    unregisterService();
    m_fake.reset();
}

bool TstNotifierDbus::registerService()
{
    m_serviceConnection = QStringLiteral("service-%1").arg(++m_connections);
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, m_serviceConnection);
    if (!bus.isConnected())
        return false;
    return bus.registerObject(kPath, m_fake.get(),
                              QDBusConnection::ExportAllSlots |
                                  QDBusConnection::ExportAllSignals) &&
           bus.registerService(kService);
}

void TstNotifierDbus::unregisterService()
{
    if (m_serviceConnection.isEmpty())
        return;
    {
        QDBusConnection bus(m_serviceConnection);
        bus.unregisterService(kService);
        bus.unregisterObject(kPath);
    }
    QDBusConnection::disconnectFromBus(m_serviceConnection);
    m_serviceConnection.clear();
}

// A notifier on a connection of its own (as the app's session bus connection is).
static QDBusConnection clientBus(const QString &address, int *counter)
{
    return QDBusConnection::connectToBus(address, QStringLiteral("client-%1").arg(++*counter));
}

void TstNotifierDbus::notifyArguments()
{
    platform::DBusNotifier notifier(clientBus(m_address, &m_connections));
    QTRY_VERIFY(notifier.isAvailabilityKnown());
    QVERIFY(notifier.isAvailable());
    QSignalSpy delivered(&notifier, &platform::DBusNotifier::delivered);
    QVERIFY(notifier.notify(QStringLiteral("alert-1"), QString::fromUtf8("Lũ trên sông Hương"),
                            QStringLiteral("Water <1 m> & rising"),
                            platform::Notifier::Level::Critical));
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.constFirst().at(1).toBool(), true);
    QCOMPARE(m_fake->calls.size(), 1);
    const Call &c = m_fake->calls.constFirst();
    QCOMPARE(c.appName, QStringLiteral("Hue-S"));
    QCOMPARE(c.replacesId, 0u);
    QCOMPARE(c.summary, QString::fromUtf8("Lũ trên sông Hương"));
    QCOMPARE(c.body, QStringLiteral("Water &lt;1 m&gt; &amp; rising"));
    QVERIFY(c.actions.size() == 2 && c.actions.constFirst() == QLatin1String("default"));
    QCOMPARE(c.hints.value(QStringLiteral("urgency")).toInt(), 2);
    QCOMPARE(c.expireTimeout, -1);
    QCOMPARE(notifier.notificationId(QStringLiteral("alert-1")), 42u);

    // Levels: Low 0, Normal 1.
    QVERIFY(notifier.notify(QStringLiteral("a-low"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Low));
    QVERIFY(notifier.notify(QStringLiteral("a-normal"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    QTRY_COMPARE(m_fake->calls.size(), 3);
    QCOMPARE(m_fake->calls.at(1).hints.value(QStringLiteral("urgency")).toInt(), 0);
    QCOMPARE(m_fake->calls.at(2).hints.value(QStringLiteral("urgency")).toInt(), 1);
    // No key, nothing shown.
    QVERIFY(!notifier.notify(QString(), QStringLiteral("t"), QStringLiteral("b"),
                             platform::Notifier::Level::Low));
}

void TstNotifierDbus::replaceAndWithdraw()
{
    platform::DBusNotifier notifier(clientBus(m_address, &m_connections));
    QSignalSpy delivered(&notifier, &platform::DBusNotifier::delivered);
    QVERIFY(notifier.notify(QStringLiteral("k"), QStringLiteral("one"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    // Asked again before the first call answered: sent after it, replacing it.
    QVERIFY(notifier.notify(QStringLiteral("k"), QStringLiteral("two"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    QTRY_COMPARE(delivered.count(), 2);
    QCOMPARE(m_fake->calls.size(), 2);
    const uint id = notifier.notificationId(QStringLiteral("k"));
    QVERIFY(id != 0);
    QCOMPARE(m_fake->calls.at(1).replacesId, id);
    QCOMPARE(m_fake->calls.at(1).summary, QStringLiteral("two"));
    // Later: replaces the same one.
    QVERIFY(notifier.notify(QStringLiteral("k"), QStringLiteral("three"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    QTRY_COMPARE(m_fake->calls.size(), 3);
    QCOMPARE(m_fake->calls.at(2).replacesId, id);

    notifier.withdraw(QStringLiteral("k"));
    QTRY_COMPARE(m_fake->closed, QList<uint>{id});
    QCOMPARE(notifier.notificationId(QStringLiteral("k")), 0u);
    notifier.withdraw(QStringLiteral("unknown")); // nothing to close
    // Withdrawn while its Notify is under way: closed once it has an id.
    QTRY_COMPARE(delivered.count(), 3);
    QVERIFY(notifier.notify(QStringLiteral("late"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    notifier.withdraw(QStringLiteral("late"));
    QTRY_COMPARE(m_fake->closed.size(), 2);
    QCOMPARE(notifier.notificationId(QStringLiteral("late")), 0u);
    QCOMPARE(m_fake->calls.size(), 4);
}

void TstNotifierDbus::clickedAndClosed()
{
    platform::DBusNotifier notifier(clientBus(m_address, &m_connections));
    QSignalSpy activated(&notifier, &platform::Notifier::activated);
    QSignalSpy delivered(&notifier, &platform::DBusNotifier::delivered);
    QVERIFY(notifier.notify(QStringLiteral("alert-7"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    QTRY_COMPARE(delivered.count(), 1);
    const uint id = notifier.notificationId(QStringLiteral("alert-7"));
    QVERIFY(id != 0);
    // Another application's notification clicked, then ours.
    Q_EMIT m_fake->ActionInvoked(id + 1000, QStringLiteral("default"));
    Q_EMIT m_fake->ActionInvoked(id, QStringLiteral("default"));
    QVERIFY(activated.wait(5000));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.constFirst().constFirst().toString(), QStringLiteral("alert-7"));
    // The user closed it: forgotten, so the next one is new (replaces nothing).
    Q_EMIT m_fake->NotificationClosed(id, 2);
    QTRY_COMPARE(notifier.notificationId(QStringLiteral("alert-7")), 0u);
    QVERIFY(notifier.notify(QStringLiteral("alert-7"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    QTRY_COMPARE(m_fake->calls.size(), 2);
    QCOMPARE(m_fake->calls.at(1).replacesId, 0u);
}

void TstNotifierDbus::missingServiceThenAppears()
{
    unregisterService();
    platform::DBusNotifier notifier(clientBus(m_address, &m_connections));
    QSignalSpy changed(&notifier, &platform::Notifier::availabilityChanged);
    QTRY_VERIFY(notifier.isAvailabilityKnown());
    QVERIFY(!notifier.isAvailable());
    QCOMPARE(changed.count(), 1);
    QElapsedTimer t;
    t.start();
    QVERIFY(!notifier.notify(QStringLiteral("k"), QStringLiteral("t"), QStringLiteral("b"),
                             platform::Notifier::Level::Normal));
    QVERIFY(t.elapsed() < 1000);
    // The desktop's daemon starts: notifications work.
    QVERIFY(registerService());
    QTRY_VERIFY(notifier.isAvailable());
    QCOMPARE(changed.count(), 2);
    QVERIFY(notifier.notify(QStringLiteral("k"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    QTRY_COMPARE(m_fake->calls.size(), 1);
}

void TstNotifierDbus::hungServiceNeverBlocks()
{
    m_fake->hang = true;
    platform::DBusNotifier notifier(clientBus(m_address, &m_connections), 500);
    QTRY_VERIFY(notifier.isAvailabilityKnown());
    QSignalSpy delivered(&notifier, &platform::DBusNotifier::delivered);
    QElapsedTimer t;
    t.start();
    QVERIFY(notifier.notify(QStringLiteral("k"), QStringLiteral("t"), QStringLiteral("b"),
                            platform::Notifier::Level::Normal));
    notifier.withdraw(QStringLiteral("k"));
    QVERIFY(t.elapsed() < 200); // nothing waited for the service
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.constFirst().at(1).toBool(), false);
    QCOMPARE(notifier.notificationId(QStringLiteral("k")), 0u);
    QVERIFY(m_fake->closed.isEmpty());
}

void TstNotifierDbus::noBus()
{
    platform::DBusNotifier notifier(QDBusConnection(QStringLiteral("never-connected")));
    QVERIFY(notifier.isAvailabilityKnown());
    QVERIFY(!notifier.isAvailable());
    QVERIFY(!notifier.notify(QStringLiteral("k"), QStringLiteral("t"), QStringLiteral("b"),
                             platform::Notifier::Level::Critical));
    notifier.withdraw(QStringLiteral("k"));
}

void TstNotifierDbus::platformCreate()
{
    // The app's notifier: the session bus (here: ours).
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    QObject parent;
    platform::Notifier *notifier = platform::Notifier::create(&parent);
    QVERIFY(notifier);
    QCOMPARE(notifier->parent(), &parent);
    QVERIFY(notifier->notify(QStringLiteral("k"), QStringLiteral("t"), QStringLiteral("b"),
                             platform::Notifier::Level::Normal));
    QTRY_COMPARE(m_fake->calls.size(), 1);
    QVERIFY(notifier->isAvailable());
}

QTEST_MAIN(TstNotifierDbus)
#include "tst_notifier_dbus.moc"
