#!/usr/bin/env python3
"""Builds a trader's book through the public API (issue 15's summary benchmark, bench/book/summary.sh).

    book.py BASE_URL TOKEN CLOSES_CSV POSITIONS ACTIONS_PER_POSITION [THREADS] [PSQL_JOURNAL]

CLOSES_CSV: "symbol,YYYY-MM-DD,close" lines, the stored daily closes of the assets to trade (one asset per position,
in file order). Creates POSITIONS positions (every tenth a SHORT_POSITION, the others CRYPTO_ASSET) with
POST /api/v1/portfolio/positions, then ACTIONS_PER_POSITION trade actions on each with
POST /api/v1/portfolio/positions/{id}/actions, in time order per position, THREADS positions at once. Actions are
spread over the days of the file (executed during the day, priced within 1 % of that day's close): a BUY from zero,
then a seeded mix of BUY (adds), PARTIAL_SELL / PARTIAL_EXIT (10-50 % of the holding), SELL or FULL_EXIT of
everything (and a re-entry after it), MODIFY_SL / MODIFY_TP; fees 0.1 % of the notional; journal fields filled
(setup, emotion, confidence, sentiment, reason). Every answer must be a 201; anything else stops the run.
Prints how many positions and actions it created and how long it took.

PSQL_JOURNAL (a psql command line, e.g. "psql -h localhost -d bench_book"): the bulk path for a loaded machine.
Every action but the last of each position is written by SQL (COPY into trade_actions, journal fields only, ledger
columns left at their defaults); then the last one is POSTed through the API, which replays the position's whole
journal (docs/portfolio.md, "Ledger") and writes the position and EVERY action's ledger values (realized PnL,
quantity and average entry after): the ledger is still the application's own, computed by the same code.
"""
import csv
import io
import shlex
import subprocess
import datetime
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

base, token, closes_csv = sys.argv[1], sys.argv[2], sys.argv[3]
n_positions, per_position = int(sys.argv[4]), int(sys.argv[5])
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 4
psql_journal = sys.argv[7] if len(sys.argv) > 7 else ""
url = urllib.parse.urlparse(base)

closes = {}  # symbol -> [(date, close)] oldest first
for line in open(closes_csv):
    symbol, day, close = line.strip().split(",")
    closes.setdefault(symbol, []).append((datetime.date.fromisoformat(day), Decimal(close)))
symbols = list(closes)[:n_positions]
if len(symbols) < n_positions:
    sys.exit(f"only {len(symbols)} assets with closes for {n_positions} positions")
for s in symbols:
    closes[s].sort()

Q8 = Decimal("0.00000001")
SETUPS = ["BREAKOUT", "PULLBACK", "REVERSAL", "TREND_FOLLOW"]
EMOTIONS = ["calm", "confident", "fearful", "greedy", "anxious", "neutral"]
SENTIMENTS = ["BULLISH", "BEARISH", "SIDEWAYS"]
REASONS = ["signal", "take_profit", "stop_loss", "rebalance", "thesis_changed", "scale_in"]


def plan(index, symbol):
    """The position's actions in time order, as request bodies (quantities tracked here like the ledger does)."""
    rnd = random.Random(1000 + index)
    days = closes[symbol]
    stamps = sorted(
        datetime.datetime.combine(rnd.choice(days)[0], datetime.time(), datetime.timezone.utc)
        + datetime.timedelta(seconds=rnd.randrange(60, 86_340))
        for _ in range(per_position))
    by_day = dict(days)
    held = Decimal(0)
    bodies = []
    for at in stamps:
        price = (by_day[at.date()] * Decimal(1 + rnd.uniform(-0.01, 0.01))).quantize(Q8, ROUND_HALF_EVEN)
        r = rnd.random()
        if held == 0:
            kind = "BUY" if r < 0.7 else "ENTRY"
        elif r < 0.35:
            kind = "BUY"
        elif r < 0.65:
            kind = "PARTIAL_SELL" if r < 0.5 else "PARTIAL_EXIT"
        elif r < 0.72:
            kind = "SELL"
        elif r < 0.76:
            kind = "FULL_EXIT"
        elif r < 0.88:
            kind = "MODIFY_SL"
        else:
            kind = "MODIFY_TP"
        body = {"actionType": kind, "assetPrice": str(price), "executedAt": at.isoformat().replace("+00:00", "Z"),
                "timeframe": "1d", "actionSource": "MANUAL", "reason": rnd.choice(REASONS)}
        if kind in ("BUY", "ENTRY"):
            quantity = (Decimal(rnd.uniform(200, 2000)) / price).quantize(Q8, ROUND_DOWN)
            held += quantity
            body.update(quantity=str(quantity), primarySetup=rnd.choice(SETUPS),
                        emotionState=rnd.choice(EMOTIONS), confidenceLevel=rnd.randint(1, 10),
                        stressLevel=rnd.randint(1, 10), marketSentiment=rnd.choice(SENTIMENTS),
                        stopLoss=str((price * Decimal("0.9")).quantize(Q8)),
                        capitalAmount=str((quantity * price).quantize(Q8)), riskPercent="1.5")
        elif kind in ("PARTIAL_SELL", "PARTIAL_EXIT"):
            quantity = (held * Decimal(rnd.uniform(0.1, 0.5))).quantize(Q8, ROUND_DOWN)
            if quantity <= 0 or quantity >= held:
                quantity = None
            if quantity is None:  # too small to split: add instead
                quantity = (Decimal(rnd.uniform(200, 2000)) / price).quantize(Q8, ROUND_DOWN)
                body["actionType"] = "BUY"
                held += quantity
            else:
                held -= quantity
            body["quantity"] = str(quantity)
        elif kind == "SELL":
            body["quantity"] = str(held)
            held = Decimal(0)
        elif kind == "FULL_EXIT":
            body["quantity"] = str(held)
            held = Decimal(0)
        elif kind == "MODIFY_SL":
            body["stopLoss"] = str((price * Decimal(rnd.uniform(0.85, 0.97))).quantize(Q8))
        else:
            body["takeProfit"] = str((price * Decimal(rnd.uniform(1.05, 1.4))).quantize(Q8))
        if body["actionType"] not in ("MODIFY_SL", "MODIFY_TP"):
            notional = Decimal(body["quantity"]) * price
            body["feesPaid"] = str((notional * Decimal("0.001")).quantize(Q8, ROUND_HALF_EVEN))
        bodies.append(body)
    return bodies


lock = threading.Lock()
created = {"positions": 0, "actions": 0}
failure = []


def post(conn, path, body):
    conn.request("POST", path, body=json.dumps(body),
                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    if response.status != 201:
        raise RuntimeError(f"POST {path} {json.dumps(body)} -> {response.status} {payload[:500]!r}")
    return json.loads(payload)


COLUMNS = ["portfolio_id", "action_type", "asset_price", "quantity", "fees_paid", "executed_at", "timeframe",
           "action_source", "reason", "primary_setup", "emotion_state", "confidence_level", "stress_level",
           "market_sentiment", "stop_loss", "take_profit", "capital_amount", "risk_percent"]


def copy_journal(position_id, bodies):
    """COPY the journal fields of these actions (the request bodies) into trade_actions, as the API would store them."""
    out = io.StringIO()
    w = csv.writer(out)
    for b in bodies:
        lower = lambda k: b[k].lower() if k in b else None  # noqa: E731 - enums are stored lowercase
        w.writerow([position_id, b["actionType"].lower(), b["assetPrice"], b.get("quantity", "0"), b.get("feesPaid", "0"),
                    b["executedAt"], b["timeframe"], b["actionSource"].lower(), b.get("reason"), lower("primarySetup"),
                    b.get("emotionState"), b.get("confidenceLevel"), b.get("stressLevel"), lower("marketSentiment"),
                    b.get("stopLoss"), b.get("takeProfit"), b.get("capitalAmount"), b.get("riskPercent")])
    subprocess.run(shlex.split(psql_journal) + ["-v", "ON_ERROR_STOP=1", "-qc",
                   f"COPY trade_actions ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)"],
                   input=out.getvalue(), text=True, check=True)


def worker(indexes):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        for i in indexes:
            if failure:
                return
            symbol = symbols[i]
            short = i % 10 == 9
            position = post(conn, "/api/v1/portfolio/positions", {
                "symbol": symbol, "assetType": "SHORT_POSITION" if short else "CRYPTO_ASSET",
                "allocationTargetPercent": "2", "maxAllocationPercent": "5",
                "investmentThesis": f"bench position {i} on {symbol}", "investmentTimeframe": "MEDIUM_TERM"})
            with lock:
                created["positions"] += 1
            bodies = plan(i, symbol)
            if psql_journal:
                copy_journal(position["id"], bodies[:-1])
                with lock:
                    created["actions"] += len(bodies) - 1
                bodies = bodies[-1:]
            for body in bodies:
                post(conn, f"/api/v1/portfolio/positions/{position['id']}/actions", body)
                with lock:
                    created["actions"] += 1
    except Exception as e:  # noqa: BLE001 - reported and stops the other threads
        failure.append(str(e))
    finally:
        conn.close()


start = time.time()
workers = [threading.Thread(target=worker, args=(range(t, n_positions, threads),)) for t in range(threads)]
for w in workers:
    w.start()
last = 0
while any(w.is_alive() for w in workers):
    time.sleep(1)
    if time.time() - last > 30:
        last = time.time()
        print(f"  ... {created['positions']} positions, {created['actions']} actions, {time.time() - start:.0f} s",
              file=sys.stderr, flush=True)
for w in workers:
    w.join()
if failure:
    sys.exit("failed: " + failure[0])
elapsed = time.time() - start
print(f"created {created['positions']} positions and {created['actions']} actions through the API in {elapsed:.1f} s "
      f"({created['actions'] / elapsed:.0f} actions/s, {threads} at once)")
