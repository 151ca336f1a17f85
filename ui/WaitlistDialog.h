#pragma once

#include "domain/Staff.h"

#include <QCoreApplication>
#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QTimeZone>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace mss::ui {

// Adds or edits a waitlist entry (docs/waitlist.md): the client (searched
// by name as in the booking dialog), a provider or "Any provider", type,
// duration, location, preferred windows (weekday and from/to rows),
// earliest and latest date, priority, notes and expiry. accept() is
// refused with a sentence naming the field while something is wrong; the
// result is the entry's document in entry().
class WaitlistDialog : public QDialog {
    Q_OBJECT

public:
    explicit WaitlistDialog(QWidget* parent = nullptr);

    void setClients(const QList<domain::Client>& clients);
    void setProviders(const QList<domain::Staff>& providers);
    // The practice's zone: the expiry is entered on its wall clock.
    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }
    // An existing entry to edit (its document as the cache holds it).
    void setEntry(const QJsonObject& entry);
    // The entry as entered, with the fields it was given by setEntry().
    QJsonObject entry() const;

    void accept() override;

    // For tests and accessibility.
    QLineEdit* clientField() const { return m_client; }
    QComboBox* providerBox() const { return m_provider; }
    QComboBox* typeBox() const { return m_type; }
    QSpinBox* durationBox() const { return m_duration; }
    QComboBox* locationBox() const { return m_location; }
    QTableWidget* windowsTable() const { return m_windows; }
    QPushButton* addWindowButton() const { return m_addWindow; }
    QComboBox* priorityBox() const { return m_priority; }
    QCheckBox* earliestCheck() const { return m_hasEarliest; }
    QDateEdit* earliestEdit() const { return m_earliest; }
    QCheckBox* latestCheck() const { return m_hasLatest; }
    QDateEdit* latestEdit() const { return m_latest; }
    QPlainTextEdit* notesEdit() const { return m_notes; }
    QCheckBox* expiresCheck() const { return m_hasExpiry; }
    QDateTimeEdit* expiresEdit() const { return m_expires; }
    QLabel* problemLabel() const { return m_problem; }
    // Adds a preferred window row: weekday (Qt::Monday..), from, to.
    void addWindow(int weekday, QTime from, QTime to);

    static QString priorityName(const QString& wire);
    static QString statusName(const QString& wire);
    static QString weekdayName(int weekday);

private:
    // The first thing that keeps the entry from being saved, or empty.
    QString problem() const;
    QString clientId() const;

    QTimeZone m_zone = QTimeZone::utc();
    QJsonObject m_base;
    QHash<QString, QString> m_clientByLabel; // label -> id
    QHash<QString, QString> m_labelOfClient; // id -> label
    QLineEdit* m_client;
    QComboBox* m_provider;
    QComboBox* m_type;
    QSpinBox* m_duration;
    QComboBox* m_location;
    QTableWidget* m_windows;
    QPushButton* m_addWindow;
    QPushButton* m_removeWindow;
    QCheckBox* m_hasEarliest;
    QDateEdit* m_earliest;
    QCheckBox* m_hasLatest;
    QDateEdit* m_latest;
    QComboBox* m_priority;
    QPlainTextEdit* m_notes;
    QCheckBox* m_hasExpiry;
    QDateTimeEdit* m_expires;
    QLabel* m_problem;
};

} // namespace mss::ui
