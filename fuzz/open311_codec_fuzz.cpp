// Fuzz target: the Open311 JSON readers of hues_reports_codec (what the app reads from any
// Open311 server). Checks: a result or a reason, never both; what was read is written again
// as JSON and XML, and the JSON written reads back to the same number of items.
#include "reports/Open311.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace reports;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    using open311::Format;
    QString error;
    QList<ServiceRequest> requests;
    if (open311::parseRequests(json, &requests, &error)) {
        QList<ServiceRequest> again;
        if (!error.isEmpty() ||
            !open311::parseRequests(open311::requestsDocument(requests, Format::Json), &again,
                                    &error) ||
            again.size() != requests.size())
            std::abort();
        open311::requestsDocument(requests, Format::Xml);
    } else if (error.isEmpty()) {
        std::abort();
    }
    error.clear();
    QList<Service> services;
    if (open311::parseServices(json, &services, &error)) {
        QList<Service> again;
        if (!open311::parseServices(open311::servicesDocument(services, Format::Json), &again,
                                    &error) ||
            again.size() != services.size())
            std::abort();
        open311::servicesDocument(services, Format::Xml);
    } else if (error.isEmpty()) {
        std::abort();
    }
    error.clear();
    ServiceDefinition definition;
    if (open311::parseDefinition(json, &definition, &error)) {
        ServiceDefinition again;
        if (!open311::parseDefinition(open311::definitionDocument(definition, Format::Json), &again,
                                      &error) ||
            again.attributes.size() != definition.attributes.size())
            std::abort();
        open311::definitionDocument(definition, Format::Xml);
    } else if (error.isEmpty()) {
        std::abort();
    }
    QList<CreatedRequest> created;
    QList<Open311Error> errors;
    error.clear();
    if (open311::parseCreated(json, &created, &error))
        open311::createdDocument(created, Format::Xml);
    error.clear();
    if (open311::parseErrors(json, &errors, &error))
        open311::errorsDocument(errors, Format::Xml);
    return 0;
}
