#pragma once

#include "RedirectReceiver.h"

class QTimer;

namespace auth {

// The redirect of a phone app (RFC 8252 §7.1): a private-use URI scheme in reverse-domain
// form ("vn.hue.hues:/oauth2redirect") that the OS routes to the app (Android: an intent
// filter; iOS: CFBundleURLTypes; see platform/oauth/). The OS hands the URL to Qt, which
// calls the handler registered with QDesktopServices::setUrlHandler: this receiver, while it
// listens. Only a URL with the same scheme and path counts; anything else is ignored.
class CustomSchemeReceiver : public RedirectReceiver
{
    Q_OBJECT
public:
    explicit CustomSchemeReceiver(const QUrl &redirectUri, QObject *parent = nullptr);
    ~CustomSchemeReceiver() override;

    bool listen(QString *error = nullptr) override;
    void close() override;
    QUrl redirectUri() const override { return m_redirectUri; }
    bool isListening() const { return m_listening; }

    // Called by QDesktopServices (the URL handler); public for that reason only.
    Q_INVOKABLE void handleUrl(const QUrl &url);

private:
    QUrl m_redirectUri;
    QTimer *m_timer;
    bool m_listening = false;
};

} // namespace auth
