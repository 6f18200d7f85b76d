#include "ServerStatus.h"

#include "ApiClient.h"

#include <QJsonObject>
#include <utility>

namespace net {

ServerStatus::ServerStatus(ApiClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    connect(m_client, &ApiClient::baseUrlChanged, this, [this] {
        Q_EMIT serverUrlChanged();
        check();
    });
}

QString ServerStatus::serverUrl() const
{
    return m_client->baseUrl().toString();
}

void ServerStatus::check()
{
    // Forget the older check before aborting it, so its Cancelled answer is ignored.
    if (ApiReply *older = std::exchange(m_pending, nullptr))
        older->abort();
    m_state = Checking;
    Q_EMIT stateChanged();
    ApiReply *reply = m_client->get(QStringLiteral("/healthz"));
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->error().kind == ApiError::Cancelled && m_pending != reply)
            return; // superseded by a newer check
        m_pending = nullptr;
        m_error = reply->error();
        const QJsonObject obj = reply->json().object();
        if (!m_error.isError() &&
            obj.value(QLatin1String("status")).toString() != QLatin1String("ok")) {
            m_error.kind = ApiError::BadResponse;
            m_error.detail = QStringLiteral("healthz answered without status ok");
        }
        m_version = m_error.isError() ? QString() : obj.value(QLatin1String("version")).toString();
        m_state = m_error.isError() ? Offline : Online;
        Q_EMIT stateChanged();
        Q_EMIT checked(m_state == Online);
    });
}

} // namespace net
