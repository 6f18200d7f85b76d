#include "AppRedirect.h"

namespace platform {

QUrl appRedirectUri()
{
#if defined(Q_OS_ANDROID) || defined(Q_OS_IOS)
    return customSchemeRedirectUri();
#else
    return {};
#endif
}

} // namespace platform
