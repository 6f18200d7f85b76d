#include "Application.h"

#include "AccountService.h"
#include "AppSettings.h"
#include "KioskIdle.h"
#include "LanguageManager.h"
#include "LocationService.h"
#include "QmlForeign.h"
#include "alerts/AlertsService.h"
#include "auth/Session.h"
#include "logging.h"
#include "net/ApiClient.h"
#include "net/ServerStatus.h"
#include "notify/Notifier.h"
#include "payments/PaymentsService.h"
#include "presence/UserPresence.h"
#include "reports/ReportsService.h"
#include "securestore/SecureStore.h"
#include "store/StoreService.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <ctime>

Q_IMPORT_QML_PLUGIN(Hues_ServicesPlugin)
Q_IMPORT_QML_PLUGIN(Hues_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hues_AppPlugin)

namespace hues {

namespace {

void printErr(const QString &text)
{
    std::fprintf(stderr, "hues: %s\n", text.toLocal8Bit().constData());
}

qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts.at(1).toLongLong() * 4 : -1; // pages of 4 KiB
}

} // namespace

Application::Application(AppOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

Application::~Application()
{
    // The QML engine goes first: its bindings refer to the services.
    m_engine.reset();
    // Payments listen to the alerts' push stream.
    delete m_payments;
    // Alerts use the reports' outbox and sender, the notifier and the API client.
    delete m_alerts;
    // The session leaves the API client it authenticates before the client goes.
    delete m_kioskIdle;
    delete m_account;
}

void Application::fail(const QString &message, int code)
{
    printErr(message);
    m_exitCode = code;
}

bool Application::parseArguments(const QStringList &arguments, AppOptions *options, int *exitCode)
{
    auto fail = [exitCode](const QString &message, int code) {
        printErr(message);
        *exitCode = code;
    };
    AppOptions &o = *options;
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Hue-S: the citizen app of Huế"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("City server address for this run."),
                                    QStringLiteral("URL"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Folder for local data and settings."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("UI language: vi or en."),
                                  QStringLiteral("vi|en"));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("Page to open first."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render, write a PNG and exit."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"),
                                   QStringLiteral("Full-screen kiosk mode."));
    const QCommandLineOption kioskIdle(
        QStringLiteral("kiosk-idle"),
        QStringLiteral("Kiosk: seconds without input before a signed-in user is asked whether "
                       "they are still there, then signed out (default 90)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load every page, then quit."));
    const QCommandLineOption bench(
        QStringLiteral("bench-startup"),
        QStringLiteral("Print time to first frame and memory, then quit."));
    const QCommandLineOption position(
        QStringLiteral("position"),
        QStringLiteral("Use this fixed position instead of the device's (no GPS here)."),
        QStringLiteral("LAT,LON[,ACCURACY]"));
    p.addOptions(
        {server, dataDir, lang, page, shot, size, kiosk, kioskIdle, selfTest, bench, position});
    if (!p.parse(arguments)) {
        fail(p.errorText() + QStringLiteral("\nTry 'hues --help'."), 2);
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        *exitCode = 0;
        return false;
    }
    if (p.isSet(QStringLiteral("version"))) {
        std::printf("hues %s\n", HUES_VERSION);
        *exitCode = 0;
        return false;
    }
    if (!p.positionalArguments().isEmpty()) {
        fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().constFirst()),
             2);
        return false;
    }
    o.serverUrl = p.value(server);
    o.dataDir = p.value(dataDir);
    o.language = p.value(lang);
    o.page = p.value(page);
    o.screenshotFile = p.value(shot);
    o.kiosk = p.isSet(kiosk);
    o.selfTest = p.isSet(selfTest);
    if (p.isSet(kioskIdle)) {
        bool ok = false;
        o.kioskIdleSeconds = p.value(kioskIdle).toInt(&ok);
        if (!ok || o.kioskIdleSeconds < 1 || o.kioskIdleSeconds > 24 * 3600) {
            fail(QStringLiteral("bad --kiosk-idle '%1' (seconds, 1 to 86400)")
                     .arg(p.value(kioskIdle)),
                 2);
            return false;
        }
    }
    o.benchStartup = p.isSet(bench);
    if (p.isSet(position)) {
        o.position = p.value(position);
        if (!LocationService::parseFix(o.position)) {
            fail(QStringLiteral("bad --position '%1' (use LAT,LON or LAT,LON,ACCURACY_M)")
                     .arg(o.position),
                 2);
            return false;
        }
    }
    if (!o.language.isEmpty() && !LanguageManager::supported().contains(o.language)) {
        fail(QStringLiteral("unknown language '%1' (use vi or en)").arg(o.language), 2);
        return false;
    }
    if (p.isSet(size)) {
        const QStringList wh = p.value(size).split(QLatin1Char('x'));
        bool okW = false;
        bool okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 200 || h < 200 || w > 8192 || h > 8192) {
            fail(QStringLiteral("bad --size '%1' (use WxH, e.g. 412x892)").arg(p.value(size)), 2);
            return false;
        }
        o.size = QSize(w, h);
    }
    if (!o.serverUrl.isEmpty()) {
        QString why;
        if (!net::ApiClient::isAcceptableBaseUrl(QUrl(o.serverUrl), &why)) {
            fail(QStringLiteral("bad --server '%1': %2").arg(o.serverUrl, why), 2);
            return false;
        }
    }
    return true;
}

bool Application::start()
{
    QElapsedTimer phase;
    phase.start();
    auto trace = [&phase](const char *what) {
        qCDebug(lcApp, "startup: %s after %lld ms", what, static_cast<long long>(phase.elapsed()));
    };
    QString dataDir = m_options.dataDir;
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        fail(QStringLiteral("cannot create the data folder %1").arg(dataDir), 1);
        return false;
    }
    m_qsettings = std::make_unique<QSettings>(
        QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);

    // Core services, in dependency order.
    m_store = new store::StoreService(this);
    if (!m_store->open(dataDir)) {
        fail(QStringLiteral("cannot open the local database in %1: %2")
                 .arg(dataDir, m_store->errorString()),
             1);
        return false;
    }
    trace("store open");
    m_client = new net::ApiClient(this);
    m_language = new LanguageManager(this);
    m_settings = new AppSettings(m_qsettings.get(), m_language, m_client, m_store, this);

    const QString saved = m_settings->savedServerUrl();
    QString serverUrl = m_options.serverUrl;
    if (serverUrl.isEmpty())
        serverUrl = net::ApiClient::isAcceptableBaseUrl(QUrl(saved)) ? saved : defaultServerUrl();
    m_client->setBaseUrl(QUrl(serverUrl));
    // After the address is set: ServerStatus checks whenever it changes, and the first check
    // waits for the first frame (startServices()).
    m_status = new net::ServerStatus(m_client, this);
    m_language->setLanguage(m_options.language.isEmpty() ? m_settings->savedLanguage()
                                                         : m_options.language);
    m_client->setLanguage(m_language->language());
    connect(m_language, &LanguageManager::languageChanged, this, [this](const QString &code) {
        m_client->setLanguage(code);
        if (m_engine)
            m_engine->retranslate();
        m_status->retranslate();
        if (m_account)
            m_account->retranslate();
        if (m_reports)
            m_reports->retranslate();
        if (m_location)
            m_location->retranslate();
        if (m_alerts) {
            m_alerts->setLanguage(code);
            m_alerts->retranslate();
        }
        if (m_payments)
            m_payments->retranslate();
    });

    // The account: tokens in the platform's secure store. A kiosk is shared by strangers, so
    // it keeps a citizen's session for the run only.
    platform::SecureStore *secureStore = m_injectedSecureStore;
    if (!secureStore) {
        secureStore = m_options.kiosk
                          ? new platform::MemorySecureStore(this)
                          : platform::SecureStore::create(QStringLiteral("Hue-S"), this);
    }
    m_account = new AccountService(m_client, m_store, secureStore, m_options.kiosk, this);
    // One keychain entry per data folder, as hues-tool keeps one per profile: two installs (or
    // a test's data folder) never share or overwrite each other's session.
    m_account->session()->setStorageKey(
        auth::Session::storageKeyFor(dataDir, QStringLiteral("app")));
    if (m_urlOpener)
        m_account->setUrlOpener(m_urlOpener);
    m_kioskIdle = new KioskIdle(m_account, m_options.kiosk, m_options.kioskIdleSeconds, this);
    // The kept session is read from the secure store (libsecret over D-Bus on Linux) right
    // after the first frame, in startServices(): the home page does not depend on it.

    // Field reports: the outbox sends for whoever is signed in (anonymous reports always).
    m_location = new LocationService(
        m_options.position.isEmpty() ? std::nullopt : LocationService::parseFix(m_options.position),
        this);
    m_reports =
        new reports::ReportsService(m_client, m_store->database(),
                                    QDir(dataDir).filePath(QStringLiteral("draft-photos")), this);

    // Alerts: the same outbox and sender as reports; the push stream is personal while
    // signed in; positions from Location decide which alerts concern the user.
    m_notifier = m_injectedNotifier ? m_injectedNotifier : platform::Notifier::create(this);
    m_alerts = new alerts::AlertsService(m_client, m_store->database(), m_reports->outbox(),
                                         m_reports->sender(), m_notifier, this);
    m_alerts->setLanguage(m_language->language());
    connect(m_alerts, &alerts::AlertsService::reportStatusChanged, m_reports,
            &reports::ReportsService::refreshMine);
    // A notification clicked: the window comes forward (QML opens what it is about through
    // Alerts.notificationActivated).
    connect(m_alerts, &alerts::AlertsService::notificationActivated, this, [this] {
        if (QQuickWindow *win = window()) {
            win->show();
            win->raise();
            win->requestActivate();
        }
    });
    const auto followPosition = [this] {
        if (m_location->isValid())
            m_alerts->setCurrentPosition(m_location->latitude(), m_location->longitude());
    };
    connect(m_location, &LocationService::positionChanged, m_alerts, followPosition);
    followPosition();

    // Payments: attempts, receipts and saved codes in the store, payment_received events from
    // the alerts' (personal) push stream, the PIN in the secure store, biometrics where any.
    m_presence = platform::UserPresence::create(this);
    m_payments = new payments::PaymentsService(
        m_client, m_store->database(), m_alerts->pushClient(), secureStore, m_presence,
        QDir(dataDir).filePath(QStringLiteral("receipts")), this);

    const auto followAccount = [this, dataDir] {
        const auth::Session *session = m_account->session();
        const QString subject = session->isSignedIn() ? session->subject() : QString();
        m_reports->setAccount(subject);
        m_alerts->setAccount(subject);
        m_payments->setPinStorageKey(payments::PaymentsService::pinStorageKey(dataDir, subject));
        m_payments->setAccount(subject);
    };
    connect(m_account->session(), &auth::Session::stateChanged, this, followAccount);
    followAccount();
    // The services go online (requests, push stream, network watcher, server check) right
    // after the first frame: see startServices().

    trace("services built");
    AppSettings::setInstance(m_settings);
    AccountService::setInstance(m_account);
    KioskIdle::setInstance(m_kioskIdle);
    LocationService::setInstance(m_location);
    ReportsServiceForeign::s_instance = m_reports;
    AlertsServiceForeign::s_instance = m_alerts;
    PaymentsServiceForeign::s_instance = m_payments;
    ServerStatusForeign::s_instance = m_status;

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    bool loadFailed = false;
    connect(m_engine.get(), &QQmlApplicationEngine::objectCreationFailed, this,
            [&loadFailed] { loadFailed = true; });
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Hues/App/Main.qml")));
    trace("QML loaded");
    QQuickWindow *win = window();
    if (loadFailed || !win) {
        fail(QStringLiteral("the user interface could not be loaded"), 1);
        return false;
    }
    if (m_options.size.isValid())
        win->resize(m_options.size);
    m_kioskIdle->watch(win);
    if (!m_options.page.isEmpty() && !openPage(m_options.page)) {
        fail(QStringLiteral("unknown page '%1' (known: %2)")
                 .arg(m_options.page, pageNames().join(QStringLiteral(", "))),
             2);
        return false;
    }
    if (m_options.kiosk && m_options.screenshotFile.isEmpty()) {
        win->setFlags(win->flags() | Qt::FramelessWindowHint);
        win->showFullScreen();
    } else {
        win->show();
    }
    startServicesAfterFirstFrame(win);
    if (m_options.benchStartup)
        reportStartup();
    else if (!m_options.screenshotFile.isEmpty())
        takeScreenshot();
    else if (m_options.selfTest)
        runSelfTest();
    return true;
}

void Application::startServicesAfterFirstFrame(QQuickWindow *win)
{
    // Queued twice: whoever else waits for the first frame (--bench-startup) sees it before
    // the services' work, which then runs in the next turn of the event loop. A window that
    // never renders (hidden, minimised at start) does not keep the services offline.
    m_firstFrame = connect(
        win, &QQuickWindow::frameSwapped, this,
        [this] {
            disconnect(m_firstFrame);
            QTimer::singleShot(0, this, &Application::startServices);
        },
        Qt::QueuedConnection);
    QTimer::singleShot(kServicesStartAtLatestMs, this, &Application::startServices);
}

void Application::startServices()
{
    if (m_servicesStarted)
        return;
    m_servicesStarted = true;
    disconnect(m_firstFrame);
    m_account->restore();
    m_reports->start();
    m_alerts->start();
    m_payments->start();
    m_status->check();
    qCDebug(lcApp, "startup: services started");
}

QQuickWindow *Application::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
}

QStringList Application::pageNames() const
{
    QQuickWindow *win = window();
    return win ? win->property("pageNames").toStringList() : QStringList();
}

bool Application::openPage(const QString &name)
{
    QQuickWindow *win = window();
    if (!win || !pageNames().contains(name))
        return false;
    QVariant result;
    QMetaObject::invokeMethod(win, "openPage", Q_RETURN_ARG(QVariant, result),
                              Q_ARG(QVariant, name));
    return result.toBool();
}

void Application::takeScreenshot()
{
    // Shoot once the server check has settled (or after 5 s), on a fresh frame.
    auto done = std::make_shared<bool>(false);
    auto shoot = [this, done] {
        if (*done)
            return;
        *done = true;
        QQuickWindow *win = window();
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(
            win, &QQuickWindow::frameSwapped, this,
            [this, win, conn] {
                disconnect(*conn);
                const QImage image = win->grabWindow();
                if (image.isNull() || !image.save(m_options.screenshotFile)) {
                    printErr(QStringLiteral("cannot write the screenshot to %1")
                                 .arg(m_options.screenshotFile));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("%s\n", qPrintable(m_options.screenshotFile));
                QCoreApplication::exit(0);
            },
            Qt::QueuedConnection);
        win->update();
    };
    QTimer::singleShot(5000, this, shoot);
    connect(m_status, &net::ServerStatus::checked, this, shoot, Qt::QueuedConnection);
}

void Application::runSelfTest()
{
    const QStringList pages = pageNames();
    for (const QString &name : pages) {
        if (!openPage(name)) {
            printErr(QStringLiteral("self-test: page '%1' did not open").arg(name));
            QTimer::singleShot(0, [] { QCoreApplication::exit(1); });
            return;
        }
    }
    std::printf("self-test: %lld pages loaded\n", static_cast<long long>(pages.size()));
    QTimer::singleShot(0, [] { QCoreApplication::exit(0); });
}

void Application::reportStartup()
{
    QQuickWindow *win = window();
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(win, &QQuickWindow::frameSwapped, this, [conn] {
        disconnect(*conn);
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        const qint64 nowNs = qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
        const qint64 t0 = qEnvironmentVariable("HUES_BENCH_T0_NS").toLongLong();
        std::printf("first_frame_ms=%.2f rss_kib=%lld\n", t0 > 0 ? (nowNs - t0) / 1e6 : -1.0,
                    static_cast<long long>(residentKiB()));
        std::fflush(stdout);
        QTimer::singleShot(0, [] { QCoreApplication::exit(0); });
    });
}

} // namespace hues
