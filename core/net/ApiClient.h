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
    int m_status = 0;
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

    ApiReply *send(const ApiRequest &request);
    ApiReply *get(const QString &path, const QUrlQuery &query = {});
    ApiReply *postJson(const QString &path, const QJsonDocument &body,
                       const QByteArray &idempotencyKey = {});

    // The delay before attempt number `attempt` (2, 3, ...): exponential, capped, jittered.
    static int backoffDelayMs(const RetryPolicy &policy, int attempt);

Q_SIGNALS:
    void baseUrlChanged();

private:
    void startAttempt(ApiReply *reply);
    void handleFinished(ApiReply *reply, QNetworkReply *netReply, bool timedOut);
    static bool isRetryable(const ApiRequest &request);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 15000;
    RetryPolicy m_retry;
    QByteArray m_language = "vi";
};

} // namespace net
