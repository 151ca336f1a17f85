#pragma once

#include "domain/Appointment.h"
#include "domain/ProviderAvailability.h"
#include "domain/Staff.h"
#include "scheduling/Availability.h"
#include "scheduling/Conflicts.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <functional>

#include <optional>

namespace mss::ui {

// A slot held for a waitlist client (docs/waitlist.md): drawn hatched in
// its provider's column, "Held for waitlist until 11:30", with the client's
// name only when the user may see it (empty otherwise).
struct HeldSlot {
    QString entry; // the waitlist entry's id
    domain::ObjectId provider;
    QDateTime start;
    QDateTime end;
    QDateTime heldUntil;
    QString clientName;
    friend bool operator==(const HeldSlot&, const HeldSlot&) = default;
};

// The appointments that the calendars show, one row each, sorted by start,
// with the names of their providers and clients and each provider's
// availability. The cache loads the visible date range into it
// (setAppointments) and applies each synced change as it comes
// (upsertAppointment / removeAppointment), so open views update in place.
class CalendarModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QString, 24 hex digits
        StartRole,                 // QDateTime, UTC
        EndRole,                   // QDateTime, UTC
        ProviderIdRole,            // QString
        ProviderNameRole,          // QString
        ClientIdRole,              // QString
        ClientNameRole,            // QString
        TypeRole,                  // int, domain::AppointmentType
        StatusRole,                // int, domain::AppointmentStatus
        ConfirmationRole,          // int, domain::ConfirmationStatus
        LocationRole,              // int, domain::Location
        TypeColourRole,            // QColor
        SeriesIdRole,              // QString, empty when not part of a series
    };
    Q_ENUM(Role)

    explicit CalendarModel(QObject* parent = nullptr);

    // Replaces every row (a new date range, a full refresh).
    void setAppointments(QList<domain::Appointment> appointments);
    // Adds the appointment, or replaces the one with its id.
    void upsertAppointment(const domain::Appointment& appointment);
    void removeAppointment(const domain::ObjectId& id);

    void setProviders(QList<domain::Staff> providers);
    void setClients(QList<domain::Client> clients);
    // One provider's availability records (weekly blocks, time off and
    // exceptions), resolved per day in the practice's zone when shown.
    void setAvailability(const domain::ObjectId& provider,
                         QList<domain::ProviderAvailability> records);
    void setTimeZone(const QTimeZone& zone);
    // Whether the signed-in user may see an appointment's details. Those
    // they may not see show as "Busy": no client, no type, no actions.
    void setDetailsPolicy(std::function<bool(const domain::Appointment&)> policy);
    bool showsDetails(const domain::Appointment& appointment) const;
    // Appointments changed on this desk and not yet accepted by the server
    // (in the outbox): their cards carry a "not yet sent" mark.
    void setUnsent(QSet<domain::ObjectId> ids);
    bool isUnsent(const domain::ObjectId& id) const { return m_unsent.contains(id); }
    // The waitlist holds of the days on screen.
    void setHolds(QList<HeldSlot> holds);
    const QList<HeldSlot>& holds() const { return m_holds; }
    // The client's name, or "Busy" when the details are not to be shown.
    QString titleOf(const domain::Appointment& appointment) const;

    const QTimeZone& timeZone() const { return m_zone; }
    const QList<domain::Staff>& providers() const { return m_providers; }
    const QList<domain::Client>& clients() const { return m_clients; }
    const QList<domain::Appointment>& appointments() const { return m_rows; }
    const domain::Appointment& appointmentAt(int row) const { return m_rows.at(row); }
    std::optional<domain::Appointment> appointment(const domain::ObjectId& id) const;
    int rowOf(const domain::ObjectId& id) const; // -1 when absent

    // Rows whose time overlaps [from, to), optionally of one provider only.
    QList<int> rowsBetween(const QDateTime& from, const QDateTime& to,
                           const std::optional<domain::ObjectId>& provider = std::nullopt) const;

    QString providerName(const domain::ObjectId& id) const;
    // The provider's colour in views of several providers: the Okabe-Ito
    // colour of their place in the list (ui/ProviderColours.h); grey for
    // one not in it.
    QColor providerColour(const domain::ObjectId& id) const;
    QString clientName(const domain::Reference& client) const;
    bool hasAvailability(const domain::ObjectId& provider) const;
    // The provider's open and blocked time on one practice-local day.
    scheduling::ResolvedAvailability availabilityOn(const domain::ObjectId& provider,
                                                    QDate day) const;
    // The note of the provider's time off at `instant` ("Conference"), or
    // empty: written where the calendars draw it.
    QString timeOffNote(const domain::ObjectId& provider, const QDateTime& instant) const;

    // "Ada Lovelace, Individual Therapy with Dr Grey, 09:00-09:50 (same
    // client)": how a booking dialog names what a new time collides with.
    QString describeConflict(const scheduling::Conflict& conflict) const;
    // The same, with the appointment collided with given (it may be on a
    // day this model does not hold).
    QString describeConflict(const scheduling::Conflict& conflict,
                             const domain::Appointment& other) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // Names, availability or the zone changed: views repaint, rows stay.
    void decorationChanged();

private:
    int insertionRow(const domain::Appointment& appointment) const;
    void clearAvailabilityCache();

    QList<domain::Appointment> m_rows; // sorted by start, then id
    QList<domain::Staff> m_providers;
    QList<domain::Client> m_clients;
    QHash<domain::ObjectId, QString> m_providerNames;
    QHash<domain::ObjectId, QString> m_clientNames;
    QHash<domain::ObjectId, QList<domain::ProviderAvailability>> m_availability;
    mutable QHash<QPair<domain::ObjectId, qint64>, scheduling::ResolvedAvailability> m_resolved;
    QTimeZone m_zone = QTimeZone::utc();
    std::function<bool(const domain::Appointment&)> m_detailsPolicy;
    QSet<domain::ObjectId> m_unsent;
    QList<HeldSlot> m_holds;
};

} // namespace mss::ui
