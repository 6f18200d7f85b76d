#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>

#include <memory>

namespace hues::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// The outcome of one HTTP exchange made by httpRequest().
struct HttpResult
{
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive, empty if absent
    QJsonDocument json() const;                      // null document if the body is not JSON
    QJsonObject object() const { return json().object(); }
    QJsonArray array() const { return json().array(); }
};

// Sends one request with QNetworkAccessManager and waits (signal-based) for the reply.
HttpResult httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                       const HeaderList &headers = {}, int timeoutMs = 15000);
HttpResult httpGet(const QUrl &url, int timeoutMs = 15000);
// The same through a given manager (its cookie jar and redirect policy apply).
HttpResult httpRequest(QNetworkAccessManager &manager, const QByteArray &method, const QUrl &url,
                       const QByteArray &body = {}, const HeaderList &headers = {},
                       int timeoutMs = 15000);

using FormFields = QList<QPair<QString, QString>>;
// application/x-www-form-urlencoded, every reserved character percent-encoded.
QByteArray formEncode(const FormFields &fields);

// A browser for sign-on tests: one cookie jar, redirects not followed (Location is read by the
// test), forms posted as a browser would.
class Browser
{
public:
    Browser();

    HttpResult get(const QUrl &url, const HeaderList &headers = {});
    HttpResult post(const QUrl &url, const FormFields &fields, const HeaderList &headers = {});
    // The hidden fields of the page's form (<input type="hidden" name=".." value="..">).
    static FormFields hiddenFields(const QByteArray &html);
    // Opens authorizeUrl and, if hues-server shows its login form, fills in username and
    // password and posts it to the form's action. Returns the last answer: on success a
    // redirect to the client.
    HttpResult signIn(const QUrl &authorizeUrl, const QString &username, const QString &password);
    QNetworkAccessManager &manager() { return m_manager; }

private:
    QNetworkAccessManager m_manager;
};

// Writes raw bytes on a fresh TCP connection and returns everything received until the server
// closes the connection or timeoutMs pass. *closedByServer tells which happened.
QByteArray rawExchange(const QUrl &baseUrl, const QByteArray &bytes, int timeoutMs = 15000,
                       bool *closedByServer = nullptr);

// The PostgreSQL server for tests (env HUES_TEST_PG_URL, e.g. from scripts/test-postgres.sh),
// or an empty string when none is configured.
QString postgresUrlFromEnv();

// A fresh, empty PostgreSQL database created on the server of baseUrl and dropped again in
// the destructor, so each test starts clean.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString &baseUrl);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool isValid() const { return !m_url.isEmpty(); }
    QString url() const { return m_url; } // postgresql://user@host:port/<fresh name>
    QString errorString() const { return m_error; }

private:
    QString m_baseUrl;
    QString m_name;
    QString m_url;
    QString m_error;
};

// Runs the real hues-server executable on 127.0.0.1 with an ephemeral port and (unless told
// otherwise) a fresh temporary data directory. Stops it in the destructor; when the current
// test failed, prints the server's stderr for diagnosis.
class TestServer
{
public:
    struct Options
    {
        bool seedDemo = false; // --seed demo
        QString databaseUrl;   // --database (empty: SQLite in the data dir)
        QString dataDir;       // empty: a fresh QTemporaryDir owned by the TestServer
        QStringList extraArgs; // appended to the command line
        QString listen = QStringLiteral("127.0.0.1:0");
        int startTimeoutMs = 30000;
    };

    TestServer();
    explicit TestServer(const Options &options);
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    // launch() + waitUntilListening(). True when the server printed its address.
    bool start();
    // Starts the process without waiting (to start several servers at once).
    void launch();
    // Waits for the address line; false if the process exits or times out first.
    bool waitUntilListening();

    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl url(const QString &path) const; // baseUrl() + path ("/api/v1/sites")
    QString dataDir() const { return m_dataDir; }
    QString databaseUrl() const { return m_options.databaseUrl; }

    // SIGTERM, then waits. Returns the exit code, or -1 on a crash or timeout (then killed).
    int stop(int timeoutMs = 15000);
    // Waits for the process to end by itself (e.g. after a start-up error).
    bool waitForExit(int timeoutMs = 15000);
    int exitCode() const;
    bool crashed() const;

    QString stderrText() const; // all the server wrote on stderr so far
    QString errorString() const { return m_error; }

    // A QtSql connection to the server's database (SQLite file or the PostgreSQL URL), for
    // assertions on what the server stored. Opened on first use, closed in the destructor.
    QSqlDatabase database();
    // The first column of the first row of sql (values bound in order) as a number; -1, with
    // the error on the log, when the query fails or gives no row.
    qint64 queryNumber(const QString &sql, const QVariantList &values = {});
    // Runs a statement on database(); false, with the error on the log, when it fails.
    bool execSql(const QString &sql);

    static QString executable();
    // Opens a connection named connectionName to dataDir/hues.sqlite or to databaseUrl.
    static QSqlDatabase openDatabase(const QString &connectionName, const QString &dataDir,
                                     const QString &databaseUrl, QString *error = nullptr);

private:
    void collectStderr() const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
    QString m_dbConnection;
    mutable QByteArray m_stderr;
    bool m_finished = false;
};

} // namespace hues::test
