#pragma once

#include <QObject>
#include <QSize>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>

class QGuiApplication;
class QQmlApplicationEngine;
class QQuickWindow;
class QSettings;

namespace net {
class ApiClient;
class ServerStatus;
} // namespace net
namespace store {
class StoreService;
}
namespace platform {
class Notifier;
class SecureStore;
class UserPresence;
} // namespace platform
namespace reports {
class ReportsService;
}
namespace alerts {
class AlertsService;
}
namespace payments {
class PaymentsService;
}

namespace hues {

class AccountService;
class AppSettings;
class KioskIdle;
class LanguageManager;
class LocationService;

// What the command line asked for.
struct AppOptions
{
    QString dataDir;
    QString serverUrl;
    QString language;
    QString page;
    QString screenshotFile;
    QSize size;
    bool kiosk = false;
    int kioskIdleSeconds = 90; // kiosk: idle time before the "Still there?" countdown
    bool selfTest = false;
    bool benchStartup = false;
    QString position; // "LAT,LON[,ACCURACY]": a fixed position instead of the platform's
};

// The composition root: builds the core services in dependency order, wires them,
// and shows the QML front end.
class Application : public QObject
{
    Q_OBJECT
public:
    explicit Application(AppOptions options, QObject *parent = nullptr);
    ~Application() override;

    // Parses argv (needs no QGuiApplication, so --help works without a display). False
    // when the program should exit now with *exitCode: --help, --version, or a bad option
    // (then why is on stderr).
    static bool parseArguments(const QStringList &arguments, AppOptions *options, int *exitCode);
    // Builds the services and loads the UI. False (with a message on stderr) if it cannot.
    bool start();
    int exitCode() const { return m_exitCode; }

    QQmlApplicationEngine *engine() const { return m_engine.get(); }
    QQuickWindow *window() const;
    const AppOptions &options() const { return m_options; }
    net::ApiClient *apiClient() const { return m_client; }
    net::ServerStatus *serverStatus() const { return m_status; }
    store::StoreService *store() const { return m_store; }
    AppSettings *settings() const { return m_settings; }
    AccountService *account() const { return m_account; }
    KioskIdle *kioskIdle() const { return m_kioskIdle; }
    reports::ReportsService *reports() const { return m_reports; }
    LocationService *location() const { return m_location; }
    alerts::AlertsService *alerts() const { return m_alerts; }
    platform::Notifier *notifier() const { return m_notifier; }
    payments::PaymentsService *payments() const { return m_payments; }

    // Before start(), for tests: where tokens are kept (not owned; default: the platform's
    // secure store, or memory on a kiosk) and how URLs reach the browser.
    void setSecureStore(platform::SecureStore *store) { m_injectedSecureStore = store; }
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_urlOpener = std::move(opener); }
    // Before start(), for tests: the system notifications (not owned; default: the platform's).
    void setNotifier(platform::Notifier *notifier) { m_injectedNotifier = notifier; }

    // Calls Main.qml's openPage(); false for an unknown page.
    bool openPage(const QString &name);
    QStringList pageNames() const;

    static QString defaultServerUrl() { return QStringLiteral("http://127.0.0.1:8080"); }

private:
    void fail(const QString &message, int code);
    void takeScreenshot();
    void runSelfTest();
    void reportStartup();
    void startServicesAfterFirstFrame(QQuickWindow *win);
    void startServices();

    // The services start on the first frame, or after this long if none comes.
    static constexpr int kServicesStartAtLatestMs = 1000;

    AppOptions m_options;
    int m_exitCode = 0;
    std::unique_ptr<QSettings> m_qsettings;
    LanguageManager *m_language = nullptr;
    net::ApiClient *m_client = nullptr;
    net::ServerStatus *m_status = nullptr;
    store::StoreService *m_store = nullptr;
    AppSettings *m_settings = nullptr;
    platform::SecureStore *m_injectedSecureStore = nullptr;
    std::function<bool(const QUrl &)> m_urlOpener;
    AccountService *m_account = nullptr;
    KioskIdle *m_kioskIdle = nullptr;
    reports::ReportsService *m_reports = nullptr;
    LocationService *m_location = nullptr;
    platform::Notifier *m_injectedNotifier = nullptr;
    platform::Notifier *m_notifier = nullptr;
    alerts::AlertsService *m_alerts = nullptr;
    platform::UserPresence *m_presence = nullptr;
    payments::PaymentsService *m_payments = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QMetaObject::Connection m_firstFrame;
    bool m_servicesStarted = false;
};

} // namespace hues
