#pragma once

#include "ApiError.h"

#include <QObject>
#include <QPointer>

namespace net {

class ApiClient;
class ApiReply;

// Whether the city server answers, checked with GET /healthz; drives the
// "cannot reach the server" banner and its Retry button.
class ServerStatus : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(QString serverVersion READ serverVersion NOTIFY stateChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)

public:
    enum State { Unknown, Checking, Online, Offline };
    Q_ENUM(State)

    explicit ServerStatus(ApiClient *client, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString message() const { return m_error.message(); }
    QString serverVersion() const { return m_version; }
    QString serverUrl() const;
    const ApiError &lastError() const { return m_error; }

    Q_INVOKABLE void check();
    // Re-emits so that the message is shown in the new language.
    void retranslate() { Q_EMIT stateChanged(); }

Q_SIGNALS:
    void stateChanged();
    void serverUrlChanged();
    void checked(bool online);

private:
    ApiClient *m_client;
    QPointer<ApiReply> m_pending;
    State m_state = Unknown;
    ApiError m_error;
    QString m_version;
};

} // namespace net
