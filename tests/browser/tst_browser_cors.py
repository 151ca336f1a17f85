#!/usr/bin/env python3
"""A web page on another origin calls the real server from a real browser.

Starts mentalspace-server on loopback with --allow-origin for one page
origin, serves a small page from two other origins (python's http.server on
two ports), and has headless Chromium run, on each page, what a web
frontend does: log in with fetch (a JSON POST, so a preflight), then call
the API with the bearer token. From the allowed origin everything reads,
errors included (a 414 for a URL past the server's limit too); from the other one the browser blocks every answer. Then
the practice setting (PUT /api/v1/settings allowedOrigins) allows the
second origin too, and its page works.

Usage: tst_browser_cors.py PATH/TO/mentalspace-server
Exit 0 when every check holds; 1 (naming the check) otherwise.
"""

import http.server
import os
import subprocess
import sys
import tempfile
import threading

from browser_harness import (BOUND_SECONDS, Failure, api_call, browser, check, clean_up,
                             serve)

PASSWORD = "a long password for the browser test"
EMAIL = "admin@test.practice"
# Every wait below is a bound on a hang, never a timed assertion.

PAGE = b"""<!doctype html>
<html><head><meta charset="utf-8"><title>MentalSpace web page</title></head>
<body><p>A page of another origin.</p></body></html>
"""

# What a web frontend does, run inside the page (its origin is the page's).
# Each step reports what the page could read, or how fetch failed.
SCRIPT = """
const [api, email, password, done] = arguments;
async function step(path, init) {
  try {
    const r = await fetch(api + path, init);
    let body = null;
    try { body = await r.json(); } catch (e) {}
    return {ok: true, status: r.status, body: body, etag: r.headers.get('ETag')};
  } catch (e) {
    return {ok: false, error: String(e)};
  }
}
(async () => {
  const out = {};
  out.login = await step('/api/v1/auth/login', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({email: email, password: password})});
  const token = out.login.ok && out.login.body ? out.login.body.token : 'none';
  const auth = {'Authorization': 'Bearer ' + token};
  out.me = await step('/api/v1/auth/me', {headers: auth});
  out.noToken = await step('/api/v1/appointments', {});
  out.notFound = await step('/api/v1/appointments/ffffffffffffffffffffffff', {headers: auth});
  out.created = await step('/api/v1/clients', {
      method: 'POST', headers: Object.assign({'Content-Type': 'application/json'}, auth),
      body: JSON.stringify({firstName: 'Web', lastName: 'Page'})});
  const id = out.created.ok && out.created.body && out.created.body.data
      ? out.created.body.data._id : 'ffffffffffffffffffffffff';
  out.read = await step('/api/v1/clients/' + id, {headers: auth});
  out.changed = await step('/api/v1/clients/' + id, {
      method: 'PUT',
      headers: Object.assign({'Content-Type': 'application/json', 'If-Match': '"1"'}, auth),
      body: JSON.stringify({lastName: 'Pages'})});
  // No header a page must ask leave for: a simple GET, no preflight.
  out.longUrl = await step('/api/v1/health?q=' + 'x'.repeat(70000), {});
  done(out);
})();
"""


class Page(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


def serve_page():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, "http://127.0.0.1:%d" % httpd.server_address[1]


def start_server(binary, data_dir, allowed_origin):
    init = subprocess.run(
        [binary, "init", "--data-dir", data_dir, "--time-zone", "America/New_York",
         "--admin-email", EMAIL],
        input=(PASSWORD + "\n").encode(), capture_output=True, timeout=BOUND_SECONDS)
    if init.returncode != 0:
        raise Failure("init: " + init.stderr.decode())
    return serve(binary, data_dir, "--allow-origin", allowed_origin)


def run_page(driver, page, api):
    driver.get(page + "/")
    return driver.execute_async_script(SCRIPT, api, EMAIL, PASSWORD)


def expect_allowed(out, origin):
    check(out["login"].get("ok") and out["login"]["status"] == 200
          and out["login"]["body"]["token"], origin + " logs in with fetch")
    check(out["me"].get("status") == 200 and out["me"]["body"]["data"]["email"] == EMAIL,
          origin + " calls with the bearer token")
    check(out["noToken"].get("status") == 401
          and out["noToken"]["body"]["code"] == "NOT_AUTHENTICATED",
          origin + " reads a 401")
    check(out["notFound"].get("status") == 404 and out["notFound"]["body"]["code"] == "NOT_FOUND",
          origin + " reads a 404")
    check(out["created"].get("status") == 201, origin + " creates (POST with a token)")
    check(out["read"].get("status") == 200 and out["read"].get("etag") == '"1"',
          origin + " reads a record and its ETag")
    check(out["changed"].get("status") == 200
          and out["changed"]["body"]["data"]["lastName"] == "Pages",
          origin + " changes it (PUT with If-Match)")
    check(out["longUrl"].get("status") == 414
          and out["longUrl"]["body"]["code"] == "URI_TOO_LONG"
          and "max-header-bytes" in out["longUrl"]["body"]["error"],
          origin + " reads why a 70 KB URL is refused (414)")


def expect_blocked(out, origin):
    for step, result in out.items():
        check(not result.get("ok") and "Failed to fetch" in result.get("error", ""),
              origin + ": the browser blocks " + step)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="mss-browser-")
    server = driver = None
    pages = []
    try:
        allowed_httpd, allowed = serve_page()
        other_httpd, other = serve_page()
        pages = [allowed_httpd, other_httpd]
        server, api = start_server(binary, os.path.join(work, "practice"), allowed)
        check(api.split(":")[-1] not in (allowed.split(":")[-1], other.split(":")[-1]),
              "the page origins are not the server's")
        driver = browser(os.path.join(work, "profile"))

        expect_allowed(run_page(driver, allowed, api), allowed)
        expect_blocked(run_page(driver, other, api), other)

        # The practice's setting adds the second origin to --allow-origin's.
        status, login = api_call(api, "POST", "/api/v1/auth/login",
                                 {"email": EMAIL, "password": PASSWORD})
        check(status == 200, "a script logs in (no Origin, no CORS)")
        status, settings = api_call(api, "PUT", "/api/v1/settings",
                                    {"allowedOrigins": [other]}, login["token"])
        check(status == 200 and settings["data"]["allowedOrigins"] == [other],
              "the practice allows " + other)
        expect_allowed(run_page(driver, other, api), other)
        expect_allowed(run_page(driver, allowed, api), allowed + " still")
        return 0
    except Failure as e:
        print("FAIL:", e, flush=True)
        return 1
    finally:
        clean_up(work, driver, server, pages)


if __name__ == "__main__":
    sys.exit(main())
