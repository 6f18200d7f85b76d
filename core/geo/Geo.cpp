#include "Geo.h"

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

constexpr double kBoundaryEpsilonDeg = 1e-9;
constexpr double kPi = 3.14159265358979323846;

double radians(double degrees)
{
    return degrees * kPi / 180.0;
}

// Planar point of the (lon, lat) plane, lon unwrapped when the ring crosses 180 degrees.
struct P
{
    double x;
    double y;
};

bool onSegment(const P &p, const P &a, const P &b)
{
    const double minX = std::min(a.x, b.x) - kBoundaryEpsilonDeg;
    const double maxX = std::max(a.x, b.x) + kBoundaryEpsilonDeg;
    const double minY = std::min(a.y, b.y) - kBoundaryEpsilonDeg;
    const double maxY = std::max(a.y, b.y) + kBoundaryEpsilonDeg;
    if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY)
        return false;
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length = std::hypot(dx, dy);
    if (length == 0)
        return std::hypot(p.x - a.x, p.y - a.y) <= kBoundaryEpsilonDeg;
    // Distance from the line through a and b.
    const double cross = dx * (p.y - a.y) - dy * (p.x - a.x);
    return std::abs(cross) <= kBoundaryEpsilonDeg * length;
}

} // namespace

bool isValid(const LatLon &point)
{
    return std::isfinite(point.lat) && std::isfinite(point.lon) && point.lat >= -90 &&
           point.lat <= 90 && point.lon >= -180 && point.lon <= 180;
}

BoundingBox BoundingBox::of(const Ring &points)
{
    BoundingBox box;
    for (const LatLon &p : points)
        box.extend(p);
    return box;
}

BoundingBox BoundingBox::ofCircle(const LatLon &centre, double radiusKm)
{
    BoundingBox box;
    const double dLat = radiusKm / kEarthRadiusKm * 180.0 / kPi;
    box.minLat = std::max(-90.0, centre.lat - dLat);
    box.maxLat = std::min(90.0, centre.lat + dLat);
    box.empty = false;
    const double cosLat = std::cos(radians(std::max(std::abs(box.minLat), std::abs(box.maxLat))));
    const double dLon = cosLat > 1e-12 ? dLat / cosLat : 360.0;
    if (box.maxLat >= 90 || box.minLat <= -90 || dLon >= 180) {
        box.minLon = -180;
        box.maxLon = 180;
        return box;
    }
    box.minLon = centre.lon - dLon;
    box.maxLon = centre.lon + dLon;
    // Wrapped across the 180th meridian: minLon > maxLon.
    if (box.minLon < -180)
        box.minLon += 360;
    if (box.maxLon > 180)
        box.maxLon -= 360;
    return box;
}

void BoundingBox::extend(const LatLon &point)
{
    if (empty) {
        minLat = maxLat = point.lat;
        minLon = maxLon = point.lon;
        empty = false;
        return;
    }
    minLat = std::min(minLat, point.lat);
    maxLat = std::max(maxLat, point.lat);
    minLon = std::min(minLon, point.lon);
    maxLon = std::max(maxLon, point.lon);
}

bool BoundingBox::contains(const LatLon &point) const
{
    if (empty || point.lat < minLat || point.lat > maxLat)
        return false;
    if (minLon <= maxLon)
        return point.lon >= minLon && point.lon <= maxLon;
    return point.lon >= minLon || point.lon <= maxLon;
}

Location locate(const Ring &polygon, const LatLon &point)
{
    qsizetype n = polygon.size();
    if (n > 1 && polygon.first() == polygon.last())
        --n; // CAP rings repeat the first vertex at the end
    if (n == 0)
        return Location::Outside;

    double minLon = polygon.first().lon;
    double maxLon = minLon;
    for (qsizetype i = 0; i < n; ++i) {
        minLon = std::min(minLon, polygon[i].lon);
        maxLon = std::max(maxLon, polygon[i].lon);
    }
    const bool crossesAntimeridian = maxLon - minLon > 180;
    auto plane = [crossesAntimeridian](const LatLon &v) {
        return P{crossesAntimeridian && v.lon < 0 ? v.lon + 360 : v.lon, v.lat};
    };

    const P p = plane(point);
    bool inside = false;
    P a = plane(polygon[n - 1]);
    for (qsizetype i = 0; i < n; ++i) {
        const P b = plane(polygon[i]);
        if (onSegment(p, a, b))
            return Location::OnBoundary;
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x)
                inside = !inside;
        }
        a = b;
    }
    if (n < 3)
        return Location::Outside;
    return inside ? Location::Inside : Location::Outside;
}

bool polygonContains(const Ring &polygon, const LatLon &point)
{
    return locate(polygon, point) != Location::Outside;
}

double distanceKm(const LatLon &a, const LatLon &b)
{
    const double dLat = radians(b.lat - a.lat);
    const double dLon = radians(b.lon - a.lon);
    const double s = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::sin(dLon / 2) *
                         std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s)));
}

bool circleContains(const LatLon &centre, double radiusKm, const LatLon &point)
{
    return distanceKm(centre, point) <= radiusKm + 1e-6;
}

} // namespace geo
