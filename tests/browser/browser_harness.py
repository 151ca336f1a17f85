"""What the browser tests share: their checks, calls to the API, the
server started on loopback and a headless Chromium.

Every wait is a bound on a hang (BOUND_SECONDS), never a timed assertion.
"""

import json
import shutil
import subprocess
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BOUND_SECONDS = 60


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)
    print("PASS:", what, flush=True)


def api_call(base, method, path, body=None, token=None):
    """(status, JSON answer) of one API request."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=BOUND_SECONDS) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def serve(binary, data_dir, *options):
    """`mentalspace-server serve` on a free loopback port: (process, base URL)."""
    server = subprocess.Popen(
        [binary, "serve", "--data-dir", data_dir, "--listen", "127.0.0.1:0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = server.stdout.readline().decode().strip()
    prefix = "Listening on "
    if not line.startswith(prefix):
        server.kill()
        raise Failure("the server did not start: " + line + server.stderr.read().decode())
    return server, line[len(prefix):]


def browser(profile, *flags):
    """Headless Chromium (as root it needs --no-sandbox) with a throw-away profile."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in ("--no-sandbox", "--headless=new", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 *flags, "--user-data-dir=" + profile):
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(BOUND_SECONDS)
    driver.set_script_timeout(BOUND_SECONDS)
    return driver


def clean_up(work, driver=None, server=None, httpds=()):
    """Whatever a test started, stopped however it ended: the browser, the
    HTTP servers of its own (shut down), the practice's server (asked to
    stop, then killed if it does not within the bound), and its folder."""
    if driver is not None:
        driver.quit()
    for httpd in httpds:
        httpd.shutdown()
    if server is not None:
        server.terminate()
        try:
            server.wait(timeout=BOUND_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    shutil.rmtree(work, ignore_errors=True)
