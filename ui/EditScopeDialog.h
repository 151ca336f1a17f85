#pragma once

#include <QDialog>

#include <optional>

class QRadioButton;

namespace mss::ui {

// Which occurrences of a series a change applies to.
enum class EditScope : int { ThisOccurrence = 0, ThisAndFollowing = 1, AllOccurrences = 2 };

// Asked when someone changes (or cancels) one occurrence of a recurring
// appointment. "This occurrence" is the default: the smallest change is
// the safe one.
class EditScopeDialog : public QDialog {
    Q_OBJECT

public:
    // `action` names what is being done: "move", "cancel", "edit"...
    explicit EditScopeDialog(const QString& action, QWidget* parent = nullptr);

    EditScope scope() const;
    void setScope(EditScope scope);
    QRadioButton* button(EditScope scope) const;

    // Shows the dialog; nullopt when the user backs out.
    static std::optional<EditScope> ask(const QString& action, QWidget* parent);

private:
    QRadioButton* m_this;
    QRadioButton* m_following;
    QRadioButton* m_all;
};

} // namespace mss::ui
