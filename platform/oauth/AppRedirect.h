#pragma once

#include <QUrl>

namespace platform {

// How the OS returns the browser's authorization response to the app (RFC 8252 §7).
// Desktop: an empty URL, meaning a loopback listener (auth::LoopbackReceiver). Android and
// iOS: the app's private-use URI scheme (auth::CustomSchemeReceiver), which the OS routes to
// the app because the app declares it (android/AndroidManifest.xml, ios/Info.plist here).
QUrl appRedirectUri();

// The private-use redirect registered for the hues-app client at the city's provider.
inline QUrl customSchemeRedirectUri()
{
    return QUrl(QStringLiteral("vn.hue.hues:/oauth2redirect"));
}

} // namespace platform
