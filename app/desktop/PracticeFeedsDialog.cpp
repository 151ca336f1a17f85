#include "PracticeFeedsDialog.h"

#include "sync/ApiClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mss::desktop {

using namespace Qt::StringLiterals;

namespace {

constexpr int maxDays = 3660; // the server's limit (FeedSettings::maxDays)

} // namespace

PracticeFeedsDialog::PracticeFeedsDialog(sync::ApiClient& api, QWidget* parent)
    : QDialog(parent)
    , m_api(api)
    , m_detail(new QComboBox(this))
    , m_daysBack(new QSpinBox(this))
    , m_daysAhead(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_save(nullptr) {
    setWindowTitle(tr("Calendar feeds"));
    setObjectName(u"practiceFeedsDialog"_s);
    auto* intro = new QLabel(tr("Staff can subscribe to their own appointments from the calendar "
                                "on their phone (Schedule > My calendar feed). Choose what those "
                                "calendars may show of the clients."),
                             this);
    intro->setWordWrap(true);
    m_detail->setObjectName(u"feedDetail"_s);
    m_detail->addItem(tr("No calendar feeds"), u"off"_s);
    m_detail->addItem(tr("\"Appointment\" and the time only"), u"busy"_s);
    m_detail->addItem(tr("The client's initials"), u"initials"_s);
    m_detail->addItem(tr("The client's name, notes and meeting link"), u"details"_s);
    for (QSpinBox* days : {m_daysBack, m_daysAhead}) {
        days->setRange(0, maxDays);
        days->setSuffix(tr(" days"));
    }
    m_daysBack->setObjectName(u"feedDaysBack"_s);
    m_daysAhead->setObjectName(u"feedDaysAhead"_s);
    m_status->setObjectName(u"feedsStatus"_s);
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Feeds show:"), m_detail);
    form->addRow(tr("From the past:"), m_daysBack);
    form->addRow(tr("Into the future:"), m_daysAhead);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &PracticeFeedsDialog::save);
}

void PracticeFeedsDialog::load() {
    m_status->setText(tr("Reading the server's settings…"));
    sync::ApiCall* call = m_api.get(u"/settings"_s);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        const QJsonValue feeds = r.data().toObject().value("calendarFeeds"_L1);
        if (!r.ok())
            m_status->setText(tr("The settings cannot be read: %1").arg(r.message));
        else if (!feeds.isObject())
            m_status->setText(tr("This server does not offer calendar feeds."));
        else
            fill(feeds.toObject());
        emit loaded();
    });
}

void PracticeFeedsDialog::fill(const QJsonObject& feeds) {
    m_detail->setCurrentIndex(std::max(0, m_detail->findData(feeds.value("detail"_L1).toString())));
    m_daysBack->setValue(feeds.value("daysBack"_L1).toInt(30));
    m_daysAhead->setValue(feeds.value("daysAhead"_L1).toInt(365));
    m_status->clear();
    m_save->setEnabled(true);
}

void PracticeFeedsDialog::save() {
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    const QJsonObject body{
        {"calendarFeeds"_L1, QJsonObject{{"detail"_L1, m_detail->currentData().toString()},
                                         {"daysBack"_L1, m_daysBack->value()},
                                         {"daysAhead"_L1, m_daysAhead->value()}}}};
    sync::ApiCall* call = m_api.put(u"/settings"_s, body);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        m_save->setEnabled(true);
        if (!r.ok()) {
            m_status->setText(tr("The server did not save it: %1").arg(r.message));
            return;
        }
        fill(r.data().toObject().value("calendarFeeds"_L1).toObject());
        m_status->setText(tr("Saved. Calendars show the change at their next refresh."));
        emit saved();
    });
}

} // namespace mss::desktop
