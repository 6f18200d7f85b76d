// Android: notifications through the platform's NotificationManager (a channel per level), the
// Java side being org.hue.s.HuesNotifier in the Android package. Compile-guarded; not built by
// this project's desktop build (the Android build adds this file instead of Notifier_dbus.cpp).
#include "Notifier.h"

#if defined(Q_OS_ANDROID)

#include <QJniObject>
#include <QtCore/private/qandroidextras_p.h>

namespace platform {

namespace {

class AndroidNotifier : public Notifier
{
public:
    using Notifier::Notifier;

    bool isAvailable() const override
    {
        return QJniObject::callStaticMethod<jboolean>(
            "org/hue/s/HuesNotifier", "isEnabled", "(Landroid/content/Context;)Z",
            QNativeInterface::QAndroidApplication::context());
    }

    bool notify(const QString &key, const QString &title, const QString &body, Level level) override
    {
        const QJniObject jKey = QJniObject::fromString(key);
        const QJniObject jTitle = QJniObject::fromString(title);
        const QJniObject jBody = QJniObject::fromString(body);
        return QJniObject::callStaticMethod<jboolean>(
            "org/hue/s/HuesNotifier", "show",
            "(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;I)Z",
            QNativeInterface::QAndroidApplication::context(), jKey.object<jstring>(),
            jTitle.object<jstring>(), jBody.object<jstring>(), jint(level));
    }

    void withdraw(const QString &key) override
    {
        const QJniObject jKey = QJniObject::fromString(key);
        QJniObject::callStaticMethod<void>(
            "org/hue/s/HuesNotifier", "cancel", "(Landroid/content/Context;Ljava/lang/String;)V",
            QNativeInterface::QAndroidApplication::context(), jKey.object<jstring>());
    }
};

} // namespace

Notifier *Notifier::create(QObject *parent)
{
    return new AndroidNotifier(parent);
}

} // namespace platform

#endif // Q_OS_ANDROID
