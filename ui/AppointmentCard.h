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
    // The provider's colour in a view of several providers: it tints the
    // card and draws its edge instead of the type's colour. Invalid: the
    // type's colour.
    QColor accent;
};

// The mark in a card's corner, one shape per meaning, so that none is told
// by colour alone: Confirmed a green disc with a check, Completed a dark
// square with a check (and the card faded), No-show a red "No-show" tag
// (and the card hatched), a reminder awaiting an answer a ring (amber when
// sent, grey before), declined a red ring with a cross.
enum class StatusMark { None, NotSent, Sent, Declined, Confirmed, Completed, NoShow };

// How an appointment looks on every calendar. The status is told by shape
// and text as well as colour, so it reads in print and for colour-blind
// staff: cancelled cards are grey and struck through, the other statuses
// carry their StatusMark. Text keeps a WCAG contrast of at least 4.5 on
// every fill (tests/ui/tst_timegridpainting checks each).
class AppointmentCard {
    Q_DECLARE_TR_FUNCTIONS(mss::ui::AppointmentCard)

public:
    static void paint(QPainter& painter, const QRectF& rect, const CardContent& card);

    // The fill of a card of this type and status (tests read it back); with
    // a valid accent, the provider's tint instead of the type's.
    static QColor fillColour(domain::AppointmentType type, domain::AppointmentStatus status,
                             const QColor& accent = {});
    // The colour of the card's text.
    static QColor inkColour(domain::AppointmentStatus status);
    static StatusMark markOf(domain::AppointmentStatus status,
                             domain::ConfirmationStatus confirmation);
    // The round and square marks (Confirmed, Completed, the reminder's
    // rings) in `mark`; the No-show tag needs the card's width.
    static void paintMark(QPainter& painter, const QRectF& mark, StatusMark kind);
    // A cancelled appointment beside live ones it overlaps: a narrow grey
    // tab at the column's edge (TimeGridView), so it takes no width from them.
    static void paintTab(QPainter& painter, const QRectF& rect, bool selected);
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
