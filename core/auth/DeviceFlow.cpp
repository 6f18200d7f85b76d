#include "DeviceFlow.h"

#include "IdTokenVerifier.h"
#include "logging.h"
#include "net/ApiClient.h"

#include <QDateTime>
#include <QTimer>

namespace auth {

namespace {

constexpr int kDefaultInterval = 5; // RFC 8628 §3.2
constexpr int kSlowDownStep = 5;    // RFC 8628 §3.5
constexpr int kMaxInterval = 120;
constexpr qint64 kMaxLifetime = 3600; // a longer-lived code is cut short here

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

// A URL shown to the user or put in a QR code: https (http only on loopback), nothing else.
bool isSafeLink(const QUrl &url)
{
    return net::ApiClient::isAcceptableEndpoint(url);
}

} // namespace

DeviceFlow::DeviceFlow(net::ApiClient *client, OidcClientConfig config, QObject *parent)
    : QObject(parent), m_client(client), m_config(std::move(config)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    // RFC 8628 §3.5: the client waits at least the interval. A coarse timer may fire up to
    // 5 % early, so the poll timer is precise.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &DeviceFlow::poll);
}

DeviceFlow::~DeviceFlow()
{
    cleanup();
}

void DeviceFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DeviceFlow::start()
{
    if (m_state != Idle)
        return;
    setState(Discovering);
    if (m_config.clientId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            fail(AuthError::make(AuthError::BadProvider, QStringLiteral("no client_id")));
        });
        return;
    }
    if (m_provider.isValid() && m_provider.issuer == m_config.issuer) {
        QTimer::singleShot(0, this, &DeviceFlow::requestCode);
        return;
    }
    m_discovery = DiscoveryReply::fetch(m_client, m_config.issuer, this);
    connect(m_discovery, &DiscoveryReply::finished, this, [this] {
        DiscoveryReply *reply = m_discovery;
        reply->deleteLater();
        if (!reply->isOk()) {
            fail(reply->error());
            return;
        }
        m_provider = reply->info();
        requestCode();
    });
}

void DeviceFlow::requestCode()
{
    if (isFinished())
        return;
    if (m_provider.deviceAuthorizationEndpoint.isEmpty()) {
        fail(AuthError::make(AuthError::BadProvider,
                             QStringLiteral("the provider offers no device authorization")));
        return;
    }
    setState(Requesting);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("scope"), m_config.scopes.join(QLatin1Char(' ')));
    m_reply = m_client->postForm(m_provider.deviceAuthorizationEndpoint, form);
    connect(m_reply, &net::ApiReply::finished, this, [this] {
        net::ApiReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (!reply->isOk()) {
            fail(AuthError::fromReply(reply->error(), QStringLiteral("device authorization")));
            return;
        }
        // RFC 8628 §3.2, every member checked: this is shown to people and put in a QR code.
        const QJsonObject o = reply->json().object();
        const QJsonValue deviceCode = o.value(QLatin1String("device_code"));
        const QString userCode = o.value(QLatin1String("user_code")).toString();
        const QUrl uri(o.value(QLatin1String("verification_uri")).toString(), QUrl::StrictMode);
        const QJsonValue completeValue = o.value(QLatin1String("verification_uri_complete"));
        const QUrl complete(completeValue.toString(), QUrl::StrictMode);
        const QJsonValue expiresIn = o.value(QLatin1String("expires_in"));
        const QJsonValue interval = o.value(QLatin1String("interval"));
        bool userCodeOk = !userCode.isEmpty() && userCode.size() <= 64;
        for (const QChar c : userCode)
            userCodeOk = userCodeOk && c.unicode() >= 0x20 && c.unicode() < 0x7f;
        QString why;
        if (!TokenSet::isWellFormedToken(deviceCode))
            why = QStringLiteral("device_code is missing or malformed");
        else if (!userCodeOk)
            why = QStringLiteral("user_code is missing or malformed");
        else if (!isSafeLink(uri))
            why = QStringLiteral("verification_uri is not an https URL");
        else if (!completeValue.isUndefined() && !isSafeLink(complete))
            why = QStringLiteral("verification_uri_complete is not an https URL");
        else if (!expiresIn.isDouble() || expiresIn.toDouble() < 1)
            why = QStringLiteral("expires_in is missing");
        else if (!interval.isUndefined() && !interval.isDouble())
            why = QStringLiteral("interval is not a number");
        if (!why.isEmpty()) {
            fail(AuthError::make(AuthError::BadProvider,
                                 QStringLiteral("device authorization: ") + why));
            return;
        }
        m_deviceCode = deviceCode.toString().toLatin1();
        m_userCode = userCode;
        m_verificationUri = uri;
        m_verificationUriComplete = completeValue.isUndefined() ? QUrl() : complete;
        m_expiresAt = now() + qMin(kMaxLifetime, qint64(expiresIn.toDouble()));
        m_intervalSeconds = interval.isUndefined()
                                ? kDefaultInterval
                                : qBound(1, int(interval.toDouble()), kMaxInterval);
        setState(WaitingForUser);
        qCInfo(lcAuth) << "device code ready; polling every" << m_intervalSeconds << "s";
        Q_EMIT codeReady();
        schedulePoll();
    });
}

void DeviceFlow::schedulePoll()
{
    if (now() + m_intervalSeconds > m_expiresAt + 1) {
        // No poll can come back before the code expires.
        m_timer->start(int(qMax<qint64>(0, m_expiresAt - now())) * 1000);
        return;
    }
    m_timer->start(m_intervalSeconds * 1000);
}

void DeviceFlow::poll()
{
    if (m_state != WaitingForUser)
        return;
    if (now() >= m_expiresAt) {
        fail(AuthError::make(AuthError::Expired, QStringLiteral("the user code expired")));
        return;
    }
    ++m_polls;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
                      QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    form.addQueryItem(QStringLiteral("device_code"), QString::fromLatin1(m_deviceCode));
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    m_reply = m_client->postForm(m_provider.tokenEndpoint, form);
    connect(m_reply, &net::ApiReply::finished, this, [this] {
        net::ApiReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (reply->isOk()) {
            QString why;
            const auto tokens = TokenSet::fromResponse(reply->json().object(), now(), &why);
            if (!tokens || tokens->idToken.isEmpty()) {
                fail(AuthError::make(AuthError::BadTokenResponse,
                                     tokens ? QStringLiteral("no id_token") : why));
                return;
            }
            verify(*tokens);
            return;
        }
        const AuthError error = AuthError::fromReply(reply->error(), QStringLiteral("device poll"));
        if (error.kind == AuthError::ProviderRefused) {
            if (error.code == QLatin1String("authorization_pending")) {
                schedulePoll();
            } else if (error.code == QLatin1String("slow_down")) {
                m_intervalSeconds = qMin(kMaxInterval, m_intervalSeconds + kSlowDownStep);
                qCInfo(lcAuth) << "slow_down: polling every" << m_intervalSeconds << "s";
                schedulePoll();
            } else if (error.code == QLatin1String("access_denied")) {
                fail(AuthError::make(AuthError::Denied, error.detail, error.code));
            } else if (error.code == QLatin1String("expired_token")) {
                fail(AuthError::make(AuthError::Expired, error.detail, error.code));
            } else {
                fail(error);
            }
            return;
        }
        if (error.kind == AuthError::Cancelled) {
            fail(error);
            return;
        }
        // RFC 8628 §3.5: on a connection problem, poll less often (doubling) and go on.
        m_intervalSeconds = qMin(kMaxInterval, m_intervalSeconds * 2);
        qCInfo(lcAuth) << "device poll failed (" << error.detail << "); polling every"
                       << m_intervalSeconds << "s";
        schedulePoll();
    });
}

void DeviceFlow::verify(const TokenSet &tokens)
{
    setState(Verifying);
    m_verifier = new IdTokenVerifier(m_client, m_provider, this);
    IdTokenExpectations expect;
    expect.issuer = m_provider.issuer;
    expect.clientId = m_config.clientId; // no nonce: the device grant has no way to send one
    m_verifier->verify(
        tokens.idToken, expect,
        [this, tokens](const std::optional<QJsonObject> &claims, const AuthError &error) {
            if (!claims) {
                if (!tokens.refreshToken.isEmpty())
                    revokeQuietly(m_client, m_provider, m_config.clientId, tokens.refreshToken,
                                  QStringLiteral("refresh_token"));
                fail(error);
                return;
            }
            m_result.provider = m_provider;
            m_result.clientId = m_config.clientId;
            m_result.tokens = tokens;
            m_result.idClaims = *claims;
            cleanup();
            qCInfo(lcAuth) << "signed in with the device grant";
            setState(Succeeded);
            Q_EMIT finished();
        });
}

void DeviceFlow::cancel()
{
    if (isFinished() || m_state == Idle)
        return;
    fail(AuthError::make(AuthError::Cancelled, QStringLiteral("device sign-in cancelled")));
}

void DeviceFlow::fail(const AuthError &error)
{
    if (isFinished())
        return;
    cleanup();
    m_error = error;
    m_result = {};
    qCInfo(lcAuth) << "device sign-in failed:" << error.detail;
    setState(Failed);
    Q_EMIT finished();
}

void DeviceFlow::cleanup()
{
    m_timer->stop();
    m_deviceCode.fill('\0');
    m_deviceCode.clear();
    if (m_discovery) {
        m_discovery->disconnect(this);
        m_discovery->abort();
        m_discovery->deleteLater();
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_verifier) {
        m_verifier->abort();
        m_verifier->deleteLater();
    }
}

} // namespace auth
