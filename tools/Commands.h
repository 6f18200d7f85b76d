#pragma once

#include "Tool.h"

namespace tool {

// The top-level commands, in the order --help lists them.
const std::vector<Command> &commands();

// Handlers, one file each.
int runStore(const Context &context, const QString &invocation, const QStringList &args);
int runLogin(const Context &context, const QString &invocation, const QStringList &args);
int runWhoami(const Context &context, const QString &invocation, const QStringList &args);
int runReport(const Context &context, const QString &invocation, const QStringList &args);
int runOutbox(const Context &context, const QString &invocation, const QStringList &args);
int runCap(const Context &context, const QString &invocation, const QStringList &args);
int runAlerts(const Context &context, const QString &invocation, const QStringList &args);
int runQr(const Context &context, const QString &invocation, const QStringList &args);

} // namespace tool
