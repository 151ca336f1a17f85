#!/usr/bin/env python3
"""A client takes a waitlist offer in a real browser.

Starts mentalspace-server on loopback with an SMS gateway stand-in (python's
http.server recording the form each message is POSTed as), puts a client
on the waitlist for a day two days ahead, has the clinician open hours on
that weekday (new availability is freed time), and waits for the offer's
text message. Headless Chromium then opens the link
the message carries, as a phone's browser would: the page shows the time
and its buttons and has changed nothing; pressing "Book this time" books
it, and the API shows the appointment and the entry Booked.

Usage: tst_browser_offer.py PATH/TO/mentalspace-server
Exit 0 when every check holds; 1 (naming the check) otherwise.
"""

import datetime
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zoneinfo

from browser_harness import (BOUND_SECONDS, Failure, api_call, browser, check, clean_up,
                             serve)
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException

PASSWORD = "a long password for the browser test"
EMAIL = "admin@test.practice"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class Gateway(http.server.BaseHTTPRequestHandler):
    received = []
    lock = threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with Gateway.lock:
            Gateway.received.append(urllib.parse.parse_qs(body.decode()))
        self.send_response(201)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def run(binary, *args, stdin=b""):
    done = subprocess.run([binary, *args], input=stdin, capture_output=True,
                          timeout=BOUND_SECONDS)
    if done.returncode != 0:
        raise Failure(" ".join(args[:2]) + ": " + done.stderr.decode())


def start_server(binary, data_dir):
    run(binary, "init", "--data-dir", data_dir, "--time-zone", "America/New_York",
        "--admin-email", EMAIL, stdin=(PASSWORD + "\n").encode())
    run(binary, "user", "add", "--data-dir", data_dir, "--email", "clinician@test.practice",
        "--role", "CLINICIAN", "--first-name", "Rosa", "--last-name", "Diaz",
        stdin=(PASSWORD + "\n").encode())
    return serve(binary, data_dir, "--reminder-interval-ms", "200")


def wait_for(what, condition):
    deadline = time.monotonic() + BOUND_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise Failure("gave up waiting: " + what)


def heading(driver):
    """The page's first heading, or "" while the next page is still loading:
    a click's navigation can leave no <h1>, or a stale one, for a moment."""
    try:
        headings = driver.find_elements(By.TAG_NAME, "h1")
        return headings[0].text if headings else ""
    except StaleElementReferenceException:
        return ""


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="mss-offer-")
    server = driver = gateway = None
    try:
        gateway = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
        threading.Thread(target=gateway.serve_forever, daemon=True).start()
        server, api = start_server(binary, os.path.join(work, "practice"))
        status, login = api_call(api, "POST", "/api/v1/auth/login",
                                 {"email": EMAIL, "password": PASSWORD})
        check(status == 200, "the admin signs in")
        token = login["token"]
        status, _ = api_call(api, "PUT", "/api/v1/settings/reminders", {
            "smsUrl": "http://127.0.0.1:%d/Messages.json" % gateway.server_address[1],
            "smsAccount": "AC1", "smsToken": "token", "smsFrom": "+15550001111",
            "practiceName": "Riverside Counseling", "publicBaseUrl": api}, token)
        check(status == 200, "the practice sends text messages")
        status, staff = api_call(api, "GET", "/api/v1/staff?role=CLINICIAN", token=token)
        provider = staff["data"][0]["_id"]
        ids = {}
        for name, phone in (("Ada", "+15550000002"),):
            status, client = api_call(api, "POST", "/api/v1/clients",
                                      {"firstName": name, "lastName": "Test", "phone": phone},
                                      token)
            ids[name] = client["data"]["_id"]
        # Two days ahead, in New York: Ada waits for a time that day.
        zone = zoneinfo.ZoneInfo("America/New_York")
        day = (datetime.datetime.now(zone) + datetime.timedelta(days=2)).date()
        status, entry = api_call(api, "POST", "/api/v1/waitlist", {
            "client": ids["Ada"], "provider": provider, "appointmentType": "Individual Therapy",
            "duration": 50, "earliestDate": day.isoformat(), "latestDate": day.isoformat()},
            token)
        check(status == 201, "Ada waits for a time")
        entry_id = entry["data"]["_id"]
        # The clinician opens that weekday's hours, 08:00-20:00: the first
        # 50 minutes are offered to Ada.
        status, _ = api_call(api, "POST", "/api/v1/staff/%s/availabilities" % provider,
                             {"dayOfWeek": day.strftime("%A"), "startTime": "08:00",
                              "endTime": "20:00"}, token)
        check(status == 201, "the clinician opens hours on " + day.strftime("%A"))
        start = datetime.datetime.combine(day, datetime.time(8, 0), zone).astimezone(
            datetime.timezone.utc)
        def offer_link():
            with Gateway.lock:
                for form in Gateway.received:
                    if form.get("To") == ["+15550000002"]:
                        m = re.search(r"https?://\S+/api/v1/public/offer/[A-Za-z0-9_-]+",
                                      form["Body"][0])
                        if m:
                            return m.group(0)
            return None

        link = wait_for("the offer's text message", offer_link)
        check(link.startswith(api), "the message links to the practice's server")
        wait_for("the offer recorded as sent", lambda: api_call(
            api, "GET", "/api/v1/waitlist/" + entry_id, token=token)[1]["data"]["offer"]
            and api_call(api, "GET", "/api/v1/waitlist/" + entry_id,
                         token=token)[1]["data"]["offer"].get("sentAt"))

        driver = browser(os.path.join(work, "profile"), "--window-size=390,844")
        driver.get(link)
        check("A time has opened up" in driver.find_element(By.TAG_NAME, "h1").text,
              "the browser shows the offer")
        check("Rosa Diaz" in driver.page_source, "the page names the clinician")
        status, entry = api_call(api, "GET", "/api/v1/waitlist/" + entry_id, token=token)
        check(entry["data"]["status"] == "Offered", "opening the page changed nothing")
        driver.find_element(By.CSS_SELECTOR, "button[value=accept]").click()
        wait_for("the answer page", lambda: "Booked" in heading(driver))
        check(True, "the browser shows the booking")
        status, entry = api_call(api, "GET", "/api/v1/waitlist/" + entry_id, token=token)
        check(entry["data"]["status"] == "Booked", "the entry is Booked")
        status, appointment = api_call(
            api, "GET", "/api/v1/appointments/" + entry["data"]["bookedAppointment"],
            token=token)
        check(status == 200 and appointment["data"]["client"] == ids["Ada"]
              and appointment["data"]["startTime"] == iso(start),
              "Ada has the appointment at the freed time")
        return 0
    except Failure as e:
        print("FAIL:", e, flush=True)
        return 1
    finally:
        clean_up(work, driver, server, [gateway] if gateway is not None else [])


if __name__ == "__main__":
    sys.exit(main())
