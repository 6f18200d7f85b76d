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
    switch (kind) {
    case None:
        return {};
    case Offline:
        return QCoreApplication::translate(
            "net::ApiError",
            "Cannot reach the city server. Check your internet connection and try again.");
    case Timeout:
        return QCoreApplication::translate(
            "net::ApiError",
            "The city server is taking too long to answer. Try again in a moment.");
    case Tls:
        return QCoreApplication::translate(
            "net::ApiError",
            "The server's security certificate could not be verified, so the connection "
            "was stopped. Check the server address in Settings.");
    case Unauthorized:
        return QCoreApplication::translate("net::ApiError",
                                           "Your session has ended. Please sign in again.");
    case Forbidden:
        return QCoreApplication::translate("net::ApiError",
                                           "Your account is not allowed to do this.");
    case NotFound:
        return QCoreApplication::translate("net::ApiError",
                                           "What you asked for was not found on the server.");
    case Rejected:
        if (httpStatus == 429)
            return QCoreApplication::translate("net::ApiError",
                                               "Too many requests. Wait a moment and try again.");
        if (httpStatus == 413)
            return QCoreApplication::translate("net::ApiError",
                                               "What you are sending is too large.");
        return QCoreApplication::translate("net::ApiError",
                                           "The server did not accept the request.");
    case ServerError:
        return QCoreApplication::translate(
            "net::ApiError", "The city server has a problem right now. Try again later.");
    case BadResponse:
        return QCoreApplication::translate(
            "net::ApiError",
            "The server sent an answer the app does not understand. Check the server "
            "address in Settings.");
    case Cancelled:
        return QCoreApplication::translate("net::ApiError", "The request was cancelled.");
    case InvalidUrl:
        return QCoreApplication::translate(
            "net::ApiError", "The server address is not valid. Check it in Settings.");
    }
    return {};
}

} // namespace net
