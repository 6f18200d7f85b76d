#include "SecureStore.h"

#include <QTimer>

namespace platform {

SecureStoreJob::SecureStoreJob(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        finish(TimedOut, {}, QStringLiteral("the secure storage did not answer in time"));
    });
}

void SecureStoreJob::finish(Error error, const QByteArray &data, const QString &errorString)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    m_error = error;
    m_data = data;
    m_errorString = errorString;
    Q_EMIT finished();
    deleteLater();
}

SecureStoreJob *SecureStore::newJob()
{
    auto *job = new SecureStoreJob(this);
    job->m_timer->start(m_timeoutMs);
    return job;
}

namespace {

// Memory answers at once, but jobs still finish from the event loop like the real ones.
SecureStoreJob *finishLater(SecureStoreJob *job, SecureStoreJob::Error error,
                            const QByteArray &data = {})
{
    QTimer::singleShot(0, job, [job, error, data] { job->finish(error, data); });
    return job;
}

} // namespace

SecureStoreJob *MemorySecureStore::read(const QString &key)
{
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        return finishLater(newJob(), SecureStoreJob::NotFound);
    return finishLater(newJob(), SecureStoreJob::NoError, *it);
}

SecureStoreJob *MemorySecureStore::write(const QString &key, const QByteArray &secret)
{
    m_values.insert(key, secret);
    return finishLater(newJob(), SecureStoreJob::NoError);
}

SecureStoreJob *MemorySecureStore::remove(const QString &key)
{
    auto it = m_values.find(key);
    if (it == m_values.end())
        return finishLater(newJob(), SecureStoreJob::NotFound);
    it->fill('\0');
    m_values.erase(it);
    return finishLater(newJob(), SecureStoreJob::NoError);
}

} // namespace platform
