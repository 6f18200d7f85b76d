#include "UserPresence.h"

namespace platform {

// Desktops and kiosks: no biometric prompt, the app's PIN only.
UserPresence *UserPresence::create(QObject *parent)
{
    return new NoBiometricsPresence(parent);
}

} // namespace platform
