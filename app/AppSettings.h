#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QSettings;
class QQmlEngine;
class QJSEngine;

namespace net {
class ApiClient;
}
namespace store {
class StoreService;
}

namespace hues {

class LanguageManager;

// The user's settings as QML sees them: language, server address, local cache.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Settings)
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString serverUrlError READ serverUrlError NOTIFY serverUrlErrorChanged)
    Q_PROPERTY(QString storeNotice READ storeNotice NOTIFY storeNoticeChanged)
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT)

public:
    AppSettings(QSettings *settings, LanguageManager *language, net::ApiClient *client,
                store::StoreService *store, QObject *parent = nullptr);

    // QML gets the instance the application built.
    static AppSettings *create(QQmlEngine *, QJSEngine *);
    static void setInstance(AppSettings *instance);

    QString language() const;
    void setLanguage(const QString &code);
    QString serverUrl() const;
    QString serverUrlError() const { return m_serverUrlError; }
    QString storeNotice() const;
    QString appVersion() const { return QStringLiteral(HUES_VERSION); }

    // Validates, applies and keeps the address. False (and serverUrlError set) if invalid.
    Q_INVOKABLE bool setServerUrl(const QString &url);
    Q_INVOKABLE bool clearCache();
    Q_INVOKABLE void dismissStoreNotice();

    // The saved choices, for startup.
    QString savedLanguage() const;
    QString savedServerUrl() const;

Q_SIGNALS:
    void languageChanged();
    void serverUrlChanged();
    void serverUrlErrorChanged();
    void storeNoticeChanged();
    void cacheCleared();
    void cacheClearFailed(const QString &message);

private:
    QSettings *m_settings;
    LanguageManager *m_language;
    net::ApiClient *m_client;
    store::StoreService *m_store;
    QString m_serverUrlError;
};

} // namespace hues
