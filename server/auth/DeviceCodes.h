#pragma once

#include "auth/Tokens.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace hues::server {
class Database;
} // namespace hues::server

namespace hues::server::auth {

struct OAuthClient;
struct Session;

// The device authorization grant (RFC 8628): codes for a kiosk, approval by a signed-in
// person in a browser, polling at the token endpoint.
class DeviceCodes
{
public:
    static constexpr qint64 kLifetimeMs = 10LL * 60 * 1000;
    static constexpr int kIntervalS = 5;
    static constexpr int kSlowDownStepS = 5; // RFC 8628 §3.5

    DeviceCodes(Database &db, Tokens &tokens, Sessions &sessions, const Accounts &accounts)
        : m_db(db), m_tokens(tokens), m_sessions(sessions), m_accounts(accounts)
    {
    }

    struct Started
    {
        QString deviceCode;
        QString userCode; // XXXX-XXXX
    };
    std::optional<Started> start(const OAuthClient &client, const QStringList &scopes);

    struct Pending
    {
        QString userCode; // XXXX-XXXX
        QString clientId;
        QStringList scopes;
    };
    // The pending, unexpired request of a user code as typed (case, dash and spaces ignored).
    std::optional<Pending> findPending(const QString &typed) const;
    // Approves or denies a pending request; false if it is no longer pending.
    bool decide(const QString &userCode, const Session &session, bool approve);
    // grant_type=urn:ietf:params:oauth:grant-type:device_code.
    TokenResult poll(const OAuthClient &client, const QString &deviceCode);

    // "bcdf-ghjk" -> "BCDFGHJK"; "" if it cannot be a user code.
    static QString normalizeUserCode(const QString &typed);
    static QString formatUserCode(const QString &normalized);

private:
    Database &m_db;
    Tokens &m_tokens;
    Sessions &m_sessions;
    const Accounts &m_accounts;
};

} // namespace hues::server::auth
