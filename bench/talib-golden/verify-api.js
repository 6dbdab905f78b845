#!/usr/bin/env node
/*
 * Compares OBV and MFI read through Coinpilot's indicators API with TA-Lib's own output on the same candles: the
 * shared Binance CSVs (../shared/data/market, base-asset volume in the sixth column) imported through the admin
 * candle import API by verify-api.sh, which runs this once per file (talib-web: one series per process).
 *
 * TA-Lib reference: the shared fixture (fixtures/indicators/BTCUSDT-1d.talib.json.gz) for OBV where given, and
 * TA-Lib's C code (talib-web@0.1.3, WebAssembly, with the wrapper fixes of generate.js) run here on the CSV for the
 * rest (MFI of every file, OBV of the files the fixture does not cover).
 *
 * Usage: TALIB_WEB_DIR=… node verify-api.js <baseUrl> <symbol> <timeframe> <csv> [fixture.json.gz]
 * Prints one JSON line: {file, key: {compared, maxRel, maxAbs, firstApi, firstTaLib, source}}.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { callTaLib } = require('./generate.js');

const KEYS = { obv: { fn: 'OBV', inputs: ['close', 'volume'], options: [] },
  mfi_14: { fn: 'MFI', inputs: ['high', 'low', 'close', 'volume'], options: [14] } };

async function main() {
  const [baseUrl, symbol, timeframe, csvPath, fixturePath] = process.argv.slice(2);
  const http = globalThis.fetch; // kept: talib-web's loader needs fetch deleted
  const lines = fs.readFileSync(csvPath, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const col = (name) => header.findIndex((h) => h === name || h.startsWith(name));
  const rows = lines.slice(1).map((l) => l.split(','));
  const s = { time: rows.map((r) => r[col('open_time')]) };
  for (const k of ['open', 'high', 'low', 'close', 'volume']) s[k] = rows.map((r) => parseFloat(r[col(k)]));

  // the API: every page from the first candle
  const api = {};
  Object.keys(KEYS).forEach((k) => (api[k] = new Map()));
  let cursor = null;
  do {
    const url = `${baseUrl}/api/v1/assets/${symbol}/indicators?timeframe=${timeframe}&set=${Object.keys(KEYS).join(',')}`
      + `&from=${s.time[0]}&limit=1000` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
    const res = await http(url);
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    const page = await res.json();
    for (const item of page.items) {
      for (const p of item.points) api[item.key].set(p.time, p.values.value);
    }
    cursor = page.nextCursor;
  } while (cursor);

  // TA-Lib
  const dir = process.env.TALIB_WEB_DIR;
  delete globalThis.fetch;
  const talib = require(dir);
  const M = await talib.init(path.join(dir, 'lib', 'talib.wasm'));
  const fixture = fixturePath ? JSON.parse(zlib.gunzipSync(fs.readFileSync(fixturePath)).toString('utf8')) : {};
  const result = { file: path.basename(csvPath), candles: rows.length };
  for (const [key, k] of Object.entries(KEYS)) {
    let expected;
    let source;
    if (fixture[key]) {
      const byTime = new Map(fixture[key].values);
      expected = s.time.map((t) => (byTime.has(t) ? byTime.get(t) : null));
      source = 'fixture';
    } else {
      expected = callTaLib(M, k.fn, k.inputs.map((i) => s[i]), k.options, 1).outs[0];
      source = 'talib-web';
    }
    let compared = 0, maxRel = 0, maxAbs = 0, firstApi = -1, firstTaLib = -1, mismatched = 0;
    for (let i = 0; i < rows.length; i++) {
      const e = expected[i];
      const a = api[key].has(s.time[i]) ? api[key].get(s.time[i]) : undefined;
      if (a === undefined) throw new Error(`${key}: the API has no point at ${s.time[i]}`);
      if (e !== null && firstTaLib < 0) firstTaLib = i;
      if (a !== null && firstApi < 0) firstApi = i;
      if ((e === null) !== (a === null)) { mismatched++; continue; }
      if (e === null) continue;
      compared++;
      const abs = Math.abs(a - e);
      maxAbs = Math.max(maxAbs, abs);
      maxRel = Math.max(maxRel, a === e ? 0 : abs / Math.max(Math.abs(e), 1e-9));
    }
    result[key] = { compared, maxRel, maxAbs, firstApi, firstTaLib, nullMismatches: mismatched, source };
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
