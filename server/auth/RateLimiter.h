#pragma once

#include <QString>

namespace hues::server {
class Database;
} // namespace hues::server

namespace hues::server::auth {

// Counts failures (wrong passwords, wrong user codes) per bucket ("account:NAME",
// "address:IP") in the database, so that every process sharing it sees the same counts.
class RateLimiter
{
public:
    static constexpr qint64 kWindowMs = 15LL * 60 * 1000;
    static constexpr int kPerAccount = 5;
    static constexpr int kPerAddress = 20;
    static constexpr int kUserCodesPerAddress = 10;

    explicit RateLimiter(Database &db) : m_db(db) {}

    // 0 when the bucket may try again now, else the seconds until it may.
    qint64 retryAfterSeconds(const QString &bucket, int maxFailures) const;
    void recordFailure(const QString &bucket);
    void clear(const QString &bucket);
    // Drops failures older than the window.
    void prune();

private:
    Database &m_db;
};

} // namespace hues::server::auth
