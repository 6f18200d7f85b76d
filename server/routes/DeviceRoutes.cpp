// The device authorization grant (RFC 8628): the kiosk's request and the verification page
// where a signed-in person approves or denies it.
#include "auth/AuthService.h"
#include "auth/Http.h"
#include "auth/Pages.h"
#include "http/Router.h"
#include "routes/Routes.h"

#include <QHttpServerRequest>

namespace hues::server {

using namespace auth;
namespace text = auth::pages::text;

namespace {

Response deviceAuthorization(AuthService &auth, const Request &request)
{
    const FormData form = FormData::fromRequest(request);
    if (!form.isValid())
        return oauthError(400, QStringLiteral("invalid_request"), form.errorString());
    const Clients::Authenticated authenticated = auth.clients().authenticate(request, form);
    if (!authenticated.client)
        return oauthError(authenticated.basic && authenticated.error == u"invalid_client" ? 401
                                                                                          : 400,
                          authenticated.error, authenticated.description);
    const OAuthClient &client = *authenticated.client;
    if (!client.allowsGrant(QLatin1String(kGrantDevice)))
        return oauthError(400, QStringLiteral("unauthorized_client"),
                          QStringLiteral("this client may not use the device grant"));
    QStringList scopes;
    if (!parseScope(form.value(QStringLiteral("scope")), &scopes))
        return oauthError(400, QStringLiteral("invalid_scope"),
                          QStringLiteral("scope is malformed"));
    if (scopes.isEmpty())
        scopes = {QStringLiteral("openid")};
    for (const QString &scope : scopes) {
        if (!client.scopes.contains(scope))
            return oauthError(400, QStringLiteral("invalid_scope"),
                              QStringLiteral("the client may not ask for the scope %1").arg(scope));
    }
    const std::optional<DeviceCodes::Started> started = auth.deviceCodes().start(client, scopes);
    if (!started)
        return oauthError(500, QStringLiteral("server_error"),
                          QStringLiteral("no device code could be issued"));
    const QString verification = auth.endpoint(QStringLiteral("/device"));
    return noStoreJson(QJsonObject{
        {QStringLiteral("device_code"), started->deviceCode},
        {QStringLiteral("user_code"), started->userCode},
        {QStringLiteral("verification_uri"), verification},
        {QStringLiteral("verification_uri_complete"),
         QString(verification + QStringLiteral("?user_code=") + started->userCode)},
        {QStringLiteral("expires_in"), DeviceCodes::kLifetimeMs / 1000},
        {QStringLiteral("interval"), DeviceCodes::kIntervalS},
    });
}

// GET and POST /device: enter the code, sign in if needed, approve or deny.
class Verification
{
public:
    Verification(AuthService &auth, const Request &request)
        : m_auth(auth), m_request(request), m_form(FormData::fromRequest(request)),
          m_lang(pages::language(request, m_form.value(QStringLiteral("ui_locales"))))
    {
    }

    Response run()
    {
        if (!m_form.isValid())
            return enterCode(400, m_form.errorString(), QString());
        const bool isPost = m_request.raw.method() == QHttpServerRequest::Method::Post;
        if (isPost && !m_auth.csrfMatches(m_request, m_form.value(QStringLiteral("csrf"))))
            return enterCode(400, text::kFormExpired.in(m_lang), QString());
        const QString typed = m_form.value(QStringLiteral("user_code"));
        if (typed.isEmpty())
            return enterCode(200, QString(), QString());

        // Guessing user codes is throttled like guessing passwords (RFC 8628 §5.1).
        const QString bucket =
            QStringLiteral("user_code:") + m_request.raw.remoteAddress().toString();
        const qint64 retryAfter =
            m_auth.limiter().retryAfterSeconds(bucket, RateLimiter::kUserCodesPerAddress);
        if (retryAfter > 0) {
            Response response = enterCode(
                429, text::kTooManyAttempts.in(m_lang).arg((retryAfter + 59) / 60), typed);
            response.headers.append(
                {QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
            return response;
        }
        const std::optional<DeviceCodes::Pending> pending = m_auth.deviceCodes().findPending(typed);
        if (!pending) {
            m_auth.limiter().recordFailure(bucket);
            return enterCode(400, text::kUnknownCode.in(m_lang), typed);
        }
        const std::optional<OAuthClient> client = m_auth.clients().find(pending->clientId);
        const QString clientName = client ? client->name : pending->clientId;

        std::optional<Session> session = m_auth.sessions().fromRequest(m_request);
        QPair<QByteArray, QByteArray> newCookie;
        if (isPost && m_form.has(QStringLiteral("username"))) {
            const SignIn signIn = m_auth.signIn(m_request, m_form.value(QStringLiteral("username")),
                                                m_form.value(QStringLiteral("password")));
            if (signIn.retryAfterS > 0) {
                Response response = loginForm(
                    429, text::kTooManyAttempts.in(m_lang).arg((signIn.retryAfterS + 59) / 60),
                    *pending, clientName);
                response.headers.append(
                    {QByteArrayLiteral("Retry-After"), QByteArray::number(signIn.retryAfterS)});
                return response;
            }
            if (!signIn.session)
                return loginForm(200, text::kWrongCredentials.in(m_lang), *pending, clientName);
            session = signIn.session;
            newCookie = setCookie(Sessions::kCookie, signIn.cookie,
                                  Sessions::kBrowserLifetimeMs / 1000, m_auth.secureCookies());
        }
        if (!session)
            return loginForm(200, QString(), *pending, clientName);

        const QString decision = m_form.value(QStringLiteral("decision"));
        if (!isPost || decision.isEmpty()) {
            Response response = confirm(*session, *pending, clientName);
            if (!newCookie.first.isEmpty())
                response.headers.append(newCookie);
            return response;
        }
        if (decision != u"approve" && decision != u"deny")
            return enterCode(400, QStringLiteral("decision must be approve or deny"), typed);
        const bool approve = decision == u"approve";
        if (!m_auth.deviceCodes().decide(pending->userCode, *session, approve))
            return enterCode(400, text::kUnknownCode.in(m_lang), typed);
        return htmlPage(
            200,
            pages::message(m_lang, text::kDone.in(m_lang),
                           (approve ? text::kDeviceApproved : text::kDeviceDenied).in(m_lang)));
    }

private:
    Response withCsrf(int status, const std::function<QString(const QString &)> &render) const
    {
        bool isNew = false;
        const QByteArray csrf = m_auth.csrfToken(m_request, &isNew);
        Response response = htmlPage(status, render(QString::fromLatin1(csrf)));
        if (isNew)
            response.headers.append(m_auth.csrfCookie(csrf));
        return response;
    }

    Response enterCode(int status, const QString &error, const QString &typed) const
    {
        return htmlPage(status, pages::deviceEnterCode(m_lang, error, typed));
    }

    Response loginForm(int status, const QString &error, const DeviceCodes::Pending &pending,
                       const QString &clientName) const
    {
        return withCsrf(status, [&](const QString &csrf) {
            pages::Login login;
            login.action = QStringLiteral("device");
            login.clientName = clientName;
            login.error = error;
            login.username = m_form.value(QStringLiteral("username"));
            login.hidden = {{QStringLiteral("user_code"), pending.userCode},
                            {QStringLiteral("ui_locales"), pages::code(m_lang)},
                            {QStringLiteral("csrf"), csrf}};
            return pages::login(m_lang, login);
        });
    }

    Response confirm(const Session &session, const DeviceCodes::Pending &pending,
                     const QString &clientName) const
    {
        const std::optional<Account> account = m_auth.accounts().byId(session.accountId);
        return withCsrf(200, [&](const QString &csrf) {
            return pages::deviceConfirm(m_lang, account ? account->name : QString(), clientName,
                                        pending.userCode, pending.scopes,
                                        {{QStringLiteral("user_code"), pending.userCode},
                                         {QStringLiteral("ui_locales"), pages::code(m_lang)},
                                         {QStringLiteral("csrf"), csrf}});
        });
    }

    AuthService &m_auth;
    const Request &m_request;
    FormData m_form;
    pages::Lang m_lang;
};

} // namespace

void registerDeviceRoutes(Router &router, ServerContext &context)
{
    AuthService &auth = *context.auth;
    router.post(QStringLiteral("/oauth2/device_authorization"),
                [&auth](const Request &request) { return deviceAuthorization(auth, request); });
    const auto verify = [&auth](const Request &request) {
        return Verification(auth, request).run();
    };
    router.get(QStringLiteral("/device"), verify);
    router.post(QStringLiteral("/device"), verify);
}

} // namespace hues::server
