#include "domain/StatusTiming.h"

namespace mss::domain {

bool isTimely(StatusChange change, const Appointment& appointment, const QDateTime& now) {
    const bool started = now >= appointment.startTime;
    switch (change) {
    case StatusChange::Confirm:
        return !started;
    case StatusChange::Complete:
    case StatusChange::NoShow:
        return started;
    }
    return false;
}

} // namespace mss::domain
