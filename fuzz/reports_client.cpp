// The client side of field reports reading what it did not write itself: the server's error
// answers (ReportsClient::serverReason) and outbox payloads read back from the local store
// (ReportDraft::fromPayload, then the checks and the multipart POST built from it).
#include "reports/ReportDraft.h"
#include "reports/ReportsClient.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)reports::ReportsClient::serverReason(bytes);

    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    reports::ReportDraft draft;
    QString error;
    if (!reports::ReportDraft::fromPayload(doc.object(), &draft, &error))
        return 0;
    // A definition with one question of each datatype, so every check runs.
    reports::ServiceDefinition definition;
    definition.serviceCode = draft.serviceCode;
    const char *types[] = {"string", "number",          "datetime",
                           "text",   "singlevaluelist", "multivaluelist"};
    for (const char *type : types) {
        reports::ServiceAttribute a;
        a.code = QString::fromLatin1(type);
        a.datatype = a.code;
        a.required = true;
        a.values = {{QStringLiteral("a"), QStringLiteral("A")}};
        definition.attributes.append(a);
    }
    reports::Service service;
    service.code = draft.serviceCode;
    (void)draft.problems({service}, &definition, 1);
    const net::ApiRequest request = reports::ReportsClient::submission(
        draft, {{QStringLiteral("image/jpeg"), bytes.left(64)}}, "key", true);
    if (!request.contentType.startsWith("multipart/form-data; boundary="))
        __builtin_trap();
    // The round trip through the payload keeps the draft.
    reports::ReportDraft again;
    if (!reports::ReportDraft::fromPayload(draft.toPayload(), &again, &error) ||
        again.formFields() != draft.formFields())
        __builtin_trap();
    return 0;
}
