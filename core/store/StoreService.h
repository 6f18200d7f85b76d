#pragma once

#include <QObject>
#include <memory>

namespace store {

class Database;

// Owns the local database of the signed-in profile and tells the UI what
// happened to it (e.g. a corrupt file that was rebuilt).
class StoreService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)

public:
    explicit StoreService(QObject *parent = nullptr);
    ~StoreService() override;

    // Opens DATA_DIR/profiles/PROFILE/hues.sqlite. False when it cannot be used at all.
    bool open(const QString &dataDir, const QString &profile = QStringLiteral("default"));
    static QString databasePath(const QString &dataDir, const QString &profile);

    Database *database() const { return m_db.get(); }
    bool isReady() const;
    QString errorString() const { return m_error; }
    QString notice() const { return m_notice; }

    Q_INVOKABLE void dismissNotice();
    Q_INVOKABLE bool clearCache();

Q_SIGNALS:
    void noticeChanged();
    void readyChanged();
    void cacheCleared();

private:
    std::unique_ptr<Database> m_db;
    QString m_error;
    QString m_notice;
};

} // namespace store
