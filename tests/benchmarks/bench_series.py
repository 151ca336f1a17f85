#!/usr/bin/env python3
"""A 1,000-occurrence weekly series booked through the real server, end to end.

For each count of availability records (default 0, 100, 400) a fresh
practice (America/New_York) is made with `mentalspace-server init`, its
clinician is given that many availability records through the API, and
POST /api/v1/recurring-appointments books a weekly series of 1,000
occurrences; the wall time of that one request is reported, best and median
of RUNS (each run books a new series at another hour, so none conflicts).

Usage: tests/benchmarks/bench_series.py [SERVER_BINARY ...]
       (default: build/app/server/mentalspace-server)
Env:   RECORDS ("0 100 400"), RUNS (5)

Several binaries (an older build beside this one) are measured in turn on
the same practice layout, so their figures come from the same moment.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PASSWORD = "correct horse battery staple"
ROOT = Path(__file__).resolve().parents[2]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Server:
    def __init__(self, binary, data):
        self.binary, self.data = binary, data

    def command(self, *args, stdin=""):
        subprocess.run([self.binary, *args], input=stdin.encode(), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--data-dir", self.data, "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            if line.startswith("Listening on "):
                self.url = line.split()[-1]
                return
        raise SystemExit("the server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(30)

    def request(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=600) as reply:
                return reply.status, json.load(reply)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def login(self, email):
        status, reply = self.request("POST", "/api/v1/auth/login",
                                     {"email": email, "password": PASSWORD})
        assert status == 200, reply
        return reply["token"]


def availability(provider, i):
    """Record i of a provider's history: ten-week weekday blocks one after
    another from 2030 (so a 19-year series meets most of them), every tenth
    a day of time off."""
    if i % 10 == 9:
        day = f"{2030 + i // 20:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        return {"provider": provider, "isRecurring": False, "isAvailable": False,
                "startTime": "00:00", "endTime": "24:00", "effectiveDate": day, "endDate": day}
    start = 2030 * 52 + (i // 7) * 2
    year, week = divmod(start, 52)
    first = f"{year:04d}-{1 + week // 5 % 12:02d}-01"
    return {"provider": provider, "dayOfWeek": DAYS[i % 7], "startTime": "08:00",
            "endTime": "19:00", "isAvailable": True, "location": "Both", "isRecurring": True,
            "effectiveDate": first}


def measure(binary, records, runs):
    with tempfile.TemporaryDirectory() as data:
        server = Server(binary, data)
        server.command("init", "--data-dir", data, "--time-zone", "America/New_York",
                       "--admin-email", "admin@bench.practice", stdin=PASSWORD + "\n")
        server.command("user", "add", "--data-dir", data, "--email", "clinician@bench.practice",
                       "--role", "CLINICIAN", "--first-name", "Bench", "--last-name", "Clinician",
                       stdin=PASSWORD + "\n")
        server.start()
        try:
            admin = server.login("admin@bench.practice")
            _, me = server.request("GET", "/api/v1/auth/me",
                                   token=server.login("clinician@bench.practice"))
            provider = me["data"]["_id"]
            status, client = server.request("POST", "/api/v1/clients",
                                            {"firstName": "Bench", "lastName": "Client"}, admin)
            assert status == 201, client
            for i in range(records):
                status, reply = server.request("POST", f"/api/v1/staff/{provider}/availabilities",
                                               availability(provider, i), admin)
                assert status == 201, reply
            times = []
            for run in range(runs):
                series = {"client": client["data"]["_id"], "provider": provider,
                          "appointmentType": "Individual Therapy", "duration": 50,
                          "recurrencePattern": "Weekly", "dayOfWeek": "Monday",
                          "startTime": f"{9 + run:02d}:00", "startDate": "2030-01-07",
                          "numberOfOccurrences": 1000}
                started = time.perf_counter()
                status, reply = server.request("POST", "/api/v1/recurring-appointments", series,
                                               admin)
                times.append(time.perf_counter() - started)
                assert status == 201, reply
                assert reply["generatedCount"] == 1000, reply
            warned = sum(len(w.get("occurrences", [])) for w in reply.get("warnings", []))
            return times, warned
        finally:
            server.stop()


def main():
    binaries = sys.argv[1:] or [str(ROOT / "build/app/server/mentalspace-server")]
    runs = int(os.environ.get("RUNS", "5"))
    print(f"1,000-occurrence weekly series, POST /api/v1/recurring-appointments, {runs} runs")
    print(f"{'server':<50} {'records':>7} {'best':>9} {'median':>9} {'outside':>8}")
    for records in map(int, os.environ.get("RECORDS", "0 100 400").split()):
        for binary in binaries:
            times, warned = measure(binary, records, runs)
            print(f"{binary[-50:]:<50} {records:>7} {min(times) * 1000:>7.0f}ms "
                  f"{statistics.median(times) * 1000:>7.0f}ms {warned:>8}", flush=True)


if __name__ == "__main__":
    main()
