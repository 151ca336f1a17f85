#include "ui/EditScopeDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mss::ui {

EditScopeDialog::EditScopeDialog(const QString& action, QWidget* parent)
    : QDialog(parent)
    , m_this(new QRadioButton(tr("&This occurrence only"), this))
    , m_following(new QRadioButton(tr("This and &following occurrences"), this))
    , m_all(new QRadioButton(tr("&All occurrences of the series"), this)) {
    setWindowTitle(tr("Recurring appointment"));
    auto* question = new QLabel(tr("This appointment is part of a series. Which occurrences do "
                                   "you want to %1?")
                                    .arg(action),
                                this);
    question->setWordWrap(true);
    m_this->setChecked(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_this);
    layout->addWidget(m_following);
    layout->addWidget(m_all);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

EditScope EditScopeDialog::scope() const {
    if (m_following->isChecked())
        return EditScope::ThisAndFollowing;
    if (m_all->isChecked())
        return EditScope::AllOccurrences;
    return EditScope::ThisOccurrence;
}

void EditScopeDialog::setScope(EditScope scope) {
    button(scope)->setChecked(true);
}

QRadioButton* EditScopeDialog::button(EditScope scope) const {
    switch (scope) {
    case EditScope::ThisOccurrence:
        return m_this;
    case EditScope::ThisAndFollowing:
        return m_following;
    case EditScope::AllOccurrences:
        return m_all;
    }
    return m_this;
}

std::optional<EditScope> EditScopeDialog::ask(const QString& action, QWidget* parent) {
    EditScopeDialog dialog(action, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.scope();
}

} // namespace mss::ui
