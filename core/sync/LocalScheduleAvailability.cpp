// A provider's hours at the desk: each block or exception added, changed
// or removed in the cache with its outbox entry, in one transaction
// (LocalSchedule::write), as appointments are.
#include "sync/CacheFailure.h"
#include "sync/LocalSchedule.h"

#include <QCoreApplication>

namespace mss::sync {

using namespace Qt::StringLiterals;
using domain::ObjectId;
using storage::RecordKind;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LocalSchedule", text);
}

const domain::EncodeOptions request{.references = domain::ReferenceForm::IdsOnly};

} // namespace

Checked<domain::ProviderAvailability>
LocalSchedule::saveAvailability(domain::ProviderAvailability record) {
    if (auto ok = permitted(domain::Permission::WriteAvailability); !ok)
        return std::unexpected(ok.error());
    if (Errors errors = domain::validate(record, m_zone); !errors.isEmpty())
        return std::unexpected(errors);
    std::optional<storage::StoredRecord> current;
    if (!record.id().isNull()) {
        auto stored = m_cache.get(RecordKind::ProviderAvailability, record.id().toString());
        if (!stored)
            return std::unexpected(cacheFailure(stored.error()));
        current = *stored;
    } else {
        record.meta.id = ObjectId::generate(m_clock);
    }
    const qint64 baseVersion = current ? current->version : 0;
    record.meta.updatedAt = m_clock.now();
    if (!current)
        record.meta.createdAt = m_clock.now();
    record.meta.version = baseVersion;
    OutboxEntry entry;
    if (current) {
        entry.method = u"PUT"_s;
        entry.path = u"/provider-availabilities/"_s + record.id().toString();
        entry.body = record.toJson(request);
        entry.body.remove("_id"_L1);
        entry.summary = tr("Change hours");
    } else {
        entry.method = u"POST"_s;
        entry.path = u"/staff/%1/availabilities"_s.arg(record.provider.id.toString());
        entry.body = record.toJson(request);
        entry.summary = tr("Add hours");
    }
    if (auto r = write(RecordKind::ProviderAvailability, record.id().toString(), record.toJson(),
                       baseVersion, entry);
        !r)
        return std::unexpected(r.error());
    return record;
}

Checked<void> LocalSchedule::removeAvailability(const ObjectId& id) {
    if (auto ok = permitted(domain::Permission::WriteAvailability); !ok)
        return ok;
    auto stored = m_cache.get(RecordKind::ProviderAvailability, id.toString());
    if (!stored)
        return std::unexpected(cacheFailure(stored.error()));
    if (!*stored)
        return std::unexpected(
            Errors{{ErrorCode::NotFound, u"_id"_s, tr("no such availability record")}});
    OutboxEntry entry;
    entry.method = u"DELETE"_s;
    entry.path = u"/provider-availabilities/"_s + id.toString();
    entry.summary = tr("Remove hours");
    return write(RecordKind::ProviderAvailability, id.toString(), std::nullopt, (*stored)->version,
                 entry);
}

Checked<QList<domain::ProviderAvailability>>
LocalSchedule::replaceAvailability(const ObjectId& provider,
                                   QList<domain::ProviderAvailability> records) {
    if (auto ok = permitted(domain::Permission::WriteAvailability); !ok)
        return std::unexpected(ok.error());
    auto current = m_cache.availabilityOf(provider.toString());
    if (!current)
        return std::unexpected(cacheFailure(current.error()));
    QHash<ObjectId, domain::ProviderAvailability> before;
    for (const domain::ProviderAvailability& r : *current)
        before.insert(r.id(), r);
    for (domain::ProviderAvailability& r : records) {
        r.provider.id = provider;
        const auto was = before.constFind(r.id());
        if (was != before.constEnd()) {
            r.meta = was->meta; // the editor does not own the record's history
            const bool same = r.toJson(request) == was->toJson(request);
            before.remove(r.id());
            if (same)
                continue;
        }
        auto saved = saveAvailability(r);
        if (!saved)
            return std::unexpected(saved.error());
        r = *saved;
    }
    for (const domain::ProviderAvailability& gone : std::as_const(before)) {
        if (auto r = removeAvailability(gone.id()); !r)
            return std::unexpected(r.error());
    }
    return records;
}

} // namespace mss::sync
