#pragma once

#include "sync/ApiClient.h"

#include <functional>

namespace mss::sync {

class TokenStore;

// A desk that has signed in to an account before is a known device to the
// server: the server answered it a device token, which the desk keeps in
// the keychain next to the session token and presents at its next sign-in.
// The server then judges that sign-in by the desk's own mistakes only, so
// guesses made against the account elsewhere, or from the office's address,
// never lock the desk out (docs/server.md, "Sign-in throttling").
//
// Signs in to `api` with the device token `keychain` holds for `account`
// (TokenStore::account), and keeps the one the server answers. Keychain
// trouble never stops a sign-in: it only makes it an unknown device's.
// `done` runs with the server's answer, unless `api` is gone by then.
void signInAsKnownDevice(ApiClient& api, TokenStore& keychain, const QString& account,
                         const QString& email, const QString& password,
                         std::function<void(const ApiResponse&)> done);

} // namespace mss::sync
