#pragma once

#include "domain/Appointment.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace mss::ui {

// What opening a cancelled (or rescheduled) appointment shows: what it was,
// its status, the reason and the fee charged, and Reinstate while its time
// is still free. When the time has been taken since, Reinstate is off and a
// sentence names what holds the time. The dialog only reports the choice
// (reinstateChosen); the desk checks and saves it as any other change.
class CancelledDialog : public QDialog {
    Q_OBJECT

public:
    explicit CancelledDialog(QWidget* parent = nullptr);

    // `summary`: "Ada Lovelace, Tue 10 Mar 09:00 - 09:50 with Dr Chen".
    void setAppointment(const domain::Appointment& appointment, const QString& summary);
    // What holds the time now ("Grace Hopper, Individual Therapy with Maya
    // Chen, 11:00-11:50"); empty when the time is free. Only a cancelled
    // appointment whose time is free may be reinstated.
    void setTakenBy(const QString& holder);

    bool reinstateChosen() const { return m_reinstate; }

    QLabel* statusLabel() const { return m_status; }
    QLabel* reasonLabel() const { return m_reason; }
    QLabel* feeLabel() const { return m_fee; }
    QLabel* takenLabel() const { return m_taken; }
    QPushButton* reinstateButton() const { return m_reinstateButton; }

private:
    void update();

    domain::Appointment m_appointment;
    QString m_holder;
    bool m_reinstate = false;
    QLabel* m_summary;
    QLabel* m_status;
    QLabel* m_reason;
    QLabel* m_fee;
    QLabel* m_taken;
    QPushButton* m_reinstateButton;
};

} // namespace mss::ui
