#pragma once

#include <QLineEdit>
#include <QTime>

#include <optional>

namespace mss::ui {

// A time of day as a person types it at a desk: "1430", "14:30", "2:30 pm",
// "2:30p", "9" (09:00), "12am" (midnight), also with the locale's own AM/PM
// words ("2:30 p. m."). Nothing else: nullopt for anything that is not a
// time of day ("25:99", "abc", "13 pm").
std::optional<QTime> parseTypedTime(const QString& typed);

// The time field of the booking dialog. A QTimeEdit edits hours and minutes
// as separate sections, so selecting all and typing "1430" or "2:30 pm"
// lands nowhere useful; this field reads the whole text as typed. While the
// text reads as a time, time() follows it (timeChanged at each keystroke,
// so the booking is checked as it is typed); when it does not, problem()
// names it ("'25:99' is not a time") and time() keeps the last good one.
// Leaving the field writes the time back in the locale's short format.
// Up and Down move it by five minutes.
class TimeField : public QLineEdit {
    Q_OBJECT

public:
    explicit TimeField(QWidget* parent = nullptr);

    QTime time() const { return m_time; }
    void setTime(QTime time);
    // Empty while the text reads as a time.
    const QString& problem() const { return m_problem; }

signals:
    void timeChanged(QTime time);
    void problemChanged(const QString& problem);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void typed(const QString& text);
    void setProblem(const QString& problem);
    void showTime();

    QTime m_time{9, 0};
    QString m_problem;
};

} // namespace mss::ui
