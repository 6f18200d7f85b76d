#include "Notifier_dbus.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>
#include <QPointer>

namespace platform {

namespace {

Q_LOGGING_CATEGORY(lcNotify, "hues.notify")

constexpr const char *kBusService = "org.freedesktop.DBus";
constexpr const char *kBusPath = "/org/freedesktop/DBus";
constexpr const char *kBusInterface = "org.freedesktop.DBus";

// The Notify arguments: app_name, replaces_id, app_icon, summary, body, actions, hints,
// expire_timeout.
constexpr int kReplacesId = 1;

uchar urgencyOf(Notifier::Level level)
{
    switch (level) {
    case Notifier::Level::Low:
        return 0;
    case Notifier::Level::Normal:
        return 1;
    case Notifier::Level::Critical:
        return 2;
    }
    return 1;
}

} // namespace

DBusNotifier::DBusNotifier(const QDBusConnection &bus, int timeoutMs, QObject *parent)
    : Notifier(parent), m_bus(bus), m_timeoutMs(timeoutMs)
{
    if (!m_bus.isConnected()) {
        qCInfo(lcNotify) << "no D-Bus session bus: system notifications are off";
        m_known = true;
        return;
    }
    // Until the bus answers, notifications are tried (a call to a missing service fails fast
    // and turns them off).
    m_available = true;
    m_watcher = new QDBusServiceWatcher(QString::fromLatin1(kService), m_bus,
                                        QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                // A new owner knows nothing of the old one's notifications.
                m_entries.clear();
                if (!newOwner.isEmpty()) {
                    m_known = true;
                    setAvailable(true);
                } else {
                    probe(); // gone; still activatable?
                }
            });
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                  QString::fromLatin1(kInterface), QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvokedSlot(uint, QString)));
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                  QString::fromLatin1(kInterface), QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosedSlot(uint, uint)));
    probe();
}

DBusNotifier::~DBusNotifier() = default;

bool DBusNotifier::isAvailable() const
{
    return m_available;
}

uint DBusNotifier::notificationId(const QString &key) const
{
    return m_entries.value(key).id;
}

void DBusNotifier::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    qCInfo(lcNotify) << "desktop notifications" << (available ? "available" : "unavailable");
    Q_EMIT availabilityChanged();
}

void DBusNotifier::probe()
{
    // Running now, or started by the bus on the first call (activatable)?
    QDBusMessage hasOwner = QDBusMessage::createMethodCall(
        QString::fromLatin1(kBusService), QString::fromLatin1(kBusPath),
        QString::fromLatin1(kBusInterface), QStringLiteral("NameHasOwner"));
    hasOwner << QString::fromLatin1(kService);
    auto *watch = new QDBusPendingCallWatcher(m_bus.asyncCall(hasOwner, m_timeoutMs), this);
    connect(watch, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<bool> reply = *w;
        if (!reply.isError() && reply.value()) {
            m_known = true;
            setAvailable(true);
            return;
        }
        QDBusMessage list = QDBusMessage::createMethodCall(
            QString::fromLatin1(kBusService), QString::fromLatin1(kBusPath),
            QString::fromLatin1(kBusInterface), QStringLiteral("ListActivatableNames"));
        auto *next = new QDBusPendingCallWatcher(m_bus.asyncCall(list, m_timeoutMs), this);
        connect(next, &QDBusPendingCallWatcher::finished, this,
                [this](QDBusPendingCallWatcher *w2) {
                    w2->deleteLater();
                    const QDBusPendingReply<QStringList> names = *w2;
                    m_known = true;
                    setAvailable(!names.isError() &&
                                 names.value().contains(QString::fromLatin1(kService)));
                });
    });
}

bool DBusNotifier::notify(const QString &key, const QString &title, const QString &body,
                          Level level)
{
    if (!m_available || !m_bus.isConnected() || key.isEmpty())
        return false;
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgencyOf(level)));
    const QString appId = QCoreApplication::applicationName();
    if (!appId.isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), appId);
    // Plain text: a service that understands markup would read '<' and '&' as markup.
    const QString plainBody = body.toHtmlEscaped();
    const QVariantList arguments = {
        m_appName,
        QVariant::fromValue(uint(0)),
        QString(),
        title,
        plainBody,
        QStringList{QStringLiteral("default"),
                    QCoreApplication::translate("platform::Notifier", "Open")},
        hints,
        QVariant::fromValue(int(-1)),
    };
    Entry &entry = m_entries[key];
    entry.withdrawn = false;
    if (entry.pending) {
        entry.queued = arguments; // replaces what the call under way shows, once it has an id
        return true;
    }
    send(key, arguments);
    return true;
}

void DBusNotifier::send(const QString &key, const QVariantList &arguments)
{
    Entry &entry = m_entries[key];
    QVariantList args = arguments;
    args[kReplacesId] = QVariant::fromValue(entry.id);
    entry.pending = true;
    entry.queued.reset();
    QDBusMessage call =
        QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                                       QString::fromLatin1(kInterface), QStringLiteral("Notify"));
    call.setArguments(args);
    auto *watch = new QDBusPendingCallWatcher(m_bus.asyncCall(call, m_timeoutMs), this);
    connect(watch, &QDBusPendingCallWatcher::finished, this,
            [this, key](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                auto it = m_entries.find(key);
                if (it == m_entries.end())
                    return; // the service changed meanwhile
                it->pending = false;
                if (reply.isError()) {
                    const QDBusError error = reply.error();
                    qCInfo(lcNotify).noquote()
                        << "notification not shown:" << error.name() << error.message();
                    if (error.type() == QDBusError::ServiceUnknown) {
                        m_known = true;
                        setAvailable(false);
                    }
                    std::optional<QVariantList> queued = it->queued;
                    if (queued && !it->withdrawn && m_available) {
                        send(key, *queued);
                    } else if (it->id == 0) {
                        m_entries.erase(it);
                    }
                    Q_EMIT delivered(key, false);
                    return;
                }
                const uint id = reply.value();
                if (it->withdrawn) {
                    m_entries.erase(it);
                    close(id);
                    Q_EMIT delivered(key, true);
                    return;
                }
                it->id = id;
                if (it->queued)
                    send(key, *it->queued);
                Q_EMIT delivered(key, true);
            });
}

void DBusNotifier::withdraw(const QString &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    if (it->pending) {
        it->withdrawn = true;
        it->queued.reset();
        return;
    }
    const uint id = it->id;
    m_entries.erase(it);
    if (id != 0)
        close(id);
}

void DBusNotifier::close(uint id)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        QString::fromLatin1(kService), QString::fromLatin1(kPath), QString::fromLatin1(kInterface),
        QStringLiteral("CloseNotification"));
    call << QVariant::fromValue(id);
    auto *watch = new QDBusPendingCallWatcher(m_bus.asyncCall(call, m_timeoutMs), this);
    connect(watch, &QDBusPendingCallWatcher::finished, watch, &QObject::deleteLater);
}

QString DBusNotifier::keyOf(uint id) const
{
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it)
        if (it->id == id && id != 0)
            return it.key();
    return QString();
}

void DBusNotifier::onActionInvokedSlot(uint id, const QString &action)
{
    const QString key = keyOf(id);
    if (key.isEmpty())
        return; // another application's notification
    if (action == QLatin1String("default"))
        Q_EMIT activated(key);
}

void DBusNotifier::onClosedSlot(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = keyOf(id);
    if (!key.isEmpty() && !m_entries.value(key).pending)
        m_entries.remove(key);
}

#if !defined(Q_OS_ANDROID) && !defined(Q_OS_IOS)
Notifier *Notifier::create(QObject *parent)
{
    return new DBusNotifier(QDBusConnection::sessionBus(), 3000, parent);
}
#endif

} // namespace platform
