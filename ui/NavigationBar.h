#pragma once

#include "domain/Staff.h"

#include <QDate>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QToolButton;

namespace mss::ui {

enum class CalendarMode : int { Day = 0, Week = 1, Providers = 2, Month = 3 };

// The strip above the calendars: Today, Previous, Next, the period shown,
// a date picker, the provider shown and the view switch. It only reports
// what was clicked; CalendarWidget decides what it means for the view.
class NavigationBar : public QWidget {
    Q_OBJECT

public:
    explicit NavigationBar(QWidget* parent = nullptr);

    void setPeriodText(const QString& text);
    QString periodText() const;
    void setDate(QDate date);
    void setMode(CalendarMode mode);
    // First entry "All providers" (a null id) when allowAll.
    void setProviders(const QList<domain::Staff>& providers);
    void setProvider(const domain::ObjectId& provider);
    void setAllProvidersAllowed(bool allowed);

    QToolButton* todayButton() const { return m_today; }
    QToolButton* previousButton() const { return m_previous; }
    QToolButton* nextButton() const { return m_next; }
    QDateEdit* datePicker() const { return m_picker; }
    QComboBox* providerPicker() const { return m_provider; }
    QToolButton* modeButton(CalendarMode mode) const;

signals:
    void todayClicked();
    void previousClicked();
    void nextClicked();
    void dateChosen(QDate date);
    void modeChosen(mss::ui::CalendarMode mode);
    void providerChosen(const mss::domain::ObjectId& provider); // null: all
    void zoomInClicked();
    void zoomOutClicked();

private:
    QToolButton* m_today;
    QToolButton* m_previous;
    QToolButton* m_next;
    QLabel* m_period;
    QDateEdit* m_picker;
    QComboBox* m_provider;
    QButtonGroup* m_modes;
    bool m_allowAll = true;
    bool m_updating = false;
    QList<domain::Staff> m_providers;
};

} // namespace mss::ui
