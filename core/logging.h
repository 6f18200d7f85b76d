#pragma once

#include <QLoggingCategory>

// All logging categories of Hue-S, declared in one place. Names are lower case
// ("hues.net"). "hues.secure" is off unless forced with QT_LOGGING_RULES.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcTool)
Q_DECLARE_LOGGING_CATEGORY(lcSecure)

namespace hues {
// Replaces what must never reach a log line (tokens, passwords, query secrets)
// with "***". Use on URLs and header values before logging them.
QString redactUrl(const QUrl &url);
} // namespace hues
