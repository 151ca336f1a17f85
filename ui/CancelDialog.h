#pragma once

#include "base/Clock.h"

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace mss::ui {

// Cancels an appointment: a reason is required (OK stays disabled until
// one is given), a fee may be charged, and when the appointment starts
// within 24 hours of the clock's "now" the dialog says it is a late
// cancellation (and proposes the practice's late fee, if set).
class CancelDialog : public QDialog {
    Q_OBJECT

public:
    explicit CancelDialog(const Clock& clock, QWidget* parent = nullptr);

    // What is being cancelled ("Ada Lovelace, Tue 09:00") and when it starts.
    void setAppointment(const QString& summary, const QDateTime& start);
    // The fee proposed for a late cancellation (0: none).
    void setLateCancelFee(double fee);

    QString reason() const;
    double fee() const;
    bool isLateCancel() const;

    static constexpr int lateCancelHours = 24;

    QComboBox* reasonField() const { return m_reason; }
    QDoubleSpinBox* feeField() const { return m_fee; }
    QLabel* lateHint() const { return m_lateHint; }
    QPushButton* okButton() const { return m_ok; }

private:
    void update();

    const Clock& m_clock;
    QDateTime m_start;
    double m_lateFee = 0;
    bool m_feeEdited = false;
    QLabel* m_summary;
    QComboBox* m_reason;
    QDoubleSpinBox* m_fee;
    QLabel* m_lateHint;
    QPushButton* m_ok;
};

} // namespace mss::ui
