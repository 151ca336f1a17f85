#pragma once

#include "domain/Appointment.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QPainter;

namespace mss::ui {

// What one appointment card says.
struct CardContent {
    QString client;
    QString timeText; // "09:00 - 09:50"
    QString typeName;
    QString provider; // empty when the column is the provider's own
    domain::AppointmentType type = domain::AppointmentType::IndividualTherapy;
    domain::AppointmentStatus status = domain::AppointmentStatus::Scheduled;
    domain::ConfirmationStatus confirmation = domain::ConfirmationStatus::NotSent;
    domain::Location location = domain::Location::Office;
    bool selected = false;
    bool ghost = false; // the preview of a move or resize under way
};

// How an appointment looks on every calendar. The status is told by shape
// and text as well as colour, so it reads in print and for colour-blind
// staff: cancelled cards are grey and struck through, no-shows hatched red
// with a "No-show" badge, confirmed ones carry a filled check, unconfirmed
// ones an empty ring.
class AppointmentCard {
    Q_DECLARE_TR_FUNCTIONS(mss::ui::AppointmentCard)

public:
    static void paint(QPainter& painter, const QRectF& rect, const CardContent& card);

    // The fill of a card of this type and status (tests read it back).
    static QColor fillColour(domain::AppointmentType type, domain::AppointmentStatus status);
    static bool isConfirmed(domain::AppointmentStatus status,
                            domain::ConfirmationStatus confirmation);

    // A change made on this desk that the server has not accepted yet: a
    // small dark tab with an arrow up in the card's bottom right corner,
    // over whatever the card shows (and "Not yet sent" in its tooltip).
    static void paintUnsentMark(QPainter& painter, const QRectF& rect);
    static QRectF unsentMarkRect(const QRectF& rect);
    static QColor unsentColour() { return {0x37, 0x41, 0x51}; }
};

} // namespace mss::ui
