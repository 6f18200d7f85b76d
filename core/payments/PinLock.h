#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace platform {
class SecureStore;
}

namespace payments {

// The app's payment PIN (4-6 digits): PBKDF2-HMAC-SHA256 with a random salt, kept in the
// platform's secure store with the count of wrong tries; 5 wrong tries lock it for 30 s
// (the lock survives a restart). The PIN itself is never stored or logged.
class PinLock : public QObject
{
    Q_OBJECT
public:
    explicit PinLock(platform::SecureStore *store, QObject *parent = nullptr);

    // The secure store entry ("" : none; nothing is kept). Loads it (async; changed()).
    void setStorageKey(const QString &key);
    bool isLoaded() const { return m_loaded; }
    bool hasPin() const { return !m_hash.isEmpty(); }
    QDateTime lockedUntil() const;

    bool setPin(const QString &pin);
    bool check(const QString &pin);

    static bool isValidPin(const QString &pin);
    static constexpr int kMaxTries = 5;
    static constexpr int kLockSeconds = 30;
    static constexpr int kIterations = 100000;

    // The lock's clock (tests); default the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void changed();

private:
    QByteArray derive(const QString &pin, const QByteArray &salt, int iterations) const;
    void save();
    QDateTime now() const;

    platform::SecureStore *m_store;
    QString m_key;
    bool m_loaded = false;
    int m_generation = 0;
    QByteArray m_salt;
    QByteArray m_hash;
    int m_iterations = kIterations;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
    std::function<QDateTime()> m_clock;
};

} // namespace payments
