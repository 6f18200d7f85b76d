// Android: BiometricPrompt. Built only for Android (compile-guarded).
#include "UserPresence.h"

#if defined(Q_OS_ANDROID)

namespace platform {

UserPresence *UserPresence::create(QObject *parent)
{
    return new NoBiometricsPresence(parent);
}

} // namespace platform

#endif
