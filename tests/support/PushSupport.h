// The push and alert helpers under the name tests/e2e and tests/core include: tokens, CAP
// messages and the push stream. New tests include Tokens.h, CapMessage.h or PushStream.h.
#pragma once

#include "CapMessage.h"
#include "PushStream.h"
#include "TestServer.h"
#include "Tokens.h"

// Used by the tests that include this header without including them.
#include <QRandomGenerator>
#include <QUrlQuery>

namespace hues::test {

// TestServer::queryNumber and execSql under their former names.
inline qint64 count(TestServer &server, const QString &sql)
{
    return server.queryNumber(sql);
}
inline bool exec(TestServer &server, const QString &sql)
{
    return server.execSql(sql);
}

} // namespace hues::test
