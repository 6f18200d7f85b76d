// Where the platform has no notification service Hue-S can use (or the build has no D-Bus):
// a notifier that is never available, so the app shows its own banner instead.
#include "Notifier.h"

namespace platform {

namespace {

class UnavailableNotifier : public Notifier
{
public:
    using Notifier::Notifier;
    bool isAvailable() const override { return false; }
    bool notify(const QString &, const QString &, const QString &, Level) override { return false; }
    void withdraw(const QString &) override {}
};

} // namespace

Notifier *createUnavailableNotifier(QObject *parent)
{
    return new UnavailableNotifier(parent);
}

#if !defined(HUES_HAVE_DBUS_NOTIFIER) && !defined(Q_OS_ANDROID) && !defined(Q_OS_IOS)
Notifier *Notifier::create(QObject *parent)
{
    return createUnavailableNotifier(parent);
}
#endif

} // namespace platform
