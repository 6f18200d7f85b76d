#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

namespace platform {

// One operation on a SecureStore. Finishes once (after at most the store's time-out), then
// deletes itself: connect to finished() before returning to the event loop.
class SecureStoreJob : public QObject
{
    Q_OBJECT
public:
    enum Error {
        NoError,
        NotFound,    // read or remove of a key that holds nothing
        Unavailable, // no secure storage here (no keychain service, locked, denied)
        TimedOut,    // the platform did not answer in time (e.g. a keyring waiting to unlock)
        Failed,
    };
    Q_ENUM(Error)

    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QByteArray data() const { return m_data; } // what a read returned

    // For implementations: called by the platform code, once; later calls are ignored.
    void finish(Error error, const QByteArray &data = {}, const QString &errorString = {});

Q_SIGNALS:
    void finished();

private:
    friend class SecureStore;
    explicit SecureStoreJob(QObject *parent);

    QTimer *m_timer;
    bool m_finished = false;
    Error m_error = NoError;
    QString m_errorString;
    QByteArray m_data;
};

// Where secrets (tokens) live: the platform's keychain, or memory for this run only.
// Keys are short names ("session"); values are opaque bytes.
class SecureStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // False when secrets last only as long as the process (the user signs in again next time).
    virtual bool isPersistent() const = 0;
    virtual SecureStoreJob *read(const QString &key) = 0;
    virtual SecureStoreJob *write(const QString &key, const QByteArray &secret) = 0;
    virtual SecureStoreJob *remove(const QString &key) = 0;

    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

    // The platform's store for this service name (QtKeychain where built with it), else a
    // MemorySecureStore.
    static SecureStore *create(const QString &service, QObject *parent = nullptr);

protected:
    // A job that finishes with TimedOut unless finished first.
    SecureStoreJob *newJob();

private:
    int m_timeoutMs = 10000;
};

// Secrets in memory for the run: the fallback where no secure storage exists, and for tests.
class MemorySecureStore : public SecureStore
{
    Q_OBJECT
public:
    using SecureStore::SecureStore;
    bool isPersistent() const override { return false; }
    SecureStoreJob *read(const QString &key) override;
    SecureStoreJob *write(const QString &key, const QByteArray &secret) override;
    SecureStoreJob *remove(const QString &key) override;

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace platform
