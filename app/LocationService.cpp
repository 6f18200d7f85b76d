#include "LocationService.h"

#include "logging.h"

#include <QGeoPositionInfoSource>
#include <QJSEngine>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <cmath>

namespace hues {

namespace {
QPointer<LocationService> g_instance;

enum ErrorKind { NoError, NoSource, Denied, NoFix };
} // namespace

LocationService::LocationService(std::optional<Fix> fixed, QObject *parent)
    : QObject(parent), m_fixed(fixed)
{
}

bool LocationService::isAvailable() const
{
    // Asked on first use, not at start-up: loading the positioning plugins takes time.
    if (!m_available)
        m_available = m_fixed.has_value() || !QGeoPositionInfoSource::availableSources().isEmpty();
    return *m_available;
}

bool LocationService::ensureSource()
{
    if (m_source || m_fixed)
        return true;
    m_source = QGeoPositionInfoSource::createDefaultSource(this);
    if (!m_source) {
        m_errorKind = NoSource;
        retranslate();
        return false;
    }
    m_source->setUpdateInterval(5000);
    connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, &LocationService::onPosition);
    connect(m_source, &QGeoPositionInfoSource::errorOccurred, this,
            [this](QGeoPositionInfoSource::Error error) {
                qCInfo(lcApp) << "positioning error" << error;
                m_errorKind = error == QGeoPositionInfoSource::AccessError ? Denied : NoFix;
                retranslate();
            });
    return true;
}

LocationService::~LocationService() = default;

LocationService *LocationService::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void LocationService::setInstance(LocationService *instance)
{
    g_instance = instance;
}

std::optional<LocationService::Fix> LocationService::parseFix(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    bool ok1 = false, ok2 = false, ok3 = true;
    Fix fix;
    fix.latitude = parts.at(0).trimmed().toDouble(&ok1);
    fix.longitude = parts.at(1).trimmed().toDouble(&ok2);
    if (parts.size() == 3)
        fix.accuracy = parts.at(2).trimmed().toDouble(&ok3);
    if (!ok1 || !ok2 || !ok3 || !std::isfinite(fix.latitude) || !std::isfinite(fix.longitude) ||
        fix.latitude < -90 || fix.latitude > 90 || fix.longitude < -180 || fix.longitude > 180 ||
        (parts.size() == 3 && (!std::isfinite(fix.accuracy) || fix.accuracy < 0)))
        return std::nullopt;
    return fix;
}

void LocationService::start()
{
    if (m_active)
        return;
    m_active = true;
    Q_EMIT activeChanged();
    if (m_fixed) {
        // Like a real source: the fix arrives from the event loop, not inside start().
        QTimer::singleShot(0, this, [this] {
            if (!m_active)
                return;
            m_fix = *m_fixed;
            m_valid = true;
            Q_EMIT positionChanged();
        });
        return;
    }
    if (ensureSource()) {
        m_errorKind = NoError;
        retranslate();
        m_source->startUpdates();
    }
}

void LocationService::stop()
{
    if (!m_active)
        return;
    m_active = false;
    if (m_source)
        m_source->stopUpdates();
    Q_EMIT activeChanged();
}

void LocationService::onPosition(const QGeoPositionInfo &info)
{
    if (!info.isValid())
        return;
    m_fix.latitude = info.coordinate().latitude();
    m_fix.longitude = info.coordinate().longitude();
    m_fix.accuracy = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                         ? info.attribute(QGeoPositionInfo::HorizontalAccuracy)
                         : -1;
    m_valid = true;
    if (m_errorKind != NoError) {
        m_errorKind = NoError;
        retranslate();
    }
    Q_EMIT positionChanged();
}

void LocationService::retranslate()
{
    switch (m_errorKind) {
    case NoSource:
        setError(tr("This device cannot tell where it is. Type the address or the place instead."));
        break;
    case Denied:
        setError(tr("Hue-S may not use your location. Allow it in the system settings, or type "
                    "the address."));
        break;
    case NoFix:
        setError(tr("Your position could not be found. Go outside or type the address."));
        break;
    default:
        setError({});
    }
}

void LocationService::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace hues
