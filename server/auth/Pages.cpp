#include "auth/Pages.h"

#include "http/HttpTypes.h"

#include <QHttpServerRequest>

namespace hues::server::auth::pages {

namespace {

QString esc(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QLatin1String("&#39;"));
    return out;
}

QString hiddenFields(const Fields &fields)
{
    QString out;
    for (const auto &[name, value] : fields)
        out += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
                   .arg(esc(name), esc(value));
    return out;
}

QString document(Lang lang, const QString &title, const QString &body)
{
    static const QString style = QStringLiteral(
        "body{font-family:system-ui,sans-serif;background:#f4f1ea;margin:0;color:#222}"
        "main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:12px;"
        "box-shadow:0 2px 8px rgba(0,0,0,.1)}h1{font-size:1.4rem;color:#5b2c83}"
        "label{display:block;margin-top:1rem}input[type=text],input[type=password]{width:100%;"
        "box-sizing:border-box;padding:.6rem;font-size:1rem;margin-top:.3rem}"
        "button{margin-top:1.2rem;padding:.7rem 1.2rem;font-size:1rem;border:0;border-radius:8px;"
        "background:#5b2c83;color:#fff}button.secondary{background:#888}"
        ".error{background:#fde8e8;color:#8a1c1c;padding:.7rem;border-radius:8px}"
        ".code{font-size:1.6rem;letter-spacing:.2rem;font-weight:bold}");
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, "
                          "initial-scale=1\">\n<title>%2</title>\n<style>%3</style>\n</head>\n"
                          "<body>\n<main>\n<h1>%2</h1>\n%4</main>\n</body>\n</html>\n")
        .arg(code(lang), esc(title), style, body);
}

QString errorBlock(const QString &error)
{
    return error.isEmpty()
               ? QString()
               : QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>\n").arg(esc(error));
}

QString scopeText(Lang lang, const QString &scope)
{
    static const QList<QPair<QString, Text>> names = {
        {QStringLiteral("openid"), {"Danh tính của bạn", "Your identity"}},
        {QStringLiteral("profile"), {"Họ tên và vai trò", "Your name and role"}},
        {QStringLiteral("email"), {"Địa chỉ email", "Your email address"}},
        {QStringLiteral("phone"), {"Số điện thoại", "Your phone number"}},
        {QStringLiteral("citizen"), {"Số căn cước công dân", "Your citizen ID number"}},
        {QStringLiteral("offline_access"), {"Duy trì đăng nhập", "Staying signed in"}},
    };
    for (const auto &[name, label] : names) {
        if (name == scope)
            return label.in(lang);
    }
    return scope;
}

} // namespace

Lang language(const Request &request, const QString &uiLocales)
{
    const auto pick = [](const QString &tag, Lang *lang) {
        const QString primary =
            tag.trimmed().section(QLatin1Char(';'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
        if (primary == u"vi")
            *lang = Lang::Vi;
        else if (primary == u"en")
            *lang = Lang::En;
        else
            return false;
        return true;
    };
    Lang lang = Lang::Vi;
    for (const QString &tag : uiLocales.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (pick(tag, &lang))
            return lang;
    }
    // Accept-Language: the vi or en entry with the highest q (the first one on a tie).
    const QString accept = QString::fromLatin1(request.raw.value("Accept-Language"));
    double best = 0;
    Lang chosen = Lang::Vi;
    for (const QString &entry : accept.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        double q = 1;
        const qsizetype at = entry.indexOf(QLatin1String(";q="));
        if (at >= 0) {
            bool ok = false;
            q = entry.mid(at + 3).trimmed().toDouble(&ok);
            if (!ok)
                continue;
        }
        if (q > best && pick(entry, &lang)) {
            best = q;
            chosen = lang;
        }
    }
    return chosen;
}

QString code(Lang lang)
{
    return lang == Lang::Vi ? QStringLiteral("vi") : QStringLiteral("en");
}

QString login(Lang lang, const Login &page)
{
    const Text title{"Đăng nhập Hue-S", "Sign in to Hue-S"};
    const Text intro{"<strong>%1</strong> muốn bạn đăng nhập bằng tài khoản Hue-S.",
                     "<strong>%1</strong> asks you to sign in with your Hue-S account."};
    const Text user{"Tên đăng nhập", "Username"};
    const Text password{"Mật khẩu", "Password"};
    const Text submit{"Đăng nhập", "Sign in"};
    QString body = errorBlock(page.error);
    if (!page.clientName.isEmpty())
        body += QStringLiteral("<p>%1</p>\n").arg(intro.in(lang).arg(esc(page.clientName)));
    body += QStringLiteral("<form method=\"post\" action=\"%1\">\n").arg(esc(page.action));
    body += hiddenFields(page.hidden);
    body += QStringLiteral("<label>%1<input type=\"text\" name=\"username\" value=\"%2\" "
                           "autocomplete=\"username\" autocapitalize=\"none\" required></label>\n"
                           "<label>%3<input type=\"password\" name=\"password\" "
                           "autocomplete=\"current-password\" required></label>\n"
                           "<button type=\"submit\">%4</button>\n</form>\n")
                .arg(user.in(lang), esc(page.username), password.in(lang), submit.in(lang));
    return document(lang, title.in(lang), body);
}

QString message(Lang lang, const QString &title, const QString &text)
{
    return document(lang, title, QStringLiteral("<p>%1</p>\n").arg(esc(text)));
}

QString deviceEnterCode(Lang lang, const QString &error, const QString &typed)
{
    const Text title{"Đăng nhập ki-ốt", "Sign in to a kiosk"};
    const Text intro{"Nhập mã hiển thị trên ki-ốt.", "Enter the code shown on the kiosk."};
    const Text label{"Mã", "Code"};
    const Text next{"Tiếp tục", "Continue"};
    const QString body =
        errorBlock(error) +
        QStringLiteral("<p>%1</p>\n<form method=\"get\" action=\"device\">\n"
                       "<input type=\"hidden\" name=\"ui_locales\" value=\"%2\">\n"
                       "<label>%3<input type=\"text\" name=\"user_code\" value=\"%4\" "
                       "autocomplete=\"off\" autocapitalize=\"characters\" required></label>\n"
                       "<button type=\"submit\">%5</button>\n</form>\n")
            .arg(intro.in(lang), code(lang), label.in(lang), esc(typed), next.in(lang));
    return document(lang, title.in(lang), body);
}

QString deviceConfirm(Lang lang, const QString &accountName, const QString &clientName,
                      const QString &userCode, const QStringList &scopes, const Fields &hidden)
{
    const Text title{"Xác nhận đăng nhập ki-ốt", "Confirm the kiosk sign-in"};
    const Text intro{"Xin chào <strong>%1</strong>. <strong>%2</strong> đang chờ đăng nhập với "
                     "mã:",
                     "Hello <strong>%1</strong>. <strong>%2</strong> is waiting to sign in with "
                     "the code:"};
    const Text check{"Chỉ chấp nhận nếu mã này giống mã trên ki-ốt trước mặt bạn. Ki-ốt sẽ được "
                     "xem:",
                     "Approve only if this is the code on the kiosk in front of you. The kiosk "
                     "will see:"};
    const Text approve{"Chấp nhận", "Approve"};
    const Text deny{"Từ chối", "Deny"};
    QString list;
    for (const QString &scope : scopes)
        list += QStringLiteral("<li>%1</li>").arg(esc(scopeText(lang, scope)));
    const QString body =
        QStringLiteral("<p>%1</p>\n<p class=\"code\">%2</p>\n<p>%3</p>\n<ul>%4</ul>\n"
                       "<form method=\"post\" action=\"device\">\n%5"
                       "<button type=\"submit\" name=\"decision\" value=\"approve\">%6</button>\n"
                       "<button type=\"submit\" name=\"decision\" value=\"deny\" "
                       "class=\"secondary\">%7</button>\n</form>\n")
            .arg(intro.in(lang).arg(esc(accountName), esc(clientName)), esc(userCode),
                 check.in(lang), list, hiddenFields(hidden), approve.in(lang), deny.in(lang));
    return document(lang, title.in(lang), body);
}

QString logoutConfirm(Lang lang, const QString &accountName, const Fields &hidden)
{
    const Text title{"Đăng xuất khỏi Hue-S", "Sign out of Hue-S"};
    const Text question{"Đăng xuất tài khoản <strong>%1</strong> trên trình duyệt này?",
                        "Sign <strong>%1</strong> out on this browser?"};
    const QString body =
        QStringLiteral("<p>%1</p>\n<form method=\"post\" action=\"logout\">\n%2"
                       "<button type=\"submit\" name=\"confirm\" value=\"yes\">%3</button>\n"
                       "</form>\n")
            .arg(question.in(lang).arg(esc(accountName)), hiddenFields(hidden),
                 text::kSignOut.in(lang));
    return document(lang, title.in(lang), body);
}

} // namespace hues::server::auth::pages
