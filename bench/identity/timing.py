#!/usr/bin/env python3
"""Timing side channel of the answers that must not reveal whether an email has an account.

For each endpoint, sends N requests for addresses that have an account and N for addresses that do not, interleaved
in random order over one keep-alive connection, each from its own client address (X-Forwarded-For, believed from the
loopback proxy the server is told to trust), and compares the response times: medians, p10/p90, and how often one
request guesses right with the best threshold (100 % = the time tells every time; with no signal at all the best
threshold still scores about 53 % at N=300, 55.5 % at the 95th percentile, because it is chosen after the fact).

    timing.py BASE_URL N KNOWN_EMAIL... -- ENDPOINT...
    e.g. timing.py http://127.0.0.1:18081 300 a@x.dev b@x.dev -- forgot-password resend-verification login register

Status and body must also be the same; the script counts any difference. GAP_MS=n waits n ms between requests, which
separates the cost of a request from work an earlier request left running.
"""
import http.client
import json
import os
import random
import statistics
import sys
import time
import urllib.parse
import uuid


def request(conn, path, body, address):
    payload = json.dumps(body)
    headers = {"Content-Type": "application/json", "X-Forwarded-For": address}
    start = time.perf_counter()
    conn.request("POST", path, payload, headers)
    response = conn.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000.0
    return response.status, data, elapsed


def body_of(endpoint, email):
    if endpoint == "login":
        return {"email": email, "password": "Not-the-password-42"}
    if endpoint == "register":  # a taken address, or a new one (which the request then creates)
        return {"email": email, "password": "Timing-bench-password-7"}
    return {"email": email}


def normalized(data):
    try:
        parsed = json.loads(data)
    except ValueError:
        return data
    if isinstance(parsed, dict):
        parsed.pop("traceId", None)
    return json.dumps(parsed, sort_keys=True)


def best_accuracy(known, unknown):
    """Balanced accuracy of the best single threshold (either direction)."""
    best = 0.5
    for threshold in sorted(set(known + unknown)):
        above_known = sum(1 for t in known if t > threshold) / len(known)
        above_unknown = sum(1 for t in unknown if t > threshold) / len(unknown)
        best = max(best, (above_known + 1 - above_unknown) / 2, (above_unknown + 1 - above_known) / 2)
    return best


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    args = sys.argv[1:]
    split = args.index("--")
    base, n, known_emails, endpoints = args[0], int(args[1]), args[2:split], args[split + 1:]
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    rng = random.Random(13)
    # as many addresses without an account as with one, each asked as often: both groups repeat alike
    unknown_emails = ["nobody-%d-%s@example.com" % (i, uuid.uuid4().hex[:8]) for i in range(len(known_emails))]
    for endpoint in endpoints:
        path = "/api/v1/auth/" + endpoint
        plan = [True] * n + [False] * n
        rng.shuffle(plan)
        times = {True: [], False: []}
        answers = {True: set(), False: set()}
        # warm up both paths
        for i in range(10):
            request(conn, path, body_of(endpoint, known_emails[i % len(known_emails)]), "198.18.0.%d" % (i + 1))
            request(conn, path, body_of(endpoint, "warm-%s@example.com" % uuid.uuid4().hex[:8]), "198.18.1.%d" % (i + 1))
        gap = float(os.environ.get("GAP_MS", "0")) / 1000.0
        for i, known in enumerate(plan):
            if gap:
                time.sleep(gap)  # lets whatever the previous request left running finish first
            if endpoint == "register" and not known:
                email = "new-%s@example.com" % uuid.uuid4().hex[:10]  # a new address is only new once
            else:
                email = rng.choice(known_emails if known else unknown_emails)
            address = "198.19.%d.%d" % (i // 250, i % 250 + 1)
            status, data, elapsed = request(conn, path, body_of(endpoint, email), address)
            times[known].append(elapsed)
            answers[known].add((status, normalized(data)))
        same = answers[True] == answers[False] and len(answers[True]) == 1
        print("%s: N=%d each" % (path, n))
        for known in (True, False):
            values = times[known]
            print("  %-8s median %6.2f ms  p10 %6.2f  p90 %6.2f  mean %6.2f" % (
                "account" if known else "none", statistics.median(values), percentile(values, 10),
                percentile(values, 90), statistics.mean(values)))
        print("  difference of medians: %.2f ms; one request guesses right: %.1f %%" % (
            statistics.median(times[True]) - statistics.median(times[False]),
            100.0 * best_accuracy(times[True], times[False])))
        print("  same status and body: %s %s" % (same, sorted({s for s, _ in answers[True] | answers[False]})))


if __name__ == "__main__":
    main()
