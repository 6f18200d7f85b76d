#include "Session.h"

#include "AuthorizationFlow.h"
#include "IdTokenVerifier.h"
#include "logging.h"
#include "securestore/SecureStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QTimer>

namespace auth {

namespace {

constexpr int kBlobVersion = 1;
constexpr qint64 kMaxMarginSeconds = 60;
constexpr int kMaxRetryDelayMs = 5 * 60 * 1000;

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

void wipe(QByteArray &secret)
{
    secret.fill('\0');
    secret.clear();
}

QString cleanText(const QJsonValue &value, int maxLength)
{
    return value.isString() ? value.toString().simplified().left(maxLength) : QString();
}

} // namespace

Session::Session(net::ApiClient *client, platform::SecureStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_persistent(store->isPersistent()),
      m_refreshTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, &Session::refresh);
    m_client->setAuthenticator(this);
}

Session::~Session()
{
    m_client->setAuthenticator(nullptr);
    finishRenewals(false);
    wipe(m_tokens.accessToken);
    wipe(m_tokens.refreshToken);
    wipe(m_tokens.idToken);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void Session::setPersistent(bool persistent)
{
    if (m_persistent == persistent)
        return;
    m_persistent = persistent;
    Q_EMIT persistentChanged();
}

QString Session::storageKeyFor(const QString &dataDir, const QString &profile)
{
    const QByteArray folder = QDir(dataDir).absolutePath().toUtf8();
    return QStringLiteral("session:") + profile + QLatin1Char(':') +
           QString::fromLatin1(
               QCryptographicHash::hash(folder, QCryptographicHash::Sha256).toHex().left(16));
}

QByteArray Session::authorization() const
{
    if (m_state != SignedIn || m_tokens.accessToken.isEmpty())
        return {};
    return QByteArrayLiteral("Bearer ") + m_tokens.accessToken;
}

void Session::restore()
{
    if (m_state != SignedOut)
        return;
    const int generation = ++m_generation;
    setState(Restoring);
    platform::SecureStoreJob *job = m_store->read(m_storageKey);
    connect(job, &platform::SecureStoreJob::finished, this, [this, job, generation] {
        if (generation != m_generation)
            return; // a sign-in or sign-out happened meanwhile
        QByteArray blob = job->data();
        bool ok = false;
        switch (job->error()) {
        case platform::SecureStoreJob::NoError:
            ok = deserialize(blob);
            if (!ok) {
                qCWarning(lcAuth) << "the kept session is unreadable; forgetting it";
                m_store->remove(m_storageKey);
            }
            break;
        case platform::SecureStoreJob::NotFound:
            break;
        default:
            // No usable secure storage: this run keeps tokens in memory only.
            qCWarning(lcAuth) << "secure storage unavailable:" << job->error()
                              << job->errorString();
            setPersistent(false);
        }
        wipe(blob);
        if (!ok) {
            forget();
            setState(SignedOut);
            Q_EMIT restored();
            return;
        }
        qCInfo(lcAuth) << "session restored";
        setState(SignedIn);
        Q_EMIT userInfoChanged();
        scheduleRefresh(0);
        Q_EMIT restored();
    });
}

void Session::begin(const SignInResult &result)
{
    if (m_state == SignedIn && !m_tokens.refreshToken.isEmpty() &&
        (result.provider.issuer != m_provider.issuer ||
         result.idClaims.value(QLatin1String("sub")).toString() != m_subject))
        revokeQuietly(m_client, m_provider, m_clientId, m_tokens.refreshToken,
                      QStringLiteral("refresh_token"));
    ++m_generation;
    finishRenewals(false);
    if (m_refreshReply) {
        m_refreshReply->disconnect(this);
        m_refreshReply->abort();
    }
    forget();
    m_provider = result.provider;
    m_clientId = result.clientId;
    m_subject = result.idClaims.value(QLatin1String("sub")).toString();
    m_name = cleanText(result.idClaims.value(QLatin1String("name")), 200);
    m_tokens = result.tokens;
    m_lastError = {};
    setPersistent(m_store->isPersistent());
    setState(SignedIn);
    Q_EMIT userInfoChanged();
    persist();
    scheduleRefresh(m_tokens.expiresAt ? m_tokens.expiresAt - now() : 0);
}

void Session::applyTokens(const TokenSet &tokens)
{
    QByteArray keepRefresh = m_tokens.refreshToken;
    QByteArray keepId = m_tokens.idToken;
    wipe(m_tokens.accessToken);
    m_tokens.accessToken = tokens.accessToken;
    m_tokens.expiresAt = tokens.expiresAt;
    if (!tokens.scope.isEmpty())
        m_tokens.scope = tokens.scope;
    // Rotation (RFC 6749 §6, OAuth 2.0 Security BCP §4.14): a new refresh token replaces the
    // old one, which the provider will refuse from now on; no new one means keep the old.
    if (!tokens.refreshToken.isEmpty()) {
        wipe(m_tokens.refreshToken);
        m_tokens.refreshToken = tokens.refreshToken;
        wipe(keepRefresh);
    }
    if (!tokens.idToken.isEmpty()) {
        m_tokens.idToken = tokens.idToken;
        wipe(keepId);
    }
}

void Session::scheduleRefresh(qint64 lifetimeSeconds)
{
    m_refreshTimer->stop();
    m_nextRefreshAt = 0;
    if (m_state != SignedIn || m_tokens.refreshToken.isEmpty() || m_tokens.expiresAt == 0)
        return; // nothing to refresh with, or no expiry known: a 401 will tell
    // Ahead of expiry by a fifth of the lifetime, at most a minute.
    const qint64 margin =
        lifetimeSeconds > 0 ? qMin(kMaxMarginSeconds, lifetimeSeconds / 5) : kMaxMarginSeconds;
    m_nextRefreshAt = qMax(now(), m_tokens.expiresAt - margin);
    const qint64 delayMs = (m_nextRefreshAt - now()) * 1000;
    m_refreshTimer->start(int(qMin<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void Session::refresh()
{
    if (m_state != SignedIn || m_refreshReply)
        return;
    if (m_tokens.refreshToken.isEmpty()) {
        endSession(AuthError::make(AuthError::SessionEnded, QStringLiteral("no refresh token")));
        return;
    }
    m_refreshTimer->stop();
    const int generation = m_generation;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromLatin1(m_tokens.refreshToken));
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    qCInfo(lcAuth) << "refreshing the access token";
    m_refreshReply = m_client->postForm(m_provider.tokenEndpoint, form);
    connect(m_refreshReply, &net::ApiReply::finished, this, [this, generation] {
        net::ApiReply *reply = m_refreshReply;
        m_refreshReply = nullptr;
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->isOk()) {
            const AuthError error = AuthError::fromReply(reply->error(), QStringLiteral("refresh"));
            if (error.kind == AuthError::ProviderRefused) {
                // invalid_grant & co: the refresh token is spent, revoked or expired.
                AuthError ended = error;
                ended.kind = AuthError::SessionEnded;
                endSession(ended);
                return;
            }
            m_lastError = error;
            ++m_refreshFailures;
            const int delay = qMin(kMaxRetryDelayMs, 5000 << qMin(m_refreshFailures - 1, 6));
            qCInfo(lcAuth) << "refresh failed (" << error.detail << "), again in" << delay << "ms";
            m_refreshTimer->start(delay);
            m_nextRefreshAt = now() + delay / 1000;
            finishRenewals(false);
            Q_EMIT refreshFailed();
            return;
        }
        QString why;
        const auto tokens = TokenSet::fromResponse(reply->json().object(), now(), &why);
        if (!tokens) {
            endSession(AuthError::make(AuthError::BadTokenResponse, why));
            return;
        }
        auto accept = [this, tokens] {
            m_refreshFailures = 0;
            m_lastError = {};
            applyTokens(*tokens);
            persist();
            scheduleRefresh(tokens->expiresAt ? tokens->expiresAt - now() : 0);
            qCInfo(lcAuth) << "access token refreshed";
            finishRenewals(true);
            Q_EMIT refreshed();
        };
        if (tokens->idToken.isEmpty()) {
            accept();
            return;
        }
        // A refreshed ID token must be the same user's, from the same issuer (Core §12.2).
        IdTokenExpectations expect;
        expect.issuer = m_provider.issuer;
        expect.clientId = m_clientId;
        expect.subject = m_subject;
        verifier()->verify(tokens->idToken, expect,
                           [this, generation, accept](const std::optional<QJsonObject> &claims,
                                                      const AuthError &error) {
                               if (generation != m_generation)
                                   return;
                               if (!claims)
                                   endSession(error);
                               else
                                   accept();
                           });
    });
}

void Session::renewAfterUnauthorized(const QByteArray &used, std::function<void(bool)> done)
{
    auto later = [this, done](bool ok) { QTimer::singleShot(0, this, [done, ok] { done(ok); }); };
    if (m_state != SignedIn) {
        later(false);
        return;
    }
    if (used != authorization()) {
        later(true); // refreshed since that request left: just send it again
        return;
    }
    m_waiting.append(std::move(done));
    refresh();
}

void Session::finishRenewals(bool ok)
{
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(ok);
}

void Session::endSession(const AuthError &why)
{
    qCInfo(lcAuth) << "session ended:" << why.detail;
    ++m_generation;
    m_lastError = why;
    forget();
    m_store->remove(m_storageKey);
    setState(SignedOut);
    Q_EMIT userInfoChanged();
    finishRenewals(false);
    Q_EMIT signInRequired();
}

void Session::forget()
{
    m_refreshTimer->stop();
    m_nextRefreshAt = 0;
    m_refreshFailures = 0;
    wipe(m_tokens.accessToken);
    wipe(m_tokens.refreshToken);
    wipe(m_tokens.idToken);
    m_tokens = {};
    m_subject.clear();
    m_name.clear();
    m_maskedCitizenId.clear();
    m_maskedPhone.clear();
    if (m_verifier) {
        m_verifier->abort();
        m_verifier->deleteLater();
        m_verifier = nullptr;
    }
}

QUrl Session::signOut()
{
    if (m_state == SignedOut)
        return {};
    QUrl logout;
    if (m_state == SignedIn) {
        revokeQuietly(m_client, m_provider, m_clientId, m_tokens.refreshToken,
                      QStringLiteral("refresh_token"));
        revokeQuietly(m_client, m_provider, m_clientId, m_tokens.accessToken,
                      QStringLiteral("access_token"));
        if (!m_provider.endSessionEndpoint.isEmpty()) {
            logout = m_provider.endSessionEndpoint;
            QUrlQuery query(logout);
            if (!m_tokens.idToken.isEmpty())
                query.addQueryItem(QStringLiteral("id_token_hint"),
                                   QString::fromLatin1(m_tokens.idToken));
            query.addQueryItem(QStringLiteral("client_id"), m_clientId);
            logout.setQuery(query);
        }
    }
    if (m_refreshReply) {
        m_refreshReply->disconnect(this);
        m_refreshReply->abort();
    }
    ++m_generation;
    m_lastError = {};
    forget();
    m_store->remove(m_storageKey);
    setState(SignedOut);
    Q_EMIT userInfoChanged();
    finishRenewals(false);
    qCInfo(lcAuth) << "signed out";
    Q_EMIT signedOut();
    return logout;
}

void Session::fetchUserInfo()
{
    if (m_state != SignedIn || m_provider.userinfoEndpoint.isEmpty())
        return;
    requestUserInfo(m_generation, true);
}

void Session::requestUserInfo(int generation, bool mayRenew)
{
    net::ApiRequest request;
    request.url = m_provider.userinfoEndpoint;
    request.authorization = authorization();
    net::ApiReply *reply = m_client->send(request);
    connect(reply, &net::ApiReply::finished, this,
            [this, reply, generation, mayRenew, used = request.authorization] {
                reply->deleteLater();
                if (generation != m_generation)
                    return;
                if (reply->error().kind == net::ApiError::Unauthorized && mayRenew) {
                    renewAfterUnauthorized(used, [this, generation](bool ok) {
                        if (ok && generation == m_generation)
                            requestUserInfo(generation, false);
                    });
                    return;
                }
                if (!reply->isOk()) {
                    m_lastError = AuthError::fromReply(reply->error(), QStringLiteral("userinfo"));
                    return;
                }
                applyUserInfo(reply->json().object());
            });
}

void Session::applyUserInfo(const QJsonObject &info)
{
    // Core §5.3.2: userinfo for another user than the ID token's is not used.
    if (info.value(QLatin1String("sub")).toString() != m_subject) {
        m_lastError = AuthError::make(AuthError::IdTokenSubject,
                                      QStringLiteral("userinfo is for another user"));
        qCWarning(lcAuth) << "userinfo refused: another subject";
        return;
    }
    const QString name = cleanText(info.value(QLatin1String("name")), 200);
    if (!name.isEmpty())
        m_name = name;
    m_maskedCitizenId = maskCitizenId(cleanText(info.value(QLatin1String("citizen_id")), 32));
    m_maskedPhone = maskPhone(cleanText(info.value(QLatin1String("phone_number")), 32));
    persist();
    Q_EMIT userInfoChanged();
}

QString Session::maskCitizenId(const QString &id)
{
    if (id.isEmpty())
        return {};
    const qsizetype shown = id.size() > 6 ? 3 : 0;
    return QString(id.size() - shown, QChar(0x2022)) + id.right(shown);
}

QString Session::maskPhone(const QString &phone)
{
    if (phone.isEmpty())
        return {};
    if (phone.size() < 8)
        return QString(phone.size(), QChar(0x2022));
    const qsizetype head = phone.startsWith(QLatin1Char('+')) ? 3 : 2;
    return phone.left(head) + QString(phone.size() - head - 3, QChar(0x2022)) + phone.right(3);
}

IdTokenVerifier *Session::verifier()
{
    if (!m_verifier)
        m_verifier = new IdTokenVerifier(m_client, m_provider, this);
    return m_verifier;
}

void Session::persist()
{
    if (m_state != SignedIn)
        return;
    QByteArray blob = serialize();
    platform::SecureStoreJob *job = m_store->write(m_storageKey, blob);
    wipe(blob);
    const int generation = m_generation;
    connect(job, &platform::SecureStoreJob::finished, this, [this, job, generation] {
        if (job->error() == platform::SecureStoreJob::NoError) {
            if (generation == m_generation)
                setPersistent(m_store->isPersistent());
            Q_EMIT kept(true);
            return;
        }
        qCWarning(lcAuth) << "cannot keep the session in secure storage:" << job->error()
                          << job->errorString();
        // What is stored may hold a refresh token that rotation has spent: drop it.
        m_store->remove(m_storageKey);
        if (generation == m_generation)
            setPersistent(false);
        Q_EMIT kept(false);
    });
}

QByteArray Session::serialize() const
{
    QJsonObject o{
        {QStringLiteral("v"), kBlobVersion},
        {QStringLiteral("provider"), m_provider.toJson()},
        {QStringLiteral("client_id"), m_clientId},
        {QStringLiteral("sub"), m_subject},
        {QStringLiteral("access_token"), QString::fromLatin1(m_tokens.accessToken)},
        {QStringLiteral("refresh_token"), QString::fromLatin1(m_tokens.refreshToken)},
        {QStringLiteral("id_token"), QString::fromLatin1(m_tokens.idToken)},
        {QStringLiteral("expires_at"), m_tokens.expiresAt},
        {QStringLiteral("scope"), m_tokens.scope},
        {QStringLiteral("name"), m_name},
        {QStringLiteral("citizen_id_masked"), m_maskedCitizenId},
        {QStringLiteral("phone_masked"), m_maskedPhone},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool Session::deserialize(const QByteArray &blob)
{
    const QJsonObject o = QJsonDocument::fromJson(blob).object();
    if (o.value(QLatin1String("v")).toInt() != kBlobVersion)
        return false;
    const auto provider = OidcProviderInfo::fromJson(o.value(QLatin1String("provider")).toObject());
    const QJsonValue access = o.value(QLatin1String("access_token"));
    const QJsonValue refresh = o.value(QLatin1String("refresh_token"));
    const QString clientId = o.value(QLatin1String("client_id")).toString();
    const QString sub = o.value(QLatin1String("sub")).toString();
    if (!provider || clientId.isEmpty() || sub.isEmpty() || !TokenSet::isWellFormedToken(access) ||
        (!refresh.toString().isEmpty() && !TokenSet::isWellFormedToken(refresh)))
        return false;
    m_provider = *provider;
    m_clientId = clientId;
    m_subject = sub;
    m_tokens.accessToken = access.toString().toLatin1();
    m_tokens.refreshToken = refresh.toString().toLatin1();
    m_tokens.idToken = o.value(QLatin1String("id_token")).toString().toLatin1();
    m_tokens.expiresAt = qint64(o.value(QLatin1String("expires_at")).toDouble());
    m_tokens.scope = o.value(QLatin1String("scope")).toString();
    m_name = cleanText(o.value(QLatin1String("name")), 200);
    m_maskedCitizenId = cleanText(o.value(QLatin1String("citizen_id_masked")), 32);
    m_maskedPhone = cleanText(o.value(QLatin1String("phone_masked")), 32);
    return true;
}

} // namespace auth
