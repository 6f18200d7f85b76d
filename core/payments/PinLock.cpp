#include "PinLock.h"

#include "logging.h"
#include "securestore/SecureStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QPointer>
#include <QRandomGenerator>

namespace payments {

PinLock::PinLock(platform::SecureStore *store, QObject *parent) : QObject(parent), m_store(store) {}

bool PinLock::isValidPin(const QString &pin)
{
    if (pin.size() < 4 || pin.size() > 6)
        return false;
    for (const QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QDateTime PinLock::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QDateTime PinLock::lockedUntil() const
{
    if (m_lockedUntilMs <= now().toMSecsSinceEpoch())
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_lockedUntilMs).toLocalTime();
}

QByteArray PinLock::derive(const QString &pin, const QByteArray &salt, int iterations) const
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt,
                                              iterations, 32);
}

void PinLock::setStorageKey(const QString &key)
{
    if (key == m_key && m_loaded)
        return;
    m_key = key;
    ++m_generation;
    m_salt.clear();
    m_hash.clear();
    m_failures = 0;
    m_lockedUntilMs = 0;
    m_loaded = key.isEmpty() || !m_store;
    Q_EMIT changed();
    if (m_loaded)
        return;
    const int generation = m_generation;
    platform::SecureStoreJob *job = m_store->read(key);
    QPointer<PinLock> self(this);
    connect(job, &platform::SecureStoreJob::finished, this, [this, job, generation] {
        if (generation != m_generation)
            return;
        m_loaded = true;
        if (job->error() == platform::SecureStoreJob::NoError) {
            const QJsonObject o = QJsonDocument::fromJson(job->data()).object();
            m_salt = QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1());
            m_hash = QByteArray::fromBase64(o.value(QLatin1String("hash")).toString().toLatin1());
            m_iterations = o.value(QLatin1String("iterations")).toInt(kIterations);
            m_failures = o.value(QLatin1String("failures")).toInt();
            m_lockedUntilMs = o.value(QLatin1String("locked_until")).toInteger();
            if (m_salt.isEmpty() || m_hash.size() != 32 || m_iterations < 1000) {
                qCWarning(lcSecure) << "payments: the stored PIN entry is unreadable; ignored";
                m_salt.clear();
                m_hash.clear();
            }
        } else if (job->error() != platform::SecureStoreJob::NotFound) {
            qCWarning(lcSecure) << "payments: cannot read the PIN entry:" << job->errorString();
        }
        Q_EMIT changed();
    });
}

void PinLock::save()
{
    if (!m_store || m_key.isEmpty())
        return;
    const QJsonObject o{{QStringLiteral("salt"), QString::fromLatin1(m_salt.toBase64())},
                        {QStringLiteral("hash"), QString::fromLatin1(m_hash.toBase64())},
                        {QStringLiteral("iterations"), m_iterations},
                        {QStringLiteral("failures"), m_failures},
                        {QStringLiteral("locked_until"), m_lockedUntilMs}};
    platform::SecureStoreJob *job =
        m_store->write(m_key, QJsonDocument(o).toJson(QJsonDocument::Compact));
    connect(job, &platform::SecureStoreJob::finished, this, [job] {
        if (job->error() != platform::SecureStoreJob::NoError)
            qCWarning(lcSecure) << "payments: cannot keep the PIN entry:" << job->errorString();
    });
}

bool PinLock::setPin(const QString &pin)
{
    if (!isValidPin(pin) || !m_loaded || lockedUntil().isValid())
        return false;
    m_salt.resize(16);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(m_salt.data()),
                                         reinterpret_cast<quint32 *>(m_salt.data() + 16));
    m_iterations = kIterations;
    m_hash = derive(pin, m_salt, m_iterations);
    m_failures = 0;
    m_lockedUntilMs = 0;
    save();
    Q_EMIT changed();
    return true;
}

bool PinLock::check(const QString &pin)
{
    if (!m_loaded || m_hash.isEmpty() || lockedUntil().isValid())
        return false;
    const QByteArray candidate = isValidPin(pin) ? derive(pin, m_salt, m_iterations) : QByteArray();
    // Constant time: no early exit on the first differing byte.
    bool same = candidate.size() == m_hash.size();
    unsigned char diff = 0;
    for (qsizetype i = 0; same && i < m_hash.size(); ++i)
        diff |= static_cast<unsigned char>(candidate.at(i) ^ m_hash.at(i));
    same = same && diff == 0;
    if (same) {
        if (m_failures != 0) {
            m_failures = 0;
            save();
            Q_EMIT changed();
        }
        return true;
    }
    ++m_failures;
    if (m_failures >= kMaxTries) {
        m_failures = 0;
        m_lockedUntilMs = now().toMSecsSinceEpoch() + kLockSeconds * 1000;
        qCInfo(lcSecure) << "payments: PIN locked after" << kMaxTries << "wrong tries";
    }
    save();
    Q_EMIT changed();
    return false;
}

} // namespace payments
