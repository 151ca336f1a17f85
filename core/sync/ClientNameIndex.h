#pragma once

#include "domain/Appointment.h"
#include "domain/Roles.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QStringList>

namespace mss::sync {

// Finding a client's appointments by name, on the cache (so offline too).
//
// Names are compared as a person at a desk types them: without case or
// accents ("garcia" finds "García", "OBRIEN" finds "O'Brien"), and each
// word typed is the beginning of a word of the first or the last name
// ("ma gar" finds "María García", "Ana María Gar" does not need "Ana").
// The words are kept in the cache's client_name_keys table, one row per
// word and client, so a search is a range scan of an index however many
// clients the practice has, instead of decoding every client's document.

// The words of a name or of what was typed, as they are compared: case
// folded, accents and apostrophes removed, split on spaces and hyphens.
QStringList nameWords(const QString& text);

// Inside the caller's transaction: the client's name words, replacing
// those it had. `doc` is the client's wire document.
Result<void> indexClientName(storage::Database& db, const QJsonObject& doc);
// Builds the words of every cached client, when the cache has never done so
// (a cache made before the index existed). One transaction.
Result<void> indexClientNamesOnce(storage::Database& db);

// Whose appointments a search may return: the rule of minimum necessary
// (domain::detailsScope). OwnOnly needs the member's own id.
struct SearchScope {
    domain::DetailsScope details = domain::DetailsScope::None;
    QString me; // a staff id
};

// What a search by client name found, on both sides of now.
struct FoundAppointments {
    QList<domain::Appointment> upcoming; // soonest first
    QList<domain::Appointment> past;     // latest first
};

// The ids of the appointments of the clients whose name matches every
// word of `words` (nameWords of what was typed), any status, within
// `scope`: up to `limit` starting at or after `nowMs` (soonest first) when
// `upcoming`, else up to `limit` starting before it (latest first). Busy
// blocks carry no client and never match.
Result<QStringList> appointmentsOfNamedClients(storage::Database& db, const QStringList& words,
                                               qint64 nowMs, const SearchScope& scope,
                                               bool upcoming, int limit);

} // namespace mss::sync
