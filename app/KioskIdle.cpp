#include "KioskIdle.h"

#include "AccountService.h"
#include "logging.h"

#include <QEvent>
#include <QJSEngine>
#include <QTimer>
#include <QWindow>

namespace hues {

namespace {
QPointer<KioskIdle> g_instance;
} // namespace

KioskIdle::KioskIdle(AccountService *account, bool enabled, int idleSeconds, QObject *parent)
    : QObject(parent), m_account(account), m_enabled(enabled), m_idleSeconds(qMax(1, idleSeconds)),
      // A fifth of the idle time to answer, between 1 and 20 seconds.
      m_countdownSeconds(qBound(1, m_idleSeconds / 5, 20)), m_idle(new QTimer(this)),
      m_tick(new QTimer(this))
{
    m_idle->setSingleShot(true);
    m_idle->setInterval(m_idleSeconds * 1000);
    m_tick->setInterval(1000);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (m_account->state() != AccountService::SignedIn)
            return;
        m_secondsLeft = m_countdownSeconds;
        Q_EMIT secondsLeftChanged();
        setWarning(true);
        m_tick->start();
    });
    connect(m_tick, &QTimer::timeout, this, &KioskIdle::tick);
    connect(m_account, &AccountService::stateChanged, this, &KioskIdle::rearm);
}

KioskIdle *KioskIdle::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void KioskIdle::setInstance(KioskIdle *instance)
{
    g_instance = instance;
}

void KioskIdle::watch(QWindow *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
    rearm();
}

bool KioskIdle::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        stillHere();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void KioskIdle::stillHere()
{
    if (m_warning)
        qCInfo(lcApp) << "kiosk: still there";
    rearm();
}

void KioskIdle::rearm()
{
    m_tick->stop();
    setWarning(false);
    if (m_enabled && m_window && m_account->state() == AccountService::SignedIn)
        m_idle->start();
    else
        m_idle->stop();
}

void KioskIdle::setWarning(bool warning)
{
    if (m_warning == warning)
        return;
    m_warning = warning;
    Q_EMIT warningChanged();
}

void KioskIdle::tick()
{
    m_secondsLeft = qMax(0, m_secondsLeft - 1);
    Q_EMIT secondsLeftChanged();
    if (m_secondsLeft > 0)
        return;
    m_tick->stop();
    qCInfo(lcApp) << "kiosk: idle for" << m_idleSeconds + m_countdownSeconds << "s, signing out";
    setWarning(false);
    m_account->signOut();
    Q_EMIT timedOut();
}

} // namespace hues
