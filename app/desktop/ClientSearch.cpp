#include "ClientSearch.h"

#include "base/WallClock.h"
#include "DeskSession.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarModel.h"
#include "ui/LocalText.h"

namespace mss::desktop {

QList<ui::AppointmentSearchHit>
findByClientName(DeskSession& session, const ui::CalendarModel& model, const QString& typed) {
    const sync::SearchScope scope{session.permissions().details, session.me().id().toString()};
    const auto found =
        session.cache().appointmentsOfClientsNamed(typed, session.clock().now(), scope);
    if (!found)
        return {};
    const QTimeZone& zone = session.timeZone();
    QList<ui::AppointmentSearchHit> hits;
    for (const domain::Appointment& a : found->upcoming + found->past) {
        // The cache answers within the scope already; the calendar's own
        // rule is asked too, so the list never names more than the cards.
        if (!model.showsDetails(a))
            continue;
        ui::AppointmentSearchHit hit;
        hit.id = a.id();
        hit.provider = a.provider.id;
        hit.date = localDate(a.startTime, zone);
        hit.time = ui::LocalText::span(a.startTime, a.endTime, zone);
        hit.client = model.clientName(a.client);
        hit.providerName = model.providerName(a.provider.id);
        hit.status = ui::AppointmentTypes::name(a.status);
        hits.append(hit);
    }
    return hits;
}

} // namespace mss::desktop
