#include "ui/NewClientDialog.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace mss::ui {

using namespace Qt::StringLiterals;

NewClientDialog::NewClientDialog(QWidget* parent)
    : QDialog(parent)
    , m_first(new QLineEdit(this))
    , m_last(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_birth(new QLineEdit(this))
    , m_problems(new QLabel(this))
    , m_lookalikeText(new QLabel(this))
    , m_lookalikeBox(new QVBoxLayout) {
    setObjectName(u"newClientDialog"_s);
    setWindowTitle(tr("New client"));
    m_phone->setPlaceholderText(tr("(202) 555-0143 or +44 20 7946 0018"));
    m_email->setPlaceholderText(tr("name@example.org"));
    m_birth->setPlaceholderText(tr("YYYY-MM-DD"));
    for (QLabel* label : {m_problems, m_lookalikeText}) {
        label->setWordWrap(true);
        label->hide();
    }
    m_problems->setObjectName(u"newClientProblems"_s);
    m_problems->setStyleSheet(u"color: #b91c1c;"_s);
    m_lookalikeText->setObjectName(u"newClientLookalikes"_s);

    auto* form = new QFormLayout;
    form->addRow(tr("&First name:"), m_first);
    form->addRow(tr("&Last name:"), m_last);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Date of birth:"), m_birth);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("&Add client"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewClientDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(m_lookalikeText);
    layout->addLayout(m_lookalikeBox);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void NewClientDialog::setTypedName(const QString& typed) {
    const QStringList words = typed.simplified().split(u' ', Qt::SkipEmptyParts);
    m_first->setText(words.value(0));
    m_last->setText(words.mid(1).join(u' '));
    (m_last->text().isEmpty() ? m_last : m_phone)->setFocus();
}

std::optional<domain::Client> NewClientDialog::draft() {
    domain::Client c;
    c.firstName = m_first->text();
    c.lastName = m_last->text();
    if (!m_phone->text().trimmed().isEmpty())
        c.phone = m_phone->text();
    if (!m_email->text().trimmed().isEmpty())
        c.email = m_email->text();
    const QString born = m_birth->text().trimmed();
    if (!born.isEmpty()) {
        const QDate date = QDate::fromString(born, Qt::ISODate);
        if (!date.isValid()) {
            showProblems({{ErrorCode::InvalidTime, u"dateOfBirth"_s,
                           tr("Type the date of birth as YYYY-MM-DD (%1 is not one).").arg(born)}});
            m_birth->setFocus();
            return std::nullopt;
        }
        c.dateOfBirth = date.toString(Qt::ISODate);
    }
    return c;
}

void NewClientDialog::save() {
    auto c = draft();
    if (!c)
        return;
    if (m_prepare) {
        auto prepared = m_prepare(*c);
        if (!prepared) {
            showProblems(prepared.error());
            return;
        }
        c = *prepared;
    }
    m_problems->hide();
    // Warned once about this very client: saving again means "add anyway".
    const bool confirmed = m_warnedAbout && *m_warnedAbout == *c;
    if (!confirmed && m_match) {
        const QList<ClientLookalike> lookalikes = m_match(*c);
        if (!lookalikes.isEmpty()) {
            m_warnedAbout = c;
            showLookalikes(lookalikes);
            return;
        }
    }
    if (!m_create) {
        m_result = *c;
        accept();
        return;
    }
    auto made = m_create(*c);
    if (!made) {
        showProblems(made.error());
        return;
    }
    m_result = *made;
    accept();
}

void NewClientDialog::showProblems(const Errors& errors) {
    QStringList lines;
    for (const Error& e : errors)
        lines << e.message;
    m_problems->setText(lines.join(u'\n'));
    m_problems->show();
    // The first field at fault takes the cursor.
    const QHash<QString, QLineEdit*> fields{{u"firstName"_s, m_first},
                                            {u"lastName"_s, m_last},
                                            {u"phone"_s, m_phone},
                                            {u"email"_s, m_email},
                                            {u"dateOfBirth"_s, m_birth}};
    if (!errors.isEmpty()) {
        if (QLineEdit* field = fields.value(errors.front().field))
            field->setFocus();
    }
}

void NewClientDialog::clearLookalikes() {
    for (QPushButton* b : std::as_const(m_useButtons))
        b->deleteLater();
    m_useButtons.clear();
    m_lookalikeText->hide();
}

void NewClientDialog::showLookalikes(const QList<ClientLookalike>& lookalikes) {
    clearLookalikes();
    QStringList lines;
    for (const ClientLookalike& l : lookalikes) {
        QString who = l.client.displayName();
        if (l.client.dateOfBirth)
            who = tr("%1 (born %2)").arg(who, l.client.dateOfBirth->left(10));
        lines << tr("%1 has %2.").arg(who, QLocale().createSeparatedList(l.reasons));
        auto* use = new QPushButton(tr("Use %1").arg(l.client.displayName()), this);
        use->setAutoDefault(false);
        connect(use, &QPushButton::clicked, this, [this, client = l.client] {
            m_result = client;
            m_choseExisting = true;
            accept();
        });
        m_lookalikeBox->addWidget(use);
        m_useButtons << use;
    }
    m_lookalikeText->setText(tr("This may be a client the practice has already:") + u'\n' +
                             lines.join(u'\n') + u'\n' +
                             tr("Use them instead, or add the new client anyway."));
    m_lookalikeText->show();
    m_save->setText(tr("&Add anyway"));
}

} // namespace mss::ui
