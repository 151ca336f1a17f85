#pragma once

#include "base/Error.h"

#include <QJsonObject>
#include <QString>

#include <expected>
#include <functional>

namespace mss::reminders {

// How the scheduler changes an appointment: through the server's own write
// path, so the version, the change feed and the audit log follow as for any
// write. Called inside the scheduler's write transaction.
class AppointmentWriter {
public:
    virtual ~AppointmentWriter() = default;
    virtual Result<void> update(const QString& appointmentId,
                                const std::function<void(QJsonObject&)>& change,
                                const QString& action) = 0;
};

} // namespace mss::reminders
