#include "TestServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

namespace hues::test {

namespace {

void setUpPostgres(QSqlDatabase &db, const QUrl &url)
{
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(url.path().mid(1));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
}

} // namespace

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonDocument HttpResult::json() const
{
    return QJsonDocument::fromJson(body);
}

HttpResult httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body,
                       const HeaderList &headers, int timeoutMs)
{
    QNetworkAccessManager manager;
    return httpRequest(manager, method, url, body, headers, timeoutMs);
}

HttpResult httpRequest(QNetworkAccessManager &manager, const QByteArray &method, const QUrl &url,
                       const QByteArray &body, const HeaderList &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = body.isEmpty() && method == "GET"
                               ? manager.get(request)
                               : manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
        result.errorString = QStringLiteral("no reply within %1 ms").arg(timeoutMs);
        delete reply;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append({pair.first, pair.second});
    result.body = reply->readAll();
    delete reply;
    return result;
}

HttpResult httpGet(const QUrl &url, int timeoutMs)
{
    return httpRequest("GET", url, {}, {}, timeoutMs);
}

QByteArray formEncode(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

Browser::Browser()
{
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpResult Browser::get(const QUrl &url, const HeaderList &headers)
{
    return httpRequest(m_manager, "GET", url, {}, headers);
}

HttpResult Browser::post(const QUrl &url, const FormFields &fields, const HeaderList &headers)
{
    HeaderList all = headers;
    all.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return httpRequest(m_manager, "POST", url, formEncode(fields), all);
}

FormFields Browser::hiddenFields(const QByteArray &html)
{
    static const QRegularExpression input(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
    const auto unescape = [](QString text) {
        text.replace(QLatin1String("&quot;"), QLatin1String("\""));
        text.replace(QLatin1String("&#39;"), QLatin1String("'"));
        text.replace(QLatin1String("&lt;"), QLatin1String("<"));
        text.replace(QLatin1String("&gt;"), QLatin1String(">"));
        text.replace(QLatin1String("&amp;"), QLatin1String("&"));
        return text;
    };
    FormFields fields;
    auto it = input.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        fields.append({unescape(match.captured(1)), unescape(match.captured(2))});
    }
    return fields;
}

HttpResult Browser::signIn(const QUrl &authorizeUrl, const QString &username,
                           const QString &password)
{
    HttpResult page = get(authorizeUrl);
    if (page.status != 200 || !page.body.contains("name=\"password\""))
        return page;
    FormFields fields = hiddenFields(page.body);
    fields.append({QStringLiteral("username"), username});
    fields.append({QStringLiteral("password"), password});
    // Where a browser would post: the form's action, resolved against the page's address.
    static const QRegularExpression form(
        QStringLiteral("<form method=\"post\" action=\"([^\"]*)\">"));
    const QRegularExpressionMatch match = form.match(QString::fromUtf8(page.body));
    if (!match.hasMatch())
        return page;
    return post(authorizeUrl.resolved(QUrl(match.captured(1))), fields);
}

QByteArray rawExchange(const QUrl &baseUrl, const QByteArray &bytes, int timeoutMs,
                       bool *closedByServer)
{
    QTcpSocket socket;
    socket.connectToHost(baseUrl.host(), quint16(baseUrl.port()));
    if (closedByServer)
        *closedByServer = false;
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            if (closedByServer)
                *closedByServer = true;
            break;
        }
        socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}

QString postgresUrlFromEnv()
{
    return qEnvironmentVariable("HUES_TEST_PG_URL");
}

ScratchDatabase::ScratchDatabase(const QString &baseUrl) : m_baseUrl(baseUrl)
{
    const QString connection =
        QStringLiteral("scratch-") + QUuid::createUuid().toString(QUuid::Id128);
    m_name = QStringLiteral("hues_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        setUpPostgres(db, QUrl(baseUrl));
        if (!db.open()) {
            m_error =
                QStringLiteral("cannot connect to %1: %2").arg(baseUrl, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE DATABASE ") + m_name +
                            QStringLiteral(" ENCODING 'UTF8' TEMPLATE template0"))) {
                m_error = query.lastError().text();
            } else {
                QUrl url(baseUrl);
                url.setPath(QLatin1Char('/') + m_name);
                m_url = url.toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_url.isEmpty())
        return;
    const QString connection =
        QStringLiteral("scratch-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        setUpPostgres(db, QUrl(m_baseUrl));
        if (db.open()) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_name +
                            QStringLiteral(" WITH (FORCE)")))
                qWarning() << "cannot drop" << m_name << query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

TestServer::TestServer() : TestServer(Options()) {}

TestServer::TestServer(const Options &options) : m_options(options)
{
    if (m_options.dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = m_options.dataDir;
    }
}

TestServer::~TestServer()
{
    if (isRunning())
        stop();
    if (!m_dbConnection.isEmpty()) {
        QSqlDatabase::database(m_dbConnection, false).close();
        QSqlDatabase::removeDatabase(m_dbConnection);
    }
    if (QTest::currentTestFailed() && m_process) {
        collectStderr();
        qWarning().noquote() << "hues-server stderr:\n" + QString::fromUtf8(m_stderr);
    }
}

QString TestServer::executable()
{
    return QStringLiteral(HUES_SERVER_EXE);
}

void TestServer::launch()
{
    QStringList args{QStringLiteral("--listen"), m_options.listen, QStringLiteral("--data-dir"),
                     m_dataDir};
    if (m_options.seedDemo)
        args << QStringLiteral("--seed") << QStringLiteral("demo");
    if (!m_options.databaseUrl.isEmpty())
        args << QStringLiteral("--database") << m_options.databaseUrl;
    args << m_options.extraArgs;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(executable());
    m_process->setArguments(args);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start();
}

bool TestServer::waitUntilListening()
{
    if (!m_process) {
        m_error = QStringLiteral("not launched");
        return false;
    }
    if (!m_process->waitForStarted(m_options.startTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(executable(), m_process->errorString());
        return false;
    }
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (!m_process->canReadLine()) {
        if (m_process->state() != QProcess::Running || deadline.hasExpired()) {
            collectStderr();
            m_error = QStringLiteral("hues-server did not print its address: ") +
                      QString::fromUtf8(m_stderr).trimmed();
            return false;
        }
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
    m_baseUrl = QUrl(line);
    if (!m_baseUrl.isValid() || m_baseUrl.port() <= 0) {
        m_error = QStringLiteral("unexpected first line: ") + line;
        return false;
    }
    return true;
}

bool TestServer::start()
{
    launch();
    return waitUntilListening();
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl TestServer::url(const QString &path) const
{
    QUrl result = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    result.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        result.setQuery(path.mid(query + 1));
    return result;
}

int TestServer::stop(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(timeoutMs);
            collectStderr();
            return -1;
        }
    }
    collectStderr();
    return crashed() ? -1 : m_process->exitCode();
}

bool TestServer::waitForExit(int timeoutMs)
{
    if (!m_process)
        return false;
    const bool done =
        m_process->state() == QProcess::NotRunning || m_process->waitForFinished(timeoutMs);
    collectStderr();
    return done;
}

int TestServer::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

bool TestServer::crashed() const
{
    return m_process && m_process->exitStatus() == QProcess::CrashExit;
}

void TestServer::collectStderr() const
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
}

QString TestServer::stderrText() const
{
    collectStderr();
    return QString::fromUtf8(m_stderr);
}

QSqlDatabase TestServer::openDatabase(const QString &connectionName, const QString &dataDir,
                                      const QString &databaseUrl, QString *error)
{
    QSqlDatabase db;
    if (databaseUrl.isEmpty()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(dataDir + QStringLiteral("/hues.sqlite"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        setUpPostgres(db, QUrl(databaseUrl));
    }
    if (!db.open() && error)
        *error = db.lastError().text();
    return db;
}

QSqlDatabase TestServer::database()
{
    if (m_dbConnection.isEmpty()) {
        m_dbConnection = QStringLiteral("testserver-") + QUuid::createUuid().toString(QUuid::Id128);
        openDatabase(m_dbConnection, m_dataDir, m_options.databaseUrl, &m_error);
    }
    return QSqlDatabase::database(m_dbConnection, false);
}

qint64 TestServer::queryNumber(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database());
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = ok && query.exec();
    }
    if (!ok || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

bool TestServer::execSql(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return false;
    }
    return true;
}

} // namespace hues::test
