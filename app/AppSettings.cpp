#include "AppSettings.h"

#include "LanguageManager.h"
#include "net/ApiClient.h"
#include "store/StoreService.h"

#include <QJSEngine>
#include <QPointer>
#include <QSettings>

namespace hues {

namespace {
QPointer<AppSettings> g_instance;
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kServerKey = QStringLiteral("net/serverUrl");
} // namespace

AppSettings::AppSettings(QSettings *settings, LanguageManager *language, net::ApiClient *client,
                         store::StoreService *store, QObject *parent)
    : QObject(parent), m_settings(settings), m_language(language), m_client(client), m_store(store)
{
    connect(m_language, &LanguageManager::languageChanged, this, &AppSettings::languageChanged);
    connect(m_client, &net::ApiClient::baseUrlChanged, this, &AppSettings::serverUrlChanged);
    connect(m_store, &store::StoreService::noticeChanged, this, &AppSettings::storeNoticeChanged);
    connect(m_store, &store::StoreService::cacheCleared, this, &AppSettings::cacheCleared);
}

AppSettings *AppSettings::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void AppSettings::setInstance(AppSettings *instance)
{
    g_instance = instance;
}

QString AppSettings::language() const
{
    return m_language->language();
}

void AppSettings::setLanguage(const QString &code)
{
    if (code == language() || !m_language->setLanguage(code))
        return;
    m_settings->setValue(kLanguageKey, code);
}

QString AppSettings::savedLanguage() const
{
    const QString saved = m_settings->value(kLanguageKey).toString();
    return LanguageManager::supported().contains(saved) ? saved : QStringLiteral("vi");
}

QString AppSettings::savedServerUrl() const
{
    return m_settings->value(kServerKey).toString();
}

QString AppSettings::serverUrl() const
{
    return m_client->baseUrl().toString();
}

bool AppSettings::setServerUrl(const QString &text)
{
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    QString why;
    const bool ok = !text.trimmed().isEmpty() && net::ApiClient::isAcceptableBaseUrl(url, &why);
    const QString error = ok ? QString() : (why.isEmpty() ? tr("Enter the server address.") : why);
    if (error != m_serverUrlError) {
        m_serverUrlError = error;
        Q_EMIT serverUrlErrorChanged();
    }
    if (!ok)
        return false;
    m_client->setBaseUrl(url);
    m_settings->setValue(kServerKey, m_client->baseUrl().toString());
    return true;
}

bool AppSettings::clearCache()
{
    if (m_store->clearCache())
        return true;
    Q_EMIT cacheClearFailed(
        tr("The local cache could not be cleared: %1").arg(m_store->errorString()));
    return false;
}

QString AppSettings::storeNotice() const
{
    return m_store->notice();
}

void AppSettings::dismissStoreNotice()
{
    m_store->dismissNotice();
}

} // namespace hues
