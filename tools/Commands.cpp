#include "Commands.h"

namespace tool {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"store", "Inspect the local database of a profile.", runStore},
    };
    return list;
}

} // namespace tool
