#pragma once

#include <QString>

class QNetworkReply;

namespace net {

// What went wrong with a request, with a message a person can act on.
struct ApiError
{
    enum Kind {
        None,
        Offline,      // no route, DNS failure, connection refused
        Timeout,      // no answer in time
        Tls,          // certificate not trusted or handshake failed
        Unauthorized, // 401
        Forbidden,    // 403
        NotFound,     // 404
        Rejected,     // other 4xx: the server refused what we sent
        ServerError,  // 5xx
        BadResponse,  // the answer was not what the protocol says
        Cancelled,
        InvalidUrl,
    };

    Kind kind = None;
    int httpStatus = 0;
    QString code;   // the server's machine-readable error code, if any
    QString detail; // technical detail for logs (never secrets)

    bool isError() const { return kind != None; }
    // Whether retrying the same request later may succeed.
    bool isTransient() const;
    // Translated, for the user; computed now so that it follows the current language.
    QString message() const;
};

} // namespace net
