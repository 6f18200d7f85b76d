#include "CustomSchemeReceiver.h"

#include "logging.h"

#include <QDesktopServices>
#include <QTimer>

namespace auth {

CustomSchemeReceiver::CustomSchemeReceiver(const QUrl &redirectUri, QObject *parent)
    : RedirectReceiver(parent), m_redirectUri(redirectUri), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        close();
        Q_EMIT timedOut();
    });
}

CustomSchemeReceiver::~CustomSchemeReceiver()
{
    close();
}

bool CustomSchemeReceiver::listen(QString *error)
{
    // A private-use scheme must be a reverse domain name (RFC 8252 §7.1), never http(s).
    const QString scheme = m_redirectUri.scheme();
    if (!m_redirectUri.isValid() || !scheme.contains(QLatin1Char('.')) ||
        scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        if (error)
            *error = QStringLiteral("not a private-use URI scheme: ") + scheme;
        return false;
    }
    QDesktopServices::setUrlHandler(scheme, this, "handleUrl");
    m_listening = true;
    m_timer->start(timeout());
    return true;
}

void CustomSchemeReceiver::close()
{
    if (!m_listening)
        return;
    m_listening = false;
    m_timer->stop();
    QDesktopServices::unsetUrlHandler(m_redirectUri.scheme());
}

void CustomSchemeReceiver::handleUrl(const QUrl &url)
{
    if (!m_listening)
        return;
    if (url.scheme() != m_redirectUri.scheme() || url.path() != m_redirectUri.path() ||
        !url.host().isEmpty()) {
        qCInfo(lcAuth) << "ignored a URL of the app's scheme that is not the redirect";
        return;
    }
    const QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("state"))) {
        qCInfo(lcAuth) << "ignored a redirect without state";
        return;
    }
    close();
    Q_EMIT callbackReceived(query);
}

} // namespace auth
