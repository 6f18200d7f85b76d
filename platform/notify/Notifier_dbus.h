#pragma once

#include "Notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QVariantMap>

#include <optional>

class QDBusServiceWatcher;

namespace platform {

// The desktop's notification service (org.freedesktop.Notifications, Desktop Notifications
// Specification 1.2) on a D-Bus connection. Every call is asynchronous with a timeout, so a
// missing, slow or hung service never blocks the app: isAvailable() is false when there is no
// bus, and once the bus said the service is neither running nor activatable (it becomes true
// again when the service appears). Clicking a notification (its "default" action) emits
// activated(key).
class DBusNotifier : public Notifier
{
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";
    static constexpr const char *kInterface = "org.freedesktop.Notifications";

    // bus: the session bus normally; tests give a private one. timeoutMs bounds every call.
    explicit DBusNotifier(const QDBusConnection &bus, int timeoutMs = 3000,
                          QObject *parent = nullptr);
    ~DBusNotifier() override;

    bool isAvailable() const override;
    bool notify(const QString &key, const QString &title, const QString &body,
                Level level) override;
    void withdraw(const QString &key) override;

    // The name shown as the sender of the notifications (default "Hue-S").
    void setApplicationName(const QString &name) { m_appName = name; }
    // Whether the bus has answered whether the service exists (for tests).
    bool isAvailabilityKnown() const { return m_known; }
    // The service's id of the notification shown for `key`; 0 when none (for tests).
    uint notificationId(const QString &key) const;

Q_SIGNALS:
    // A Notify call finished: shown (with the service's id) or failed (for logs and tests).
    void delivered(const QString &key, bool shown);

private Q_SLOTS:
    // The service's signals (connected by name: QDBusConnection::connect needs slots).
    void onActionInvokedSlot(uint id, const QString &action);
    void onClosedSlot(uint id, uint reason);

private:
    struct Entry
    {
        uint id = 0;          // the service's id, 0 until Notify answered
        bool pending = false; // a Notify call is under way
        // Asked for while a call was under way: sent when it returns.
        std::optional<QVariantList> queued;
        bool withdrawn = false; // withdraw() while a call was under way
    };

    void probe();
    void setAvailable(bool available);
    void send(const QString &key, const QVariantList &arguments);
    void close(uint id);
    QString keyOf(uint id) const;

    QDBusConnection m_bus;
    int m_timeoutMs;
    QString m_appName = QStringLiteral("Hue-S");
    bool m_available = false;
    bool m_known = false;
    QDBusServiceWatcher *m_watcher = nullptr;
    QHash<QString, Entry> m_entries;
};

} // namespace platform
