#pragma once

#include <QList>

// Geometry on WGS 84 latitude/longitude in degrees, as CAP areas need it: polygons are
// tested in the plane of (longitude, latitude) (what CAP's polygon means for areas the size of
// a province), circles by great-circle distance. Points on a polygon's edge or vertex, and
// on a circle's rim, count as inside.
namespace geo {

struct LatLon
{
    double lat = 0;
    double lon = 0;
};
inline bool operator==(const LatLon &a, const LatLon &b)
{
    return a.lat == b.lat && a.lon == b.lon;
}
inline bool operator!=(const LatLon &a, const LatLon &b)
{
    return !(a == b);
}

// A polygon's vertices in order; closed (first == last, as CAP writes them) or not.
using Ring = QList<LatLon>;

// Mean Earth radius (IUGG), the radius of great-circle distances here.
constexpr double kEarthRadiusKm = 6371.0088;

// Latitude in [-90, 90] and longitude in [-180, 180], both finite.
bool isValid(const LatLon &point);

// The smallest latitude/longitude rectangle around some points. A box that crosses the
// 180th meridian has minLon > maxLon.
struct BoundingBox
{
    double minLat = 0;
    double maxLat = 0;
    double minLon = 0;
    double maxLon = 0;
    bool empty = true;

    static BoundingBox of(const Ring &points);
    // Around a circle of great-circle radius radiusKm (whole longitude range near a pole).
    static BoundingBox ofCircle(const LatLon &centre, double radiusKm);
    void extend(const LatLon &point);
    bool contains(const LatLon &point) const;
};

enum class Location { Outside, Inside, OnBoundary };

// Where `point` lies relative to `polygon` (even-odd rule, so concave and self-touching rings
// work). "On the boundary" allows 1e-9 degrees (0.1 mm). A ring spanning more than 180
// degrees of longitude is taken to cross the 180th meridian. Fewer than 3 distinct
// vertices: only the vertices/segment themselves are the boundary, nothing is inside.
Location locate(const Ring &polygon, const LatLon &point);
// locate() != Outside.
bool polygonContains(const Ring &polygon, const LatLon &point);

// Great-circle (haversine) distance in kilometres.
double distanceKm(const LatLon &a, const LatLon &b);
// distanceKm(centre, point) <= radiusKm (plus a millimetre for rounding).
bool circleContains(const LatLon &centre, double radiusKm, const LatLon &point);

} // namespace geo
