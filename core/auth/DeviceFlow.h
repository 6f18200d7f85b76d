#pragma once

#include "AuthError.h"
#include "AuthorizationFlow.h"
#include "OidcProviderInfo.h"
#include "Tokens.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QTimer;

namespace net {
class ApiClient;
class ApiReply;
} // namespace net

namespace auth {

class DiscoveryReply;
class IdTokenVerifier;

// Sign-in on a device without a browser of its own, e.g. a kiosk (OAuth 2.0 Device
// Authorization Grant, RFC 8628): asks for a user code, shows it (and the URL to open on a
// phone), then polls the token endpoint at the provider's interval, 5 s slower after each
// slow_down, until the user approves, refuses, or the code expires. Finishes once.
class DeviceFlow : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString userCode READ userCode NOTIFY codeReady)
    Q_PROPERTY(QUrl verificationUri READ verificationUri NOTIFY codeReady)
    Q_PROPERTY(QUrl verificationUriComplete READ verificationUriComplete NOTIFY codeReady)

public:
    enum State { Idle, Discovering, Requesting, WaitingForUser, Verifying, Succeeded, Failed };
    Q_ENUM(State)

    DeviceFlow(net::ApiClient *client, OidcClientConfig config, QObject *parent = nullptr);
    ~DeviceFlow() override;

    void setProviderInfo(const OidcProviderInfo &info) { m_provider = info; }
    void start();
    void cancel();

    State state() const { return m_state; }
    bool isFinished() const { return m_state == Succeeded || m_state == Failed; }
    bool isOk() const { return m_state == Succeeded; }
    const AuthError &error() const { return m_error; }
    const SignInResult &result() const { return m_result; }

    QString userCode() const { return m_userCode; }
    QUrl verificationUri() const { return m_verificationUri; }
    // The URL with the code in it, for a QR code; empty if the provider gave none.
    QUrl verificationUriComplete() const { return m_verificationUriComplete; }
    qint64 expiresAt() const { return m_expiresAt; }   // unix seconds
    int interval() const { return m_intervalSeconds; } // current polling interval
    int polls() const { return m_polls; }

Q_SIGNALS:
    void stateChanged(auth::DeviceFlow::State state);
    void codeReady();
    void finished();

private:
    void setState(State state);
    void requestCode();
    void schedulePoll();
    void poll();
    void verify(const TokenSet &tokens);
    void fail(const AuthError &error);
    void cleanup();

    net::ApiClient *m_client;
    OidcClientConfig m_config;
    OidcProviderInfo m_provider;
    State m_state = Idle;
    AuthError m_error;
    SignInResult m_result;
    QByteArray m_deviceCode;
    QString m_userCode;
    QUrl m_verificationUri;
    QUrl m_verificationUriComplete;
    qint64 m_expiresAt = 0;
    int m_intervalSeconds = 5;
    int m_polls = 0;
    QTimer *m_timer;
    QPointer<DiscoveryReply> m_discovery;
    QPointer<net::ApiReply> m_reply;
    QPointer<IdTokenVerifier> m_verifier;
};

} // namespace auth
