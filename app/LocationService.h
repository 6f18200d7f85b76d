#pragma once

#include <QObject>
#include <QtQml/qqml.h>

#include <optional>

class QGeoPositionInfoSource;
class QGeoPositionInfo;

namespace hues {

// Where the device is, for the place of a report (singleton "Location"): the platform's
// positioning source (Qt Positioning: GPS on phones, GeoClue on Linux desktops) when it has
// one. `hues --position LAT,LON[,ACCURACY]` replaces it with a fixed position (screenshots,
// tests, a kiosk bolted to the floor): this machine has no GPS.
class LocationService : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Location)
    QML_SINGLETON
    Q_PROPERTY(bool available READ isAvailable CONSTANT)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY positionChanged)
    Q_PROPERTY(double latitude READ latitude NOTIFY positionChanged)
    Q_PROPERTY(double longitude READ longitude NOTIFY positionChanged)
    Q_PROPERTY(double accuracy READ accuracy NOTIFY positionChanged) // metres, -1 unknown
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)

public:
    struct Fix
    {
        double latitude = 0;
        double longitude = 0;
        double accuracy = -1;
    };

    // fixed: a position to report instead of asking the platform.
    explicit LocationService(std::optional<Fix> fixed, QObject *parent = nullptr);
    ~LocationService() override;

    static LocationService *create(QQmlEngine *, QJSEngine *);
    static void setInstance(LocationService *instance);
    // "16.4637,107.5909[,12]" -> a fix; nullopt if malformed or out of range.
    static std::optional<Fix> parseFix(const QString &text);

    bool isAvailable() const;
    bool isActive() const { return m_active; }
    bool isValid() const { return m_valid; }
    double latitude() const { return m_fix.latitude; }
    double longitude() const { return m_fix.longitude; }
    double accuracy() const { return m_fix.accuracy; }
    QString errorMessage() const { return m_error; }

    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    void retranslate();

Q_SIGNALS:
    void activeChanged();
    void positionChanged();
    void errorChanged();

private:
    void onPosition(const QGeoPositionInfo &info);
    void setError(const QString &error);
    bool ensureSource();

    std::optional<Fix> m_fixed;
    QGeoPositionInfoSource *m_source = nullptr;
    mutable std::optional<bool> m_available;
    Fix m_fix;
    bool m_valid = false;
    bool m_active = false;
    QString m_error;
    int m_errorKind = 0;
};

} // namespace hues
