#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace net {

// How often and how patiently an idempotent request is tried again.
struct RetryPolicy
{
    int maxAttempts = 3;
    int baseDelayMs = 400;
    int maxDelayMs = 8000;
};

// One question to the server.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; // relative to the base URL, e.g. "/healthz"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    // Set for a POST that the server deduplicates: makes the POST safe to retry.
    QByteArray idempotencyKey;
    // An absolute URL used instead of path, e.g. an OpenID Provider's endpoint on another
    // host: https, or http to a loopback address. Never gets the authenticator's credentials.
    QUrl url;
    // An explicit Authorization header value (e.g. "Bearer ..." for userinfo). Never logged.
    QByteArray authorization;
    // Sent without the authenticator's credentials (e.g. an outbox item made while signed out).
    bool anonymous = false;
    // Attempts for this request when it may be retried; 0: the client's RetryPolicy. 1 for a
    // caller that does its own retrying (the outbox).
    int maxAttempts = 0;
};

// Adds credentials to the requests an ApiClient sends to its base URL, and renews them once
// when the server answers 401.
class ApiAuthenticator
{
public:
    virtual ~ApiAuthenticator() = default;
    // The Authorization header value for the next request ("Bearer ..."), empty for none.
    virtual QByteArray authorization() const = 0;
    // The server refused the credentials `used` with 401. Calls done(true) once fresh
    // credentials are ready (or already are), done(false) when they cannot be renewed; done
    // may be called later, from the event loop.
    virtual void renewAfterUnauthorized(const QByteArray &used, std::function<void(bool)> done) = 0;
};

class ApiClient;

// The answer to one ApiRequest: finishes once, with JSON or with an error.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_status; }
    QByteArray body() const { return m_body; }
    QJsonDocument json() const { return m_json; }
    const ApiError &error() const { return m_error; }
    int attempts() const { return m_attempts; }
    // A header of the answer (case-insensitive name), empty if absent.
    QByteArray rawHeader(const QByteArray &name) const;
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    explicit ApiReply(ApiRequest request, QObject *parent);

    ApiRequest m_request;
    QPointer<QNetworkReply> m_current;
    QTimer *m_timer = nullptr;
    bool m_finished = false;
    bool m_aborted = false;
    int m_attempts = 0;
    bool m_renewed = false;         // credentials were renewed once after a 401
    QByteArray m_usedAuthorization; // what the authenticator gave the current attempt
    int m_status = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QJsonDocument m_json;
    ApiError m_error;
};

// The one HTTP client of the app: base URL, JSON in and out, timeouts, retry with
// exponential backoff and jitter for idempotent requests, TLS always verified.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // https anywhere; plain http only to a loopback address (development, tests).
    static bool isAcceptableBaseUrl(const QUrl &url, QString *why = nullptr);
    // The same rule for an absolute endpoint URL, which may carry a query.
    static bool isAcceptableEndpoint(const QUrl &url);
    bool setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }

    // Trust an extra CA (PEM file), e.g. the certificate of a local server. Verification
    // stays on; this only adds a trust anchor.
    bool addCaCertificatesFromFile(const QString &path, QString *error = nullptr);

    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    void setLanguage(const QString &bcp47) { m_language = bcp47.toUtf8(); }
    QString language() const { return QString::fromUtf8(m_language); }
    // Credentials for requests to the base URL (not for absolute URLs); nullptr for none.
    // The authenticator must outlive the client or be unset first.
    void setAuthenticator(ApiAuthenticator *authenticator) { m_authenticator = authenticator; }

    ApiReply *send(const ApiRequest &request);
    ApiReply *get(const QString &path, const QUrlQuery &query = {});
    ApiReply *postJson(const QString &path, const QJsonDocument &body,
                       const QByteArray &idempotencyKey = {});
    // POST application/x-www-form-urlencoded to an absolute URL (OAuth endpoints).
    ApiReply *postForm(const QUrl &url, const QUrlQuery &form);
    // Form encoding of RFC 6749 appendix B: every byte but unreserved ones percent-encoded.
    static QByteArray formEncode(const QUrlQuery &form);

    // The delay before attempt number `attempt` (2, 3, ...): exponential, capped, jittered.
    static int backoffDelayMs(const RetryPolicy &policy, int attempt);

Q_SIGNALS:
    void baseUrlChanged();

private:
    void startAttempt(ApiReply *reply);
    void handleFinished(ApiReply *reply, QNetworkReply *netReply, bool timedOut);
    void finish(ApiReply *reply, int status, const QByteArray &body, const QJsonDocument &json,
                const ApiError &error);
    QUrl requestUrl(const ApiRequest &request) const;
    static bool isRetryable(const ApiRequest &request);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 15000;
    RetryPolicy m_retry;
    QByteArray m_language = "vi";
    ApiAuthenticator *m_authenticator = nullptr;
};

} // namespace net
