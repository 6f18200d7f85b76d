#pragma once

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace auth {

// Where the browser hands the authorization response back to the app (RFC 8252 §7): a
// loopback HTTP listener on desktop (LoopbackReceiver), a private-use URI scheme on phones
// (CustomSchemeReceiver). Delivers one valid callback, or times out.
class RedirectReceiver : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts receiving; the time-out starts now. False (and *error set) if it cannot.
    virtual bool listen(QString *error = nullptr) = 0;
    virtual void close() = 0;
    // The redirect_uri to register in the authorization request.
    virtual QUrl redirectUri() const = 0;

    void setTimeout(int ms) { m_timeoutMs = ms; } // whole wait, default 10 minutes
    int timeout() const { return m_timeoutMs; }

Q_SIGNALS:
    // The one valid callback: its decoded query (state, code or error, ...).
    void callbackReceived(const QUrlQuery &query);
    void timedOut();

private:
    int m_timeoutMs = 10 * 60 * 1000;
};

} // namespace auth
