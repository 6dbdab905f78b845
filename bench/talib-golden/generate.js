#!/usr/bin/env node
/*
 * Golden-vector generator for Coinpilot's indicator engine.
 *
 * Builds deterministic SYNTHETIC OHLCV series (seeded PRNG, no external data), runs TA-Lib's own C code
 * (the WebAssembly build shipped in the npm package talib-web@0.1.3) on them and writes one CSV per series:
 *   bar,open,high,low,close,volume[,time,interval],<key>[.<output>]...
 * An empty cell means TA-Lib produced no value at that bar (before its outBegIdx). Numbers are printed with
 * JavaScript's shortest round-trip representation, so Java's Double.parseDouble reads back the exact double.
 *
 * The series with candle times (time = open time in epoch seconds, interval = candle length in seconds) also carry
 * the VWAP family, which TA-Lib does not have: vwap (session), vwap_N (rolling) and avwap_<anchor> (anchored),
 * computed here by a plain reference implementation of the rules in docs/indicators.md (session periods, history
 * coverage, unknown volume). Their volume is base-asset volume; an empty volume cell is a candle whose volume is
 * unknown: TA-Lib's OBV and MFI are then run on each stretch of known volume separately (what the engine does: it
 * starts them again after such a candle).
 *
 * talib-web's own JS wrapper (callFunc) is not used: it passes endIdx = length (one past the end), sizes the
 * buffers endIdx - startIdx and never reads outBegIdx/outNBElement. This script calls the exported C functions
 * directly with endIdx = length - 1 (inclusive), buffers of endIdx - startIdx + 1 doubles and real int slots
 * for outBegIdx/outNBElement, which it reads back to place the values.
 *
 * Usage (one series per process, see README.md):
 *   TALIB_WEB_DIR=/tmp/talib/node_modules/talib-web node generate.js <series> <outDir>
 *   node generate.js --list
 */
'use strict';
const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------- synthetic series
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function gaussian(rnd) {
  let u = 0;
  while (u === 0) u = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}
const round = (x, dp) => Math.round(x * 10 ** dp) / 10 ** dp;

function randomWalk({ n, seed, start, vol, dp, volumeScale, volumeDp }) {
  const rnd = mulberry32(seed);
  const s = { open: [], high: [], low: [], close: [], volume: [] };
  let prev = start;
  for (let i = 0; i < n; i++) {
    const open = round(prev * (1 + 0.002 * gaussian(rnd)), dp);
    const close = round(open * Math.exp(vol * gaussian(rnd)), dp);
    const high = round(Math.max(open, close) * (1 + Math.abs(0.6 * vol * gaussian(rnd))), dp);
    const low = round(Math.min(open, close) * (1 - Math.abs(0.6 * vol * gaussian(rnd))), dp);
    const volume = round(volumeScale * Math.exp(0.6 * gaussian(rnd)), volumeDp);
    s.open.push(open);
    s.high.push(Math.max(high, open, close));
    s.low.push(Math.min(low, open, close));
    s.close.push(close);
    s.volume.push(volume);
    prev = close;
  }
  return s;
}

const SERIES = {
  // 300 bars of a seeded geometric random walk around 100 (4 decimals, volume ~1000).
  random_walk: () => randomWalk({ n: 300, seed: 42, start: 100, vol: 0.02, dp: 4, volumeScale: 1000, volumeDp: 3 }),
  // BTC-like magnitude: ~30000 with small base-asset volumes.
  large_price: () => randomWalk({ n: 200, seed: 2024, start: 30000, vol: 0.03, dp: 2, volumeScale: 20, volumeDp: 6 }),
  // Sub-cent coin: exposes TA-Lib's absolute epsilons (e.g. BBANDS variance < 1e-8 -> stddev 0).
  small_price: () => randomWalk({ n: 200, seed: 99, start: 0.0001234, vol: 0.03, dp: 10, volumeScale: 5e8, volumeDp: 0 }),
  // Every bar O = H = L = C = 123.45, constant volume.
  flat: () => {
    const n = 200;
    const s = { open: [], high: [], low: [], close: [], volume: [] };
    for (let i = 0; i < n; i++) {
      for (const k of ['open', 'high', 'low', 'close']) s[k].push(123.45);
      s.volume.push(1000);
    }
    return s;
  },
  // Random walk with: zero volume on bars 40..79 and 170..199, H = L (= O = C) on bars 100..129 while the
  // price still moves, and a fully flat H = L stretch with zero volume on bars 170..199.
  zero_volume_hl: () => {
    const s = randomWalk({ n: 240, seed: 7, start: 50, vol: 0.025, dp: 4, volumeScale: 500, volumeDp: 2 });
    for (let i = 40; i < 80; i++) s.volume[i] = 0;
    for (let i = 100; i < 130; i++) {
      s.open[i] = s.close[i];
      s.high[i] = s.close[i];
      s.low[i] = s.close[i];
    }
    for (let i = 170; i < 200; i++) {
      const p = s.close[169];
      s.open[i] = p;
      s.high[i] = p;
      s.low[i] = p;
      s.close[i] = p;
      s.volume[i] = 0;
    }
    return s;
  },
};

// Candle times: open time in epoch seconds of bar i, every `interval` seconds from `start` (ISO-8601).
function withTimes(s, start, interval) {
  const t0 = Date.parse(start) / 1000;
  s.time = s.close.map((_, i) => t0 + i * interval);
  s.interval = s.close.map(() => interval);
  return s;
}

// Series with candle times, for the VWAP family (and OBV / MFI on base-asset volume).
Object.assign(SERIES, {
  // 1h candles from 13:00 UTC (the first session is not covered: no session VWAP until the next midnight), across
  // 29 February; zero volume on the first three candles of 2 March (no session VWAP until volume arrives).
  sessions_1h: () => {
    const s = withTimes(
      randomWalk({ n: 300, seed: 11, start: 100, vol: 0.01, dp: 4, volumeScale: 800, volumeDp: 5 }),
      '2024-02-28T13:00:00Z', 3600);
    for (let i = 0; i < s.close.length; i++) {
      if (s.time[i] >= Date.parse('2024-03-02T00:00:00Z') / 1000 && s.time[i] < Date.parse('2024-03-02T03:00:00Z') / 1000) {
        s.volume[i] = 0;
      }
    }
    return s;
  },
  // 1d candles from 17 November 2023 (first month not covered), monthly sessions.
  sessions_1d: () => withTimes(
    randomWalk({ n: 200, seed: 12, start: 30000, vol: 0.03, dp: 2, volumeScale: 20, volumeDp: 6 }),
    '2023-11-17T00:00:00Z', 86400),
  // 1w candles (Monday opens) from 2 May 2022: yearly sessions; 2025 begins on a Wednesday, its first candle opens
  // on 6 January (the candle of 30 December 2024 belongs to 2024).
  sessions_1w: () => withTimes(
    randomWalk({ n: 160, seed: 13, start: 2000, vol: 0.05, dp: 2, volumeScale: 300000, volumeDp: 4 }),
    '2022-05-02T00:00:00Z', 604800),
  // 1h candles from midnight; base volume unknown on bars 0..29 (stored before it was kept) and on bar 130.
  unknown_volume_1h: () => {
    const s = withTimes(
      randomWalk({ n: 240, seed: 14, start: 50, vol: 0.02, dp: 4, volumeScale: 500, volumeDp: 3 }),
      '2024-01-01T00:00:00Z', 3600);
    for (let i = 0; i < 30; i++) s.volume[i] = null;
    s.volume[130] = null;
    return s;
  },
});

// ---------------------------------------------------------------- indicator set
// key -> TA-Lib function, inputs, options (in C argument order), output names (ours, in C order).
const MA_SMA = 0;
const KEYS = [];
const add = (key, fn, inputs, options, outputs) => KEYS.push({ key, fn, inputs, options, outputs });
for (const n of [7, 20, 50]) add(`sma_${n}`, 'SMA', ['close'], [n], [null]);
for (const n of [9, 20]) add(`ema_${n}`, 'EMA', ['close'], [n], [null]);
for (const n of [2, 14]) add(`rsi_${n}`, 'RSI', ['close'], [n], [null]);
for (const [f, sl, sg] of [[12, 26, 9], [5, 13, 4]]) add(`macd_${f}_${sl}_${sg}`, 'MACD', ['close'], [f, sl, sg], ['value', 'signal', 'histogram']);
for (const [n, k] of [[20, 2], [10, 1.5]]) add(`bb_${n}_${k}`, 'BBANDS', ['close'], [n, k, k, MA_SMA], ['upper', 'middle', 'lower']);
for (const n of [1, 14]) add(`atr_${n}`, 'ATR', ['high', 'low', 'close'], [n], [null]);
for (const [k, d] of [[14, 3], [5, 1]]) add(`stoch_${k}_${d}`, 'STOCHF', ['high', 'low', 'close'], [k, d, MA_SMA], ['k', 'd']);
add('obv', 'OBV', ['close', 'volume'], [], [null]);
for (const n of [5, 14]) add(`adx_${n}`, 'ADX', ['high', 'low', 'close'], [n], [null]);
for (const n of [5, 20]) add(`cci_${n}`, 'CCI', ['high', 'low', 'close'], [n], [null]);
for (const n of [3, 14]) add(`willr_${n}`, 'WILLR', ['high', 'low', 'close'], [n], [null]);
for (const n of [1, 10]) add(`roc_${n}`, 'ROC', ['close'], [n], [null]);
for (const n of [3, 14]) add(`mfi_${n}`, 'MFI', ['high', 'low', 'close', 'volume'], [n], [null]);
for (const [n, k, d] of [[14, 14, 3], [5, 3, 3]]) add(`stochrsi_${n}_${k}_${d}`, 'STOCHRSI', ['close'], [n, k, d, MA_SMA], ['k', 'd']);

// The VWAP family on series with times (anchors chosen inside each series).
const VWAP_KEYS = {
  sessions_1h: ['vwap', 'vwap_1', 'vwap_5', 'vwap_24', 'avwap_20240229t1030', 'avwap_20240228t1300', 'avwap_20240301'],
  sessions_1d: ['vwap', 'vwap_7', 'vwap_30', 'avwap_20231201', 'avwap_20231117', 'avwap_20240115t1200'],
  sessions_1w: ['vwap', 'vwap_4', 'vwap_13', 'avwap_20230101', 'avwap_20220502', 'avwap_20220503'],
  unknown_volume_1h: ['vwap', 'vwap_5', 'avwap_20240101', 'avwap_20240102t0600', 'avwap_20240106t1100'],
};

// ---------------------------------------------------------------- VWAP reference (not in TA-Lib)
const DAY = 86400;
function sessionStart(t, interval) {
  const d = new Date(t * 1000);
  if (interval < DAY) return Math.floor(t / DAY) * DAY;
  if (interval < 7 * DAY) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  return Date.UTC(d.getUTCFullYear(), 0, 1) / 1000;
}
// The stored history (first candle at t0) holds every candle from `start` on.
const covers = (t0, start, interval) => t0 <= start || t0 < start + interval;
const typical = (s, i) => (s.high[i] + s.low[i] + s.close[i]) / 3.0;
const known = (v) => v !== null && v !== undefined;

function anchorOf(key) {
  const m = /^avwap_(\d{4})(\d{2})(\d{2})(?:t(\d{2})(\d{2}))?$/.exec(key);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0) / 1000;
}

function vwapReference(key, s) {
  const n = s.close.length;
  const out = new Array(n).fill(null);
  const interval = s.interval[0];
  const t0 = s.time[0];
  if (key === 'vwap') {
    let start = null, pv = 0, v = 0, ok = false;
    for (let i = 0; i < n; i++) {
      const st = sessionStart(s.time[i], interval);
      if (st !== start) {
        start = st; pv = 0; v = 0; ok = covers(t0, st, interval);
      }
      if (!known(s.volume[i])) ok = false;
      if (!ok) continue;
      pv += typical(s, i) * s.volume[i];
      v += s.volume[i];
      out[i] = v > 0 ? pv / v : null;
    }
  } else if (key.startsWith('vwap_')) {
    const w = +key.slice(5);
    for (let i = w - 1; i < n; i++) {
      let pv = 0, v = 0, ok = true;
      for (let j = i - w + 1; j <= i; j++) {
        if (!known(s.volume[j])) { ok = false; break; }
        pv += typical(s, j) * s.volume[j];
        v += s.volume[j];
      }
      out[i] = ok && v > 0 ? pv / v : null;
    }
  } else {
    const a = anchorOf(key);
    const covered = covers(t0, a, interval);
    let pv = 0, v = 0, broken = false;
    for (let i = 0; i < n; i++) {
      if (s.time[i] < a) continue;
      if (!known(s.volume[i])) broken = true;
      if (!covered || broken) continue;
      pv += typical(s, i) * s.volume[i];
      v += s.volume[i];
      out[i] = v > 0 ? pv / v : null;
    }
  }
  return out;
}

// TA-Lib on each stretch of known volume (OBV and MFI start again after an unknown volume, as the engine does).
function callTaLibBySegments(M, k, s) {
  const n = s.close.length;
  const outs = k.outputs.map(() => new Array(n).fill(null));
  if (!k.inputs.includes('volume')) {
    return callTaLib(M, k.fn, k.inputs.map((i) => s[i]), k.options, k.outputs.length).outs;
  }
  let i = 0;
  while (i < n) {
    while (i < n && !known(s.volume[i])) i++;
    let j = i;
    while (j < n && known(s.volume[j])) j++;
    if (j > i) {
      const seg = callTaLib(M, k.fn, k.inputs.map((x) => s[x].slice(i, j)), k.options, k.outputs.length);
      seg.outs.forEach((o, q) => o.forEach((val, p) => { outs[q][i + p] = val; }));
    }
    i = j;
  }
  return outs;
}

// ---------------------------------------------------------------- TA-Lib call (fixed wrapper)
function callTaLib(M, fn, inputArrays, options, nOut) {
  const len = Math.min(...inputArrays.map((a) => a.length));
  const startIdx = 0;
  const endIdx = len - 1; // inclusive
  const size = endIdx - startIdx + 1;
  const allocs = [];
  const alloc = (bytes) => {
    const p = M._malloc(bytes);
    allocs.push(p);
    return p;
  };
  const inPtrs = inputArrays.map((a) => {
    const p = alloc(size * 8);
    M.HEAPF64.set(Float64Array.from(a.slice(0, size)), p / 8);
    return p;
  });
  const begPtr = alloc(4);
  const nbPtr = alloc(4);
  M.HEAP32[begPtr >> 2] = -1;
  M.HEAP32[nbPtr >> 2] = -1;
  const outPtrs = [];
  for (let i = 0; i < nOut; i++) {
    const p = alloc(size * 8);
    M.HEAPF64.fill(NaN, p / 8, p / 8 + size);
    outPtrs.push(p);
  }
  const args = [startIdx, endIdx, ...inPtrs, ...options, begPtr, nbPtr, ...outPtrs];
  const rc = M.ccall(`TA_${fn}`, 'number', args.map(() => 'number'), args);
  if (rc !== 0) throw new Error(`TA_${fn} returned ${rc}`);
  const beg = M.HEAP32[begPtr >> 2];
  const nb = M.HEAP32[nbPtr >> 2];
  const outs = outPtrs.map((p) => {
    const full = new Array(len).fill(null);
    const heap = M.HEAPF64; // re-read: the heap view may have been replaced by memory growth
    for (let i = 0; i < nb; i++) full[beg + i] = heap[p / 8 + i];
    return full;
  });
  allocs.forEach((p) => M._free(p));
  if (nb > 0 && beg + nb !== len) throw new Error(`TA_${fn}: outBegIdx ${beg} + outNBElement ${nb} != ${len}`);
  return { beg, nb, outs };
}

// ---------------------------------------------------------------- main
async function main() {
  const [name, outDir] = process.argv.slice(2);
  if (name === '--list') {
    console.log(Object.keys(SERIES).join('\n'));
    return;
  }
  if (!name || !outDir || !SERIES[name]) {
    console.error(`usage: node generate.js <${Object.keys(SERIES).join('|')}> <outDir> | --list`);
    process.exit(2);
  }
  const dir = process.env.TALIB_WEB_DIR || path.join(__dirname, 'node_modules', 'talib-web');
  delete globalThis.fetch; // Node 20: force the Emscripten loader to read the .wasm from disk
  const talib = require(dir);
  const M = await talib.init(path.join(dir, 'lib', 'talib.wasm'));

  const s = SERIES[name]();
  const n = s.close.length;
  const columns = [
    ['bar', s.close.map((_, i) => i)],
    ['open', s.open],
    ['high', s.high],
    ['low', s.low],
    ['close', s.close],
    ['volume', s.volume],
  ];
  if (s.time) {
    columns.push(['time', s.time], ['interval', s.interval]);
  }
  for (const k of KEYS) {
    const outs = s.time
      ? callTaLibBySegments(M, k, s)
      : callTaLib(M, k.fn, k.inputs.map((i) => s[i]), k.options, k.outputs.length).outs;
    k.outputs.forEach((o, j) => columns.push([o ? `${k.key}.${o}` : k.key, outs[j]]));
  }
  for (const key of VWAP_KEYS[name] || []) {
    columns.push([key, vwapReference(key, s)]);
  }
  const fmt = (v) => (v === null || v === undefined ? '' : String(v));
  const lines = [columns.map((c) => c[0]).join(',')];
  for (let i = 0; i < n; i++) lines.push(columns.map((c) => fmt(c[1][i])).join(','));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${name}.csv`), lines.join('\n') + '\n');
  console.log(`${name}: ${n} bars, ${columns.length - (s.time ? 8 : 6)} columns -> ${path.join(outDir, name + '.csv')}`);
}

module.exports = { callTaLib };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
