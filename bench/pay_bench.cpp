// bench_pay: "a trader creates a dynamic QR for an amount; the payment reaches the trader's
// phone as a push event within a second" (issue 6), on loopback against a real hues-server
// (--seed demo) on SQLite and, when HUES_TEST_PG_URL is set, on PostgreSQL.
// The merchant (demo "merchant") holds the push stream open with a socket token; N times the
// merchant creates a dynamic code (POST /api/v1/merchant/qr) and the citizen pays it
// (POST /api/v1/payments with an Idempotency-Key). Measured per payment, in this process:
//   event latency  = payment POST sent -> the payment_received event of that qr_id read from
//                    the merchant's WebSocket;
//   POST round trip = payment POST sent -> its 201 read (the baseline, same run, same payment).
// Prints p50/p99/max of both, the ratio event latency / POST round trip, and how many events
// took longer than the 1 s target.
//   bench_pay [--payments 200] [--amount 1000] [--warmup 5]
#include "Backends.h"
#include "PushStream.h"
#include "TestServer.h"
#include "Tokens.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

using namespace hues::test;

namespace {

constexpr int kTimeoutMs = 10000;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Stats
{
    double p50 = 0, p99 = 0, max = 0; // ms
};

Stats statsOf(std::vector<double> values)
{
    Stats s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values[std::min(values.size() - 1, size_t(q * double(values.size() - 1) + 0.5))];
    };
    s.p50 = at(0.50);
    s.p99 = at(0.99);
    s.max = values.back();
    return s;
}

struct RunResult
{
    QString backend;
    QString error; // non-empty: the run did not happen
    int payments = 0;
    int completed = 0;  // 201 and its event seen
    int refused = 0;    // not 201
    int missing = 0;    // 201 without an event within kTimeoutMs
    int eventFirst = 0; // the event was read before the 201
    int overTarget = 0; // event latency > 1 s
    Stats event, post, qr;
    double ratioP50 = 0; // median of the per-payment ratios event / POST
};

QNetworkRequest jsonRequest(const QUrl &url, const QString &token)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return request;
}

RunResult run(const QString &backend, const QString &databaseUrl, int payments, int warmup,
              qint64 amount)
{
    RunResult result;
    result.backend = backend;
    result.payments = payments;
    TestServer server(seeded(databaseUrl));
    if (!server.start()) {
        result.error = QStringLiteral("hues-server did not start: ") + server.errorString();
        return result;
    }
    const QString merchant =
        signIn(server, QStringLiteral("merchant"), QStringLiteral("hues-merchant-demo"));
    const QString citizen =
        signIn(server, QStringLiteral("citizen"), QStringLiteral("hues-citizen-demo"));
    if (merchant.isEmpty() || citizen.isEmpty()) {
        result.error = QStringLiteral("sign-in failed");
        return result;
    }

    // The trader's phone: the push stream, every payment_received noted with its arrival.
    QHash<QString, qint64> arrivals; // qr_id -> steady ns
    StreamClient stream;
    QObject::connect(&stream.socket, &QWebSocket::textMessageReceived, &stream,
                     [&arrivals](const QString &text) {
                         const qint64 at = nowNs();
                         const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                         if (frame.value(QLatin1String("kind")).toString() != u"payment_received")
                             return;
                         const QString qrId = frame.value(QLatin1String("data"))
                                                  .toObject()
                                                  .value(QLatin1String("qr_id"))
                                                  .toString();
                         if (!qrId.isEmpty() && !arrivals.contains(qrId))
                             arrivals.insert(qrId, at);
                     });
    if (!stream.open(streamUrl(server.baseUrl(), -1, socketToken(server, merchant)))) {
        result.error = QStringLiteral("the merchant's push stream did not open");
        return result;
    }

    // Two phones, two connection pools (kept alive, as the app's are).
    QNetworkAccessManager merchantPhone;
    QNetworkAccessManager citizenPhone;
    const QUrl qrUrl = server.url(QStringLiteral("/api/v1/merchant/qr"));
    const QUrl payUrl = server.url(QStringLiteral("/api/v1/payments"));
    std::vector<double> eventMs, postMs, qrMs, ratios;

    for (int i = -warmup; i < payments; ++i) {
        // The trader's code.
        const qint64 qrSent = nowNs();
        QNetworkReply *qrReply = merchantPhone.post(
            jsonRequest(qrUrl, merchant),
            QJsonDocument(QJsonObject{{QStringLiteral("amount"), amount}}).toJson());
        {
            QEventLoop loop;
            QObject::connect(qrReply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const qint64 qrDone = nowNs();
        const int qrStatus = qrReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject code = QJsonDocument::fromJson(qrReply->readAll()).object();
        qrReply->deleteLater();
        const QString qrId = code.value(QLatin1String("qr_id")).toString();
        const QString payload = code.value(QLatin1String("payload")).toString();
        if (qrStatus != 201 || qrId.isEmpty()) {
            result.error = QStringLiteral("POST /api/v1/merchant/qr answered %1").arg(qrStatus);
            return result;
        }

        // The citizen pays it; the clock runs from just before the request is handed over.
        QNetworkRequest request = jsonRequest(payUrl, citizen);
        request.setRawHeader("Idempotency-Key",
                             QStringLiteral("bench-pay-%1-%2").arg(backend).arg(i).toLatin1());
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("qr"), payload}}).toJson();
        qint64 replyAt = 0;
        QEventLoop loop;
        const auto settle = [&] {
            if (replyAt != 0 && arrivals.contains(qrId))
                loop.quit();
        };
        const QMetaObject::Connection onEvent =
            QObject::connect(&stream.socket, &QWebSocket::textMessageReceived, &loop, settle);
        const qint64 sentAt = nowNs();
        QNetworkReply *reply = citizenPhone.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            replyAt = nowNs();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201)
                loop.quit(); // no event will come
            settle();
        });
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        if (replyAt == 0 || !arrivals.contains(qrId))
            loop.exec();
        QObject::disconnect(onEvent);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (i < 0)
            continue; // warm-up: statements prepared, connections open
        if (status != 201) {
            ++result.refused;
            std::fprintf(stderr, "bench_pay: payment %d answered %d\n", i, status);
            continue;
        }
        qrMs.push_back((qrDone - qrSent) / 1e6);
        postMs.push_back((replyAt - sentAt) / 1e6);
        if (!arrivals.contains(qrId)) {
            ++result.missing;
            continue;
        }
        const qint64 eventAt = arrivals.value(qrId);
        ++result.completed;
        if (eventAt < replyAt)
            ++result.eventFirst;
        const double ms = (eventAt - sentAt) / 1e6;
        if (ms > 1000.0)
            ++result.overTarget;
        eventMs.push_back(ms);
        ratios.push_back(double(eventAt - sentAt) / double(replyAt - sentAt));
    }
    result.event = statsOf(eventMs);
    result.post = statsOf(postMs);
    result.qr = statsOf(qrMs);
    result.ratioP50 = statsOf(ratios).p50;
    server.stop();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int payments = 200;
    int warmup = 5;
    qint64 amount = 1000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--payments")
            payments = qMax(1, args.at(i + 1).toInt());
        else if (args.at(i) == u"--amount")
            amount = qMax<qint64>(1, args.at(i + 1).toLongLong());
        else if (args.at(i) == u"--warmup")
            warmup = qMax(0, args.at(i + 1).toInt());
    }
    // The demo citizen holds 5 000 000 VND.
    if ((payments + warmup) * amount > 5000000) {
        std::fprintf(stderr, "bench_pay: %d payments of %lld VND exceed the demo wallet\n",
                     payments + warmup, static_cast<long long>(amount));
        return 2;
    }
    std::printf("bench_pay: %d payments of %lld VND (after %d warm-up), merchant's push event "
                "against the payment POST's own round trip, loopback, %d CPUs\n",
                payments, static_cast<long long>(amount), warmup, QThread::idealThreadCount());
    std::printf("| backend | ok | refused | no event | event p50 ms | p99 ms | max ms | "
                "POST p50 ms | p99 ms | max ms | event/POST p50 | p99/p99 | event first | "
                "> 1 s | QR POST p50 ms |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::fflush(stdout);

    QList<QPair<QString, QString>> backendsToRun{{QStringLiteral("sqlite"), QString()}};
    std::unique_ptr<ScratchDatabase> scratch;
    if (!postgresUrlFromEnv().isEmpty()) {
        scratch = std::make_unique<ScratchDatabase>(postgresUrlFromEnv());
        if (scratch->isValid())
            backendsToRun.append({QStringLiteral("postgresql"), scratch->url()});
        else
            std::fprintf(stderr, "bench_pay: no PostgreSQL scratch database: %s\n",
                         qPrintable(scratch->errorString()));
    } else {
        std::fprintf(stderr, "bench_pay: HUES_TEST_PG_URL not set, PostgreSQL skipped\n");
    }

    int failures = 0;
    for (const auto &[backend, url] : backendsToRun) {
        const RunResult r = run(backend, url, payments, warmup, amount);
        if (!r.error.isEmpty()) {
            std::fprintf(stderr, "bench_pay: %s: %s\n", qPrintable(backend), qPrintable(r.error));
            ++failures;
            continue;
        }
        std::printf("| %s | %d | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f "
                    "| %d | %d | %.2f |\n",
                    qPrintable(r.backend), r.completed, r.refused, r.missing, r.event.p50,
                    r.event.p99, r.event.max, r.post.p50, r.post.p99, r.post.max, r.ratioP50,
                    r.post.p99 > 0 ? r.event.p99 / r.post.p99 : 0.0, r.eventFirst, r.overTarget,
                    r.qr.p50);
        std::fflush(stdout);
        if (r.completed != payments)
            ++failures;
    }
    std::printf("target: the event within 1000 ms of the payment being sent (rows above: "
                "'> 1 s' counts the payments that missed it; 'event first' those whose event "
                "was read before the payer's 201)\n");
    return failures == 0 ? 0 : 1;
}
