#pragma once

#include "base/Clock.h"
#include "base/Error.h"
#include "domain/Roles.h"
#include "domain/Staff.h"
#include "sync/LocalCache.h"

namespace mss::sync {

// A cached client who may be the person being added again.
struct ClientMatch {
    domain::Client client;
    // What they share, as the form says it: "the same name and date of
    // birth", "the same phone number", "the same email".
    QStringList reasons;
};

// New clients made at the desk: checked and normalised (the phone in
// E.164, domain::PhoneNumber), compared with the clients the cache holds,
// and created like every other change of the desk: the record in the
// cache and a POST /clients in the outbox, in one transaction, with an id
// made here, so an appointment booked for them at once, offline too,
// follows it to the server in order.
class LocalClients {
public:
    LocalClients(LocalCache& cache, const Clock& clock);

    // The signed-in user's role: creating needs WriteClients (refused at
    // once, on "role", as LocalSchedule refuses). Without a role nothing
    // is checked.
    void setRole(std::optional<domain::StaffRole> role) { m_role = role; }
    void setGrants(const domain::RoleGrants& grants) { m_grants = grants; }
    // The region phone numbers without a country code are read in.
    void setPhoneRegion(const QString& region) { m_region = region; }

    // The client as it would be saved (names trimmed, phone in E.164,
    // email lower-cased), or every problem with its field: names required,
    // a phone or an email that cannot be one, a date of birth not a past
    // date.
    Checked<domain::Client> prepared(domain::Client draft) const;
    // Cached clients with the same first and last name (without case or
    // accents) and date of birth, or the same phone, or the same email.
    // `client` as prepared() returns it.
    Checked<QList<ClientMatch>> matchesOf(const domain::Client& client);
    // Prepares and creates the client; it gets its id here.
    Checked<domain::Client> create(domain::Client draft);

private:
    LocalCache& m_cache;
    const Clock& m_clock;
    std::optional<domain::StaffRole> m_role;
    domain::RoleGrants m_grants;
    QString m_region;
};

} // namespace mss::sync
