// bench_push: fan-out of hues-server's push stream on loopback. For N = 1 (the baseline),
// 1000 and 5000 WebSocket clients (in this process, on a pool of threads, apart from the
// server process), M CAP alerts are POSTed one after the other; each client notes when the
// event frame arrives (the clients are plain epoll sockets, Linux only). Prints the delivery
// latency per client (from the POST being sent to the frame being read) p50/p99/max, and the
// server's resident memory (VmRSS of /proc/<pid>/status) before and after the clients connected.
//   bench_push [--clients 1,1000,5000] [--alerts 20] [--threads 1]
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit); // the server, started after, inherits it
    }
}

long rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// A group of WebSocket clients served by one thread with epoll (a load generator as light as
// possible, so that the figures are the server's): opens them a few at a time, reads server
// frames, answers pings, records (seq, arrival) of every event frame.
class ClientGroup
{
public:
    ClientGroup(quint16 port, int count) : m_port(port), m_count(count) {}
    ~ClientGroup() { stop(); }

    void start()
    {
        m_thread = std::thread([this] { loop(); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    std::atomic<int> connected{0};
    std::atomic<int> failed{0};
    QMutex mutex;
    std::vector<std::pair<qint64, qint64>> arrivals; // seq, steady ns

private:
    struct Client
    {
        int fd = -1;
        QByteArray buffer;
        bool upgraded = false;
    };

    void openOne(int epoll)
    {
        if (m_opened >= m_count)
            return;
        ++m_opened;
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        auto client = std::make_unique<Client>();
        client->fd = fd;
        epoll_event event{};
        event.events = EPOLLOUT | EPOLLIN;
        event.data.ptr = client.get();
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
        m_clients.push_back(std::move(client));
    }

    void fail(int epoll, Client *c)
    {
        if (!c->upgraded) {
            c->upgraded = true;
            ++failed;
            openOne(epoll);
        }
        ::epoll_ctl(epoll, EPOLL_CTL_DEL, c->fd, nullptr);
    }

    void loop()
    {
        const int epoll = ::epoll_create1(0);
        for (int i = 0; i < qMin(m_count, 128); ++i)
            openOne(epoll);
        std::vector<epoll_event> events(1024);
        char chunk[65536];
        while (!m_stop) {
            const int n = ::epoll_wait(epoll, events.data(), int(events.size()), 20);
            const qint64 at = nowNs();
            for (int i = 0; i < n; ++i) {
                auto *c = static_cast<Client *>(events[i].data.ptr);
                if (events[i].events & EPOLLOUT) {
                    static const char handshake[] =
                        "GET /api/v1/push?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n";
                    if (::send(c->fd, handshake, sizeof handshake - 1, MSG_NOSIGNAL) < 0) {
                        fail(epoll, c);
                        continue;
                    }
                    epoll_event only{};
                    only.events = EPOLLIN;
                    only.data.ptr = c;
                    ::epoll_ctl(epoll, EPOLL_CTL_MOD, c->fd, &only);
                }
                if (!(events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                    continue;
                const ssize_t got = ::recv(c->fd, chunk, sizeof chunk, 0);
                if (got <= 0) {
                    if (got == 0 || (errno != EAGAIN && errno != EINTR))
                        fail(epoll, c);
                    continue;
                }
                c->buffer.append(chunk, got);
                read(epoll, c, at);
            }
        }
        for (auto &c : m_clients)
            ::close(c->fd);
        m_clients.clear();
        ::close(epoll);
    }

    void read(int epoll, Client *c, qint64 at)
    {
        if (!c->upgraded) {
            const qsizetype end = c->buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            c->upgraded = true;
            if (!c->buffer.startsWith("HTTP/1.1 101")) {
                ++failed;
                openOne(epoll);
                return;
            }
            c->buffer.remove(0, end + 4);
            ++connected;
            openOne(epoll); // keep a few handshakes in flight
        }
        for (;;) {
            const auto *b = reinterpret_cast<const quint8 *>(c->buffer.constData());
            const qsizetype size = c->buffer.size();
            if (size < 2)
                return;
            qint64 length = b[1] & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (size < 4)
                    return;
                length = (qint64(b[2]) << 8) | b[3];
                header = 4;
            } else if (length == 127) {
                if (size < 10)
                    return;
                length = 0;
                for (int i = 2; i < 10; ++i)
                    length = (length << 8) | b[i];
                header = 10;
            }
            if (size < header + length)
                return;
            const int opcode = b[0] & 0x0f;
            if (opcode == 0x1) {
                const QByteArrayView payload(c->buffer.constData() + header, length);
                if (payload.startsWith("{\"type\":\"event\",\"seq\":")) {
                    const qint64 seq = payload.sliced(22, qMin<qsizetype>(20, payload.size() - 22))
                                           .toByteArray()
                                           .split(',')
                                           .first()
                                           .toLongLong();
                    QMutexLocker lock(&mutex);
                    arrivals.emplace_back(seq, at);
                }
            } else if (opcode == 0x9) {
                // A pong with the same (empty) payload, masked as clients must.
                static const char pong[] = {char(0x8a), char(0x80), 0, 0, 0, 0};
                ::send(c->fd, pong, sizeof pong, MSG_NOSIGNAL);
            }
            c->buffer.remove(0, header + length);
        }
    }

    quint16 m_port;
    int m_count;
    int m_opened = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::vector<std::unique_ptr<Client>> m_clients;
};

struct RunResult
{
    int clients = 0;
    int connected = 0;
    int alerts = 0;
    long rssBeforeKb = 0;
    long rssConnectedKb = 0;
    long rssAfterKb = 0;
    double p50 = 0, p99 = 0, max = 0; // ms
    qint64 missing = 0;
    double connectSeconds = 0;
};

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QByteArray capAlert(int run, int i)
{
    const QString sent =
        QDateTime::currentDateTimeUtc().toOffsetFromUtc(7 * 3600).toString(Qt::ISODate);
    const QString expires =
        QDateTime::currentDateTimeUtc().addSecs(3600).toOffsetFromUtc(7 * 3600).toString(
            Qt::ISODate);
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"
               "  <identifier>bench-%1-%2</identifier>\n  <sender>ioc@hue.gov.vn</sender>\n"
               "  <sent>%3</sent>\n  <status>Exercise</status>\n  <msgType>Alert</msgType>\n"
               "  <scope>Public</scope>\n  <info>\n    <language>vi-VN</language>\n"
               "    <category>Met</category>\n    <event>Lũ</event>\n"
               "    <urgency>Immediate</urgency>\n    <severity>Severe</severity>\n"
               "    <certainty>Observed</certainty>\n    <expires>%4</expires>\n"
               "    <headline>Nước sông Hương lên nhanh, ngập các phường ven sông</headline>\n"
               "    <description>Mực nước sông Hương tại trạm Kim Long vượt báo động 3. Các "
               "phường Phú Hội, Vĩnh Ninh, Kim Long có nguy cơ ngập sâu 0,5-1 m.</description>\n"
               "    <area>\n      <areaDesc>Ven sông Hương, thành phố Huế</areaDesc>\n"
               "      <polygon>16.4540,107.5650 16.4760,107.5650 16.4760,107.6050 "
               "16.4540,107.6050 16.4540,107.5650</polygon>\n    </area>\n  </info>\n"
               "</alert>\n")
        .arg(run)
        .arg(i)
        .arg(sent, expires)
        .toUtf8();
}

RunResult run(const QString &serverExe, int clients, int alerts, int threads, int runIndex)
{
    RunResult result;
    result.clients = clients;
    result.alerts = alerts;
    QTemporaryDir dir;
    QProcess server;
    server.setProgram(serverExe);
    // Every client comes from 127.0.0.1: the per-address limit (64 by default) is raised to
    // let them all in.
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--seed"),
                         QStringLiteral("demo"), QStringLiteral("--push-max-per-address"),
                         QString::number(clients + 64)});
    server.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (env.contains(QStringLiteral("BENCH_SERVER_GLIB")))
        env.remove(QStringLiteral("QT_NO_GLIB"));
    server.setProcessEnvironment(env);
    server.setStandardErrorFile(qEnvironmentVariable("BENCH_SERVER_LOG", QProcess::nullDevice()));
    server.start();
    if (!server.waitForStarted() || !server.waitForReadyRead(30000)) {
        std::fprintf(stderr, "bench_push: hues-server did not start\n");
        return result;
    }
    const QUrl base(QString::fromUtf8(server.readLine().trimmed()));
    const quint16 port = quint16(base.port());

    QNetworkAccessManager nam;
    auto post = [&](const QString &path, const QByteArray &body, const QByteArray &type,
                    const QByteArray &authorization) {
        QNetworkRequest request(base.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = nam.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        return QJsonDocument::fromJson(answer).object();
    };
    const QString token =
        post(QStringLiteral("/oauth2/token"),
             "grant_type=client_credentials&client_id=evn-hue&client_secret=evn-hue-demo-secret"
             "&scope=alerts%3Apublish",
             "application/x-www-form-urlencoded", {})
            .value(QStringLiteral("access_token"))
            .toString();
    // Warm-up (the first POST parses more, opens statements).
    post(QStringLiteral("/api/v1/alerts"), capAlert(runIndex, -1), "application/cap+xml",
         "Bearer " + token.toLatin1());
    result.rssBeforeKb = rssKb(server.processId());

    std::vector<std::unique_ptr<ClientGroup>> groups;
    QElapsedTimer connecting;
    connecting.start();
    for (int t = 0; t < threads; ++t) {
        const int share = clients / threads + (t < clients % threads ? 1 : 0);
        if (share == 0)
            continue;
        groups.push_back(std::make_unique<ClientGroup>(port, share));
        groups.back()->start();
    }
    const auto connectedCount = [&] {
        int n = 0, bad = 0;
        for (auto &g : groups) {
            n += g->connected.load();
            bad += g->failed.load();
        }
        return std::make_pair(n, bad);
    };
    waitUntil(
        [&] {
            const auto [n, bad] = connectedCount();
            return n + bad >= clients;
        },
        120000);
    result.connectSeconds = connecting.elapsed() / 1000.0;
    result.connected = connectedCount().first;
    result.rssConnectedKb = rssKb(server.processId());

    std::vector<double> latencies;
    latencies.reserve(size_t(clients) * size_t(alerts));
    for (int i = 0; i < alerts; ++i) {
        const qint64 sentAt = nowNs();
        const QJsonObject answer = post(QStringLiteral("/api/v1/alerts"), capAlert(runIndex, i),
                                        "application/cap+xml", "Bearer " + token.toLatin1());
        const qint64 seq = answer.value(QStringLiteral("seq")).toInteger();
        const auto received = [&] {
            qint64 n = 0;
            for (auto &g : groups) {
                QMutexLocker lock(&g->mutex);
                n += std::count_if(g->arrivals.begin(), g->arrivals.end(),
                                   [seq](const auto &a) { return a.first == seq; });
            }
            return n;
        };
        waitUntil([&] { return received() >= result.connected; }, 20000);
        for (auto &g : groups) {
            QMutexLocker lock(&g->mutex);
            qint64 got = 0;
            for (const auto &[s, at] : g->arrivals) {
                if (s == seq) {
                    latencies.push_back((at - sentAt) / 1e6);
                    ++got;
                }
            }
            g->arrivals.clear();
            Q_UNUSED(got);
        }
    }
    result.missing = qint64(result.connected) * alerts - qint64(latencies.size());
    result.rssAfterKb = rssKb(server.processId());
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty()) {
        const auto at = [&](double q) {
            return latencies[std::min(latencies.size() - 1, size_t(q * (latencies.size() - 1)))];
        };
        result.p50 = at(0.50);
        result.p99 = at(0.99);
        result.max = latencies.back();
    }
    for (auto &g : groups)
        g->stop();
    server.terminate();
    server.waitForFinished(15000);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    raiseFileLimit();
    QList<int> sizes{1, 1000, 5000};
    int alerts = 20;
    int threads = 1;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--clients") {
            sizes.clear();
            for (const QString &n : args.at(i + 1).split(QLatin1Char(',')))
                sizes << n.toInt();
        } else if (args.at(i) == u"--alerts") {
            alerts = args.at(i + 1).toInt();
        } else if (args.at(i) == u"--threads") {
            threads = qMax(1, args.at(i + 1).toInt());
        }
    }
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    std::printf("bench_push: %d alerts per run, clients on %d threads in this process, "
                "RLIMIT_NOFILE %llu, %d CPUs\n",
                alerts, threads, static_cast<unsigned long long>(limit.rlim_cur),
                QThread::idealThreadCount());
    std::printf("| clients | connected | connect s | latency p50 ms | p99 ms | max ms | missing | "
                "server RSS idle MB | connected MB | after MB | per client KB |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    int index = 0;
    for (const int n : sizes) {
        const RunResult r = run(QStringLiteral(HUES_BENCH_SERVER), n, alerts, threads, index++);
        const double perClient =
            r.connected > 0 ? double(r.rssAfterKb - r.rssBeforeKb) / r.connected : 0;
        std::printf("| %d | %d | %.1f | %.1f | %.1f | %.1f | %lld | %.1f | %.1f | %.1f | %.1f |\n",
                    r.clients, r.connected, r.connectSeconds, r.p50, r.p99, r.max,
                    static_cast<long long>(r.missing), r.rssBeforeKb / 1024.0,
                    r.rssConnectedKb / 1024.0, r.rssAfterKb / 1024.0, perClient);
        std::fflush(stdout);
    }
    return 0;
}
