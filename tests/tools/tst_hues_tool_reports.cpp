// hues-tool report categories|new|list and outbox list|sync|retry|discard, run as a user would,
// against the real hues-server (--seed demo).
#include "PhotoSamples.h"
#include "TestServer.h"
#include "ToolRunner.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace hues::test;

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

TestServer::Options options(const QString &dataDir, int port, const QStringList &extra = {})
{
    TestServer::Options o;
    o.seedDemo = true;
    o.dataDir = dataDir;
    o.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    o.extraArgs = extra;
    return o;
}

} // namespace

class TstHuesToolReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void usageErrors_data();
    void usageErrors();
    void categories();
    void categoriesOffline();
    void invalidReports_data();
    void invalidReports();
    void newSendsWithPhotos();
    void offlineThenSync();
    void serverDownWaitsThenSyncs();
    void refusedReportRetryAndDiscard();

private:
    QStringList base() const;
    ToolRun run(const QStringList &args);
    QJsonArray outboxJson();

    QTemporaryDir m_root;
    QString m_serverDir;
    int m_port = 0;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_photo;
    QString m_notImage;
    QString m_truncated;
};

void TstHuesToolReports::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_serverDir = m_root.filePath(QStringLiteral("server"));
    m_port = freePort();
    m_server = std::make_unique<TestServer>(options(m_serverDir, m_port));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    auto write = [this](const QString &name, const QByteArray &bytes) {
        const QString path = m_root.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return QString();
        return path;
    };
    const QByteArray jpeg =
        photosamples::encode(photosamples::photoLike(2400, 1800, 3), "jpeg", 92);
    m_photo = write(QStringLiteral("street.jpg"), jpeg);
    m_notImage = write(QStringLiteral("notes.jpg"), QByteArray("just some text, not a photo"));
    m_truncated = write(QStringLiteral("cut.jpg"), jpeg.left(jpeg.size() / 3));
    QVERIFY(!m_photo.isEmpty() && !m_notImage.isEmpty() && !m_truncated.isEmpty());
}

void TstHuesToolReports::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (!m_server->isRunning()) {
        m_server = std::make_unique<TestServer>(options(m_serverDir, m_port));
        QVERIFY(m_server->start());
    }
}

QStringList TstHuesToolReports::base() const
{
    return {QStringLiteral("--data-dir"), m_dir->path(), QStringLiteral("--server"),
            QStringLiteral("http://127.0.0.1:%1").arg(m_port)};
}

ToolRun TstHuesToolReports::run(const QStringList &args)
{
    return runTool(args, {{}, {}, 120000});
}

QJsonArray TstHuesToolReports::outboxJson()
{
    const ToolRun r = run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("list"),
                                               QStringLiteral("--json")});
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).array() : QJsonArray{};
}

void TstHuesToolReports::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withServer");
    QTest::addColumn<QString>("message");
    const QStringList newReport{QStringLiteral("report"), QStringLiteral("new")};
    QTest::newRow("no server") << QStringList{QStringLiteral("report"),
                                              QStringLiteral("categories")}
                               << false << QStringLiteral("--server");
    QTest::newRow("no category") << newReport +
                                        QStringList{QStringLiteral("--lat"), QStringLiteral("16")}
                                 << true << QStringLiteral("--category");
    QTest::newRow("one coordinate")
        << newReport + QStringList{QStringLiteral("--category"), QStringLiteral("garbage"),
                                   QStringLiteral("--lat"), QStringLiteral("16")}
        << true << QStringLiteral("both --lat and --long");
    QTest::newRow("not a number") << newReport + QStringList{QStringLiteral("--category"),
                                                             QStringLiteral("garbage"),
                                                             QStringLiteral("--lat"),
                                                             QStringLiteral("north"),
                                                             QStringLiteral("--long"),
                                                             QStringLiteral("107")}
                                  << true << QStringLiteral("decimal degrees");
    QTest::newRow("attribute without =")
        << newReport + QStringList{QStringLiteral("--category"),  QStringLiteral("garbage"),
                                   QStringLiteral("--address"),   QStringLiteral("x"),
                                   QStringLiteral("--attribute"), QStringLiteral("depth")}
        << true << QStringLiteral("CODE=VALUE");
    QTest::newRow("unknown subcommand")
        << QStringList{QStringLiteral("outbox"), QStringLiteral("flush")} << true
        << QStringLiteral("unknown command");
}

void TstHuesToolReports::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withServer);
    QFETCH(QString, message);
    const QStringList full = withServer
                                 ? base() + args
                                 : QStringList{QStringLiteral("--data-dir"), m_dir->path()} + args;
    const ToolRun r = run(full);
    HUES_EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
    QVERIFY(outboxJson().isEmpty());
}

void TstHuesToolReports::categories()
{
    const ToolRun vi =
        run(base() + QStringList{QStringLiteral("report"), QStringLiteral("categories")});
    HUES_EXPECT_EXIT(vi, 0);
    const QStringList lines = vi.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 9);
    QVERIFY2(vi.out.contains(QStringLiteral("flooding\tNgập úng\t")), qPrintable(vi.out));
    QCOMPARE(vi.err, QString());

    const ToolRun en =
        run(base() + QStringList{QStringLiteral("report"), QStringLiteral("categories"),
                                 QStringLiteral("--lang"), QStringLiteral("en"),
                                 QStringLiteral("--json")});
    HUES_EXPECT_EXIT(en, 0);
    const QJsonArray array = QJsonDocument::fromJson(en.out.toUtf8()).array();
    QCOMPARE(array.size(), lines.size());
    bool found = false;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("service_code")).toString() == QLatin1String("flooding")) {
            found = true;
            QVERIFY(o.value(QLatin1String("metadata")).toBool());
            QVERIFY(o.value(QLatin1String("service_name")).toString() !=
                    QStringLiteral("Ngập úng"));
        }
    }
    QVERIFY(found);
}

void TstHuesToolReports::categoriesOffline()
{
    const QStringList args =
        base() + QStringList{QStringLiteral("report"), QStringLiteral("categories")};
    const ToolRun online = run(args);
    HUES_EXPECT_EXIT(online, 0);
    QCOMPARE(m_server->stop(), 0);
    const ToolRun offline = run(args);
    HUES_EXPECT_EXIT(offline, 0);
    QCOMPARE(offline.out, online.out);
    QVERIFY2(offline.err.contains(QLatin1String("warning")), qPrintable(offline.describe()));
    // Another profile never saw them: nothing to show.
    const ToolRun none =
        run(QStringList{QStringLiteral("--profile"), QStringLiteral("other")} + args);
    HUES_EXPECT_EXIT(none, 1);
    QVERIFY2(none.err.contains(QLatin1String("Cannot reach")), qPrintable(none.describe()));
}

void TstHuesToolReports::invalidReports_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList place{QStringLiteral("--lat"), QStringLiteral("16.4637"),
                            QStringLiteral("--long"), QStringLiteral("107.5909")};
    const QStringList garbage =
        QStringList{QStringLiteral("--category"), QStringLiteral("garbage")};
    QTest::newRow("latitude out of range")
        << garbage + QStringList{QStringLiteral("--lat"), QStringLiteral("91"),
                                 QStringLiteral("--long"), QStringLiteral("107")}
        << QStringLiteral("latitude must be between -90 and 90");
    QTest::newRow("longitude out of range")
        << garbage + QStringList{QStringLiteral("--lat"), QStringLiteral("16"),
                                 QStringLiteral("--long"), QStringLiteral("-180.5")}
        << QStringLiteral("longitude must be between -180 and 180");
    QTest::newRow("no place") << garbage << QStringLiteral("Give the place");
    QTest::newRow("unknown category")
        << QStringList{QStringLiteral("--category"), QStringLiteral("dragons")} + place
        << QStringLiteral("The category dragons does not exist");
    QTest::newRow("missing required attribute")
        << QStringList{QStringLiteral("--category"), QStringLiteral("flooding")} + place
        << QStringLiteral("it is required for this category");
    QTest::newRow("answer not in the list")
        << QStringList{QStringLiteral("--category"), QStringLiteral("flooding"),
                       QStringLiteral("--attribute"), QStringLiteral("flood_depth=ocean")} +
               place
        << QStringLiteral("not an allowed answer");
    QTest::newRow("10000-character description")
        << garbage + place + QStringList{QStringLiteral("--text"), QString(10000, QChar(u'ư'))}
        << QStringLiteral("description is too long");
    QTest::newRow("non-image named .jpg")
        << garbage + place + QStringList{QStringLiteral("--photo"), m_notImage}
        << QStringLiteral("not an image");
    QTest::newRow("truncated JPEG")
        << garbage + place + QStringList{QStringLiteral("--photo"), m_truncated}
        << QStringLiteral("cut.jpg");
    QTest::newRow("missing photo file")
        << garbage + place +
               QStringList{QStringLiteral("--photo"), m_root.filePath(QStringLiteral("nope.jpg"))}
        << QStringLiteral("nope.jpg");
    QTest::newRow("four photos") << garbage + place +
                                        QStringList{QStringLiteral("--photo"), m_photo,
                                                    QStringLiteral("--photo"), m_photo,
                                                    QStringLiteral("--photo"), m_photo,
                                                    QStringLiteral("--photo"), m_photo}
                                 << QStringLiteral("at most 3 photos");
}

void TstHuesToolReports::invalidReports()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const int before =
        m_server->queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_requests"));
    const ToolRun r =
        run(base() + QStringList{QStringLiteral("report"), QStringLiteral("new")} + args);
    HUES_EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message, Qt::CaseInsensitive), qPrintable(r.describe()));
    QVERIFY(!r.out.contains(QLatin1String("queued")));
    QVERIFY(outboxJson().isEmpty()); // nothing was queued
    QCOMPARE(m_server->queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_requests")),
             before);
}

void TstHuesToolReports::newSendsWithPhotos()
{
    const ToolRun r = run(
        base() +
        QStringList{QStringLiteral("report"), QStringLiteral("new"), QStringLiteral("--category"),
                    QStringLiteral("road_damage"), QStringLiteral("--lat"),
                    QStringLiteral("16.4637"), QStringLiteral("--long"), QStringLiteral("107.5909"),
                    QStringLiteral("--address"), QStringLiteral("12 Lê Lợi, Huế"),
                    QStringLiteral("--attribute"), QStringLiteral("width_cm=40"),
                    QStringLiteral("--text"), QStringLiteral("Ổ gà lớn giữa đường"),
                    QStringLiteral("--photo"), m_photo, QStringLiteral("--photo"), m_photo});
    HUES_EXPECT_EXIT(r, 0);
    const QString queued = r.field(QStringLiteral("queued"));
    const QString remote = r.field(QStringLiteral("sent"));
    QVERIFY2(!queued.isEmpty() && !remote.isEmpty(), qPrintable(r.describe()));
    QCOMPARE(
        m_server->queryNumber(QStringLiteral("SELECT COUNT(*) FROM service_request_media WHERE "
                                             "request_id = '%1'")
                                  .arg(remote)),
        2);
    QSqlQuery q(m_server->database());
    QVERIFY(q.exec(QStringLiteral("SELECT description, address, attributes, account_id FROM "
                                  "service_requests WHERE id = '%1'")
                       .arg(remote)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Ổ gà lớn giữa đường"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("12 Lê Lợi, Huế"));
    QVERIFY2(q.value(2).toString().contains(QLatin1String("width_cm")),
             qPrintable(q.value(2).toString()));
    QVERIFY(q.value(3).isNull()); // not signed in: anonymous

    const QJsonArray items = outboxJson();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(item.value(QLatin1String("id")).toString(), queued);
    QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("sent"));
    QCOMPARE(item.value(QLatin1String("remote_id")).toString(), remote);
    QCOMPARE(item.value(QLatin1String("attachments")).toInt(), 2);
    QCOMPARE(item.value(QLatin1String("attempts")).toInt(), 1);
    // The stored photos are the pipeline's: scaled to 1600 px, far smaller than the input.
    QVERIFY(item.value(QLatin1String("attachment_bytes")).toInteger() <
            2 * QFileInfo(m_photo).size());
}

void TstHuesToolReports::offlineThenSync()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const ToolRun r =
            run(base() + QStringList{QStringLiteral("report"), QStringLiteral("new"),
                                     QStringLiteral("--category"), QStringLiteral("garbage"),
                                     QStringLiteral("--address"), QStringLiteral("Chợ Đông Ba"),
                                     QStringLiteral("--text"), QStringLiteral("rác %1").arg(i),
                                     QStringLiteral("--offline")});
        HUES_EXPECT_EXIT(r, 0);
        QVERIFY(r.field(QStringLiteral("sent")).isEmpty());
        ids << r.field(QStringLiteral("queued"));
    }
    const ToolRun list =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("list")});
    HUES_EXPECT_EXIT(list, 0);
    QCOMPARE(list.out.count(QLatin1String("\tpending\t")), 3);
    const ToolRun mine =
        run(base() + QStringList{QStringLiteral("report"), QStringLiteral("list")});
    HUES_EXPECT_EXIT(mine, 0);
    QCOMPARE(mine.out.count(QStringLiteral("-\tpending\tgarbage\trác ")), 3);

    const ToolRun sync =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("sync")});
    HUES_EXPECT_EXIT(sync, 0);
    const QStringList lines = sync.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(lines.at(i).startsWith(QStringLiteral("sent ") + ids.at(i) + QLatin1Char(' ')),
                 qPrintable(sync.out));
    // Nothing left: a second sync sends nothing and succeeds.
    const ToolRun again =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("sync")});
    HUES_EXPECT_EXIT(again, 0);
    QCOMPARE(again.out, QString());

    const ToolRun after = run(base() + QStringList{QStringLiteral("report"), QStringLiteral("list"),
                                                   QStringLiteral("--json")});
    HUES_EXPECT_EXIT(after, 0);
    const QJsonArray reports = QJsonDocument::fromJson(after.out.toUtf8()).array();
    QCOMPARE(reports.size(), 3);
    for (const QJsonValue &v : reports) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QLatin1String("outbox_state")).toString(), QStringLiteral("sent"));
        const QJsonObject server = o.value(QLatin1String("server")).toObject();
        QCOMPARE(server.value(QLatin1String("service_request_id")).toString(),
                 o.value(QLatin1String("service_request_id")).toString());
        QCOMPARE(server.value(QLatin1String("detailed_status")).toString(),
                 QStringLiteral("submitted"));
    }
}

void TstHuesToolReports::serverDownWaitsThenSyncs()
{
    // The categories are on this device from an earlier run.
    HUES_EXPECT_EXIT(
        run(base() + QStringList{QStringLiteral("report"), QStringLiteral("categories")}), 0);
    QCOMPARE(m_server->stop(), 0);
    const ToolRun r =
        run(base() + QStringList{QStringLiteral("report"), QStringLiteral("new"),
                                 QStringLiteral("--category"), QStringLiteral("noise"),
                                 QStringLiteral("--address"), QStringLiteral("Phố đi bộ"),
                                 QStringLiteral("--text"), QStringLiteral("karaoke")});
    HUES_EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("not sent yet")), qPrintable(r.describe()));
    const QString id = r.field(QStringLiteral("queued"));
    QVERIFY(!id.isEmpty());
    QJsonObject item = outboxJson().first().toObject();
    QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("waiting"));
    QVERIFY(
        item.value(QLatin1String("last_error")).toString().contains(QLatin1String("Cannot reach")));
    QVERIFY(!item.value(QLatin1String("next_attempt_at")).isNull());

    const ToolRun down =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("sync")});
    HUES_EXPECT_EXIT(down, 1);
    QVERIFY2(down.out.startsWith(QStringLiteral("waiting ") + id), qPrintable(down.describe()));

    m_server = std::make_unique<TestServer>(options(m_serverDir, m_port));
    QVERIFY(m_server->start());
    const ToolRun up = run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("sync")});
    HUES_EXPECT_EXIT(up, 0);
    QVERIFY2(up.out.startsWith(QStringLiteral("sent ") + id), qPrintable(up.describe()));
    item = outboxJson().first().toObject();
    QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("sent"));
    QCOMPARE(item.value(QLatin1String("attempts")).toInt(), 3);
}

void TstHuesToolReports::refusedReportRetryAndDiscard()
{
    QCOMPARE(m_server->stop(), 0);
    m_server = std::make_unique<TestServer>(
        options(m_serverDir, m_port, {QStringLiteral("--open311-api-key"), QStringLiteral("k")}));
    QVERIFY(m_server->start());
    const QStringList report{QStringLiteral("report"),     QStringLiteral("new"),
                             QStringLiteral("--category"), QStringLiteral("fallen_tree"),
                             QStringLiteral("--address"),  QStringLiteral("Đường Lê Duẩn")};
    const ToolRun r = run(base() + report);
    HUES_EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("refused")) && r.err.contains(QLatin1String("api_key")),
             qPrintable(r.describe()));
    const QString id = r.field(QStringLiteral("queued"));
    const ToolRun sync =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("sync")});
    HUES_EXPECT_EXIT(sync, 1); // a failed item is not sent again by itself
    QCOMPARE(sync.out, QString());
    QCOMPARE(outboxJson().first().toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("failed"));

    // retry puts it back; with the key requirement gone it is sent.
    QCOMPARE(m_server->stop(), 0);
    m_server = std::make_unique<TestServer>(options(m_serverDir, m_port));
    QVERIFY(m_server->start());
    HUES_EXPECT_EXIT(
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("retry"), id}), 0);
    const ToolRun sent =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("sync")});
    HUES_EXPECT_EXIT(sent, 0);
    // A sent item can be neither retried nor discarded; an unknown id neither.
    const ToolRun discardSent =
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("discard"), id});
    HUES_EXPECT_EXIT(discardSent, 1);
    HUES_EXPECT_EXIT(
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("retry"), id}), 1);
    HUES_EXPECT_EXIT(run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("discard"),
                                              QStringLiteral("no-such-id")}),
                     1);

    // An unsent item the user gives up on goes, with its photos.
    const ToolRun queued =
        run(base() + report +
            QStringList{QStringLiteral("--photo"), m_photo, QStringLiteral("--offline")});
    HUES_EXPECT_EXIT(queued, 0);
    const QString second = queued.field(QStringLiteral("queued"));
    HUES_EXPECT_EXIT(
        run(base() + QStringList{QStringLiteral("outbox"), QStringLiteral("discard"), second}), 0);
    const QJsonArray items = outboxJson();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QLatin1String("id")).toString(), id);
    const ToolRun info = run(base() + QStringList{QStringLiteral("store"), QStringLiteral("info")});
    QVERIFY2(info.out.contains(QLatin1String("rows in outbox_attachments: 0")),
             qPrintable(info.describe()));
}

QTEST_MAIN(TstHuesToolReports)
#include "tst_hues_tool_reports.moc"
