#include "ApiError.h"

#include <QCoreApplication>

namespace net {

bool ApiError::isTransient() const
{
    switch (kind) {
    case Offline:
    case Timeout:
        return true;
    case ServerError:
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504 || httpStatus == 500;
    case Rejected:
        return httpStatus == 429;
    default:
        return false;
    }
}

QString ApiError::message() const
{
    auto tr = [](const char *text) { return QCoreApplication::translate("net::ApiError", text); };
    switch (kind) {
    case None:
        return {};
    case Offline:
        return tr("Cannot reach the city server. Check your internet connection and try again.");
    case Timeout:
        return tr("The city server is taking too long to answer. Try again in a moment.");
    case Tls:
        return tr("The server's security certificate could not be verified, so the connection "
                  "was stopped. Check the server address in Settings.");
    case Unauthorized:
        return tr("Your session has ended. Please sign in again.");
    case Forbidden:
        return tr("Your account is not allowed to do this.");
    case NotFound:
        return tr("What you asked for was not found on the server.");
    case Rejected:
        if (httpStatus == 429)
            return tr("Too many requests. Wait a moment and try again.");
        if (httpStatus == 413)
            return tr("What you are sending is too large.");
        return tr("The server did not accept the request.");
    case ServerError:
        return tr("The city server has a problem right now. Try again later.");
    case BadResponse:
        return tr("The server sent an answer the app does not understand. Check the server "
                  "address in Settings.");
    case Cancelled:
        return tr("The request was cancelled.");
    case InvalidUrl:
        return tr("The server address is not valid. Check it in Settings.");
    }
    return {};
}

} // namespace net
