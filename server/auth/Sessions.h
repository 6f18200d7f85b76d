#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hues::server {
class Database;
struct Request;
} // namespace hues::server

namespace hues::server::auth {

// A signed-in browser (kind "browser", remembered by the hues_session cookie) or a device
// signed in with the device grant (kind "device", no cookie). Its id is the "sid" claim.
struct Session
{
    QString id;
    QString accountId;
    qint64 authTimeMs = 0;
};

class Sessions
{
public:
    static constexpr char kCookie[] = "hues_session";
    static constexpr qint64 kBrowserLifetimeMs = 8LL * 3600 * 1000;
    static constexpr qint64 kDeviceLifetimeMs = 30LL * 24 * 3600 * 1000;

    explicit Sessions(Database &db) : m_db(db) {}

    // A new browser session; *cookie receives the cookie value (only its hash is stored).
    std::optional<Session> createBrowser(const QString &accountId, QByteArray *cookie);
    std::optional<Session> createDevice(const QString &accountId, qint64 authTimeMs);
    // The live session of the request's cookie, if any.
    std::optional<Session> fromRequest(const Request &request) const;
    std::optional<Session> byId(const QString &id) const;
    // Ends the session and revokes every token family issued in it.
    bool end(const QString &id, const QString &reason);

private:
    std::optional<Session> insert(const QString &accountId, const QString &kind,
                                  const QByteArray &cookieHash, qint64 authTimeMs,
                                  qint64 lifetimeMs);
    std::optional<Session> select(const QString &column, const QString &value) const;
    Database &m_db;
};

} // namespace hues::server::auth
