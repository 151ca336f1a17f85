#include "CalendarFeedDialog.h"

#include "base/WallClock.h"
#include "sync/ApiClient.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace mss::desktop {

using namespace Qt::StringLiterals;

CalendarFeedDialog::CalendarFeedDialog(sync::ApiClient& api, QWidget* parent)
    : QDialog(parent)
    , m_api(api)
    , m_status(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_turnOn(new QPushButton(tr("&Turn on"), this))
    , m_renew(new QPushButton(tr("&New address"), this))
    , m_turnOff(new QPushButton(tr("Turn &off"), this)) {
    setWindowTitle(tr("My calendar feed"));
    setObjectName(u"calendarFeedDialog"_s);
    auto* intro = new QLabel(
        tr("Subscribe to your appointments from the calendar on your phone or computer. "
           "The feed shows the times of your appointments and only what the practice allows "
           "of the clients; anyone who has the address can read it, so keep it to yourself. "
           "If it got out, make a new address: the old one stops working."),
        this);
    intro->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setObjectName(u"feedStatus"_s);
    m_address->setReadOnly(true);
    m_address->setObjectName(u"feedAddress"_s);
    m_address->setPlaceholderText(tr("The address appears here when it is made"));
    m_turnOn->setObjectName(u"turnOn"_s);
    m_renew->setObjectName(u"newAddress"_s);
    m_turnOff->setObjectName(u"turnOff"_s);
    m_copy->setEnabled(false);

    auto* addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(m_copy);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_turnOn);
    actions->addWidget(m_renew);
    actions->addWidget(m_turnOff);
    actions->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_status);
    layout->addLayout(addressRow);
    layout->addLayout(actions);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());

    for (QPushButton* b : {m_turnOn, m_renew, m_turnOff})
        b->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_address->text());
        m_status->setText(tr("The address is copied. Paste it where your calendar program "
                             "asks for a subscription (\"Add calendar from URL\")."));
    });
    connect(m_turnOn, &QPushButton::clicked, this, &CalendarFeedDialog::makeAddress);
    connect(m_renew, &QPushButton::clicked, this, &CalendarFeedDialog::makeAddress);
    connect(m_turnOff, &QPushButton::clicked, this, &CalendarFeedDialog::turnOff);
}

void CalendarFeedDialog::load() {
    m_status->setText(tr("Asking the server…"));
    sync::ApiCall* call = m_api.get(u"/calendar/feed"_s);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        if (!r.ok())
            fail(r);
        else
            showState(r.data().toObject().value("enabled"_L1).toBool(),
                      r.data().toObject().value("createdAt"_L1).toString());
        emit loaded();
    });
}

void CalendarFeedDialog::showState(bool enabled, const QString& since) {
    m_turnOn->setVisible(!enabled);
    m_turnOn->setEnabled(!enabled);
    m_renew->setVisible(enabled);
    m_renew->setEnabled(enabled);
    m_turnOff->setEnabled(enabled);
    if (!enabled) {
        m_status->setText(tr("Your calendar feed is off."));
        return;
    }
    const QDateTime at = fromWireTime(since);
    m_status->setText(
        at.isValid()
            ? tr("Your calendar feed is on; its address was made on %1. It is shown only when "
                 "it is made: make a new one to see it again.")
                  .arg(QLocale().toString(at.toLocalTime().date(), QLocale::LongFormat))
            : tr("Your calendar feed is on."));
}

void CalendarFeedDialog::makeAddress() {
    for (QPushButton* b : {m_turnOn, m_renew, m_turnOff})
        b->setEnabled(false);
    m_status->setText(tr("Making the address…"));
    sync::ApiCall* call = m_api.post(u"/calendar/feed"_s, {});
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        if (!r.ok()) {
            fail(r);
            return;
        }
        QUrl url = m_api.server();
        url.setPath(r.data().toObject().value("path"_L1).toString());
        m_address->setText(url.toString());
        m_copy->setEnabled(true);
        showState(true, {});
        m_status->setText(tr("Your calendar feed is on. Copy the address now: it is not shown "
                             "again."));
        emit changed();
    });
}

void CalendarFeedDialog::turnOff() {
    for (QPushButton* b : {m_turnOn, m_renew, m_turnOff})
        b->setEnabled(false);
    sync::ApiCall* call = m_api.remove(u"/calendar/feed"_s);
    connect(call, &sync::ApiCall::finished, this, [this](const sync::ApiResponse& r) {
        if (!r.ok()) {
            fail(r);
            return;
        }
        m_address->clear();
        m_copy->setEnabled(false);
        showState(false, {});
        m_status->setText(tr("Your calendar feed is off; its address no longer works."));
        emit changed();
    });
}

void CalendarFeedDialog::fail(const sync::ApiResponse& response) {
    for (QPushButton* b : {m_turnOn, m_renew, m_turnOff})
        b->setEnabled(false);
    if (response.status == 404)
        m_status->setText(tr("This server does not offer calendar feeds."));
    else if (response.code() == "CALENDAR_FEEDS_OFF"_L1)
        m_status->setText(tr("The practice has turned calendar feeds off."));
    else
        m_status->setText(tr("The server did not do it: %1").arg(response.message));
}

} // namespace mss::desktop
