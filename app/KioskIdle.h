#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;
class QTimer;
class QWindow;

namespace hues {

class AccountService;

// Kiosk idle sign-out: while a citizen is signed in on a kiosk, no input for idleSeconds shows
// a countdown ("Still there?"); when it runs out the account is signed out and its data wiped.
// Input is seen by an event filter on the window, so no page has to report it.
class KioskIdle : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(KioskIdle)
    QML_SINGLETON
    Q_PROPERTY(bool warning READ isWarning NOTIFY warningChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(int countdownSeconds READ countdownSeconds CONSTANT)

public:
    // enabled false (not a kiosk): never warns.
    KioskIdle(AccountService *account, bool enabled, int idleSeconds, QObject *parent = nullptr);

    static KioskIdle *create(QQmlEngine *, QJSEngine *);
    static void setInstance(KioskIdle *instance);

    // Watches the input events of this window.
    void watch(QWindow *window);

    bool isWarning() const { return m_warning; }
    int secondsLeft() const { return m_secondsLeft; }
    int countdownSeconds() const { return m_countdownSeconds; }
    int idleSeconds() const { return m_idleSeconds; }

    // The person is still there: the warning goes, the idle time starts again.
    Q_INVOKABLE void stillHere();

Q_SIGNALS:
    void warningChanged();
    void secondsLeftChanged();
    // The countdown ran out: the account was signed out. The UI returns home.
    void timedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rearm();
    void setWarning(bool warning);
    void tick();

    AccountService *m_account;
    bool m_enabled;
    int m_idleSeconds;
    int m_countdownSeconds;
    bool m_warning = false;
    int m_secondsLeft = 0;
    QTimer *m_idle;
    QTimer *m_tick;
    QPointer<QWindow> m_window;
};

} // namespace hues
