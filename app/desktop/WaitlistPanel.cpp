#include "WaitlistPanel.h"

#include "AppointmentBook.h"
#include "base/WallClock.h"
#include "DeskSession.h"
#include "ui/AppointmentTypes.h"
#include "ui/CalendarWidget.h"
#include "ui/LocalText.h"
#include "ui/WaitlistDialog.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mss::desktop {

using namespace Qt::StringLiterals;
using domain::ObjectId;
using domain::WaitlistEntry;
using domain::WaitlistStatus;

namespace {

constexpr int IdRole = Qt::UserRole + 1;

bool isOpen(const WaitlistEntry& e) {
    return e.status == WaitlistStatus::Waiting || e.status == WaitlistStatus::Offered;
}

} // namespace

WaitlistPanel::WaitlistPanel(DeskSession& session, AppointmentBook& book,
                             ui::CalendarWidget& calendar, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_bookOf(book)
    , m_calendar(calendar)
    , m_waitlist(session.cache(), session.clock(), session.timeZone())
    , m_list(new QTreeWidget(this))
    , m_showClosed(new QCheckBox(tr("Show &booked and removed"), this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_release(new QPushButton(tr("Release &hold"), this))
    , m_slotLabel(new QLabel(this))
    , m_matches(new QTreeWidget(this))
    , m_book(new QPushButton(tr("Book from &waitlist"), this)) {
    setObjectName(u"waitlistPanel"_s);
    m_list->setObjectName(u"waitlistList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("Priority"), tr("Client"), tr("Provider"), tr("Type"), tr("Length"),
                             tr("Status"), tr("Waiting since")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matches->setObjectName(u"waitlistMatches"_s);
    m_matches->setRootIsDecorated(false);
    m_matches->setAllColumnsShowFocus(true);
    m_matches->setHeaderLabels({tr("Client"), tr("Priority"), tr("Time"), tr("Type")});
    m_matches->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_slotLabel->setObjectName(u"waitlistSlot"_s);
    m_slotLabel->setWordWrap(true);
    m_add->setObjectName(u"waitlistAdd"_s);
    m_edit->setObjectName(u"waitlistEdit"_s);
    m_remove->setObjectName(u"waitlistRemove"_s);
    m_release->setObjectName(u"waitlistRelease"_s);
    m_book->setObjectName(u"waitlistBook"_s);
    m_showClosed->setObjectName(u"waitlistShowClosed"_s);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_add, m_edit, m_remove, m_release})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* fits = new QGroupBox(tr("Fits the selected time"), this);
    auto* fitsLayout = new QVBoxLayout(fits);
    fitsLayout->addWidget(m_slotLabel);
    fitsLayout->addWidget(m_matches);
    fitsLayout->addWidget(m_book, 0, Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 2);
    layout->addWidget(m_showClosed);
    layout->addLayout(buttons);
    layout->addWidget(fits, 1);

    // Keys on the list: Insert adds, Enter edits (itemActivated), Delete
    // removes.
    m_list->installEventFilter(this);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { editEntry(); });
    connect(m_matches, &QTreeWidget::itemActivated, this, [this] { bookFromWaitlist(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &WaitlistPanel::updateButtons);
    connect(m_matches, &QTreeWidget::currentItemChanged, this, &WaitlistPanel::updateButtons);
    connect(m_showClosed, &QCheckBox::toggled, this, &WaitlistPanel::reload);
    connect(m_add, &QPushButton::clicked, this, &WaitlistPanel::addEntry);
    connect(m_edit, &QPushButton::clicked, this, &WaitlistPanel::editEntry);
    connect(m_remove, &QPushButton::clicked, this, &WaitlistPanel::removeEntry);
    connect(m_release, &QPushButton::clicked, this, &WaitlistPanel::releaseHold);
    connect(m_book, &QPushButton::clicked, this, &WaitlistPanel::bookFromWaitlist);
    connect(&m_calendar, &ui::CalendarWidget::slotSelected, this, &WaitlistPanel::refreshMatches);
    connect(&book, &AppointmentBook::reloaded, this, &WaitlistPanel::reload);
    reload();
}

bool WaitlistPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Insert) {
            addEntry();
            return true;
        }
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            removeEntry();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool WaitlistPanel::mayEdit() const {
    return m_session.permissions().mayBook;
}

bool WaitlistPanel::showsClientOf(const WaitlistEntry& e) const {
    switch (m_session.permissions().details) {
    case domain::DetailsScope::All:
        return true;
    case domain::DetailsScope::OwnOnly:
        return (e.provider && e.provider->id == m_session.me().id()) ||
               (e.offer && e.offer->provider == m_session.me().id());
    case domain::DetailsScope::None:
        break;
    }
    return false;
}

QString WaitlistPanel::clientText(const WaitlistEntry& e) const {
    if (!showsClientOf(e))
        return tr("(not shown)");
    const QString name = m_bookOf.model().clientName(e.client);
    return name.isEmpty() ? e.client.id.toString() : name;
}

QString WaitlistPanel::statusText(const WaitlistEntry& e) const {
    const QString status = ui::WaitlistDialog::statusName(domain::toWire(e.status));
    if (e.status == WaitlistStatus::Offered && e.offer)
        return tr("%1: %2, held until %3")
            .arg(status,
                 QLocale().toString(e.offer->startTime.toTimeZone(m_session.timeZone()),
                                    u"ddd d MMM HH:mm"_s),
                 ui::LocalText::time(e.offer->heldUntil, m_session.timeZone()));
    return status;
}

void WaitlistPanel::reload() {
    const QString current = selectedId();
    auto entries = m_waitlist.decoded();
    if (!entries) {
        emit told(tr("The waitlist cannot be read from the local copy: %1")
                      .arg(describe(entries.error())));
        return;
    }
    m_entries = *entries;
    std::ranges::sort(m_entries, scheduling::ranksBefore);
    m_list->clear();
    const QTimeZone& zone = m_session.timeZone();
    for (const WaitlistEntry& e : std::as_const(m_entries)) {
        if (!m_showClosed->isChecked() && !isOpen(e))
            continue;
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(0, IdRole, e.id().toString());
        item->setText(0, ui::WaitlistDialog::priorityName(domain::toWire(e.priority)));
        item->setText(1, clientText(e));
        item->setText(2, e.provider ? m_bookOf.model().providerName(e.provider->id)
                                    : tr("Any provider"));
        item->setText(3, ui::AppointmentTypes::name(e.appointmentType));
        item->setText(4, tr("%1 min").arg(e.duration));
        item->setText(5, statusText(e));
        item->setText(6, e.meta.createdAt ? QLocale().toString(e.meta.createdAt->toTimeZone(zone),
                                                               QLocale::ShortFormat)
                                          : tr("not yet sent"));
        if (e.id().toString() == current)
            m_list->setCurrentItem(item);
    }
    refreshHolds();
    refreshMatches();
}

void WaitlistPanel::refreshHolds() {
    const QTimeZone& zone = m_session.timeZone();
    const QDateTime from = wallClockToUtc(m_calendar.firstVisibleDate(), 0, zone);
    const QDateTime to = wallClockToUtc(m_calendar.lastVisibleDate().addDays(1), 0, zone);
    auto holds = sync::LocalWaitlist::holds(m_session.cache(), from, to, m_session.clock().now());
    QList<ui::HeldSlot> shown;
    for (const sync::WaitlistHold& h : holds.value_or(QList<sync::WaitlistHold>{})) {
        ui::HeldSlot s{h.entry,     ObjectId::fromString(h.provider).value_or(ObjectId()),
                       h.start,     h.end,
                       h.heldUntil, {}};
        if (const auto e = entryById(h.entry); e && showsClientOf(*e))
            s.clientName = clientText(*e);
        shown.append(s);
    }
    m_bookOf.model().setHolds(shown);
}

std::optional<WaitlistEntry> WaitlistPanel::entryById(const QString& id) const {
    for (const WaitlistEntry& e : m_entries) {
        if (e.id().toString() == id)
            return e;
    }
    return std::nullopt;
}

QString WaitlistPanel::selectedId() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, IdRole).toString() : QString();
}

QString WaitlistPanel::holdToRelease() const {
    if (const auto e = entryById(selectedId()); e && e->status == WaitlistStatus::Offered)
        return e->id().toString();
    return m_heldSlotEntry;
}

void WaitlistPanel::updateButtons() {
    const auto e = entryById(selectedId());
    m_add->setEnabled(mayEdit());
    m_edit->setEnabled(mayEdit() && e && isOpen(*e));
    m_remove->setEnabled(mayEdit() && e && isOpen(*e));
    m_release->setEnabled(mayEdit() && !holdToRelease().isEmpty());
    m_book->setEnabled(mayEdit() && m_matches->currentItem() != nullptr);
}

void WaitlistPanel::refreshMatches() {
    m_matches->clear();
    m_fits.clear();
    m_slot.reset();
    m_heldSlotEntry.clear();
    const auto picked = m_calendar.selectedSlot();
    ObjectId provider = picked ? picked->provider : ObjectId();
    if (picked && provider.isNull())
        provider = m_calendar.shownProvider();
    if (!picked || provider.isNull()) {
        m_slotLabel->setText(tr("Click a free time in a provider's column to see who on the "
                                "waitlist fits it."));
        updateButtons();
        return;
    }
    const QTimeZone& zone = m_session.timeZone();
    const QDateTime start = picked->start;
    const QDateTime dayEnd = wallClockToUtc(start.toTimeZone(zone).date().addDays(1), 0, zone);
    // The free time runs from the click to the provider's next booking (or
    // held slot) that day.
    QDateTime end = dayEnd;
    const auto booked = m_session.cache().appointments(start, dayEnd, {provider.toString()});
    for (const domain::Appointment& a : booked.value_or(QList<domain::Appointment>{})) {
        if (!a.holdsTime())
            continue;
        if (a.startTime <= start) {
            m_slotLabel->setText(tr("That time is booked."));
            updateButtons();
            return;
        }
        end = std::min(end, a.startTime);
    }
    const auto holds =
        sync::LocalWaitlist::holds(m_session.cache(), start, dayEnd, m_session.clock().now());
    for (const sync::WaitlistHold& h : holds.value_or(QList<sync::WaitlistHold>{})) {
        if (h.provider != provider.toString())
            continue;
        if (h.start <= start) {
            m_heldSlotEntry = h.entry;
            m_slotLabel->setText(tr("That time is held for a waitlist client until %1.")
                                     .arg(ui::LocalText::time(h.heldUntil, zone)));
            updateButtons();
            return;
        }
        end = std::min(end, h.start);
    }
    scheduling::FreeSlot slot{provider, start, end, std::nullopt};
    // Each waiting client's own bookings around the slot.
    QHash<ObjectId, QList<scheduling::TimeRange>> clientBookings;
    const auto around = m_session.cache().appointments(start.addDays(-1), end.addDays(1));
    for (const domain::Appointment& a : around.value_or(QList<domain::Appointment>{})) {
        if (a.holdsTime())
            clientBookings[a.client.id].append(scheduling::TimeRange::of(a.startTime, a.endTime));
    }
    const auto availability = m_session.cache().availabilityOf(provider.toString());
    const QList<domain::ProviderAvailability> records =
        availability.value_or(QList<domain::ProviderAvailability>{});
    scheduling::WaitlistMatchInput input;
    input.slot = slot;
    input.availability = records;
    input.zone = zone;
    input.entries = m_entries;
    input.clientBookings = &clientBookings;
    input.now = m_session.clock().now();
    const QList<scheduling::WaitlistFit> fits = scheduling::matchWaitlist(input);
    m_slot = slot;
    m_slotLabel->setText(
        fits.isEmpty()
            ? tr("Nobody on the waitlist fits %1 with %2.")
                  .arg(ui::LocalText::span(start, end, zone),
                       m_bookOf.model().providerName(provider))
            : tr("%n waiting client(s) fit %1 with %2, best first:", nullptr, int(fits.size()))
                  .arg(ui::LocalText::span(start, end, zone),
                       m_bookOf.model().providerName(provider)));
    for (const scheduling::WaitlistFit& fit : fits) {
        const WaitlistEntry& e = m_entries.at(fit.index);
        m_fits.append({e, fit.time});
        auto* item = new QTreeWidgetItem(m_matches);
        item->setData(0, IdRole, e.id().toString());
        item->setText(0, clientText(e));
        item->setText(1, ui::WaitlistDialog::priorityName(domain::toWire(e.priority)));
        item->setText(2, ui::LocalText::span(fit.time.startTime(), fit.time.endTime(), zone));
        item->setText(3, ui::AppointmentTypes::name(e.appointmentType));
    }
    if (m_matches->topLevelItemCount() > 0)
        m_matches->setCurrentItem(m_matches->topLevelItem(0));
    updateButtons();
}

void WaitlistPanel::edit(const QJsonObject& base) {
    ui::WaitlistDialog dialog(this);
    dialog.setTimeZone(m_session.timeZone());
    dialog.setClients(m_bookOf.model().clients());
    dialog.setProviders(m_bookOf.model().providers());
    if (!base.isEmpty())
        dialog.setEntry(base);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool adding = base.isEmpty();
    auto saved = m_waitlist.save(dialog.entry());
    if (!saved) {
        reportFailure(adding ? tr("The waitlist entry") : tr("The change"), saved.error());
        return;
    }
    reload();
    emit told(adding ? tr("Added to the waitlist") : tr("Waitlist entry saved"));
    m_session.engine().syncNow();
}

void WaitlistPanel::addEntry() {
    if (mayEdit())
        edit({});
}

void WaitlistPanel::editEntry() {
    const auto e = entryById(selectedId());
    if (!mayEdit() || !e || !isOpen(*e))
        return;
    auto doc = m_waitlist.entry(e->id().toString());
    if (doc)
        edit(*doc);
}

void WaitlistPanel::removeEntry() {
    const auto e = entryById(selectedId());
    if (!mayEdit() || !e || !isOpen(*e))
        return;
    auto removed = m_waitlist.remove(e->id().toString());
    if (!removed) {
        reportFailure(tr("The removal"), removed.error());
        return;
    }
    reload();
    emit told(tr("Removed from the waitlist: %1").arg(clientText(*e)));
    m_session.engine().syncNow();
}

void WaitlistPanel::releaseHold() {
    const QString id = holdToRelease();
    if (!mayEdit() || id.isEmpty())
        return;
    auto released = m_waitlist.release(id);
    if (!released) {
        reportFailure(tr("Releasing the hold"), released.error());
        return;
    }
    reload();
    emit told(tr("Hold released: the time can be booked"));
    m_session.engine().syncNow();
}

void WaitlistPanel::bookFromWaitlist() {
    QTreeWidgetItem* item = m_matches->currentItem();
    if (!mayEdit() || !item || !m_slot)
        return;
    const qsizetype row = m_matches->indexOfTopLevelItem(item);
    if (row < 0 || row >= m_fits.size())
        return;
    const auto& [entry, time] = m_fits.at(row);
    domain::Appointment a;
    a.meta.id = ObjectId::generate(m_session.clock());
    a.client.id = entry.client.id;
    a.provider.id = m_slot->provider;
    a.startTime = time.startTime();
    a.endTime = time.endTime();
    a.duration = entry.duration;
    a.appointmentType = entry.appointmentType;
    a.location = entry.location;
    auto booked = m_session.schedule().book(a);
    if (!booked) {
        reportFailure(tr("Booking from the waitlist"), booked.error());
        return;
    }
    auto marked = m_waitlist.markBooked(entry.id().toString(), booked->id().toString());
    if (!marked)
        reportFailure(tr("Marking the entry booked"), marked.error());
    m_bookOf.reload();
    reload();
    emit told(tr("Booked %1 from the waitlist, %2")
                  .arg(clientText(entry),
                       ui::LocalText::span(a.startTime, a.endTime, m_session.timeZone())));
    m_session.engine().syncNow();
}

void WaitlistPanel::reportFailure(const QString& what, const Errors& errors) {
    QStringList lines;
    for (const Error& e : errors)
        lines << (e.field.isEmpty() || e.field.startsWith("waitlist:"_L1)
                      ? e.message
                      : u"%1: %2"_s.arg(e.field, e.message));
    QMessageBox box(QMessageBox::Warning, tr("Not saved"),
                    tr("%1 was not saved:\n%2").arg(what, lines.join(u'\n')), QMessageBox::Ok,
                    this);
    box.setObjectName(u"errorMessage"_s);
    box.exec();
}

} // namespace mss::desktop
