// hues-server's Open311 GeoReport v2 (/open311/v2) and report routes (/api/v1), black box: the
// real executable, raw HTTP where the spec's bytes matter, over SQLite and, when
// HUES_TEST_PG_URL is set, PostgreSQL.
#include "Backends.h"
#include "TestServer.h"
#include "Tokens.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <memory>

using namespace hues::test;

namespace {

const int kDemoRequests = 9;

// A JPEG with a red top-left quarter (to see the orientation) and, when noisy, random pixels
// (large files).
QByteArray makeJpeg(int width, int height, bool noisy = false, int quality = 90)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::blue);
    if (noisy) {
        auto *random = QRandomGenerator::global();
        for (int y = 0; y < height; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = random->generate() | 0xff000000;
        }
    }
    QPainter(&image).fillRect(0, 0, width / 2, height / 2, Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    return bytes;
}

// Inserts an EXIF APP1 segment (orientation tag, then a marker standing for GPS data) after SOI.
QByteArray withExif(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray payload("Exif\0\0", 6);
    payload += QByteArray::fromHex("49492a0008000000"); // little-endian TIFF, IFD at 8
    payload += QByteArray::fromHex("0100");             // one entry
    payload += QByteArray::fromHex("1201030001000000"); // 0x0112 SHORT x1
    payload += char(orientation & 0xff);
    payload += char(orientation >> 8);
    payload += QByteArray::fromHex("0000");
    payload += QByteArray::fromHex("00000000"); // no next IFD
    payload += "HUES-GPS-MARKER-16.4667N-107.5906E";
    const int length = int(payload.size()) + 2;
    QByteArray segment = QByteArray::fromHex("ffe1");
    segment += char(length >> 8);
    segment += char(length & 0xff);
    segment += payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray bigEndian(quint32 value)
{
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[i] = char((value >> (24 - 8 * i)) & 0xff);
    return out;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian(quint32(data.size())) + type + data + bigEndian(crc32(type + data));
}

// A decompression bomb: a valid PNG header announcing 50000 x 50000 RGB pixels.
QByteArray pngBomb()
{
    const QByteArray ihdr = bigEndian(50000) + bigEndian(50000) + QByteArray::fromHex("0802000000");
    const QByteArray idat = qCompress(QByteArray(64 * 1024, '\0')).mid(4); // zlib stream
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", ihdr) +
           pngChunk("IDAT", idat) + pngChunk("IEND", {});
}

struct Part
{
    QByteArray name;
    QByteArray value;
    QByteArray filename; // non-empty: a file part
    QByteArray type = "image/jpeg";
};

QByteArray multipart(const QList<Part> &parts, const QByteArray &boundary)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.filename.isEmpty())
            body += "; filename=\"" + part.filename + "\"\r\nContent-Type: " + part.type;
        body += "\r\n\r\n" + part.value + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

QList<Part> fieldsAsParts(const FormFields &fields)
{
    QList<Part> parts;
    for (const auto &[name, value] : fields)
        parts.append({name.toUtf8(), value.toUtf8(), {}, {}});
    return parts;
}

QString firstError(const HttpResult &reply)
{
    return reply.array().at(0).toObject().value(QStringLiteral("description")).toString();
}

QString allErrors(const HttpResult &reply)
{
    QStringList texts;
    for (const QJsonValue &e : reply.array())
        texts << e.toObject().value(QStringLiteral("description")).toString();
    return texts.join(QStringLiteral(" | "));
}

} // namespace

class TestServerOpen311 : public QObject
{
    Q_OBJECT

private:
    static HttpResult postForm(const TestServer &server, const FormFields &fields,
                               const HeaderList &headers = {},
                               const QString &path = QStringLiteral("/open311/v2/requests.json"))
    {
        HeaderList all = headers;
        all.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        return httpRequest("POST", server.url(path), formEncode(fields), all);
    }

    static HttpResult postMultipart(const TestServer &server, const QList<Part> &parts,
                                    const HeaderList &headers = {})
    {
        const QByteArray boundary =
            "hues-" + QByteArray::number(QRandomGenerator::global()->generate());
        HeaderList all = headers;
        all.append(
            qMakePair(QByteArray("Content-Type"), "multipart/form-data; boundary=" + boundary));
        return httpRequest("POST", server.url(QStringLiteral("/open311/v2/requests.json")),
                           multipart(parts, boundary), all);
    }

    static HttpResult apiPost(const TestServer &server, const QString &path,
                              const QJsonObject &body, const QString &token)
    {
        HeaderList headers{qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))};
        if (!token.isEmpty())
            headers += bearer(token);
        return httpRequest("POST", server.url(path),
                           QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    static HttpResult getWith(const TestServer &server, const QString &path,
                              const HeaderList &headers = {})
    {
        return httpRequest("GET", server.url(path), {}, headers);
    }

    static int requestCount(TestServer &server)
    {
        return server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_requests"));
    }

    static FormFields validFlood()
    {
        return {{QStringLiteral("service_code"), QStringLiteral("flooding")},
                {QStringLiteral("lat"), QStringLiteral("16.4667")},
                {QStringLiteral("long"), QStringLiteral("107.5906")},
                {QStringLiteral("description"), QStringLiteral("Ngập sâu ở đầu cầu Trường Tiền")},
                {QStringLiteral("attribute[flood_depth]"), QStringLiteral("20to50")}};
    }

    static QJsonObject requestObject(const TestServer &server, const QString &id,
                                     const QString &token = {})
    {
        const HttpResult reply =
            getWith(server, QStringLiteral("/open311/v2/requests/%1.json").arg(id),
                    token.isEmpty() ? HeaderList() : bearer(token));
        return reply.array().at(0).toObject();
    }

    static QStringList ids(const HttpResult &reply)
    {
        QStringList list;
        for (const QJsonValue &r : reply.array())
            list << r.toObject().value(QStringLiteral("service_request_id")).toString();
        return list;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void servicesAndDefinitions_data() { backends(); }
    void servicesAndDefinitions()
    {
        HUES_START_SERVER(server);
        // QNetworkAccessManager always sends Accept-Language: ask for Vietnamese explicitly,
        // and check the default (no header at all) with raw bytes.
        const HttpResult vi =
            getWith(server, QStringLiteral("/open311/v2/services.json"),
                    {qMakePair(QByteArray("Accept-Language"), QByteArray("vi-VN, en;q=0.5"))});
        QCOMPARE(vi.status, 200);
        QCOMPARE(vi.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QVERIFY(vi.array().size() >= 10);
        QJsonObject flooding;
        for (const QJsonValue &s : vi.array()) {
            const QJsonObject o = s.toObject();
            QVERIFY(!o.value(QStringLiteral("service_name")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("group")).toString().isEmpty());
            QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("realtime"));
            QVERIFY(o.value(QStringLiteral("metadata")).isBool());
            if (o.value(QStringLiteral("service_code")).toString() == u"flooding")
                flooding = o;
        }
        QCOMPARE(flooding.value(QStringLiteral("service_name")).toString(),
                 QStringLiteral("Ngập úng"));
        QCOMPARE(flooding.value(QStringLiteral("metadata")).toBool(), true);
        const QByteArray raw =
            rawExchange(server.baseUrl(), "GET /open311/v2/services.json HTTP/1.1\r\nHost: x\r\n"
                                          "Connection: close\r\n\r\n");
        QVERIFY2(raw.startsWith("HTTP/1.1 200 "), raw.constData());
        QVERIFY(raw.contains("\"service_name\":\"Ngập úng\""));

        const HttpResult en =
            getWith(server, QStringLiteral("/open311/v2/services.json"),
                    {qMakePair(QByteArray("Accept-Language"), QByteArray("en-GB,en;q=0.9"))});
        QCOMPARE(en.array().size(), vi.array().size());
        QStringList englishNames;
        for (const QJsonValue &s : en.array())
            englishNames << s.toObject().value(QStringLiteral("service_name")).toString();
        QVERIFY2(englishNames.contains(QStringLiteral("Flooding")),
                 qPrintable(englishNames.join(',')));
        QVERIFY(englishNames.contains(QStringLiteral("Clogged drain")));

        // The XML form: the spec's root and element names, UTF-8 with the declaration.
        const HttpResult xml = httpGet(server.url(QStringLiteral("/open311/v2/services.xml")));
        QCOMPARE(xml.status, 200);
        QCOMPARE(xml.header("Content-Type"), QByteArray("text/xml; charset=utf-8"));
        QVERIFY(xml.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services>"));
        QXmlStreamReader reader(xml.body);
        int services = 0;
        QStringList codes;
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement) {
                if (reader.name() == u"service")
                    ++services;
                else if (reader.name() == u"service_code")
                    codes << reader.readElementText();
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(services, int(vi.array().size()));
        QVERIFY(codes.contains(QStringLiteral("road_damage")));

        const HttpResult definition =
            getWith(server, QStringLiteral("/open311/v2/services/flooding.json"),
                    {qMakePair(QByteArray("Accept-Language"), QByteArray("en"))});
        QCOMPARE(definition.status, 200);
        QCOMPARE(definition.object().value(QStringLiteral("service_code")).toString(),
                 QStringLiteral("flooding"));
        const QJsonObject depth =
            definition.object().value(QStringLiteral("attributes")).toArray().at(0).toObject();
        QCOMPARE(depth.value(QStringLiteral("code")).toString(), QStringLiteral("flood_depth"));
        QCOMPARE(depth.value(QStringLiteral("datatype")).toString(),
                 QStringLiteral("singlevaluelist"));
        QCOMPARE(depth.value(QStringLiteral("required")).toBool(), true);
        QCOMPARE(depth.value(QStringLiteral("variable")).toBool(), true);
        const QJsonArray values = depth.value(QStringLiteral("values")).toArray();
        QCOMPARE(values.size(), 3);
        QCOMPARE(values.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("<20 cm"));
        const HttpResult definitionXml =
            getWith(server, QStringLiteral("/open311/v2/services/flooding.xml"),
                    {qMakePair(QByteArray("Accept-Language"), QByteArray("vi"))});
        QCOMPARE(definitionXml.status, 200);
        QVERIFY(definitionXml.body.contains("<service_definition><service_code>flooding"
                                            "</service_code><attributes><attribute><variable>"
                                            "true</variable><code>flood_depth</code>"));
        QVERIFY(definitionXml.body.contains("<name>Dưới 20 cm</name>"));

        // Unknown service code: 404 in the spec's error format, JSON and XML.
        const HttpResult unknown =
            httpGet(server.url(QStringLiteral("/open311/v2/services/potholes.json")));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.array().size(), 1);
        QCOMPARE(unknown.array().at(0).toObject().value(QStringLiteral("code")).toInt(), 404);
        QVERIFY(firstError(unknown).contains(QLatin1String("potholes")));
        const HttpResult unknownXml =
            httpGet(server.url(QStringLiteral("/open311/v2/services/potholes.xml")));
        QCOMPARE(unknownXml.status, 404);
        QVERIFY(unknownXml.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors>"
                                           "<error><code>404</code><description>"));
        QCOMPARE(httpGet(server.url(QStringLiteral("/open311/v2/services/flooding.csv"))).status,
                 404);
        // Unknown resources and methods under /open311 also answer in the spec's format.
        const HttpResult nothing = httpGet(server.url(QStringLiteral("/open311/v2/tokens.json")));
        QCOMPARE(nothing.status, 404);
        QCOMPARE(nothing.array().at(0).toObject().value(QStringLiteral("code")).toInt(), 404);
        const HttpResult method =
            httpRequest("DELETE", server.url(QStringLiteral("/open311/v2/services.xml")));
        QCOMPARE(method.status, 405);
        QVERIFY(method.body.contains("<errors><error><code>405</code>"));
        QCOMPARE(method.header("Allow"), QByteArray("GET"));
    }

    void createAnonymousFormEncoded_data() { backends(); }
    void createAnonymousFormEncoded()
    {
        HUES_START_SERVER(server);
        QCOMPARE(requestCount(server), kDemoRequests);
        FormFields fields = validFlood();
        fields.append({QStringLiteral("email"), QStringLiteral("secret.reporter@example.vn")});
        fields.append({QStringLiteral("first_name"), QStringLiteral("Bí Mật")});
        fields.append({QStringLiteral("api_key"), QStringLiteral("ignored-without-option")});
        fields.append({QStringLiteral("jurisdiction_id"), QStringLiteral("hue.gov.vn")});
        const HttpResult created = postForm(server, fields);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(created.array().size(), 1);
        const QJsonObject answer = created.array().at(0).toObject();
        const QString id = answer.value(QStringLiteral("service_request_id")).toString();
        QVERIFY(id.startsWith(QLatin1String("HUE-")));
        QVERIFY(answer.value(QStringLiteral("service_notice"))
                    .toString()
                    .contains(QLatin1String("IOC")));
        QVERIFY(answer.contains(QStringLiteral("account_id")));
        QVERIFY(answer.value(QStringLiteral("account_id")).isNull());
        QCOMPARE(requestCount(server), kDemoRequests + 1);

        const HttpResult one =
            getWith(server, QStringLiteral("/open311/v2/requests/%1.json").arg(id),
                    {qMakePair(QByteArray("Accept-Language"), QByteArray("vi"))});
        QCOMPARE(one.status, 200);
        QCOMPARE(one.array().size(), 1);
        const QJsonObject r = one.array().at(0).toObject();
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(r.value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("submitted"));
        QCOMPARE(r.value(QStringLiteral("service_code")).toString(), QStringLiteral("flooding"));
        QCOMPARE(r.value(QStringLiteral("service_name")).toString(), QStringLiteral("Ngập úng"));
        QCOMPARE(r.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Ngập sâu ở đầu cầu Trường Tiền"));
        QCOMPARE(r.value(QStringLiteral("lat")).toDouble(), 16.4667);
        QCOMPARE(r.value(QStringLiteral("long")).toDouble(), 107.5906);
        QVERIFY(r.value(QStringLiteral("requested_datetime"))
                    .toString()
                    .endsWith(QLatin1String("+07:00")));
        QVERIFY(!r.value(QStringLiteral("expected_datetime")).toString().isEmpty());
        QVERIFY(r.value(QStringLiteral("media_url")).isNull());
        QCOMPARE(r.value(QStringLiteral("media_urls")).toArray().size(), 0);
        const QJsonArray history = r.value(QStringLiteral("status_history")).toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).toObject().value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("submitted"));
        QVERIFY(!r.contains(QStringLiteral("hues_mine")));
        // Never who reported it.
        for (const QByteArray &secret :
             {QByteArray("secret.reporter"), QByteArray("Bí Mật"), QByteArray("account")})
            QVERIFY2(!one.body.contains(secret), one.body.constData());
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE "
                                                   "account_id IS NULL AND id = '%1'")
                                        .arg(id)),
                 1);

        // The XML forms of POST and GET.
        const HttpResult xml =
            postForm(server, validFlood(), {}, QStringLiteral("/open311/v2/requests.xml"));
        QCOMPARE(xml.status, 201);
        QCOMPARE(xml.header("Content-Type"), QByteArray("text/xml; charset=utf-8"));
        QVERIFY2(xml.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests>"
                                     "<request><service_request_id>HUE-"),
                 xml.body.constData());
        QVERIFY(xml.body.contains("<account_id></account_id>"));
        const HttpResult oneXml =
            httpGet(server.url(QStringLiteral("/open311/v2/requests/%1.xml").arg(id)));
        QCOMPARE(oneXml.status, 200);
        QVERIFY(oneXml.body.contains("<status>open</status>"));
        QVERIFY(oneXml.body.contains("<lat>16.4667</lat><long>107.5906</long>"));
        QVERIFY(oneXml.body.contains("<status_history><status_change><detailed_status>submitted"));
        const HttpResult missing =
            httpGet(server.url(QStringLiteral("/open311/v2/requests/HUE-NOPE.xml")));
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.body.contains("<errors><error><code>404</code>"));
        QCOMPARE(httpGet(server.url(QStringLiteral("/open311/v2/requests/HUE-NOPE.json"))).status,
                 404);
    }

    // Every refusal of the spec and the contract: clear message, the right status, nothing
    // stored.
    void validationErrors_data() { backends(); }
    void validationErrors()
    {
        HUES_START_SERVER(server);
        auto without = [](const QString &name) {
            FormFields fields = validFlood();
            fields.erase(std::remove_if(fields.begin(), fields.end(),
                                        [&](const auto &f) { return f.first == name; }),
                         fields.end());
            return fields;
        };
        auto with = [](const QString &name, const QString &value) {
            FormFields fields = validFlood();
            bool replaced = false;
            for (auto &field : fields) {
                if (field.first == name) {
                    field.second = value;
                    replaced = true;
                }
            }
            if (!replaced)
                fields.append({name, value});
            return fields;
        };
        const FormFields roadDamage{{QStringLiteral("service_code"), QStringLiteral("road_damage")},
                                    {QStringLiteral("address_string"), QStringLiteral("Lê Lợi")}};
        struct Case
        {
            const char *name;
            FormFields fields;
            int status;
            const char *message;
        };
        FormFields badNumber = roadDamage;
        badNumber.append({QStringLiteral("attribute[width_cm]"), QStringLiteral("wide")});
        FormFields twice = validFlood();
        twice.append({QStringLiteral("description"), QStringLiteral("again")});
        FormFields badDatetime{{QStringLiteral("service_code"), QStringLiteral("noise")},
                               {QStringLiteral("address_string"), QStringLiteral("x")},
                               {QStringLiteral("attribute[started_at]"), QStringLiteral("22h")}};
        FormFields mixed = validFlood();
        mixed.append({QStringLiteral("attribute[flood_depth][]"), QStringLiteral("gt50")});
        const QList<Case> cases = {
            {"missing service_code", without(QStringLiteral("service_code")), 400,
             "service_code is required"},
            {"unknown service_code", with(QStringLiteral("service_code"), QStringLiteral("ufo")),
             404, "service_code ufo was not found"},
            {"no location", FormFields{{QStringLiteral("service_code"), QStringLiteral("noise")}},
             400, "a location is required"},
            {"lat without long", without(QStringLiteral("long")), 400,
             "lat and long must be sent together"},
            {"lat out of range", with(QStringLiteral("lat"), QStringLiteral("90.5")), 400,
             "lat must be a number from -90 to 90"},
            {"long out of range", with(QStringLiteral("long"), QStringLiteral("-180.01")), 400,
             "long must be a number from -180 to 180"},
            {"lat not a number", with(QStringLiteral("lat"), QStringLiteral("nan")), 400,
             "lat must be a number"},
            {"description of 10000 characters",
             with(QStringLiteral("description"), QString(10000, QLatin1Char('x'))), 400,
             "description is longer than 4000 characters (10000)"},
            {"required attribute missing", without(QStringLiteral("attribute[flood_depth]")), 400,
             "attribute flood_depth (Flood depth) is required"},
            {"value not in the list",
             with(QStringLiteral("attribute[flood_depth]"), QStringLiteral("knee")), 400,
             "attribute flood_depth must be one of: lt20, 20to50, gt50"},
            {"bad number", badNumber, 400, "attribute width_cm must be a number"},
            {"bad datetime", badDatetime, 400, "attribute started_at must be an ISO 8601"},
            {"unknown attribute", with(QStringLiteral("attribute[colour]"), QStringLiteral("red")),
             400, "attribute colour is not defined for service flooding"},
            {"malformed attribute name",
             with(QStringLiteral("attribute[a b]"), QStringLiteral("1")), 400,
             "malformed attribute field name"},
            {"field sent twice", twice, 400, "the field description is sent more than once"},
            {"attribute both single and multi", mixed, 400, "sent both as attribute"},
            {"control characters",
             with(QStringLiteral("address_string"), QStringLiteral("a\u0001b")), 400,
             "address_string contains control characters"},
        };
        for (const Case &c : cases) {
            const HttpResult reply = postForm(server, c.fields);
            QVERIFY2(reply.status == c.status, qPrintable(QStringLiteral("%1: %2 %3")
                                                              .arg(QLatin1String(c.name))
                                                              .arg(reply.status)
                                                              .arg(QString::fromUtf8(reply.body))));
            QCOMPARE(reply.array().at(0).toObject().value(QStringLiteral("code")).toInt(),
                     c.status);
            QVERIFY2(
                allErrors(reply).contains(QString::fromUtf8(c.message)),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), allErrors(reply))));
        }
        // Several problems at once are all reported.
        FormFields many = with(QStringLiteral("lat"), QStringLiteral("123"));
        many = FormFields(many.begin(), many.end() - 1); // drop the required attribute
        const HttpResult several = postForm(server, many);
        QCOMPARE(several.status, 400);
        QCOMPARE(several.array().size(), 2);

        // Neither encoding: JSON is not a form.
        const HttpResult json =
            httpRequest("POST", server.url(QStringLiteral("/open311/v2/requests.json")), "{}",
                        {qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))});
        QCOMPARE(json.status, 400);
        QVERIFY(firstError(json).contains(QLatin1String("multipart/form-data")));
        // Malformed percent-encoding and multipart framing.
        const HttpResult percent =
            httpRequest("POST", server.url(QStringLiteral("/open311/v2/requests.json")),
                        "service_code=flooding&description=%E2%28",
                        {qMakePair(QByteArray("Content-Type"),
                                   QByteArray("application/x-www-form-urlencoded"))});
        QCOMPARE(percent.status, 400);
        QVERIFY(firstError(percent).contains(QLatin1String("UTF-8")));
        const HttpResult truncated = httpRequest(
            "POST", server.url(QStringLiteral("/open311/v2/requests.json")),
            "--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nflooding",
            {qMakePair(QByteArray("Content-Type"), QByteArray("multipart/form-data; boundary=b"))});
        QCOMPARE(truncated.status, 400);
        QVERIFY(firstError(truncated).contains(QLatin1String("truncated")));
        // Errors in XML for the .xml resource.
        const HttpResult xml = postForm(server, without(QStringLiteral("service_code")), {},
                                        QStringLiteral("/open311/v2/requests.xml"));
        QCOMPARE(xml.status, 400);
        QVERIFY(xml.body.contains("<errors><error><code>400</code><description>service_code is "
                                  "required</description></error></errors>"));
        QCOMPARE(requestCount(server), kDemoRequests);
    }

    void multipartPhotos_data() { backends(); }
    void multipartPhotos()
    {
        HUES_START_SERVER(server);
        // A landscape photo tagged "rotate 90° clockwise" with a GPS-like marker in its EXIF,
        // a plain one, and a large noisy one (over the 1 MiB default body limit in total).
        const QByteArray rotated = withExif(makeJpeg(2400, 1800), 6);
        const QByteArray plain = makeJpeg(800, 600);
        const QByteArray noisy = makeJpeg(1800, 1200, true, 98);
        QVERIFY(noisy.size() > 1024 * 1024);
        QList<Part> parts = fieldsAsParts(
            {{QStringLiteral("service_code"), QStringLiteral("garbage")},
             {QStringLiteral("address_string"), QStringLiteral("Chợ Đông Ba, Huế")},
             {QStringLiteral("attribute[waste_type][]"), QStringLiteral("household")},
             {QStringLiteral("attribute[waste_type][]"), QStringLiteral("hazardous")}});
        parts.append({"media", rotated, "photo.jpg"});
        parts.append({"media", plain, "b.jpg"});
        parts.append({"media", noisy, "c.jpg"});
        const HttpResult created = postMultipart(server, parts);
        QVERIFY2(created.status == 201, created.body.constData());
        const QString id =
            created.array().at(0).toObject().value(QStringLiteral("service_request_id")).toString();
        const QJsonObject r = requestObject(server, id);
        const QJsonArray urls = r.value(QStringLiteral("media_urls")).toArray();
        QCOMPARE(urls.size(), 3);
        QCOMPARE(r.value(QStringLiteral("media_url")).toString(), urls.at(0).toString());
        QVERIFY(urls.at(0).toString().startsWith(server.baseUrl().toString() +
                                                 QStringLiteral("/open311/v2/media/")));
        QCOMPARE(
            server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_request_media WHERE "
                                              "request_id = '%1'")
                                   .arg(id)),
            3);
        QSqlQuery attributes(server.database());
        QVERIFY(attributes.exec(
            QStringLiteral("SELECT attributes FROM service_requests WHERE id = '%1'").arg(id)));
        QVERIFY(attributes.next());
        QCOMPARE(QJsonDocument::fromJson(attributes.value(0).toString().toUtf8())
                     .object()
                     .value(QStringLiteral("waste_type"))
                     .toArray(),
                 (QJsonArray{QStringLiteral("household"), QStringLiteral("hazardous")}));

        for (int i = 0; i < urls.size(); ++i) {
            const HttpResult photo = httpGet(QUrl(urls.at(i).toString()));
            QCOMPARE(photo.status, 200);
            QCOMPARE(photo.header("Content-Type"), QByteArray("image/jpeg"));
            QVERIFY(photo.body.startsWith("\xff\xd8\xff"));
            QVERIFY2(!photo.body.contains("Exif") && !photo.body.contains("HUES-GPS-MARKER"),
                     "metadata must be stripped");
            QBuffer buffer(const_cast<QByteArray *>(&photo.body));
            QImageReader reader(&buffer, "jpeg");
            reader.setAutoTransform(false);
            const QImage image = reader.read();
            QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
            QVERIFY(qMax(image.width(), image.height()) <= 1600);
            if (i == 0) {
                // Orientation applied: portrait now, the red quarter at the top right.
                QCOMPARE(image.size(), QSize(1200, 1600));
                const QColor topRight = image.pixelColor(image.width() - 50, 50);
                QVERIFY2(topRight.red() > 200 && topRight.blue() < 60, qPrintable(topRight.name()));
            }
            if (i == 1)
                QCOMPARE(image.size(), QSize(800, 600)); // never upscaled
            // The served bytes are the stored ones.
            const QString name = urls.at(i).toString().section(QLatin1Char('/'), -1).chopped(4);
            QSqlQuery stored(server.database());
            QVERIFY(
                stored.exec(QStringLiteral("SELECT bytes FROM media WHERE name = '%1'").arg(name)));
            QVERIFY(stored.next());
            QCOMPARE(stored.value(0).toByteArray(), photo.body);
        }

        // Four photos: refused, nothing stored.
        const int before = requestCount(server);
        QList<Part> four = fieldsAsParts(validFlood());
        for (int i = 0; i < 4; ++i)
            four.append({"media", plain, "p.jpg"});
        const HttpResult tooMany = postMultipart(server, four);
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(firstError(tooMany), QStringLiteral("at most 3 photos may be attached"));
        QCOMPARE(requestCount(server), before);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM media")), 3);
        QCOMPARE(httpGet(server.url(QStringLiteral("/open311/v2/media/%1.jpg")
                                        .arg(QString(32, QLatin1Char('0')))))
                     .status,
                 404);
        QCOMPARE(httpGet(server.url(QStringLiteral("/open311/v2/media/..%2Fhues.sqlite"))).status,
                 404);
    }

    void badPhotosAreRefused_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("photo");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QByteArray jpeg = makeJpeg(1200, 900);
        for (const char *backend : {"sqlite", "postgresql"}) {
            const QString b = QString::fromLatin1(backend);
            QTest::addRow("%s-truncated-jpeg", backend) << b << jpeg.left(jpeg.size() / 2) << 422
                                                        << QStringLiteral("photo 1 cannot be used");
            QTest::addRow("%s-not-an-image", backend)
                << b << QByteArray("this is not a JPEG at all, just text named .jpg") << 422
                << QStringLiteral("photo 1 cannot be used");
            QTest::addRow("%s-png-bomb-50000x50000", backend)
                << b << pngBomb() << 422 << QStringLiteral("photo 1 cannot be used");
        }
    }
    void badPhotosAreRefused()
    {
        QFETCH(QByteArray, photo);
        QFETCH(int, status);
        QFETCH(QString, message);
        HUES_START_SERVER(server);
        QList<Part> parts = fieldsAsParts(validFlood());
        parts.append({"media", photo, "photo.jpg"});
        const HttpResult reply = postMultipart(server, parts);
        QCOMPARE(reply.status, status);
        QVERIFY2(firstError(reply).startsWith(message), qPrintable(firstError(reply)));
        QVERIFY(firstError(reply).size() > message.size() + 5); // says why
        QCOMPARE(requestCount(server), kDemoRequests);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM media")), 0);
    }

    // The body limit is decided from the request line and headers, before the body is read.
    void oversizedBodiesAreRefusedEarly()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        bool closed = false;
        const QByteArray upload = rawExchange(
            server.baseUrl(),
            "POST /open311/v2/requests.json HTTP/1.1\r\nHost: x\r\nContent-Type: "
            "multipart/form-data; boundary=b\r\nContent-Length: 20971520\r\n\r\n--b\r\n",
            15000, &closed);
        QVERIFY2(upload.startsWith("HTTP/1.1 413 "), upload.constData());
        QVERIFY(closed);
        const QByteArray body = upload.mid(upload.indexOf("\r\n\r\n") + 4);
        const QJsonArray errors = QJsonDocument::fromJson(body).array();
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("code")).toInt(), 413);
        QVERIFY(errors.at(0)
                    .toObject()
                    .value(QStringLiteral("description"))
                    .toString()
                    .contains(QLatin1String("20971520")));
        // A client that sends the whole body anyway still reads the answer (lingering close:
        // no connection reset), so an app can tell "too large" from a network failure.
        const HttpResult whole =
            httpRequest("POST", server.url(QStringLiteral("/open311/v2/requests.json")),
                        QByteArray(20 * 1024 * 1024, 'x'),
                        {{"Content-Type", "application/x-www-form-urlencoded"}}, 30000);
        QCOMPARE(whole.status, 413);
        QCOMPARE(QJsonDocument::fromJson(whole.body).array().at(0).toObject().value("code").toInt(),
                 413);
        const QByteArray xml = rawExchange(
            server.baseUrl(), "POST /open311/v2/requests.xml?x=1 HTTP/1.1\r\nHost: x\r\n"
                              "Content-Length: 13000000\r\n\r\n");
        QVERIFY2(xml.startsWith("HTTP/1.1 413 "), xml.constData());
        QVERIFY(xml.contains("<errors><error><code>413</code>"));
        // The larger limit is only for uploads: another route keeps the 1 MiB default.
        const QByteArray other =
            rawExchange(server.baseUrl(), "POST /oauth2/token HTTP/1.1\r\nHost: x\r\n"
                                          "Content-Length: 2000000\r\n\r\n");
        QVERIFY2(other.startsWith("HTTP/1.1 413 "), other.constData());
        QVERIFY(other.contains("\"error\":\"payload_too_large\""));
        // An upload under the limit passes the guard (and fails later for its content).
        const QByteArray fine =
            rawExchange(server.baseUrl(), "POST /open311/v2/requests.json HTTP/1.1\r\nHost: x\r\n"
                                          "Connection: close\r\nContent-Type: text/plain\r\n"
                                          "Content-Length: 5\r\n\r\nhello");
        QVERIFY2(fine.startsWith("HTTP/1.1 400 "), fine.constData());
        QCOMPARE(requestCount(server), kDemoRequests);
    }

    void idempotency_data() { backends(); }
    void idempotency()
    {
        HUES_START_SERVER(server);
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        QVERIFY(!citizen.isEmpty());
        const HeaderList key{
            qMakePair(QByteArray("Idempotency-Key"), QByteArray("0b6f2c1e-report-1"))};
        const HttpResult first = postForm(server, validFlood(), key);
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const int after = requestCount(server);

        const HttpResult again = postForm(server, validFlood(), key);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.body, first.body);
        QCOMPARE(requestCount(server), after);
        const HttpResult againXml =
            postForm(server, validFlood(), key, QStringLiteral("/open311/v2/requests.xml"));
        QCOMPARE(againXml.status, 200);
        const QString firstId =
            first.array().at(0).toObject().value(QStringLiteral("service_request_id")).toString();
        QVERIFY(againXml.body.contains(
            QByteArray(QByteArray("<service_request_id>") + firstId.toUtf8())));

        FormFields changed = validFlood();
        changed[3].second = QStringLiteral("Nội dung khác");
        const HttpResult conflict = postForm(server, changed, key);
        QCOMPARE(conflict.status, 422);
        QVERIFY(firstError(conflict).contains(QLatin1String("different content")));
        QCOMPARE(requestCount(server), after);

        // Scoped per caller: the same key from a signed-in citizen is a new request.
        const HttpResult mine = postForm(server, validFlood(), key + bearer(citizen));
        QCOMPARE(mine.status, 201);
        QVERIFY(mine.array().at(0).toObject().value(QStringLiteral("service_request_id")) !=
                first.array().at(0).toObject().value(QStringLiteral("service_request_id")));
        QCOMPARE(requestCount(server), after + 1);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM idempotency_keys WHERE "
                                                   "idem_key = '0b6f2c1e-report-1'")),
                 2);

        // Photo bytes are part of the content.
        const QByteArray photo = makeJpeg(640, 480);
        QList<Part> parts = fieldsAsParts(validFlood());
        parts.append({"media", photo, "a.jpg"});
        const HeaderList photoKey{qMakePair(QByteArray("Idempotency-Key"), QByteArray("photo-1"))};
        QCOMPARE(postMultipart(server, parts, photoKey).status, 201);
        QCOMPARE(postMultipart(server, parts, photoKey).status, 200);
        parts.last().value = makeJpeg(640, 481);
        QCOMPARE(postMultipart(server, parts, photoKey).status, 422);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM media")), 1);

        // Malformed keys.
        for (const QByteArray &bad :
             {QByteArray(256, 'k'), QByteArray("tab\there"), QByteArray("caf\xc3\xa9")}) {
            const HttpResult refused =
                postForm(server, validFlood(), {qMakePair(QByteArray("Idempotency-Key"), bad)});
            QCOMPARE(refused.status, 400);
            QVERIFY(firstError(refused).contains(QLatin1String("Idempotency-Key")));
        }
        QCOMPARE(requestCount(server), after + 2);
    }

    // Identical POSTs racing on two server processes sharing one database create one request.
    void concurrentIdenticalPosts_data() { backends(); }
    void concurrentIdenticalPosts()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer a(seeded(dbUrl));
        QVERIFY2(a.start(), qPrintable(a.errorString()));
        TestServer::Options o = seeded(dbUrl);
        o.dataDir = a.dataDir(); // SQLite: the same file
        TestServer b(o);
        QVERIFY2(b.start(), qPrintable(b.errorString()));

        QNetworkAccessManager manager;
        QList<QNetworkReply *> replies;
        const QByteArray body = formEncode(validFlood());
        for (int i = 0; i < 8; ++i) {
            QNetworkRequest request(
                (i % 2 ? a : b).url(QStringLiteral("/open311/v2/requests.json")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArray("application/x-www-form-urlencoded"));
            request.setRawHeader("Idempotency-Key", "race-key-1");
            replies.append(manager.post(request, body));
        }
        QEventLoop loop;
        int finished = 0;
        for (QNetworkReply *reply : replies) {
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == replies.size())
                    loop.quit();
            });
        }
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, int(replies.size()));
        int created = 0;
        int replayed = 0;
        QSet<QString> idsSeen;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            created += status == 201;
            replayed += status == 200 && reply->rawHeader("Idempotent-Replayed") == "true";
            idsSeen.insert(QJsonDocument::fromJson(answer)
                               .array()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("service_request_id"))
                               .toString());
            reply->deleteLater();
        }
        QCOMPARE(created, 1);
        QCOMPARE(replayed, 7);
        QCOMPARE(idsSeen.size(), 1);
        QCOMPARE(requestCount(a), kDemoRequests + 1);
    }

    void bearerAndPrivacy_data() { backends(); }
    void bearerAndPrivacy()
    {
        HUES_START_SERVER(server);
        // A present but invalid token is 401, never a silent anonymous report.
        const HttpResult invalid = postForm(server, validFlood(), bearer(QStringLiteral("x.y.z")));
        QCOMPARE(invalid.status, 401);
        QVERIFY(invalid.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(invalid.array().at(0).toObject().value(QStringLiteral("code")).toInt(), 401);
        const HttpResult basic =
            postForm(server, validFlood(),
                     {qMakePair(QByteArray("Authorization"), QByteArray("Basic eDp5"))});
        QCOMPARE(basic.status, 401);
        QCOMPARE(requestCount(server), kDemoRequests);

        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        QVERIFY(!citizen.isEmpty());
        const HttpResult created = postForm(server, validFlood(), bearer(citizen));
        QCOMPARE(created.status, 201);
        QVERIFY(created.array().at(0).toObject().value(QStringLiteral("account_id")).isNull());
        const QString id =
            created.array().at(0).toObject().value(QStringLiteral("service_request_id")).toString();
        QCOMPARE(
            server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_requests WHERE id = "
                                              "'%1' AND account_id = 'acc-citizen'")
                                   .arg(id)),
            1);

        const QJsonObject asReporter = requestObject(server, id, citizen);
        QCOMPARE(asReporter.value(QStringLiteral("hues_mine")).toBool(), true);
        QVERIFY(asReporter.contains(QStringLiteral("hues_rating")));
        QVERIFY(asReporter.value(QStringLiteral("hues_rating")).isNull());
        QVERIFY(asReporter.value(QStringLiteral("hues_reopen_until")).isNull());
        // Anyone else sees the request, never the reporter.
        const HttpResult anonymous =
            httpGet(server.url(QStringLiteral("/open311/v2/requests/%1.json").arg(id)));
        QVERIFY(!anonymous.array().at(0).toObject().contains(QStringLiteral("hues_mine")));
        const HttpResult list = httpGet(server.url(QStringLiteral("/open311/v2/requests.json")));
        for (const HttpResult *reply : {&anonymous, &list}) {
            for (const QByteArray &secret :
                 {QByteArray("acc-citizen"), QByteArray("Nguyễn Thị Hương"), QByteArray("account"),
                  QByteArray("huong.nguyen")})
                QVERIFY2(!reply->body.contains(secret), secret.constData());
        }
        const QString staff =
            signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        QVERIFY(!requestObject(server, id, staff).contains(QStringLiteral("hues_mine")));
        const HttpResult badGet =
            getWith(server, QStringLiteral("/open311/v2/requests/%1.json").arg(id),
                    bearer(QStringLiteral("nope")));
        QCOMPARE(badGet.status, 401);

        // My reports: the citizen's own, newest first, including the demo ones.
        const HttpResult mine =
            getWith(server, QStringLiteral("/api/v1/me/reports"), bearer(citizen));
        QCOMPARE(mine.status, 200);
        const QStringList mineIds = ids(mine);
        QCOMPARE(mineIds.first(), id);
        QVERIFY(mineIds.contains(QStringLiteral("HUE-DEMO-0002")));
        QVERIFY(!mineIds.contains(QStringLiteral("HUE-DEMO-0003"))); // anonymous demo report
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/me/reports"))).status, 401);
        QCOMPARE(
            getWith(server, QStringLiteral("/api/v1/me/reports"), bearer(staff)).array().size(), 0);
    }

    void apiKeyWhenConfigured()
    {
        TestServer server(seeded(
            QString(), {QStringLiteral("--open311-api-key"), QStringLiteral("hue-partner-key")}));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const HttpResult none = postForm(server, validFlood());
        QCOMPARE(none.status, 403);
        QVERIFY(firstError(none).contains(QLatin1String("api_key")));
        FormFields wrong = validFlood();
        wrong.append({QStringLiteral("api_key"), QStringLiteral("hue-partner-kez")});
        QCOMPARE(postForm(server, wrong).status, 403);
        FormFields right = validFlood();
        right.append({QStringLiteral("api_key"), QStringLiteral("hue-partner-key")});
        QCOMPARE(postForm(server, right).status, 201);
        QCOMPARE(httpGet(server.url(QStringLiteral("/open311/v2/services.json"))).status, 200);
        QCOMPARE(requestCount(server), kDemoRequests + 1);
    }

    void statusRatingReopen_data() { backends(); }
    void statusRatingReopen()
    {
        HUES_START_SERVER(server);
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString staff =
            signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const QString other =
            signIn(server, QStringLiteral("verifier"), QStringLiteral("hues-verifier-demo"));
        QVERIFY(!citizen.isEmpty() && !staff.isEmpty() && !other.isEmpty());
        const HttpResult created = postForm(server, validFlood(), bearer(citizen));
        const QString id =
            created.array().at(0).toObject().value(QStringLiteral("service_request_id")).toString();
        const QString statusPath = QStringLiteral("/api/v1/reports/%1/status").arg(id);
        const QString ratingPath = QStringLiteral("/api/v1/reports/%1/rating").arg(id);
        const QString reopenPath = QStringLiteral("/api/v1/reports/%1/reopen").arg(id);
        const QJsonObject inProgress{
            {QStringLiteral("detailed_status"), QStringLiteral("in_progress")},
            {QStringLiteral("note"), QStringLiteral("Đã cử xe hút nước.")},
            {QStringLiteral("agency"), QStringLiteral("Công ty CP Môi trường và Công trình đô "
                                                      "thị Huế")}};

        // Staff only.
        QCOMPARE(apiPost(server, statusPath, inProgress, {}).status, 401);
        const HttpResult byCitizen = apiPost(server, statusPath, inProgress, citizen);
        QCOMPARE(byCitizen.status, 403);
        QCOMPARE(
            apiPost(server, QStringLiteral("/api/v1/reports/HUE-NOPE/status"), inProgress, staff)
                .status,
            404);
        QCOMPARE(apiPost(server, statusPath,
                         {{QStringLiteral("detailed_status"), QStringLiteral("done")}}, staff)
                     .status,
                 400);
        // Rating before closing: 409.
        QCOMPARE(apiPost(server, ratingPath, {{QStringLiteral("satisfied"), true}}, citizen).status,
                 409);

        const HttpResult progress = apiPost(server, statusPath, inProgress, staff);
        QCOMPARE(progress.status, 200);
        QCOMPARE(progress.object().value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("in_progress"));
        QCOMPARE(progress.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("open"));
        QCOMPARE(progress.object().value(QStringLiteral("status_notes")).toString(),
                 QStringLiteral("Đã cử xe hút nước."));
        const HttpResult closed =
            apiPost(server, statusPath,
                    {{QStringLiteral("detailed_status"), QStringLiteral("closed")},
                     {QStringLiteral("note"), QStringLiteral("Đã hết ngập.")}},
                    staff);
        QCOMPARE(closed.status, 200);
        QCOMPARE(closed.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("closed"));
        const QJsonArray history =
            closed.object().value(QStringLiteral("status_history")).toArray();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(1).toObject().value(QStringLiteral("agency")).toString(),
                 QStringLiteral("Công ty CP Môi trường và Công trình đô thị Huế"));
        QCOMPARE(history.at(2).toObject().value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("closed"));
        // The reporter sees the change on the next refresh, and may reopen for 7 days.
        const QJsonObject seen = requestObject(server, id, citizen);
        QCOMPARE(seen.value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
        QVERIFY(!seen.value(QStringLiteral("hues_reopen_until")).toString().isEmpty());
        QCOMPARE(httpGet(server.url(QStringLiteral("/open311/v2/requests.json?status=closed")))
                     .body.contains(id.toUtf8()),
                 true);

        // Rating: the reporter only, once per closure.
        QCOMPARE(apiPost(server, ratingPath, {{QStringLiteral("satisfied"), true}}, other).status,
                 403);
        QCOMPARE(apiPost(server, ratingPath, {{QStringLiteral("satisfied"), true}}, {}).status,
                 401);
        QCOMPARE(apiPost(server, ratingPath, {{QStringLiteral("satisfied"), QStringLiteral("yes")}},
                         citizen)
                     .status,
                 400);
        const HttpResult rated =
            apiPost(server, ratingPath,
                    {{QStringLiteral("satisfied"), false},
                     {QStringLiteral("comment"), QStringLiteral("Vẫn còn đọng nước")}},
                    citizen);
        QCOMPARE(rated.status, 200);
        const QJsonObject rating = rated.object().value(QStringLiteral("hues_rating")).toObject();
        QCOMPARE(rating.value(QStringLiteral("satisfied")).toBool(), false);
        QCOMPARE(rating.value(QStringLiteral("comment")).toString(),
                 QStringLiteral("Vẫn còn đọng nước"));
        QCOMPARE(apiPost(server, ratingPath, {{QStringLiteral("satisfied"), true}}, citizen).status,
                 409);

        // Reopen: the reporter only, within 7 days of closing.
        QCOMPARE(apiPost(server, reopenPath, {}, other).status, 403);
        const HttpResult reopened =
            apiPost(server, reopenPath,
                    {{QStringLiteral("comment"), QStringLiteral("Mưa lại ngập")}}, citizen);
        QCOMPARE(reopened.status, 200);
        QCOMPARE(reopened.object().value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("reopened"));
        QCOMPARE(reopened.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("open"));
        QVERIFY(reopened.object().value(QStringLiteral("hues_rating")).isNull());
        QCOMPARE(reopened.object().value(QStringLiteral("status_history")).toArray().size(), 4);
        QCOMPARE(apiPost(server, reopenPath, {}, citizen).status, 409); // not closed now

        // Closed again, then 8 days pass: no longer reopenable.
        QCOMPARE(apiPost(server, statusPath,
                         {{QStringLiteral("detailed_status"), QStringLiteral("closed")}}, staff)
                     .status,
                 200);
        const qint64 eightDaysAgo = QDateTime::currentMSecsSinceEpoch() - 8LL * 24 * 3600 * 1000;
        QVERIFY(server.execSql(QStringLiteral("UPDATE service_requests SET closed_at = %1 WHERE id "
                                              "= '%2'")
                                   .arg(eightDaysAgo)
                                   .arg(id)));
        QVERIFY(
            requestObject(server, id, citizen).value(QStringLiteral("hues_reopen_until")).isNull());
        const HttpResult late = apiPost(server, reopenPath, {}, citizen);
        QCOMPARE(late.status, 409);
        QVERIFY(late.object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("7 days")));
        // Six days ago is still inside the window.
        QVERIFY(
            server.execSql(QStringLiteral("UPDATE service_requests SET closed_at = %1 WHERE id "
                                          "= '%2'")
                               .arg(QDateTime::currentMSecsSinceEpoch() - 6LL * 24 * 3600 * 1000)
                               .arg(id)));
        QCOMPARE(apiPost(server, reopenPath, {}, citizen).status, 200);
        // Staff reopening ("open") a closed request makes it reopened too; anonymous requests
        // cannot be rated by anyone.
        QCOMPARE(apiPost(server, QStringLiteral("/api/v1/reports/HUE-DEMO-0004/rating"),
                         {{QStringLiteral("satisfied"), true}}, citizen)
                     .status,
                 403);
        const HttpResult staffOpen =
            apiPost(server, QStringLiteral("/api/v1/reports/HUE-DEMO-0004/status"),
                    {{QStringLiteral("detailed_status"), QStringLiteral("open")}}, staff);
        QCOMPARE(staffOpen.status, 200);
        QCOMPARE(staffOpen.object().value(QStringLiteral("detailed_status")).toString(),
                 QStringLiteral("reopened"));
    }

    void filters_data() { backends(); }
    void filters()
    {
        HUES_START_SERVER(server);
        const auto list = [&](const QString &query) {
            return httpGet(server.url(QStringLiteral("/open311/v2/requests.json?") + query));
        };
        const HttpResult all = list(QString());
        QCOMPARE(all.status, 200);
        QCOMPARE(all.array().size(), kDemoRequests);
        // Newest first.
        QCOMPARE(ids(all).first(), QStringLiteral("HUE-DEMO-0003"));
        QCOMPARE(ids(all).last(), QStringLiteral("HUE-DEMO-0004"));

        const HttpResult closed = list(QStringLiteral("status=closed"));
        QCOMPARE(ids(closed),
                 (QStringList{QStringLiteral("HUE-DEMO-0002"), QStringLiteral("HUE-DEMO-0007"),
                              QStringLiteral("HUE-DEMO-0004")}));
        QCOMPARE(list(QStringLiteral("status=open,closed")).array().size(), kDemoRequests);
        QCOMPARE(list(QStringLiteral("status=pending")).status, 400);
        QCOMPARE(ids(list(QStringLiteral("service_code=garbage,noise"))),
                 (QStringList{QStringLiteral("HUE-DEMO-0002"), QStringLiteral("HUE-DEMO-0007")}));
        // service_request_id overrides every other argument.
        QCOMPARE(ids(list(QStringLiteral("service_request_id=HUE-DEMO-0004,HUE-DEMO-0001&status="
                                         "open&service_code=noise"))),
                 (QStringList{QStringLiteral("HUE-DEMO-0001"), QStringLiteral("HUE-DEMO-0004")}));

        // Nearby: 100 m around Cầu Trường Tiền has the road damage there, not Chợ Đông Ba.
        const QStringList bridge = ids(list(QStringLiteral("lat=16.4667&long=107.5906")));
        QVERIFY(bridge.contains(QStringLiteral("HUE-DEMO-0001")));
        QVERIFY(!bridge.contains(QStringLiteral("HUE-DEMO-0002")));
        const QStringList wider =
            ids(list(QStringLiteral("lat=16.4667&long=107.5906&radius=1000")));
        QVERIFY(wider.contains(QStringLiteral("HUE-DEMO-0002")));
        QVERIFY(!wider.contains(QStringLiteral("HUE-DEMO-0008"))); // Hùng Vương, about 1.5 km
        QCOMPARE(list(QStringLiteral("lat=16.4667&long=107.5906&radius=5001")).status, 400);
        QCOMPARE(list(QStringLiteral("radius=100")).status, 400);
        QCOMPARE(list(QStringLiteral("lat=16.4667")).status, 400);
        QCOMPARE(list(QStringLiteral("lat=95&long=107")).status, 400);

        // Dates: the default window is the last 90 days; a range may not span more.
        QVERIFY(server.execSql(
            QStringLiteral("UPDATE service_requests SET requested_at = %1 WHERE "
                           "id = 'HUE-DEMO-0006'")
                .arg(QDateTime::fromString(QStringLiteral("2026-01-15T08:00:00Z"), Qt::ISODate)
                         .toMSecsSinceEpoch())));
        QVERIFY(!ids(list(QString())).contains(QStringLiteral("HUE-DEMO-0006")));
        QCOMPARE(ids(list(QStringLiteral("start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:"
                                         "00:00%2B07:00"))),
                 QStringList{QStringLiteral("HUE-DEMO-0006")});
        QCOMPARE(ids(list(QStringLiteral("start_date=2026-01-15T07:00:00Z"))),
                 QStringList{QStringLiteral("HUE-DEMO-0006")});
        QCOMPARE(list(QStringLiteral("start_date=2026-01-15T09:00:00Z")).array().size(), 0);
        const HttpResult span =
            list(QStringLiteral("start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"));
        QCOMPARE(span.status, 400);
        QVERIFY(firstError(span).contains(QLatin1String("90 days")));
        QCOMPARE(list(QStringLiteral("start_date=yesterday")).status, 400);
        QCOMPARE(list(QStringLiteral("end_date=2026-01-01T00:00:00")).status, 400); // no offset
        QCOMPARE(list(QStringLiteral("start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:"
                                     "00Z"))
                     .status,
                 400);

        // The XML list.
        const HttpResult xml = httpGet(server.url(QStringLiteral("/open311/v2/requests.xml")));
        QCOMPARE(xml.status, 200);
        QVERIFY(xml.body.startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"));
        QCOMPARE(int(xml.body.count("<request>")), kDemoRequests - 1);
    }
};

QTEST_GUILESS_MAIN(TestServerOpen311)
#include "tst_server_open311.moc"
