#include "ui/CancelDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mss::ui {

CancelDialog::CancelDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_summary(new QLabel(this))
    , m_reason(new QComboBox(this))
    , m_fee(new QDoubleSpinBox(this))
    , m_lateHint(new QLabel(this)) {
    setWindowTitle(tr("Cancel appointment"));
    setMinimumWidth(480);

    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setWordWrap(true);

    // Common reasons to pick from; any other can be typed.
    m_reason->setEditable(true);
    m_reason->addItems({tr("Client request"), tr("Client illness"), tr("Provider unavailable"),
                        tr("Scheduling conflict"), tr("Weather or emergency")});
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Required"));
    m_reason->setInsertPolicy(QComboBox::NoInsert);

    m_fee->setRange(0, 10'000);
    m_fee->setDecimals(2);
    m_fee->setSingleStep(5);
    m_fee->setPrefix(QLocale().currencySymbol() + QLatin1Char(' '));

    m_lateHint->setWordWrap(true);
    m_lateHint->setStyleSheet(QStringLiteral("QLabel { background: #fff6e0; color: #7a4b00;"
                                             " border: 1px solid #f3d58a; border-radius: 4px;"
                                             " padding: 6px; }"));
    m_lateHint->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("Cancellation &fee:"), m_fee);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Cancel &appointment"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep appointment"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_lateHint);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QComboBox::editTextChanged, this, &CancelDialog::update);
    connect(m_fee, &QDoubleSpinBox::valueChanged, this, [this] { m_feeEdited = true; });
    update();
}

void CancelDialog::setAppointment(const QString& summary, const QDateTime& start) {
    m_summary->setText(summary);
    m_start = start;
    update();
}

void CancelDialog::setLateCancelFee(double fee) {
    m_lateFee = fee;
    update();
}

QString CancelDialog::reason() const {
    return m_reason->currentText().trimmed();
}

double CancelDialog::fee() const {
    return m_fee->value();
}

bool CancelDialog::isLateCancel() const {
    return m_start.isValid() && m_clock.now().secsTo(m_start) < qint64(lateCancelHours) * 3600;
}

void CancelDialog::update() {
    m_ok->setEnabled(!reason().isEmpty());
    const bool late = isLateCancel();
    if (late) {
        const qint64 minutes = std::max<qint64>(0, m_clock.now().secsTo(m_start) / 60);
        const QString when = minutes <= 0   ? tr("The appointment has already started.")
                             : minutes < 60 ? tr("It starts in %n min.", nullptr, int(minutes))
                                            : tr("It starts in %1 h %2 min.")
                                                  .arg(minutes / 60)
                                                  .arg(minutes % 60, 2, 10, QLatin1Char('0'));
        m_lateHint->setText(tr("Late cancellation: less than %1 hours before the start. %2")
                                .arg(lateCancelHours)
                                .arg(when));
        if (!m_feeEdited && m_lateFee > 0) {
            const QSignalBlocker block(m_fee);
            m_fee->setValue(m_lateFee);
        }
    }
    m_lateHint->setVisible(late);
}

} // namespace mss::ui
