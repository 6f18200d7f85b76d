#include "AuthError.h"

#include <QCoreApplication>

namespace auth {

AuthError AuthError::make(Kind kind, const QString &detail, const QString &code)
{
    AuthError e;
    e.kind = kind;
    e.detail = detail;
    e.code = code;
    return e;
}

AuthError AuthError::fromReply(const net::ApiError &error, const QString &what)
{
    AuthError e;
    e.network = error;
    e.code = error.code;
    if (error.kind == net::ApiError::Cancelled) {
        e.kind = Cancelled;
    } else if (!error.code.isEmpty() && (error.httpStatus == 400 || error.httpStatus == 401)) {
        e.kind = ProviderRefused;
    } else if (error.kind == net::ApiError::BadResponse) {
        e.kind = BadTokenResponse;
    } else {
        e.kind = Network;
    }
    e.detail = what + QStringLiteral(": ") + error.detail;
    return e;
}

QString AuthError::message() const
{
    switch (kind) {
    case None:
        return {};
    case Network:
        return network.isError() ? network.message()
                                 : QCoreApplication::translate(
                                       "auth::AuthError",
                                       "Cannot reach the sign-in service. Try again in a moment.");
    case BadProvider:
        return QCoreApplication::translate(
            "auth::AuthError",
            "The sign-in service is not set up safely, so the app will not use it. "
            "Check the server address in Settings.");
    case BrowserUnavailable:
        return QCoreApplication::translate("auth::AuthError",
                                           "The app could not open your web browser to sign in.");
    case TimedOut:
        return QCoreApplication::translate("auth::AuthError",
                                           "Signing in took too long. Please try again.");
    case Cancelled:
        return QCoreApplication::translate("auth::AuthError", "Signing in was cancelled.");
    case ProviderRefused:
        if (code == QLatin1String("access_denied"))
            return QCoreApplication::translate("auth::AuthError",
                                               "Signing in was refused. Please try again.");
        return QCoreApplication::translate(
            "auth::AuthError", "The sign-in service refused the request. Please sign in again.");
    case StateMismatch:
        return QCoreApplication::translate(
            "auth::AuthError",
            "The answer from the browser does not belong to this sign-in, so it was "
            "ignored. Please sign in again.");
    case BadTokenResponse:
        return QCoreApplication::translate(
            "auth::AuthError", "The sign-in service sent an answer the app does not understand.");
    case IdTokenMalformed:
    case IdTokenSignature:
    case IdTokenIssuer:
    case IdTokenAudience:
    case IdTokenNonce:
    case IdTokenSubject:
        return QCoreApplication::translate(
            "auth::AuthError", "The sign-in could not be verified, so the app did not sign you in. "
                               "Please try again.");
    case IdTokenExpired:
    case IdTokenNotYetValid:
        return QCoreApplication::translate(
            "auth::AuthError",
            "The sign-in could not be verified. Check that the date and time of this "
            "device are correct, then try again.");
    case Expired:
        return QCoreApplication::translate("auth::AuthError",
                                           "The code has expired. Start again to get a new one.");
    case Denied:
        return QCoreApplication::translate("auth::AuthError",
                                           "Signing in was refused on the phone.");
    case SessionEnded:
        return QCoreApplication::translate("auth::AuthError",
                                           "Your session has ended. Please sign in again.");
    }
    return {};
}

} // namespace auth
