// iOS: LocalAuthentication (Face ID, Touch ID). Built only for iOS (compile-guarded).
#include "UserPresence.h"

#if defined(Q_OS_IOS)

#include <QCoreApplication>
#include <QPointer>

#import <LocalAuthentication/LocalAuthentication.h>

namespace platform {

namespace {

class IosPresence : public UserPresence
{
public:
    using UserPresence::UserPresence;

    bool biometricsAvailable() const override
    {
        LAContext *context = [[LAContext alloc] init];
        return [context canEvaluatePolicy:LAPolicyDeviceOwnerAuthenticationWithBiometrics
                                    error:nil];
    }

    void requestBiometric(const QString &reason) override
    {
        LAContext *context = [[LAContext alloc] init];
        QPointer<IosPresence> self(this);
        [context evaluatePolicy:LAPolicyDeviceOwnerAuthenticationWithBiometrics
                localizedReason:reason.toNSString()
                          reply:^(BOOL success, NSError *error) {
                            const bool cancelled =
                                error && (error.code == LAErrorUserCancel ||
                                          error.code == LAErrorSystemCancel ||
                                          error.code == LAErrorUserFallback);
                            const QString why = success || cancelled
                                                    ? QString()
                                                    : QString::fromNSString(
                                                          error.localizedDescription);
                            // The reply comes on a private queue: back to the object's thread.
                            QMetaObject::invokeMethod(
                                qApp,
                                [self, success, why] {
                                    if (self)
                                        Q_EMIT self->biometricResult(success, why);
                                },
                                Qt::QueuedConnection);
                          }];
    }
};

} // namespace

UserPresence *UserPresence::create(QObject *parent)
{
    return new IosPresence(parent);
}

} // namespace platform

#endif
