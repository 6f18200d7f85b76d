#include "ApiClient.h"

#include "logging.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>

namespace net {

ApiReply::ApiReply(ApiRequest request, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    // A server's Retry-After is a floor, which a coarse timer may undercut by 5%.
    m_timer->setTimerType(Qt::PreciseTimer);
}

QByteArray ApiReply::rawHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_current)
        m_current->abort();
    else {
        // Waiting between attempts: finish now.
        m_timer->stop();
        m_error.kind = ApiError::Cancelled;
        m_finished = true;
        Q_EMIT finished();
    }
}

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient() = default;

bool ApiClient::isAcceptableBaseUrl(const QUrl &url, QString *why)
{
    auto fail = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return fail(tr("Enter a full address, for example https://hues.example.vn"));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return fail(tr("The address must not contain a user name, a query or a fragment."));
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http")) {
        const QHostAddress address(url.host());
        if (url.host() == QLatin1String("localhost") || address.isLoopback())
            return true;
        return fail(tr("Use https: plain http is only allowed for a server on this device."));
    }
    return fail(tr("The address must start with https://"));
}

bool ApiClient::isAcceptableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return url.scheme() == QLatin1String("http") &&
           (url.host() == QLatin1String("localhost") || QHostAddress(url.host()).isLoopback());
}

bool ApiClient::setBaseUrl(const QUrl &url)
{
    if (!isAcceptableBaseUrl(url))
        return false;
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (normalized == m_baseUrl)
        return true;
    m_baseUrl = normalized;
    Q_EMIT baseUrlChanged();
    return true;
}

bool ApiClient::addCaCertificatesFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the CA file %1").arg(path);
        return false;
    }
    const auto certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error = tr("The file %1 holds no PEM certificate").arg(path);
        return false;
    }
    m_extraCas += certs;
    return true;
}

int ApiClient::backoffDelayMs(const RetryPolicy &policy, int attempt)
{
    const int exponent = qBound(0, attempt - 2, 20);
    const qint64 ceiling = qMin<qint64>(policy.maxDelayMs, qint64(policy.baseDelayMs) << exponent);
    // "Equal jitter": half fixed, half random, so retries of many clients spread out.
    const qint64 half = ceiling / 2;
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

bool ApiClient::isRetryable(const ApiRequest &request)
{
    const QByteArray &m = request.method;
    return m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS" ||
           !request.idempotencyKey.isEmpty();
}

ApiReply *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    return send(r);
}

ApiReply *ApiClient::postJson(const QString &path, const QJsonDocument &body,
                              const QByteArray &idempotencyKey)
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body.toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    r.idempotencyKey = idempotencyKey;
    return send(r);
}

ApiReply *ApiClient::postForm(const QUrl &url, const QUrlQuery &form)
{
    ApiRequest r;
    r.method = "POST";
    r.url = url;
    r.body = formEncode(form);
    r.contentType = "application/x-www-form-urlencoded";
    return send(r);
}

QByteArray ApiClient::formEncode(const QUrlQuery &form)
{
    QByteArray out;
    const auto items = form.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QUrl ApiClient::requestUrl(const ApiRequest &r) const
{
    if (!r.url.isEmpty())
        return r.url;
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() +
                (r.path.startsWith(QLatin1Char('/')) ? r.path : QLatin1Char('/') + r.path));
    if (!r.query.isEmpty())
        url.setQuery(r.query);
    return url;
}

ApiReply *ApiClient::send(const ApiRequest &request)
{
    auto *reply = new ApiReply(request, this);
    connect(reply->m_timer, &QTimer::timeout, this, [this, reply] {
        if (reply->m_current)
            handleFinished(reply, reply->m_current, true);
        else
            startAttempt(reply);
    });
    if (request.url.isEmpty() ? !m_baseUrl.isValid() : !isAcceptableEndpoint(request.url)) {
        reply->m_error.kind = ApiError::InvalidUrl;
        // Finish asynchronously so callers can connect first.
        QTimer::singleShot(0, reply, [reply] {
            reply->m_finished = true;
            Q_EMIT reply->finished();
        });
        return reply;
    }
    startAttempt(reply);
    return reply;
}

void ApiClient::startAttempt(ApiReply *reply)
{
    const ApiRequest &r = reply->m_request;
    const QUrl url = requestUrl(r);

    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("Accept-Language", m_language);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Hue-S/" HUES_VERSION));
    if (!r.contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    if (!r.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", r.idempotencyKey);
    reply->m_usedAuthorization.clear();
    if (!r.authorization.isEmpty()) {
        req.setRawHeader("Authorization", r.authorization);
    } else if (m_authenticator && r.url.isEmpty() && !r.anonymous) {
        reply->m_usedAuthorization = m_authenticator->authorization();
        if (!reply->m_usedAuthorization.isEmpty())
            req.setRawHeader("Authorization", reply->m_usedAuthorization);
    }
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_extraCas);
        req.setSslConfiguration(ssl);
    }

    ++reply->m_attempts;
    qCDebug(lcNet) << r.method << hues::redactUrl(url) << "attempt" << reply->m_attempts;
    QNetworkReply *netReply = m_nam->sendCustomRequest(req, r.method, r.body);
    reply->m_current = netReply;
    connect(netReply, &QNetworkReply::finished, reply, [this, reply, netReply] {
        if (reply->m_current == netReply)
            handleFinished(reply, netReply, false);
    });
    reply->m_timer->start(m_timeoutMs);
}

namespace {

ApiError classify(QNetworkReply *reply, int status, const QJsonDocument &json, bool timedOut)
{
    ApiError e;
    e.httpStatus = status;
    if (json.isObject()) {
        e.code = json.object().value(QLatin1String("error")).toString();
    }
    if (timedOut) {
        e.kind = ApiError::Timeout;
        e.detail = QStringLiteral("no answer in time");
        return e;
    }
    const auto err = reply->error();
    if (status == 0) {
        switch (err) {
        case QNetworkReply::NoError:
            e.kind = ApiError::BadResponse;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            e.kind = ApiError::Tls;
            break;
        case QNetworkReply::TimeoutError:
            e.kind = ApiError::Timeout;
            break;
        case QNetworkReply::OperationCanceledError:
            e.kind = ApiError::Cancelled;
            break;
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolFailure:
            e.kind = ApiError::BadResponse;
            break;
        default:
            e.kind = ApiError::Offline;
        }
        e.detail = reply->errorString();
        return e;
    }
    if (status >= 200 && status < 300) {
        e.kind = ApiError::None;
        return e;
    }
    e.detail = QStringLiteral("HTTP %1 %2").arg(status).arg(e.code);
    if (status == 401)
        e.kind = ApiError::Unauthorized;
    else if (status == 403)
        e.kind = ApiError::Forbidden;
    else if (status == 404)
        e.kind = ApiError::NotFound;
    else if (status >= 500)
        e.kind = ApiError::ServerError;
    else
        e.kind = ApiError::Rejected;
    return e;
}

} // namespace

void ApiClient::handleFinished(ApiReply *reply, QNetworkReply *netReply, bool timedOut)
{
    reply->m_timer->stop();
    reply->m_current = nullptr;
    if (timedOut)
        netReply->abort(); // emits finished(), ignored: m_current no longer matches
    const int status = netReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = timedOut || !netReply->isOpen() ? QByteArray() : netReply->readAll();
    reply->m_headers = netReply->rawHeaderPairs();
    netReply->deleteLater();

    QJsonParseError parseError{};
    QJsonDocument json;
    if (!body.isEmpty())
        json = QJsonDocument::fromJson(body, &parseError);
    ApiError error = classify(netReply, status, json, timedOut);
    if (reply->m_aborted)
        error.kind = ApiError::Cancelled;
    if (error.kind == ApiError::None && !body.isEmpty() &&
        parseError.error != QJsonParseError::NoError) {
        error.kind = ApiError::BadResponse;
        error.detail = parseError.errorString();
    }

    // A 401 to credentials of the authenticator: renew them once and try once more.
    if (error.kind == ApiError::Unauthorized && !reply->m_aborted && m_authenticator &&
        !reply->m_usedAuthorization.isEmpty() && !reply->m_renewed) {
        reply->m_renewed = true;
        qCInfo(lcNet) << hues::redactUrl(requestUrl(reply->m_request))
                      << "answered 401: renewing credentials";
        QPointer<ApiReply> guard(reply);
        m_authenticator->renewAfterUnauthorized(reply->m_usedAuthorization,
                                                [this, guard, status, body, json, error](bool ok) {
                                                    if (!guard || guard->m_finished)
                                                        return;
                                                    if (ok && !guard->m_aborted && m_authenticator)
                                                        startAttempt(guard);
                                                    else
                                                        finish(guard, status, body, json, error);
                                                });
        return;
    }

    const int maxAttempts =
        reply->m_request.maxAttempts > 0 ? reply->m_request.maxAttempts : m_retry.maxAttempts;
    if (error.isTransient() && !reply->m_aborted && isRetryable(reply->m_request) &&
        reply->m_attempts < maxAttempts) {
        int delay = backoffDelayMs(m_retry, reply->m_attempts + 1);
        // Retry-After (seconds) from 429/503 is honoured when it asks for longer.
        bool ok = false;
        const int retryAfter = netReply->rawHeader("Retry-After").toInt(&ok);
        if (ok && retryAfter > 0)
            delay = qMax(delay, qMin(retryAfter * 1000, m_retry.maxDelayMs));
        qCInfo(lcNet) << "request failed (" << error.detail << "), retrying in" << delay << "ms";
        reply->m_timer->start(delay);
        return;
    }

    finish(reply, status, body, json, error);
}

void ApiClient::finish(ApiReply *reply, int status, const QByteArray &body,
                       const QJsonDocument &json, const ApiError &error)
{
    const QString where = reply->m_request.url.isEmpty() ? reply->m_request.path
                                                         : hues::redactUrl(reply->m_request.url);
    if (error.kind == ApiError::Cancelled)
        qCDebug(lcNet) << reply->m_request.method << where << "cancelled";
    else if (error.isError())
        qCInfo(lcNet) << reply->m_request.method << where << "failed:" << error.kind
                      << error.detail;
    reply->m_status = status;
    reply->m_body = body;
    reply->m_json = json;
    reply->m_error = error;
    reply->m_finished = true;
    Q_EMIT reply->finished();
}

} // namespace net
