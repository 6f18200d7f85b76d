#include "geo/Geo.h"

#include <QTest>

#include <cmath>

using namespace geo;

Q_DECLARE_METATYPE(geo::Ring)
Q_DECLARE_METATYPE(geo::Location)

namespace {

// A point `km` north of `from` along its meridian.
LatLon north(const LatLon &from, double km)
{
    return {from.lat + km / kEarthRadiusKm * 180.0 / M_PI, from.lon};
}

const Ring kSquare = {{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
// A "C" open to the east: the notch (lat 3..7, lon 3..10) is outside.
const Ring kConcave = {{0, 0},  {0, 10},  {3, 10}, {3, 3}, {7, 3},
                       {7, 10}, {10, 10}, {10, 0}, {0, 0}};
// A diamond: vertices at the latitude of test points make the classic ray-through-vertex case.
const Ring kDiamond = {{0, 5}, {5, 10}, {10, 5}, {5, 0}, {0, 5}};
// The Huế Citadel, roughly (as in tests/core/alerts/data/hue_flood_citadel_vi_en.xml).
const Ring kCitadel = {{16.4806, 107.5718},
                       {16.4745, 107.5862},
                       {16.4585, 107.5830},
                       {16.4672, 107.5645},
                       {16.4806, 107.5718}};
// Around the 180th meridian (Fiji-like), written with the CAP longitudes -180..180.
const Ring kAcross = {{-16, 179}, {-16, -179}, {-18, -179}, {-18, 179}, {-16, 179}};

} // namespace

class TestGeo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locate_data()
    {
        QTest::addColumn<Ring>("ring");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<Location>("expected");
        const Location in = Location::Inside;
        const Location out = Location::Outside;
        const Location edge = Location::OnBoundary;
        QTest::newRow("square inside") << kSquare << 5.0 << 5.0 << in;
        QTest::newRow("square outside east") << kSquare << 5.0 << 10.5 << out;
        QTest::newRow("square outside south") << kSquare << -0.001 << 5.0 << out;
        QTest::newRow("square on west edge") << kSquare << 5.0 << 0.0 << edge;
        QTest::newRow("square on north edge") << kSquare << 10.0 << 3.0 << edge;
        QTest::newRow("square on vertex") << kSquare << 10.0 << 10.0 << edge;
        QTest::newRow("square on first vertex") << kSquare << 0.0 << 0.0 << edge;
        QTest::newRow("square on edge line, beyond") << kSquare << 0.0 << 11.0 << out;
        QTest::newRow("square near edge inside") << kSquare << 1e-7 << 5.0 << in;
        QTest::newRow("square near edge outside") << kSquare << -1e-7 << 5.0 << out;
        Ring open = kSquare;
        open.removeLast();
        QTest::newRow("unclosed ring inside") << open << 5.0 << 5.0 << in;
        QTest::newRow("unclosed ring closing edge") << open << 0.0 << 5.0 << edge;
        QTest::newRow("concave arm") << kConcave << 1.5 << 8.0 << in;
        QTest::newRow("concave other arm") << kConcave << 8.5 << 8.0 << in;
        QTest::newRow("concave notch") << kConcave << 5.0 << 8.0 << out;
        QTest::newRow("concave spine") << kConcave << 5.0 << 1.0 << in;
        QTest::newRow("concave notch edge") << kConcave << 5.0 << 3.0 << edge;
        QTest::newRow("concave notch vertex") << kConcave << 7.0 << 3.0 << edge;
        QTest::newRow("concave ray along notch edge") << kConcave << 3.0 << -1.0 << out;
        QTest::newRow("diamond ray through vertex, outside") << kDiamond << 5.0 << -1.0 << out;
        QTest::newRow("diamond ray through vertex, inside") << kDiamond << 5.0 << 5.0 << in;
        QTest::newRow("diamond beyond east vertex") << kDiamond << 5.0 << 10.5 << out;
        QTest::newRow("diamond top vertex") << kDiamond << 10.0 << 5.0 << edge;
        QTest::newRow("diamond corner outside") << kDiamond << 9.0 << 9.0 << out;
        QTest::newRow("diamond on slanted edge") << kDiamond << 2.5 << 7.5 << edge;
        QTest::newRow("citadel Ngo Mon") << kCitadel << 16.4676 << 107.5786 << in;
        QTest::newRow("citadel Thien Mu") << kCitadel << 16.4535 << 107.5447 << out;
        QTest::newRow("citadel Dong Ba market") << kCitadel << 16.4726 << 107.5887 << out;
        QTest::newRow("citadel vertex") << kCitadel << 16.4585 << 107.5830 << edge;
        QTest::newRow("citadel edge midpoint")
            << kCitadel << (16.4806 + 16.4745) / 2 << (107.5718 + 107.5862) / 2 << edge;
        QTest::newRow("across 180 east side") << kAcross << -17.0 << 179.5 << in;
        QTest::newRow("across 180 west side") << kAcross << -17.0 << -179.5 << in;
        QTest::newRow("across 180 on the meridian") << kAcross << -17.0 << 180.0 << in;
        QTest::newRow("across 180 outside") << kAcross << -17.0 << 178.5 << out;
        QTest::newRow("across 180 far outside") << kAcross << -17.0 << 0.0 << out;
        QTest::newRow("empty ring") << Ring() << 0.0 << 0.0 << out;
        QTest::newRow("one point, on it") << Ring{{1, 1}} << 1.0 << 1.0 << edge;
        QTest::newRow("segment, on it") << Ring{{0, 0}, {0, 2}, {0, 0}} << 0.0 << 1.0 << edge;
        QTest::newRow("segment, off it") << Ring{{0, 0}, {0, 2}, {0, 0}} << 0.5 << 1.0 << out;
    }
    void locate()
    {
        QFETCH(Ring, ring);
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(Location, expected);
        QCOMPARE(geo::locate(ring, {lat, lon}), expected);
        QCOMPARE(polygonContains(ring, {lat, lon}), expected != Location::Outside);
    }

    void orientationDoesNotMatter()
    {
        Ring reversed = kConcave;
        std::reverse(reversed.begin(), reversed.end());
        for (double lat = -0.5; lat <= 10.5; lat += 0.25) {
            for (double lon = -0.5; lon <= 10.5; lon += 0.25)
                QCOMPARE(geo::locate(reversed, {lat, lon}), geo::locate(kConcave, {lat, lon}));
        }
    }

    void distances()
    {
        QCOMPARE(distanceKm({16.4676, 107.5786}, {16.4676, 107.5786}), 0.0);
        // One degree of latitude on the mean sphere.
        QVERIFY(std::abs(distanceKm({0, 0}, {1, 0}) - 111.1951) < 1e-3);
        // Huế (Ngọ Môn) to Đà Nẵng: about 81 km.
        const double hueDaNang = distanceKm({16.4676, 107.5786}, {16.0544, 108.2022});
        QVERIFY2(std::abs(hueDaNang - 80.88) < 0.05, qPrintable(QString::number(hueDaNang)));
        QCOMPARE(hueDaNang, distanceKm({16.0544, 108.2022}, {16.4676, 107.5786}));
        // Antipodes: half the circumference.
        QVERIFY(std::abs(distanceKm({0, 0}, {0, 180}) - M_PI * kEarthRadiusKm) < 1e-6);
        // Across the 180th meridian the short way.
        QVERIFY(distanceKm({0, 179.9}, {0, -179.9}) < 23);
    }

    void circles()
    {
        const LatLon dongBa{16.4726, 107.5887};
        QVERIFY(circleContains(dongBa, 0.5, dongBa));
        QVERIFY(circleContains(dongBa, 0.5, north(dongBa, 0.499)));
        QVERIFY(!circleContains(dongBa, 0.5, north(dongBa, 0.501)));
        QVERIFY(circleContains(dongBa, 25, north(dongBa, 24.99)));
        QVERIFY(!circleContains(dongBa, 25, north(dongBa, 25.01)));
        // East-west at this latitude: the same distance, not the same degrees.
        const double dLon =
            0.499 / (kEarthRadiusKm * std::cos(dongBa.lat * M_PI / 180)) * 180 / M_PI;
        QVERIFY(circleContains(dongBa, 0.5, {dongBa.lat, dongBa.lon + dLon}));
        QVERIFY(!circleContains(dongBa, 0.5, {dongBa.lat, dongBa.lon + dLon * 1.01 / 0.998}));
        // Radius 0: the point itself only.
        QVERIFY(circleContains(dongBa, 0, dongBa));
        QVERIFY(!circleContains(dongBa, 0, north(dongBa, 0.001)));
        // Across the 180th meridian and at the pole.
        QVERIFY(circleContains({0, 179.99}, 5, {0, -179.99}));
        QVERIFY(circleContains({90, 0}, 200, {89, 123}));
    }

    void boundingBoxes()
    {
        const BoundingBox box = BoundingBox::of(kCitadel);
        QVERIFY(!box.empty);
        QCOMPARE(box.minLat, 16.4585);
        QCOMPARE(box.maxLat, 16.4806);
        QCOMPARE(box.minLon, 107.5645);
        QCOMPARE(box.maxLon, 107.5862);
        QVERIFY(box.contains({16.47, 107.57}));
        QVERIFY(box.contains({16.4585, 107.5645})); // corner
        QVERIFY(!box.contains({16.45, 107.57}));
        QVERIFY(!BoundingBox().contains({0, 0}));
        QVERIFY(BoundingBox::of({}).empty);

        const LatLon dongBa{16.4726, 107.5887};
        const BoundingBox around = BoundingBox::ofCircle(dongBa, 0.5);
        QVERIFY(around.contains(north(dongBa, 0.49)));
        QVERIFY(!around.contains(north(dongBa, 0.51)));
        // Every point of the circle's rim is in its box.
        for (int deg = 0; deg < 360; deg += 15) {
            const double a = deg * M_PI / 180;
            const double km = 0.4999;
            const LatLon p{dongBa.lat + km * std::cos(a) / kEarthRadiusKm * 180 / M_PI,
                           dongBa.lon + km * std::sin(a) /
                                            (kEarthRadiusKm * std::cos(dongBa.lat * M_PI / 180)) *
                                            180 / M_PI};
            QVERIFY(circleContains(dongBa, 0.5, p));
            QVERIFY(around.contains(p));
        }
        const BoundingBox wrapped = BoundingBox::ofCircle({0, 179.99}, 5);
        QVERIFY(wrapped.minLon > wrapped.maxLon);
        QVERIFY(wrapped.contains({0, -179.99}));
        QVERIFY(wrapped.contains({0, 179.99}));
        QVERIFY(!wrapped.contains({0, 0}));
        const BoundingBox polar = BoundingBox::ofCircle({89.9, 0}, 50);
        QCOMPARE(polar.minLon, -180.0);
        QCOMPARE(polar.maxLon, 180.0);
    }

    void validity()
    {
        QVERIFY(isValid({16.46, 107.59}));
        QVERIFY(isValid({-90, -180}));
        QVERIFY(isValid({90, 180}));
        QVERIFY(!isValid({90.0001, 0}));
        QVERIFY(!isValid({0, -180.0001}));
        QVERIFY(!isValid({std::nan(""), 0}));
        QVERIFY(!isValid({0, INFINITY}));
    }
};

QTEST_APPLESS_MAIN(TestGeo)
#include "tst_geo.moc"
