#include "StoreService.h"

#include "Database.h"
#include "logging.h"

#include <QDir>

namespace store {

StoreService::StoreService(QObject *parent) : QObject(parent), m_db(std::make_unique<Database>()) {}

StoreService::~StoreService() = default;

QString StoreService::databasePath(const QString &dataDir, const QString &profile)
{
    return QDir(dataDir).filePath(QStringLiteral("profiles/%1/hues.sqlite").arg(profile));
}

bool StoreService::open(const QString &dataDir, const QString &profile)
{
    const auto status = m_db->open(databasePath(dataDir, profile));
    m_error = m_db->errorString();
    if (status == Database::OpenStatus::Recovered) {
        m_notice = tr("The local data on this device was damaged and has been reset. "
                      "Your information on the server is not affected.");
        Q_EMIT noticeChanged();
    }
    if (status == Database::OpenStatus::Failed)
        qCWarning(lcStore) << "cannot open the local database:" << m_error;
    Q_EMIT readyChanged();
    return status != Database::OpenStatus::Failed;
}

bool StoreService::isReady() const
{
    return m_db->isOpen();
}

void StoreService::dismissNotice()
{
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    Q_EMIT noticeChanged();
}

bool StoreService::clearCache()
{
    if (!m_db->isOpen() || !m_db->clearCache()) {
        m_error = m_db->errorString();
        return false;
    }
    qCInfo(lcStore) << "local cache cleared";
    Q_EMIT cacheCleared();
    return true;
}

} // namespace store
