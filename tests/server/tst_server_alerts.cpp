// hues-server's alerts API, black box: CAP 1.2 publishing (roles, scope, content types,
// validation errors, Update, Cancel, resends, expiry), the public list, citizen submissions
// and the verification centre's queue with the personal events of both, over SQLite and, when
// HUES_TEST_PG_URL is set, PostgreSQL.
#include "Backends.h"
#include "CapMessage.h"
#include "PushStream.h"
#include "TestServer.h"
#include "Tokens.h"
#include "alerts/Cap.h"

#include <QBuffer>
#include <QImage>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace hues::test;

namespace {

QByteArray jpeg()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkBlue);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

struct Part
{
    QByteArray name;
    QByteArray value;
    bool file = false;
};

QByteArray multipart(const QList<Part> &parts, const QByteArray &boundary)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (part.file)
            body += "; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg";
        body += "\r\n\r\n" + part.value + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

QList<Part> submissionParts(const QByteArray &text = "Cây đổ chắn ngang đường Lê Lợi",
                            const QByteArray &category = "Safety")
{
    return {{"category", category}, {"text", text}, {"lat", "16.4637"}, {"long", "107.5909"}};
}

HttpResult submit(const TestServer &server, const QList<Part> &parts, const QString &token,
                  const HeaderList &extra = {})
{
    HeaderList headers{
        qMakePair(QByteArray("Content-Type"), QByteArray("multipart/form-data; boundary=hues-b"))};
    if (!token.isEmpty())
        headers += bearer(token);
    headers += extra;
    return httpRequest("POST", server.url(QStringLiteral("/api/v1/alert-submissions")),
                       multipart(parts, "hues-b"), headers);
}

HttpResult postJson(const TestServer &server, const QString &path, const QJsonObject &body,
                    const QString &token)
{
    HeaderList headers{qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))};
    if (!token.isEmpty())
        headers += bearer(token);
    return httpRequest("POST", server.url(path), QJsonDocument(body).toJson(), headers);
}

// The ids of a list of alerts, without the demo seed's (ALR-DEMO-*).
QStringList alertIds(const HttpResult &list)
{
    QStringList ids;
    for (const QJsonValue &alert : list.array()) {
        const QString id = alert.toObject().value(QStringLiteral("alert_id")).toString();
        if (!id.startsWith(QLatin1String("ALR-DEMO-")))
            ids << id;
    }
    return ids;
}

QString stateOf(const TestServer &server, const QString &id)
{
    return httpGet(server.url(QStringLiteral("/api/v1/alerts/") + id))
        .object()
        .value(QStringLiteral("state"))
        .toString();
}

} // namespace

class TestServerAlerts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Who may publish: ioc_staff or the scope alerts:publish; 401 without a valid token.
    void publishRolesAndScope_data() { backends(); }
    void publishRolesAndScope()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY(server.start());
        Cap cap;
        cap.identifier = QStringLiteral("roles-1");
        const HttpResult none = postCap(server, cap.xml(), QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.header("WWW-Authenticate"), QByteArray("Bearer realm=\"hues-api\""));
        QCOMPARE(postCap(server, cap.xml(), QStringLiteral("not-a-token")).status, 401);
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString verifier =
            signIn(server, QStringLiteral("verifier"), QStringLiteral("hues-verifier-demo"));
        for (const QString &token : {citizen, verifier}) {
            const HttpResult refused = postCap(server, cap.xml(), token);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.object().value(QStringLiteral("error")).toString(),
                     QStringLiteral("insufficient_scope"));
            QVERIFY(refused.header("WWW-Authenticate").contains("scope=\"alerts:publish\""));
        }
        QCOMPARE(server.queryNumber(
                     QStringLiteral("SELECT COUNT(*) FROM alerts WHERE publisher <> 'seed:demo'")),
                 0);

        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const HttpResult byStaff = postCap(server, cap.xml(), ioc);
        QCOMPARE(byStaff.status, 201);
        QCOMPARE(byStaff.object().value(QStringLiteral("identifier")).toString(),
                 QStringLiteral("roles-1"));
        QVERIFY(byStaff.object()
                    .value(QStringLiteral("alert_id"))
                    .toString()
                    .startsWith(QLatin1String("ALR-")));
        QCOMPARE(byStaff.object().value(QStringLiteral("seq")).toInt(), 1);

        cap.identifier = QStringLiteral("roles-2");
        cap.sender = QStringLiteral("cskh@evn.com.vn");
        // The alias /alerts, and the partner's client-credentials token.
        const HttpResult byPartner = postCap(server, cap.xml(), partnerToken(server),
                                             "application/cap+xml", QStringLiteral("/alerts"));
        QCOMPARE(byPartner.status, 201);
        QCOMPARE(byPartner.object().value(QStringLiteral("seq")).toInt(), 2);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE publisher = "
                                                   "'client:evn-hue'")),
                 1);
        QCOMPARE(alertIds(httpGet(server.url(QStringLiteral("/api/v1/alerts")))).size(), 2);
    }

    // Content types and sizes.
    void contentTypes()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        const QString partner = partnerToken(server);
        Cap cap;
        cap.identifier = QStringLiteral("types-1");
        for (const QByteArray &type :
             {QByteArray("text/plain"), QByteArray("application/json"), QByteArray("text/xml"),
              QByteArray("multipart/form-data; boundary=x")}) {
            // (A JSON body, so that the JSON check of the router does not answer first.)
            const HttpResult refused =
                postCap(server, type.contains("json") ? QByteArray("{\"cap\":1}") : cap.xml(),
                        partner, type);
            QCOMPARE(refused.status, 415);
            QCOMPARE(refused.object().value(QStringLiteral("error")).toString(),
                     QStringLiteral("unsupported_media_type"));
        }
        QCOMPARE(postCap(server, cap.xml(), partner, "application/xml; charset=utf-8").status, 201);
        cap.identifier = QStringLiteral("types-2");
        QCOMPARE(postCap(server, cap.xml(), partner, "Application/CAP+XML").status, 201);
        // Over the body limit (1 MiB): 413, decided before the body is read.
        const QByteArray huge = cap.xml() + QByteArray(1100 * 1024, ' ');
        QCOMPARE(postCap(server, huge, partner).status, 413);
        QCOMPARE(server.queryNumber(
                     QStringLiteral("SELECT COUNT(*) FROM alerts WHERE publisher <> 'seed:demo'")),
                 2);
    }

    // Invalid CAP: 400 invalid_cap with the element, line and reason; nothing stored or sent.
    void invalidCap_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("expected");
        Cap good;
        good.identifier = QStringLiteral("bad-1");
        const QByteArray xml = good.xml();
        QTest::newRow("missing sender")
            << QByteArray(xml).replace("<sender>ioc@hue.gov.vn</sender>", "")
            << QStringLiteral("alert/sender");
        QTest::newRow("bad status")
            << QByteArray(xml).replace("<status>Actual</status>", "<status>Real</status>")
            << QStringLiteral("alert/status");
        QTest::newRow("bad severity")
            << QByteArray(xml).replace("<severity>Severe</severity>", "<severity>Big</severity>")
            << QStringLiteral("severity");
        QTest::newRow("open polygon")
            << QByteArray(xml).replace("<circle>16.4637,107.5909 2</circle>",
                                       "<polygon>16.4,107.5 16.5,107.5 16.5,107.6 16.4,107.6"
                                       "</polygon>")
            << QStringLiteral("polygon");
        QTest::newRow("bad circle")
            << QByteArray(xml).replace("16.4637,107.5909 2", "16.4637;107.5909")
            << QStringLiteral("circle");
        QByteArray noOffset = xml;
        noOffset.replace(capTime(good.sent).toLatin1(), "2026-11-28T09:30:00");
        QTest::newRow("time without offset") << noOffset << QStringLiteral("alert/sent");
        QTest::newRow("not XML") << QByteArray("{\"alert\": 1}") << QString();
        QTest::newRow("not CAP") << QByteArray("<?xml version=\"1.0\"?><feed/>") << QString();
        QTest::newRow("billion laughs")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\">"
                          "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                          "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&b;</alert>")
            << QString();
        QTest::newRow("Ack is not published")
            << QByteArray(xml).replace("<msgType>Alert</msgType>", "<msgType>Ack</msgType>")
            << QStringLiteral("msgType");
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void invalidCap()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, expected);
        auto server = std::make_unique<TestServer>(seeded(QString()));
        QVERIFY(server->start());
        const QString partner = partnerToken(*server);
        StreamClient stream;
        QVERIFY(stream.open(streamUrl(server->baseUrl())));
        const HttpResult refused = postCap(*server, xml, partner);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_cap"));
        const QString message = refused.object().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
        if (!xml.isEmpty() && expected.contains(QLatin1String("alert/")))
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+:\\d+: ")).match(message).hasMatch(),
                     qPrintable(message)); // line:column
        QCOMPARE(server->queryNumber(
                     QStringLiteral("SELECT COUNT(*) FROM alerts WHERE publisher <> 'seed:demo'")),
                 0);
        QCOMPARE(server->queryNumber(QStringLiteral("SELECT COUNT(*) FROM push_events")), 0);
    }

    // Update replaces, Cancel withdraws; references to unknown or others' alerts change
    // nothing and the answer says so; the same message again is answered again.
    void updateCancelAndResend_data() { backends(); }
    void updateCancelAndResend()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY(server.start());
        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        const QString partner = partnerToken(server);
        StreamClient stream;
        QVERIFY(stream.open(streamUrl(server.baseUrl())));

        Cap flood;
        flood.identifier = QStringLiteral("flood-1");
        const HttpResult first = postCap(server, flood.xml(), ioc);
        QCOMPARE(first.status, 201);
        const QString floodId = first.object().value(QStringLiteral("alert_id")).toString();
        // The same message again: 200, the same alert, nothing new published.
        const HttpResult again = postCap(server, flood.xml(), ioc);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.object().value(QStringLiteral("alert_id")).toString(), floodId);
        // Another message with that identifier: 409.
        Cap other = flood;
        other.headline = QStringLiteral("Khác");
        QCOMPARE(postCap(server, other.xml(), ioc).status, 409);

        Cap update;
        update.identifier = QStringLiteral("flood-2");
        update.msgType = QStringLiteral("Update");
        update.references =
            flood.reference() + QStringLiteral(" ioc@hue.gov.vn,nope,") + capTime(flood.sent);
        update.headline = QStringLiteral("Nước lên nhanh");
        const HttpResult updated = postCap(server, update.xml(), ioc);
        QCOMPARE(updated.status, 201);
        const QString updateId = updated.object().value(QStringLiteral("alert_id")).toString();
        const QString message = updated.object().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QLatin1String("replaced 1 alert")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("1 reference to an unknown alert changed nothing")),
                 qPrintable(message));
        QCOMPARE(stateOf(server, floodId), QStringLiteral("replaced"));
        QCOMPARE(stateOf(server, updateId), QStringLiteral("active"));
        QCOMPARE(alertIds(httpGet(server.url(QStringLiteral("/api/v1/alerts")))),
                 QStringList{updateId});

        // The partner cannot cancel IOC's alert...
        Cap partnerCancel;
        partnerCancel.identifier = QStringLiteral("evn-cancel-1");
        partnerCancel.sender = QStringLiteral("cskh@evn.com.vn");
        partnerCancel.msgType = QStringLiteral("Cancel");
        partnerCancel.references = update.reference();
        const HttpResult notYours = postCap(server, partnerCancel.xml(), partner);
        QCOMPARE(notYours.status, 201);
        QVERIFY(notYours.object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("another publisher")));
        QCOMPARE(stateOf(server, updateId), QStringLiteral("active"));
        // ...IOC can.
        Cap cancel;
        cancel.identifier = QStringLiteral("flood-3");
        cancel.msgType = QStringLiteral("Cancel");
        cancel.references = update.reference();
        const HttpResult cancelled = postCap(server, cancel.xml(), ioc);
        QCOMPARE(cancelled.status, 201);
        QVERIFY(cancelled.object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("cancelled 1 alert")));
        QCOMPARE(stateOf(server, updateId), QStringLiteral("cancelled"));
        QVERIFY(alertIds(httpGet(server.url(QStringLiteral("/api/v1/alerts")))).isEmpty());
        // Cancelling again: accepted, nothing changes.
        cancel.identifier = QStringLiteral("flood-4");
        QVERIFY(postCap(server, cancel.xml(), ioc)
                    .object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("already cancelled or replaced")));

        // The stream carried alert, alert, alert_cancel (the partner's), alert_cancel x2.
        QVERIFY(stream.waitForEvents(5));
        QStringList kinds;
        for (const QJsonObject &event : stream.events())
            kinds << event.value(QStringLiteral("kind")).toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("alert"), QStringLiteral("alert"),
                                     QStringLiteral("alert_cancel"), QStringLiteral("alert_cancel"),
                                     QStringLiteral("alert_cancel")}));
        QCOMPARE(stream.events()
                     .at(3)
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("cap"))
                     .toString()
                     .toUtf8(),
                 cancel.xml().replace("flood-4", "flood-3"));
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/alerts/ALR-NOPE"))).status, 404);
    }

    // Expired alerts (the latest info expires, or 24 h after sent without one) leave the list.
    void expiry()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        const QString partner = partnerToken(server);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Cap past;
        past.identifier = QStringLiteral("expired-1");
        past.sent = now.addSecs(-7200);
        past.expires = now.addSecs(-60);
        Cap old;
        old.identifier = QStringLiteral("expired-2");
        old.sent = now.addSecs(-25 * 3600);
        old.expires = QDateTime();
        Cap recent;
        recent.identifier = QStringLiteral("active-1");
        recent.expires = QDateTime();
        Cap newer;
        newer.identifier = QStringLiteral("active-2");
        newer.sent = now.addSecs(-10);
        QStringList ids;
        for (const Cap &cap : {past, old, recent, newer}) {
            const HttpResult posted = postCap(server, cap.xml(), partner);
            QCOMPARE(posted.status, 201);
            ids << posted.object().value(QStringLiteral("alert_id")).toString();
        }
        const HttpResult list = httpGet(server.url(QStringLiteral("/api/v1/alerts")));
        QCOMPARE(list.status, 200);
        // Newest first.
        QCOMPARE(alertIds(list), (QStringList{ids.at(3), ids.at(2)}));
        QJsonObject first;
        for (const QJsonValue &alert : list.array()) {
            if (alert.toObject().value(QStringLiteral("alert_id")).toString() == ids.at(3))
                first = alert.toObject();
        }
        for (const char *field : {"alert_id", "identifier", "sender", "sent", "msg_type", "cap"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        QCOMPARE(first.value(QStringLiteral("msg_type")).toString(), QStringLiteral("Alert"));
        QCOMPARE(stateOf(server, ids.at(0)), QStringLiteral("expired"));
        QCOMPARE(stateOf(server, ids.at(1)), QStringLiteral("expired"));
        QCOMPARE(stateOf(server, ids.at(2)), QStringLiteral("active"));
    }

    // Citizens submit; verifiers see the queue and approve (a CAP alert around the place) or
    // reject with a reason; the submitter hears of both on the push stream, nobody else.
    void submissionsFlow_data() { backends(); }
    void submissionsFlow()
    {
        HUES_FETCH_BACKEND(dbUrl);
        TestServer server(seeded(dbUrl));
        QVERIFY(server.start());
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QString merchant =
            signIn(server, QStringLiteral("merchant"), QStringLiteral("hues-merchant-demo"));
        const QString verifier =
            signIn(server, QStringLiteral("verifier"), QStringLiteral("hues-verifier-demo"));
        const QString ioc = signIn(server, QStringLiteral("ioc"), QStringLiteral("hues-ioc-demo"));
        QVERIFY(!citizen.isEmpty() && !merchant.isEmpty() && !verifier.isEmpty());

        StreamClient citizenStream;
        QVERIFY(citizenStream.open(streamUrl(server.baseUrl(), 0, socketToken(server, citizen))));
        StreamClient merchantStream;
        QVERIFY(merchantStream.open(streamUrl(server.baseUrl(), 0, socketToken(server, merchant))));

        QList<Part> withPhoto = submissionParts();
        withPhoto.append({"media", jpeg(), true});
        QCOMPARE(submit(server, withPhoto, QString()).status, 401);
        QCOMPARE(submit(server, withPhoto, partnerToken(server)).status, 403);
        const HeaderList key{qMakePair(QByteArray("Idempotency-Key"), QByteArray("sub-1"))};
        const HttpResult created = submit(server, withPhoto, citizen, key);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending"));
        const QString first = created.object().value(QStringLiteral("submission_id")).toString();
        QVERIFY(!first.isEmpty());
        // The same key and content: the same answer, nothing new; other content: 422.
        const HttpResult replayed = submit(server, withPhoto, citizen, key);
        QCOMPARE(replayed.status, 200);
        QCOMPARE(replayed.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(replayed.object().value(QStringLiteral("submission_id")).toString(), first);
        QCOMPARE(submit(server, submissionParts("Khác"), citizen, key).status, 422);
        const HttpResult second =
            submit(server, submissionParts("Khói lớn ở chợ Đông Ba", "Fire"), citizen);
        QCOMPARE(second.status, 201);
        const QString secondId = second.object().value(QStringLiteral("submission_id")).toString();
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM alert_submissions")), 2);

        // Mine: the citizen's only.
        const HttpResult mine =
            httpRequest("GET", server.url(QStringLiteral("/api/v1/alert-submissions/mine")), {},
                        bearer(citizen));
        QCOMPARE(mine.status, 200);
        const QJsonArray mineList = mine.array();
        QCOMPARE(mineList.size(), 2);
        const QJsonObject withMedia = mineList.at(1).toObject(); // oldest last
        QCOMPARE(withMedia.value(QStringLiteral("submission_id")).toString(), first);
        QCOMPARE(withMedia.value(QStringLiteral("category")).toString(), QStringLiteral("Safety"));
        const QString mediaUrl = withMedia.value(QStringLiteral("media_url")).toString();
        QVERIFY2(mediaUrl.endsWith(QLatin1String(".jpg")), qPrintable(mediaUrl));
        QCOMPARE(httpGet(QUrl(mediaUrl)).header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(httpRequest("GET", server.url(QStringLiteral("/api/v1/alert-submissions/mine")),
                             {}, bearer(merchant))
                     .array()
                     .size(),
                 0);
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/alert-submissions/mine"))).status, 401);

        // The queue: verifiers only.
        const QString queue = QStringLiteral("/api/v1/alert-submissions?status=pending");
        QCOMPARE(httpRequest("GET", server.url(queue), {}, bearer(citizen)).status, 403);
        QCOMPARE(httpRequest("GET", server.url(queue), {}, bearer(ioc)).status, 403);
        QCOMPARE(httpGet(server.url(queue)).status, 401);
        const HttpResult pending = httpRequest("GET", server.url(queue), {}, bearer(verifier));
        QCOMPARE(pending.status, 200);
        QCOMPARE(pending.array().size(), 2);
        QCOMPARE(httpRequest("GET",
                             server.url(QStringLiteral("/api/v1/alert-submissions?status=x")), {},
                             bearer(verifier))
                     .status,
                 400);

        const QString approvePath =
            QStringLiteral("/api/v1/alert-submissions/%1/approve").arg(first);
        const QJsonObject approval{
            {QStringLiteral("headline"),
             QJsonObject{{QStringLiteral("vi-VN"), QStringLiteral("Cây đổ trên đường Lê Lợi")},
                         {QStringLiteral("en-US"), QStringLiteral("Fallen tree on Le Loi")}}},
            {QStringLiteral("severity"), QStringLiteral("Moderate")},
            {QStringLiteral("radius_m"), 300},
            {QStringLiteral("instruction"), QStringLiteral("Đi đường khác")}};
        QCOMPARE(postJson(server, approvePath, approval, citizen).status, 403);
        QCOMPARE(postJson(server, approvePath, approval, ioc).status, 403);
        QCOMPARE(postJson(server, approvePath, approval, QString()).status, 401);
        // Validation of the approval.
        QJsonObject noHeadline = approval;
        noHeadline.remove(QStringLiteral("headline"));
        QCOMPARE(postJson(server, approvePath, noHeadline, verifier).status, 400);
        QJsonObject badSeverity = approval;
        badSeverity.insert(QStringLiteral("severity"), QStringLiteral("Unknown"));
        QCOMPARE(postJson(server, approvePath, badSeverity, verifier).status, 400);
        QJsonObject badRadius = approval;
        badRadius.insert(QStringLiteral("radius_m"), 1e9);
        QCOMPARE(postJson(server, approvePath, badRadius, verifier).status, 400);
        QJsonObject unknown = approval;
        unknown.insert(QStringLiteral("sender"), QStringLiteral("me"));
        QCOMPARE(postJson(server, approvePath, unknown, verifier).status, 400);
        QCOMPARE(postJson(server, QStringLiteral("/api/v1/alert-submissions/ALS-NONE/approve"),
                          approval, verifier)
                     .status,
                 404);

        const HttpResult approved = postJson(server, approvePath, approval, verifier);
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("approved"));
        const QString alertId = approved.object().value(QStringLiteral("alert_id")).toString();
        QVERIFY(!alertId.isEmpty());
        QCOMPARE(postJson(server, approvePath, approval, verifier).status, 409);
        QCOMPARE(postJson(server, QStringLiteral("/api/v1/alert-submissions/%1/reject").arg(first),
                          QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}}, verifier)
                     .status,
                 409);

        // The published alert: the verification centre's, a circle around the place, vi+en.
        const HttpResult alert = httpGet(server.url(QStringLiteral("/api/v1/alerts/") + alertId));
        QCOMPARE(alert.status, 200);
        const ::alerts::ParseResult parsed =
            ::alerts::parse(alert.object().value(QStringLiteral("cap")).toString().toUtf8());
        QVERIFY2(parsed.ok, qPrintable(parsed.errorString()));
        QCOMPARE(parsed.alert.sender, QStringLiteral("verification@hue.gov.vn"));
        QCOMPARE(parsed.alert.infos.size(), 2);
        QCOMPARE(parsed.alert.infos.at(0).language, QStringLiteral("vi-VN"));
        QCOMPARE(parsed.alert.infos.at(1).language, QStringLiteral("en-US"));
        QCOMPARE(parsed.alert.infos.at(0).senderName,
                 QStringLiteral("Trung tâm Xác minh Thông tin Huế"));
        QCOMPARE(parsed.alert.infos.at(1).headline, QStringLiteral("Fallen tree on Le Loi"));
        QCOMPARE(parsed.alert.infos.at(0).instruction, QStringLiteral("Đi đường khác"));
        QCOMPARE(parsed.alert.infos.at(0).categories, QStringList{QStringLiteral("Safety")});
        QCOMPARE(parsed.alert.infos.at(0).severity, QStringLiteral("Moderate"));
        QCOMPARE(parsed.alert.infos.at(0).description,
                 QStringLiteral("Cây đổ chắn ngang đường Lê Lợi"));
        const ::alerts::Circle circle = parsed.alert.infos.at(0).areas.at(0).circles.at(0);
        QCOMPARE(circle.radiusKm, 0.3);
        QVERIFY(::alerts::concerns(parsed.alert, 16.4637, 107.5909));
        QVERIFY(::alerts::concerns(parsed.alert, 16.4650, 107.5909));  // ~145 m north
        QVERIFY(!::alerts::concerns(parsed.alert, 16.4700, 107.5909)); // ~700 m north
        QVERIFY(alertIds(httpGet(server.url(QStringLiteral("/api/v1/alerts")))).contains(alertId));

        // Reject the second with a reason.
        const QString rejectPath =
            QStringLiteral("/api/v1/alert-submissions/%1/reject").arg(secondId);
        QCOMPARE(postJson(server, rejectPath, QJsonObject{}, verifier).status, 400);
        QCOMPARE(postJson(server, rejectPath,
                          QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}}, citizen)
                     .status,
                 403);
        const QString reason = QStringLiteral("Đã có cảnh báo của PCCC cho khu vực này");
        const HttpResult rejected =
            postJson(server, rejectPath, QJsonObject{{QStringLiteral("reason"), reason}}, verifier);
        QCOMPARE(rejected.status, 200);
        QCOMPARE(rejected.object().value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(httpRequest("GET", server.url(queue), {}, bearer(verifier)).array().size(), 0);

        // The submitter's stream: the public alert and both personal events; the merchant's
        // only the public alert.
        QVERIFY(citizenStream.waitForEvents(2, QStringLiteral("alert_submission")));
        const QList<QJsonObject> personal =
            citizenStream.events(QStringLiteral("alert_submission"));
        const QJsonObject ok = personal.at(0).value(QStringLiteral("data")).toObject();
        QCOMPARE(ok, (QJsonObject{{QStringLiteral("submission_id"), first},
                                  {QStringLiteral("status"), QStringLiteral("approved")},
                                  {QStringLiteral("reason"), QString()}}));
        const QJsonObject no = personal.at(1).value(QStringLiteral("data")).toObject();
        QCOMPARE(no, (QJsonObject{{QStringLiteral("submission_id"), secondId},
                                  {QStringLiteral("status"), QStringLiteral("rejected")},
                                  {QStringLiteral("reason"), reason}}));
        QCOMPARE(citizenStream.events(QStringLiteral("alert")).size(), 1);
        // Publish one more public alert: when it reaches the merchant, nothing personal did.
        Cap last;
        last.identifier = QStringLiteral("after-submissions");
        QCOMPARE(postCap(server, last.xml(), ioc).status, 201);
        QVERIFY(merchantStream.waitForEvents(2));
        QCOMPARE(merchantStream.events(QStringLiteral("alert")).size(), 2);
        QVERIFY(merchantStream.events(QStringLiteral("alert_submission")).isEmpty());

        // Mine shows the decisions.
        const HttpResult decided =
            httpRequest("GET", server.url(QStringLiteral("/api/v1/alert-submissions/mine")), {},
                        bearer(citizen));
        const QJsonArray decidedList = decided.array();
        QCOMPARE(decidedList.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(decidedList.at(1).toObject().value(QStringLiteral("alert_id")).toString(),
                 alertId);
    }

    // The demo seed's alerts: valid CAP 1.2 with Vietnamese and English infos and areas in Huế.
    void demoSeedAlerts()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        const HttpResult list = httpGet(server.url(QStringLiteral("/api/v1/alerts")));
        QHash<QString, ::alerts::Alert> seeded;
        for (const QJsonValue &value : list.array()) {
            const QJsonObject alert = value.toObject();
            const ::alerts::ParseResult parsed =
                ::alerts::parse(alert.value(QStringLiteral("cap")).toString().toUtf8());
            QVERIFY2(parsed.ok, qPrintable(parsed.errorString()));
            seeded.insert(alert.value(QStringLiteral("alert_id")).toString(), parsed.alert);
        }
        QCOMPARE(seeded.size(), 2);
        const ::alerts::Alert flood = seeded.value(QStringLiteral("ALR-DEMO-FLOOD"));
        const ::alerts::Alert power = seeded.value(QStringLiteral("ALR-DEMO-POWER"));
        for (const ::alerts::Alert &alert : {flood, power}) {
            QCOMPARE(alert.infos.size(), 2);
            QCOMPARE(::alerts::bestInfo(alert, QStringLiteral("vi-VN"))->language,
                     QStringLiteral("vi-VN"));
            QCOMPARE(::alerts::bestInfo(alert, QStringLiteral("en-GB"))->language,
                     QStringLiteral("en-US"));
            QVERIFY(::alerts::expiry(alert) > QDateTime::currentDateTimeUtc());
        }
        QVERIFY(::alerts::concerns(flood, 16.4700, 107.5800));  // the north bank, Phú Hậu
        QVERIFY(!::alerts::concerns(flood, 16.4017, 107.7030)); // Phú Bài airport
        QVERIFY(::alerts::concerns(power, 16.4660, 107.5950));  // Chu Văn An street
        QVERIFY(!::alerts::concerns(power, 16.4700, 107.5800));
        QCOMPARE(power.sender, QStringLiteral("pc3hue@evn.com.vn"));
        // The queue starts empty; so does the stream (seeding is no event).
        const QString verifier =
            signIn(server, QStringLiteral("verifier"), QStringLiteral("hues-verifier-demo"));
        QCOMPARE(httpRequest("GET", server.url(QStringLiteral("/api/v1/alert-submissions")), {},
                             bearer(verifier))
                     .array()
                     .size(),
                 0);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM push_events")), 0);
    }

    // Refusals of submissions: every field checked, nothing stored.
    void submissionValidation()
    {
        TestServer server(seeded(QString()));
        QVERIFY(server.start());
        const QString citizen =
            signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
        const QList<Part> good = submissionParts();
        auto with = [&](const QByteArray &name, const QByteArray &value) {
            QList<Part> parts = good;
            for (Part &part : parts) {
                if (part.name == name)
                    part.value = value;
            }
            return parts;
        };
        QCOMPARE(submit(server, with("category", "Flood"), citizen).status, 400);
        QCOMPARE(submit(server, with("text", ""), citizen).status, 400);
        QCOMPARE(submit(server, with("text", QByteArray(2001, 'a')), citizen).status, 400);
        QCOMPARE(
            submit(server, with("text", QString(2000, QChar(0x1EA1)).toUtf8()), citizen).status,
            201); // 2000 characters of 3 UTF-8 bytes each
        QCOMPARE(submit(server, with("text", "a\x01b"), citizen).status, 400);
        QCOMPARE(submit(server, with("lat", "91"), citizen).status, 400);
        QCOMPARE(submit(server, with("long", "abc"), citizen).status, 400);
        QList<Part> twice = good;
        twice.append(Part{"text", "again"});
        QCOMPARE(submit(server, twice, citizen).status, 400);
        QList<Part> extra = good;
        extra.append(Part{"sender", "me"});
        QCOMPARE(submit(server, extra, citizen).status, 400);
        QList<Part> twoPhotos = good;
        twoPhotos.append({"media", jpeg(), true});
        twoPhotos.append({"media", jpeg(), true});
        QCOMPARE(submit(server, twoPhotos, citizen).status, 400);
        QList<Part> notAPhoto = good;
        notAPhoto.append({"media", "not an image", true});
        QCOMPARE(submit(server, notAPhoto, citizen).status, 422);
        QCOMPARE(httpRequest("POST", server.url(QStringLiteral("/api/v1/alert-submissions")),
                             "category=Fire",
                             bearer(citizen) + HeaderList{qMakePair(QByteArray("Content-Type"),
                                                                    QByteArray("application/"
                                                                               "x-www-form-"
                                                                               "urlencoded"))})
                     .status,
                 415);
        QCOMPARE(server.queryNumber(QStringLiteral("SELECT COUNT(*) FROM alert_submissions")), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerAlerts)
#include "tst_server_alerts.moc"
