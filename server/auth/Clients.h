#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace hues::server {
class Database;
struct Request;
} // namespace hues::server

namespace hues::server::auth {

class FormData;

inline constexpr char kGrantCode[] = "authorization_code";
inline constexpr char kGrantRefresh[] = "refresh_token";
inline constexpr char kGrantClientCredentials[] = "client_credentials";
inline constexpr char kGrantDevice[] = "urn:ietf:params:oauth:grant-type:device_code";

// One registered OAuth client (table oauth_clients).
struct OAuthClient
{
    QString id;
    QString name;
    bool confidential = false;
    QString secretHash;
    QStringList redirectUris;
    QStringList postLogoutRedirectUris;
    QStringList grantTypes;
    QStringList scopes; // what the client may ask for

    bool allowsGrant(const QString &grant) const { return grantTypes.contains(grant); }
    // Exact string match, except that a registered loopback URI (http://127.0.0.1/... or
    // http://[::1]/...) matches the same URI with any port (RFC 8252 §7.3).
    static bool uriMatches(const QStringList &registered, const QString &requested);
};

// The client registry and client authentication at the token endpoint.
class Clients
{
public:
    explicit Clients(Database &db) : m_db(db) {}

    std::optional<OAuthClient> find(const QString &clientId) const;

    struct Authenticated
    {
        std::optional<OAuthClient> client;
        QString error;       // invalid_client / invalid_request when client is empty
        QString description; // for error_description
        bool basic = false;  // 401 with WWW-Authenticate when Basic was used
    };
    // RFC 6749 §2.3: a confidential client proves itself with client_secret_basic or
    // client_secret_post (one method only); a public client names itself with client_id.
    Authenticated authenticate(const Request &request, const FormData &form) const;

private:
    Database &m_db;
};

} // namespace hues::server::auth
