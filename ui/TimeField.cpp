#include "ui/TimeField.h"

#include "ui/LocalText.h"

#include <QKeyEvent>
#include <QLocale>
#include <QRegularExpression>

namespace mss::ui {

namespace {

// "pm", "p", "p.m.", "p. m." and the locale's own word, folded to "p".
QString meridiemOf(QString rest) {
    rest.remove(QLatin1Char('.')).remove(QLatin1Char(' '));
    rest = rest.toLower();
    const auto folded = [](QString word) {
        return word.remove(QLatin1Char('.')).remove(QLatin1Char(' ')).toLower();
    };
    if (rest == QLatin1String("am") || rest == QLatin1String("a") ||
        (!rest.isEmpty() && rest == folded(QLocale().amText())))
        return QStringLiteral("a");
    if (rest == QLatin1String("pm") || rest == QLatin1String("p") ||
        (!rest.isEmpty() && rest == folded(QLocale().pmText())))
        return QStringLiteral("p");
    return rest.isEmpty() ? QString() : QStringLiteral("?");
}

} // namespace

std::optional<QTime> parseTypedTime(const QString& typed) {
    // Digits, an optional separator and minutes, then an optional am/pm.
    static const QRegularExpression shape(
        QStringLiteral(R"(^\s*(\d{1,4})(?:\s*[:.h]\s*(\d{2}))?\s*(\D*)$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = shape.match(typed);
    if (!m.hasMatch())
        return std::nullopt;
    const QString digits = m.captured(1);
    int hour = 0;
    int minute = 0;
    if (m.hasCaptured(2)) {
        if (digits.size() > 2)
            return std::nullopt;
        hour = digits.toInt();
        minute = m.captured(2).toInt();
    } else if (digits.size() <= 2) {
        hour = digits.toInt(); // "9", "14"
    } else {
        // "930", "1430": the last two digits are the minutes.
        hour = digits.left(digits.size() - 2).toInt();
        minute = digits.right(2).toInt();
    }
    const QString meridiem = meridiemOf(m.captured(3));
    if (meridiem == QLatin1String("?"))
        return std::nullopt;
    if (!meridiem.isEmpty()) {
        if (hour < 1 || hour > 12)
            return std::nullopt;
        hour %= 12;
        if (meridiem == QLatin1String("p"))
            hour += 12;
    }
    if (hour > 23 || minute > 59)
        return std::nullopt;
    return QTime(hour, minute);
}

TimeField::TimeField(QWidget* parent)
    : QLineEdit(parent) {
    setPlaceholderText(tr("e.g. 14:30 or 2:30 pm"));
    setToolTip(tr("Type a time: 1430, 14:30, 2:30 pm or 9"));
    connect(this, &QLineEdit::textEdited, this, &TimeField::typed);
    showTime();
}

void TimeField::setTime(QTime time) {
    if (!time.isValid())
        return;
    const bool changed = time != m_time;
    m_time = QTime(time.hour(), time.minute());
    showTime();
    setProblem({});
    if (changed)
        emit timeChanged(m_time);
}

void TimeField::showTime() {
    setText(LocalText::time(m_time));
}

void TimeField::typed(const QString& text) {
    const auto time = parseTypedTime(text);
    if (!time) {
        setProblem(text.trimmed().isEmpty() ? tr("Type the start time, e.g. 14:30")
                                            : tr("'%1' is not a time").arg(text.trimmed()));
        return;
    }
    setProblem({});
    if (*time != m_time) {
        m_time = *time;
        emit timeChanged(m_time);
    }
}

void TimeField::setProblem(const QString& problem) {
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit problemChanged(problem);
}

void TimeField::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) &&
        event->modifiers() == Qt::NoModifier) {
        const int step = event->key() == Qt::Key_Up ? 5 : -5;
        const int minutes = m_time.hour() * 60 + m_time.minute();
        // To the next multiple of five first: 9:03 goes up to 9:05.
        const int next = step > 0 ? (minutes / 5 + 1) * 5 : ((minutes + 4) / 5 - 1) * 5;
        setTime(QTime(0, 0).addSecs(qint64((next + 24 * 60) % (24 * 60)) * 60));
        selectAll();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void TimeField::focusOutEvent(QFocusEvent* event) {
    // What was typed is written back as a time; nonsense stays, named.
    if (m_problem.isEmpty())
        showTime();
    QLineEdit::focusOutEvent(event);
}

} // namespace mss::ui
