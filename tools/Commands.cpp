#include "Commands.h"

namespace tool {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"store", "Inspect the local database of a profile.", runStore},
        {"login", "Sign in with a code approved on a phone (device grant).", runLogin},
        {"whoami", "Show who is signed in on this profile.", runWhoami},
        {"report", "Field reports: categories, new, list.", runReport},
        {"outbox", "What waits to be sent: list, sync, retry, discard.", runOutbox},
        {"cap", "CAP 1.2 alert files: validate, match a place.", runCap},
        {"alerts", "Alerts of the city server: watch the push stream.", runAlerts},
        {"qr", "VietQR payment codes: decode a payload or image, make one.", runQr},
    };
    return list;
}

} // namespace tool
