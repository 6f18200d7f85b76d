// hues-server as OpenID Provider: discovery, JWKS, authorization (login page), token,
// userinfo, revocation and RP-initiated logout.
#include "auth/AuthService.h"
#include "auth/Http.h"
#include "auth/Pages.h"
#include "db/Database.h"
#include "http/Router.h"
#include "routes/Routes.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QRegularExpression>

namespace hues::server {

using namespace auth;
namespace text = auth::pages::text;

namespace {

// The authorization request parameters a login form carries through (OpenID Connect Core
// §3.1.2.1; prompt and max_age are spent by the time the form is shown).
const QStringList kCarried = {
    QStringLiteral("response_type"),  QStringLiteral("client_id"),
    QStringLiteral("redirect_uri"),   QStringLiteral("scope"),
    QStringLiteral("state"),          QStringLiteral("nonce"),
    QStringLiteral("code_challenge"), QStringLiteral("code_challenge_method"),
    QStringLiteral("ui_locales"),
};

constexpr int kMaxParamLength = 2000;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

Response discovery(AuthService &auth)
{
    const QStringList scopes = {QStringLiteral("openid"),  QStringLiteral("profile"),
                                QStringLiteral("email"),   QStringLiteral("phone"),
                                QStringLiteral("citizen"), QStringLiteral("offline_access")};
    QJsonObject doc{
        {QStringLiteral("issuer"), auth.issuer()},
        {QStringLiteral("authorization_endpoint"),
         auth.endpoint(QStringLiteral("/oauth2/authorize"))},
        {QStringLiteral("token_endpoint"), auth.endpoint(QStringLiteral("/oauth2/token"))},
        {QStringLiteral("userinfo_endpoint"), auth.endpoint(QStringLiteral("/oauth2/userinfo"))},
        {QStringLiteral("jwks_uri"), auth.endpoint(QStringLiteral("/oauth2/jwks"))},
        {QStringLiteral("revocation_endpoint"), auth.endpoint(QStringLiteral("/oauth2/revoke"))},
        {QStringLiteral("end_session_endpoint"), auth.endpoint(QStringLiteral("/oauth2/logout"))},
        {QStringLiteral("device_authorization_endpoint"),
         auth.endpoint(QStringLiteral("/oauth2/device_authorization"))},
        {QStringLiteral("response_types_supported"), toArray({QStringLiteral("code")})},
        {QStringLiteral("response_modes_supported"), toArray({QStringLiteral("query")})},
        {QStringLiteral("grant_types_supported"),
         toArray({QLatin1String(kGrantCode), QLatin1String(kGrantRefresh),
                  QLatin1String(kGrantClientCredentials), QLatin1String(kGrantDevice)})},
        {QStringLiteral("code_challenge_methods_supported"), toArray({QStringLiteral("S256")})},
        {QStringLiteral("id_token_signing_alg_values_supported"),
         toArray({QStringLiteral("ES256")})},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         toArray({QStringLiteral("none"), QStringLiteral("client_secret_basic"),
                  QStringLiteral("client_secret_post")})},
        {QStringLiteral("revocation_endpoint_auth_methods_supported"),
         toArray({QStringLiteral("none"), QStringLiteral("client_secret_basic"),
                  QStringLiteral("client_secret_post")})},
        {QStringLiteral("scopes_supported"), toArray(scopes)},
        {QStringLiteral("subject_types_supported"), toArray({QStringLiteral("public")})},
        {QStringLiteral("claims_supported"),
         toArray({QStringLiteral("sub"), QStringLiteral("iss"), QStringLiteral("aud"),
                  QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("auth_time"),
                  QStringLiteral("nonce"), QStringLiteral("sid"), QStringLiteral("at_hash"),
                  QStringLiteral("name"), QStringLiteral("preferred_username"),
                  QStringLiteral("role"), QStringLiteral("email"), QStringLiteral("email_verified"),
                  QStringLiteral("phone_number"), QStringLiteral("phone_number_verified"),
                  QStringLiteral("citizen_id")})},
        {QStringLiteral("prompt_values_supported"),
         toArray({QStringLiteral("none"), QStringLiteral("login"), QStringLiteral("consent"),
                  QStringLiteral("select_account")})},
        {QStringLiteral("ui_locales_supported"),
         toArray({QStringLiteral("vi"), QStringLiteral("en")})},
        {QStringLiteral("claims_parameter_supported"), false},
        {QStringLiteral("request_parameter_supported"), false},
        {QStringLiteral("request_uri_parameter_supported"), false},
        {QStringLiteral("authorization_response_iss_parameter_supported"), true},
    };
    Response response = Response::json(doc);
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=300")});
    return response;
}

Response jwks(AuthService &auth)
{
    Response response = Response::json(auth.keys().publicKeys().toJwks());
    response.contentType = QByteArrayLiteral("application/jwk-set+json");
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=300")});
    return response;
}

Response errorPage(pages::Lang lang, int status, const pages::Text &title, const QString &text)
{
    return htmlPage(status, pages::message(lang, title.in(lang), text));
}

// One authorization request (GET or the POST of the login form), validated in the order of
// RFC 6749 §4.1.2.1: until client_id and redirect_uri are known good, errors are shown here;
// after that they go back to the client.
class Authorization
{
public:
    Authorization(AuthService &auth, const Request &request)
        : m_auth(auth), m_request(request), m_form(FormData::fromRequest(request)),
          m_lang(pages::language(request, m_form.value(QStringLiteral("ui_locales"))))
    {
    }

    Response run()
    {
        if (!m_form.isValid())
            return page(400, m_form.errorString());
        for (const QString &value : m_form.values()) {
            if (value.size() > kMaxParamLength)
                return page(400, QStringLiteral("a parameter is too long"));
        }
        m_client = m_auth.clients().find(param("client_id"));
        if (!m_client)
            return page(400, m_form.has(QStringLiteral("client_id"))
                                 ? QStringLiteral("unknown client_id")
                                 : QStringLiteral("client_id is missing"));
        if (!m_client->allowsGrant(QLatin1String(kGrantCode)))
            return page(400, QStringLiteral("this client cannot use the authorization code flow"));
        m_redirectUri = param("redirect_uri");
        if (m_redirectUri.isEmpty())
            return page(400, QStringLiteral("redirect_uri is missing"));
        if (!OAuthClient::uriMatches(m_client->redirectUris, m_redirectUri))
            return page(400, QStringLiteral("redirect_uri is not registered for this client"));

        // From here on the redirect URI is trusted: errors go back to the client.
        if (m_form.has(QStringLiteral("request")))
            return back(QStringLiteral("request_not_supported"),
                        QStringLiteral("request objects are not supported"));
        if (m_form.has(QStringLiteral("request_uri")))
            return back(QStringLiteral("request_uri_not_supported"),
                        QStringLiteral("request_uri is not supported"));
        if (param("response_type") != u"code")
            return back(QStringLiteral("unsupported_response_type"),
                        QStringLiteral("response_type must be code"));
        if (!parseScope(param("scope"), &m_scopes) || !m_scopes.contains(QStringLiteral("openid")))
            return back(QStringLiteral("invalid_scope"),
                        QStringLiteral("scope must include openid"));
        for (const QString &scope : m_scopes) {
            if (!m_client->scopes.contains(scope))
                return back(QStringLiteral("invalid_scope"),
                            QStringLiteral("the client may not ask for the scope %1").arg(scope));
        }
        // PKCE (RFC 7636) is required, and only with S256: "plain" would give the challenge away.
        static const QRegularExpression challengePattern(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
        if (!m_form.has(QStringLiteral("code_challenge")))
            return back(QStringLiteral("invalid_request"),
                        QStringLiteral("code_challenge is required (PKCE)"));
        if (param("code_challenge_method") != u"S256")
            return back(QStringLiteral("invalid_request"),
                        QStringLiteral("code_challenge_method must be S256"));
        if (!challengePattern.match(param("code_challenge")).hasMatch())
            return back(QStringLiteral("invalid_request"),
                        QStringLiteral("code_challenge must be 43 base64url characters"));
        const QStringList prompt = param("prompt").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (prompt.contains(QStringLiteral("none")) && prompt.size() > 1)
            return back(QStringLiteral("invalid_request"),
                        QStringLiteral("prompt=none cannot be combined with other values"));
        qint64 maxAgeS = -1;
        if (m_form.has(QStringLiteral("max_age"))) {
            bool ok = false;
            maxAgeS = param("max_age").toLongLong(&ok);
            if (!ok || maxAgeS < 0)
                return back(QStringLiteral("invalid_request"),
                            QStringLiteral("max_age must be a number of seconds"));
        }

        if (m_request.raw.method() == QHttpServerRequest::Method::Post)
            return submitLogin();

        const std::optional<Session> session = m_auth.sessions().fromRequest(m_request);
        const bool tooOld =
            session && maxAgeS >= 0 && nowMs() - session->authTimeMs > maxAgeS * 1000;
        if (!session || tooOld || prompt.contains(QStringLiteral("login"))) {
            if (prompt.contains(QStringLiteral("none")))
                return back(QStringLiteral("login_required"),
                            QStringLiteral("the person is not signed in"));
            return loginForm(200, QString(), QString());
        }
        return issueCode(*session, {});
    }

private:
    QString param(const char *name) const { return m_form.value(QLatin1String(name)); }

    Response page(int status, const QString &why) const
    {
        return errorPage(m_lang, status, text::kSignInError, why);
    }

    // The error response of RFC 6749 §4.1.2.1, with "iss" (RFC 9207).
    Response back(const QString &error, const QString &description) const
    {
        QList<QPair<QString, QString>> params{{QStringLiteral("error"), error},
                                              {QStringLiteral("error_description"), description}};
        if (m_form.has(QStringLiteral("state")))
            params.append({QStringLiteral("state"), param("state")});
        params.append({QStringLiteral("iss"), m_auth.issuer()});
        return redirect(withQuery(m_redirectUri, params), postOr302());
    }

    int postOr302() const
    {
        return m_request.raw.method() == QHttpServerRequest::Method::Post ? 303 : 302;
    }

    Response loginForm(int status, const QString &error, const QString &username) const
    {
        bool newCsrf = false;
        const QByteArray csrf = m_auth.csrfToken(m_request, &newCsrf);
        pages::Login login;
        login.action = QStringLiteral("authorize");
        login.clientName = m_client->name;
        login.error = error;
        login.username = username;
        for (const QString &name : kCarried) {
            if (m_form.has(name))
                login.hidden.append({name, m_form.value(name)});
        }
        if (!m_form.has(QStringLiteral("ui_locales")))
            login.hidden.append({QStringLiteral("ui_locales"), pages::code(m_lang)});
        login.hidden.append({QStringLiteral("csrf"), QString::fromLatin1(csrf)});
        Response response = htmlPage(status, pages::login(m_lang, login));
        if (newCsrf)
            response.headers.append(m_auth.csrfCookie(csrf));
        return response;
    }

    Response submitLogin()
    {
        const QString username = param("username");
        if (!m_auth.csrfMatches(m_request, param("csrf")))
            return loginForm(400, text::kFormExpired.in(m_lang), username);
        const SignIn signIn = m_auth.signIn(m_request, username, param("password"));
        if (signIn.retryAfterS > 0) {
            Response response = loginForm(
                429, text::kTooManyAttempts.in(m_lang).arg((signIn.retryAfterS + 59) / 60),
                username);
            response.headers.append(
                {QByteArrayLiteral("Retry-After"), QByteArray::number(signIn.retryAfterS)});
            return response;
        }
        if (!signIn.session)
            return loginForm(200, text::kWrongCredentials.in(m_lang), username);
        return issueCode(*signIn.session,
                         setCookie(Sessions::kCookie, signIn.cookie,
                                   Sessions::kBrowserLifetimeMs / 1000, m_auth.secureCookies()));
    }

    Response issueCode(const Session &session, const QPair<QByteArray, QByteArray> &cookie) const
    {
        const QString code = m_auth.tokens().createCode(*m_client, session, m_redirectUri, m_scopes,
                                                        param("nonce"), param("code_challenge"));
        if (code.isEmpty())
            return back(QStringLiteral("server_error"), QStringLiteral("no code could be issued"));
        QList<QPair<QString, QString>> params{{QStringLiteral("code"), code}};
        if (m_form.has(QStringLiteral("state")))
            params.append({QStringLiteral("state"), param("state")});
        params.append({QStringLiteral("iss"), m_auth.issuer()});
        Response response = redirect(withQuery(m_redirectUri, params), postOr302());
        if (!cookie.first.isEmpty())
            response.headers.append(cookie);
        return response;
    }

    AuthService &m_auth;
    const Request &m_request;
    FormData m_form;
    pages::Lang m_lang;
    std::optional<OAuthClient> m_client;
    QString m_redirectUri;
    QStringList m_scopes;
};

Response clientError(const Clients::Authenticated &authenticated)
{
    // RFC 6749 §5.2: 401 with a challenge for a client that tried Basic, else 400.
    const bool challenge = authenticated.error == u"invalid_client" && authenticated.basic;
    Response response =
        oauthError(challenge ? 401 : 400, authenticated.error, authenticated.description);
    if (challenge)
        response.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"hues\"")});
    return response;
}

Response token(AuthService &auth, const Request &request)
{
    const FormData form = FormData::fromRequest(request);
    if (!form.isValid())
        return oauthError(400, QStringLiteral("invalid_request"), form.errorString());
    const QString address = QStringLiteral("address:") + request.raw.remoteAddress().toString();
    const qint64 retryAfter = auth.limiter().retryAfterSeconds(address, RateLimiter::kPerAddress);
    if (retryAfter > 0) {
        Response response = oauthError(429, QStringLiteral("invalid_request"),
                                       QStringLiteral("too many failed client authentications"));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
        return response;
    }
    const Clients::Authenticated authenticated = auth.clients().authenticate(request, form);
    if (!authenticated.client) {
        if (authenticated.error == u"invalid_client")
            auth.limiter().recordFailure(address);
        return clientError(authenticated);
    }
    const OAuthClient &client = *authenticated.client;
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("grant_type is missing"));
    const QStringList known = {QLatin1String(kGrantCode), QLatin1String(kGrantRefresh),
                               QLatin1String(kGrantClientCredentials), QLatin1String(kGrantDevice)};
    if (!known.contains(grantType))
        return oauthError(400, QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("unsupported grant_type"));
    if (!client.allowsGrant(grantType) ||
        (grantType == QLatin1String(kGrantClientCredentials) && !client.confidential))
        return oauthError(
            400, QStringLiteral("unauthorized_client"),
            QStringLiteral("this client may not use the grant type %1").arg(grantType));
    TokenResult result;
    if (grantType == QLatin1String(kGrantCode))
        result = auth.tokens().redeemCode(client, form.value(QStringLiteral("code")),
                                          form.value(QStringLiteral("redirect_uri")),
                                          form.value(QStringLiteral("code_verifier")));
    else if (grantType == QLatin1String(kGrantRefresh))
        result = auth.tokens().refresh(client, form.value(QStringLiteral("refresh_token")),
                                       form.value(QStringLiteral("scope")));
    else if (grantType == QLatin1String(kGrantClientCredentials))
        result = auth.tokens().clientCredentials(client, form.value(QStringLiteral("scope")));
    else
        result = auth.deviceCodes().poll(client, form.value(QStringLiteral("device_code")));
    if (!result.ok())
        return oauthError(result.error == u"server_error" ? 500 : result.status, result.error,
                          result.description);
    return noStoreJson(result.body);
}

Response userinfo(AuthService &auth, const Request &request)
{
    const BearerCheck caller =
        auth.requireBearer(request, Requirement{QStringLiteral("openid"), {}, true});
    if (!caller)
        return caller.error;
    const std::optional<Account> account = auth.accounts().byId(caller.token->subject);
    if (!account)
        return Response::error(401, QStringLiteral("invalid_token"),
                               QStringLiteral("the account no longer exists"));
    return noStoreJson(account->claims(caller.token->scopes));
}

Response revoke(AuthService &auth, const Request &request)
{
    const FormData form = FormData::fromRequest(request);
    if (!form.isValid())
        return oauthError(400, QStringLiteral("invalid_request"), form.errorString());
    const Clients::Authenticated authenticated = auth.clients().authenticate(request, form);
    if (!authenticated.client)
        return clientError(authenticated);
    const QString token = form.value(QStringLiteral("token"));
    if (token.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("token is missing"));
    QString error;
    if (!auth.tokens().revoke(*authenticated.client, token, &error))
        return oauthError(400, QStringLiteral("unauthorized_client"), error);
    // RFC 7009 §2.2: 200 whether or not the token was known.
    Response response;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

// OpenID Connect RP-Initiated Logout 1.0.
Response logout(AuthService &auth, const Request &request)
{
    const FormData form = FormData::fromRequest(request);
    const pages::Lang lang = pages::language(request, form.value(QStringLiteral("ui_locales")));
    const auto fail = [lang](const QString &why) {
        return errorPage(lang, 400, text::kLogoutError, why);
    };
    if (!form.isValid())
        return fail(form.errorString());
    std::optional<QJsonObject> hint;
    if (form.has(QStringLiteral("id_token_hint"))) {
        QString why;
        hint = auth.tokens().verifyIdTokenHint(
            form.value(QStringLiteral("id_token_hint")).toLatin1(), &why);
        if (!hint)
            return fail(QStringLiteral("id_token_hint is not a valid ID token of this provider"));
    }
    QString clientId = form.value(QStringLiteral("client_id"));
    if (hint) {
        const QString audience = hint->value(QStringLiteral("aud")).toString();
        if (!clientId.isEmpty() && clientId != audience)
            return fail(QStringLiteral("client_id does not match id_token_hint"));
        clientId = audience;
    }
    const QString postLogout = form.value(QStringLiteral("post_logout_redirect_uri"));
    if (!postLogout.isEmpty()) {
        const std::optional<OAuthClient> client = auth.clients().find(clientId);
        if (!client)
            return fail(
                QStringLiteral("post_logout_redirect_uri needs id_token_hint or client_id"));
        if (!OAuthClient::uriMatches(client->postLogoutRedirectUris, postLogout))
            return fail(
                QStringLiteral("post_logout_redirect_uri is not registered for this client"));
    }

    const std::optional<Session> browser = auth.sessions().fromRequest(request);
    const bool isPost = request.raw.method() == QHttpServerRequest::Method::Post;
    if (hint) {
        // The hint names the person (sub) and, through sid, the session to end.
        const QString subject = hint->value(QStringLiteral("sub")).toString();
        const std::optional<Session> hinted =
            auth.sessions().byId(hint->value(QStringLiteral("sid")).toString());
        if (hinted && hinted->accountId == subject)
            auth.sessions().end(hinted->id, QStringLiteral("logout"));
        if (browser && browser->accountId == subject)
            auth.sessions().end(browser->id, QStringLiteral("logout"));
    } else if (browser) {
        // No hint: anyone could have sent the browser here, so ask (logout CSRF).
        if (!isPost || form.value(QStringLiteral("confirm")) != u"yes" ||
            !auth.csrfMatches(request, form.value(QStringLiteral("csrf")))) {
            bool newCsrf = false;
            const QByteArray csrf = auth.csrfToken(request, &newCsrf);
            pages::Fields hidden;
            for (const char *name : {"post_logout_redirect_uri", "state", "client_id"}) {
                if (form.has(QLatin1String(name)))
                    hidden.append({QLatin1String(name), form.value(QLatin1String(name))});
            }
            hidden.append({QStringLiteral("ui_locales"), pages::code(lang)});
            hidden.append({QStringLiteral("csrf"), QString::fromLatin1(csrf)});
            const std::optional<Account> account = auth.accounts().byId(browser->accountId);
            Response response = htmlPage(
                200, pages::logoutConfirm(lang, account ? account->name : QString(), hidden));
            if (newCsrf)
                response.headers.append(auth.csrfCookie(csrf));
            return response;
        }
        auth.sessions().end(browser->id, QStringLiteral("logout"));
    }

    Response response;
    if (postLogout.isEmpty()) {
        response =
            htmlPage(200, pages::message(lang, text::kSignOut.in(lang), text::kSignedOut.in(lang)));
    } else {
        QList<QPair<QString, QString>> params;
        if (form.has(QStringLiteral("state")))
            params.append({QStringLiteral("state"), form.value(QStringLiteral("state"))});
        response = redirect(withQuery(postLogout, params), isPost ? 303 : 302);
    }
    response.headers.append(setCookie(Sessions::kCookie, "", 0, auth.secureCookies()));
    return response;
}

} // namespace

void registerOidcRoutes(Router &router, ServerContext &context)
{
    AuthService &auth = *context.auth;
    router.get(QStringLiteral("/.well-known/openid-configuration"),
               [&auth](const Request &) { return discovery(auth); });
    router.get(QStringLiteral("/oauth2/jwks"), [&auth](const Request &) { return jwks(auth); });
    const auto authorize = [&auth](const Request &request) {
        return Authorization(auth, request).run();
    };
    router.get(QStringLiteral("/oauth2/authorize"), authorize);
    router.post(QStringLiteral("/oauth2/authorize"), authorize);
    router.post(QStringLiteral("/oauth2/token"),
                [&auth](const Request &request) { return token(auth, request); });
    const auto info = [&auth](const Request &request) { return userinfo(auth, request); };
    router.get(QStringLiteral("/oauth2/userinfo"), info);
    router.post(QStringLiteral("/oauth2/userinfo"), info);
    router.post(QStringLiteral("/oauth2/revoke"),
                [&auth](const Request &request) { return revoke(auth, request); });
    const auto end = [&auth](const Request &request) { return logout(auth, request); };
    router.get(QStringLiteral("/oauth2/logout"), end);
    router.post(QStringLiteral("/oauth2/logout"), end);
}

} // namespace hues::server
