#include "UserPresence.h"

#include <QCoreApplication>
#include <QTimer>

namespace platform {

void NoBiometricsPresence::requestBiometric(const QString &reason)
{
    Q_UNUSED(reason)
    // Answered from the event loop, as a real prompt would be.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT biometricResult(false,
                               QCoreApplication::translate("platform::UserPresence",
                                                           "This device has no fingerprint or face "
                                                           "unlock. Use your PIN."));
    });
}

} // namespace platform
