#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace hues::server {
struct Request;
} // namespace hues::server

// The HTML pages of the sign-on (login, device approval, logout, errors), in Vietnamese and
// English. Every value put in a page is HTML-escaped.
namespace hues::server::auth::pages {

enum class Lang { Vi, En };

// ui_locales (OpenID Connect Core §3.1.2.1) first, then Accept-Language; Vietnamese by default.
Lang language(const Request &request, const QString &uiLocales);
QString code(Lang lang); // "vi" / "en"

using Fields = QList<QPair<QString, QString>>;

struct Login
{
    QString action; // where the form posts, relative to the page (a proxy may add a prefix)
    QString clientName;
    QString username; // prefilled after a failed attempt
    QString error;    // shown above the form
    Fields hidden;    // request parameters carried through, and the CSRF token
};
QString login(Lang lang, const Login &page);

// A page with a title and a message (errors, "you are signed out", ...).
QString message(Lang lang, const QString &title, const QString &text);

// Device verification (RFC 8628 §3.3): enter the code shown on the kiosk.
QString deviceEnterCode(Lang lang, const QString &error, const QString &typed);
// Approve or deny the request of a client, as the signed-in person.
QString deviceConfirm(Lang lang, const QString &accountName, const QString &clientName,
                      const QString &userCode, const QStringList &scopes, const Fields &hidden);
// RP-Initiated Logout without a valid id_token_hint: ask before signing out.
QString logoutConfirm(Lang lang, const QString &accountName, const Fields &hidden);

// The texts the routes need beside the pages.
struct Text
{
    const char *vi;
    const char *en;
    QString in(Lang lang) const { return QString::fromUtf8(lang == Lang::Vi ? vi : en); }
};
namespace text {
inline constexpr Text kWrongCredentials{"Tên đăng nhập hoặc mật khẩu không đúng.",
                                        "Wrong username or password."};
inline constexpr Text kTooManyAttempts{"Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau %1 phút.",
                                       "Too many failed sign-ins. Please try again in %1 minutes."};
inline constexpr Text kFormExpired{"Biểu mẫu đã hết hạn. Vui lòng thử lại.",
                                   "The form has expired. Please try again."};
inline constexpr Text kSignInError{"Không thể đăng nhập", "Cannot sign in"};
inline constexpr Text kUnknownCode{"Mã không đúng hoặc đã hết hạn.",
                                   "The code is wrong or has expired."};
inline constexpr Text kDeviceApproved{"Đã đăng nhập. Bạn có thể quay lại ki-ốt.",
                                      "Signed in. You can go back to the kiosk."};
inline constexpr Text kDeviceDenied{"Đã từ chối. Ki-ốt sẽ không được đăng nhập.",
                                    "Denied. The kiosk will not be signed in."};
inline constexpr Text kDone{"Xong", "Done"};
inline constexpr Text kSignedOut{"Bạn đã đăng xuất.", "You are signed out."};
inline constexpr Text kSignOut{"Đăng xuất", "Sign out"};
inline constexpr Text kLogoutError{"Không thể đăng xuất", "Cannot sign out"};
} // namespace text

} // namespace hues::server::auth::pages
