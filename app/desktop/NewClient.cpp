#include "NewClient.h"

#include "DeskSession.h"
#include "ui/NewClientDialog.h"

namespace mss::desktop {

std::optional<domain::Client> addClient(DeskSession& session, QWidget* parent,
                                        const QString& typed) {
    sync::LocalClients& clients = session.clients();
    ui::NewClientDialog dialog(parent);
    dialog.setTypedName(typed);
    dialog.setPreparer([&](const domain::Client& c) { return clients.prepared(c); });
    dialog.setMatcher([&](const domain::Client& c) {
        QList<ui::ClientLookalike> out;
        for (const sync::ClientMatch& m : clients.matchesOf(c).value_or(QList<sync::ClientMatch>{}))
            out.append({m.client, m.reasons});
        return out;
    });
    dialog.setCreator([&](const domain::Client& c) { return clients.create(c); });
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    if (!dialog.choseExisting())
        session.engine().syncNow(); // on its way at once when online
    return dialog.client();
}

} // namespace mss::desktop
