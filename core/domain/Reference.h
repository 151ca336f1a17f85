#pragma once

#include "domain/ObjectId.h"

#include <QJsonObject>
#include <QJsonValue>

namespace mss::domain {

// A reference to another record (client, provider, createdBy...). Servers
// write it as an id, or "populate" it into an object that carries the id and
// some of the record's fields; both are accepted everywhere. The populated
// object is kept so that a record read and written back is unchanged.
struct Reference {
    ObjectId id;
    QJsonObject populated; // empty when the server sent a bare id

    // "Ada Lovelace" when populated with names, else empty.
    QString displayName() const;

    friend bool operator==(const Reference&, const Reference&) = default;
};

enum class ReferenceForm {
    AsReceived, // populated references stay objects: a faithful round trip
    IdsOnly,    // every reference is its id: what a request to a server sends
};

struct EncodeOptions {
    ReferenceForm references = ReferenceForm::AsReceived;
};

QJsonValue encodeReference(const Reference& ref, const EncodeOptions& options);

} // namespace mss::domain
