#include "Commands.h"

namespace tool {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"store", "Inspect the local database of a profile.", runStore},
        {"login", "Sign in with a code approved on a phone (device grant).", runLogin},
        {"whoami", "Show who is signed in on this profile.", runWhoami},
    };
    return list;
}

} // namespace tool
