// The secure store on QtKeychain: Secret Service (GNOME Keyring, KWallet) on Linux, the
// Keychain on macOS, the Credential Store on Windows. Never the insecure QSettings fallback.
#include "SecureStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace platform {

namespace {

SecureStoreJob::Error mapError(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecureStoreJob::NoError;
    case QKeychain::EntryNotFound:
        return SecureStoreJob::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecureStoreJob::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecureStoreJob::Failed;
}

class KeychainSecureStore : public SecureStore
{
public:
    KeychainSecureStore(const QString &service, QObject *parent)
        : SecureStore(parent), m_service(service)
    {
    }

    bool isPersistent() const override { return true; }

    SecureStoreJob *read(const QString &key) override
    {
        auto *job = new QKeychain::ReadPasswordJob(m_service, jobOwner());
        return run(job, key);
    }

    SecureStoreJob *write(const QString &key, const QByteArray &secret) override
    {
        auto *job = new QKeychain::WritePasswordJob(m_service, jobOwner());
        job->setBinaryData(secret);
        return run(job, key);
    }

    SecureStoreJob *remove(const QString &key) override
    {
        auto *job = new QKeychain::DeletePasswordJob(m_service, jobOwner());
        return run(job, key);
    }

private:
    // QtKeychain jobs must outlive this store: a libsecret job deleted while its D-Bus call
    // runs crashes when the answer arrives. They delete themselves when done (or with the
    // application, after its event loop, when no answer can come any more).
    static QObject *jobOwner() { return QCoreApplication::instance(); }

    SecureStoreJob *run(QKeychain::Job *job, const QString &key)
    {
        SecureStoreJob *result = newJob();
        job->setKey(key);
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        // If the keychain answers after our time-out, `result` is gone and nothing happens.
        connect(job, &QKeychain::Job::finished, result, [result](QKeychain::Job *done) {
            const SecureStoreJob::Error error = mapError(done->error());
            QByteArray data;
            if (error == SecureStoreJob::NoError)
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                    data = read->binaryData();
            result->finish(error, data,
                           error == SecureStoreJob::NoError ? QString() : done->errorString());
        });
        job->start();
        return result;
    }

    QString m_service;
};

} // namespace

SecureStore *SecureStore::create(const QString &service, QObject *parent)
{
    return new KeychainSecureStore(service, parent);
}

} // namespace platform
