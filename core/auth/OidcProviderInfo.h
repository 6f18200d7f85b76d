#pragma once

#include "AuthError.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace net {
class ApiClient;
class ApiReply;
} // namespace net

namespace auth {

// What an OpenID Provider publishes about itself (OpenID Connect Discovery 1.0), checked.
struct OidcProviderInfo
{
    QString issuer; // exactly as configured and as it appears in "iss"
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint;            // optional
    QUrl revocationEndpoint;          // optional (RFC 7009)
    QUrl endSessionEndpoint;          // optional (RP-Initiated Logout)
    QUrl deviceAuthorizationEndpoint; // optional (RFC 8628)
    QStringList idTokenAlgs;          // the provider's algorithms we also accept

    bool isValid() const { return !issuer.isEmpty(); }

    // The algorithms an ID token may be signed with: never "none" or HS* (a public client
    // has no secret to check them with).
    static QStringList acceptedIdTokenAlgs();
    // https, or http when the host is a loopback address.
    static bool isAcceptableIssuer(const QString &issuer, QString *why = nullptr);
    // issuer + "/.well-known/openid-configuration" (Discovery §4.1).
    static QUrl discoveryUrl(const QString &issuer);

    // Validates a discovery document fetched for expectedIssuer: the issuer must be identical,
    // endpoints https (http only for a loopback issuer and host), PKCE S256 and the code flow
    // supported, and at least one accepted ID token algorithm.
    static std::optional<OidcProviderInfo>
    fromDiscovery(const QJsonObject &document, const QString &expectedIssuer, QString *error);

    QJsonObject toJson() const; // to keep beside a stored session
    static std::optional<OidcProviderInfo> fromJson(const QJsonObject &json);
};

// Fetches and checks an issuer's discovery document; finishes once.
class DiscoveryReply : public QObject
{
    Q_OBJECT
public:
    static DiscoveryReply *fetch(net::ApiClient *client, const QString &issuer,
                                 QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    const OidcProviderInfo &info() const { return m_info; }
    const AuthError &error() const { return m_error; }
    void abort();

Q_SIGNALS:
    void finished();

private:
    explicit DiscoveryReply(QObject *parent) : QObject(parent) {}
    void complete(const AuthError &error);

    QPointer<net::ApiReply> m_reply;
    OidcProviderInfo m_info;
    AuthError m_error;
    bool m_finished = false;
};

} // namespace auth
