#pragma once

#include <QObject>
#include <QString>

namespace platform {

// System notifications (a new alert, a report's status changed): the desktop's notification
// service (org.freedesktop.Notifications over D-Bus on Linux), the platform's notification
// manager on Android and iOS (compile-guarded, not built here). Where none exists,
// isAvailable() is false and notify() does nothing; the app then shows its own banner.
class Notifier : public QObject
{
    Q_OBJECT
public:
    enum class Level { Low, Normal, Critical }; // Critical: Extreme/Severe alerts

    using QObject::QObject;

    virtual bool isAvailable() const = 0;
    // Shows a notification; `key` identifies it so that a later notify() with the same key
    // replaces it (an updated alert). Returns false when it could not be shown.
    virtual bool notify(const QString &key, const QString &title, const QString &body,
                        Level level) = 0;
    // Removes the notification of `key` if shown (a cancelled alert).
    virtual void withdraw(const QString &key) = 0;

    // The platform's notifier (D-Bus on Linux desktops), owned by parent.
    static Notifier *create(QObject *parent = nullptr);

Q_SIGNALS:
    // The user clicked the notification of `key` (where the platform reports it).
    void activated(const QString &key);
    // Addition: isAvailable() changed (e.g. the desktop's notification service appeared or
    // turned out to be missing).
    void availabilityChanged();
};

} // namespace platform
