#pragma once

#include "domain/Staff.h"

#include <QString>

#include <optional>

class QWidget;

namespace mss::desktop {

class DeskSession;

// "+ New client" in the booking dialog: the new-client form over the
// session's LocalClients (checked, compared with the cached clients, then
// written to the cache and the outbox like any change of the desk, so it
// works offline and reaches the server with the next sync). The client made,
// or the existing one the user chose instead; nullopt when they gave up.
std::optional<domain::Client> addClient(DeskSession& session, QWidget* parent,
                                        const QString& typed);

} // namespace mss::desktop
