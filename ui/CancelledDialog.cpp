#include "ui/CancelledDialog.h"

#include "ui/AppointmentTypes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace mss::ui {

CancelledDialog::CancelledDialog(QWidget* parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_fee(new QLabel(this))
    , m_taken(new QLabel(this)) {
    setWindowTitle(tr("Cancelled appointment"));
    setMinimumWidth(440);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setWordWrap(true);
    m_reason->setWordWrap(true);
    m_taken->setWordWrap(true);
    m_taken->setStyleSheet(QStringLiteral("QLabel { background: #fff6e0; color: #7a4b00;"
                                          " border: 1px solid #f3d58a; border-radius: 4px;"
                                          " padding: 6px; }"));
    m_taken->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Cancellation fee:"), m_fee);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reinstateButton = buttons->addButton(tr("&Reinstate"), QDialogButtonBox::AcceptRole);
    m_reinstateButton->setToolTip(tr("Book it again at the same time, as Scheduled"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_taken);
    layout->addWidget(buttons);

    connect(m_reinstateButton, &QPushButton::clicked, this, [this] {
        m_reinstate = true;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void CancelledDialog::setAppointment(const domain::Appointment& appointment,
                                     const QString& summary) {
    m_appointment = appointment;
    m_summary->setText(summary);
    update();
}

void CancelledDialog::setTakenBy(const QString& holder) {
    m_holder = holder;
    update();
}

void CancelledDialog::update() {
    const auto& a = m_appointment;
    m_status->setText(AppointmentTypes::name(a.status));
    m_reason->setText(a.cancellationReason.value_or(QString()).isEmpty() ? tr("None given")
                                                                         : *a.cancellationReason);
    m_fee->setText(a.cancellationFee > 0 ? QLocale().toCurrencyString(a.cancellationFee)
                                         : tr("No fee"));
    const bool cancelled = a.status == domain::AppointmentStatus::Cancelled;
    m_reinstateButton->setVisible(cancelled);
    m_reinstateButton->setEnabled(cancelled && m_holder.isEmpty());
    m_taken->setVisible(cancelled && !m_holder.isEmpty());
    m_taken->setText(tr("It cannot be reinstated: its time is taken now by %1. Book a new "
                        "time instead.")
                         .arg(m_holder));
}

} // namespace mss::ui
