#pragma once

#include "domain/ObjectId.h"

#include <QDate>
#include <QDateTime>
#include <QLineEdit>
#include <QPointer>
#include <QTreeWidget>

#include <functional>

namespace mss::ui {

// One appointment a search found, as the results list shows it.
struct AppointmentSearchHit {
    domain::ObjectId id;
    domain::ObjectId provider;
    QDate date; // in the practice's zone
    QString time;
    QString client;
    QString providerName;
    QString status;
};

// What was typed in, what was found: the application searches its cache.
using AppointmentSearcher = std::function<QList<AppointmentSearchHit>(const QString& typed)>;

// The toolbar's "find an appointment by client name": results appear in a
// list below the field as the name is typed (date, time, client, provider,
// status). The keyboard stays in the field: Down and Up move through the
// list, Enter opens the chosen appointment (the first when none is
// chosen), Escape closes the list, and a second Escape empties the field.
//
// The list is a child of the window laid over the calendar, not a popup
// window of its own: a popup would take the keyboard from the field while
// the user types.
class AppointmentSearchField : public QLineEdit {
    Q_OBJECT

public:
    explicit AppointmentSearchField(QWidget* parent = nullptr);
    ~AppointmentSearchField() override;

    void setSearcher(AppointmentSearcher searcher) { m_searcher = std::move(searcher); }

    // The results list (its rows are hits in order, or one row saying
    // nothing was found); visible while there is something to show.
    QTreeWidget* results() const { return m_results; }
    const QList<AppointmentSearchHit>& hits() const { return m_hits; }

signals:
    void appointmentChosen(const mss::ui::AppointmentSearchHit& hit);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search(const QString& typed);
    void showResults();
    void hideResults();
    void step(int rows);
    void choose(int row);
    void placeResults();

    AppointmentSearcher m_searcher;
    QList<AppointmentSearchHit> m_hits;
    QPointer<QTreeWidget> m_results;
};

} // namespace mss::ui
