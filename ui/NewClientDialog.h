#pragma once

#include "base/Error.h"
#include "domain/Staff.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace mss::ui {

// A cached client the new one may be: who, and what they share.
struct ClientLookalike {
    domain::Client client;
    QStringList reasons; // "the same phone number", ...
};

// "+ New client" from the booking dialog: first and last name, phone,
// email and date of birth. On Save the fields are checked by the
// application's rules (the phone in E.164, a bad number named), then
// compared with the clients it knows: when someone looks like the same
// person the form says who and why, and offers to use them instead; saving
// again adds the new client anyway. The dialog never writes anything
// itself: the application's creator does, and the dialog closes with the
// client it made or the one chosen instead.
class NewClientDialog : public QDialog {
    Q_OBJECT

public:
    using Preparer = std::function<Checked<domain::Client>(const domain::Client&)>;
    using Matcher = std::function<QList<ClientLookalike>(const domain::Client&)>;
    using Creator = std::function<Checked<domain::Client>(const domain::Client&)>;

    explicit NewClientDialog(QWidget* parent = nullptr);

    void setPreparer(Preparer preparer) { m_prepare = std::move(preparer); }
    void setMatcher(Matcher matcher) { m_match = std::move(matcher); }
    void setCreator(Creator creator) { m_create = std::move(creator); }
    // What was typed in the client search: "Ana Núñez" fills both names.
    void setTypedName(const QString& typed);

    // After accept(): the new client, or the existing one chosen instead.
    const domain::Client& client() const { return m_result; }
    bool choseExisting() const { return m_choseExisting; }

    QLineEdit* firstNameField() const { return m_first; }
    QLineEdit* lastNameField() const { return m_last; }
    QLineEdit* phoneField() const { return m_phone; }
    QLineEdit* emailField() const { return m_email; }
    QLineEdit* birthDateField() const { return m_birth; }
    QLabel* problemLabel() const { return m_problems; }
    QLabel* lookalikeLabel() const { return m_lookalikeText; }
    QPushButton* saveButton() const { return m_save; }
    // One "Use …" button per lookalike shown.
    QList<QPushButton*> useButtons() const { return m_useButtons; }

private:
    void save();
    std::optional<domain::Client> draft();
    void showProblems(const Errors& errors);
    void showLookalikes(const QList<ClientLookalike>& lookalikes);
    void clearLookalikes();

    Preparer m_prepare;
    Matcher m_match;
    Creator m_create;
    domain::Client m_result;
    bool m_choseExisting = false;
    // The draft the user was warned about: saving it unchanged adds it.
    std::optional<domain::Client> m_warnedAbout;

    QLineEdit* m_first;
    QLineEdit* m_last;
    QLineEdit* m_phone;
    QLineEdit* m_email;
    QLineEdit* m_birth;
    QLabel* m_problems;
    QLabel* m_lookalikeText;
    QVBoxLayout* m_lookalikeBox;
    QList<QPushButton*> m_useButtons;
    QPushButton* m_save;
};

} // namespace mss::ui
