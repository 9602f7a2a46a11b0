#!/usr/bin/env node
// trade-widget against TimelineJS and Chart.js on a "phone profile" (issue 11, item 6): the first drawing of
// the desktop bench (bench/peers.bench.mjs) again, but as a mid-range phone on a slow mobile network sees it,
// with the files sent gzip-compressed as a CDN would. Prints numbers, ratios and PASS/MISS against the targets;
// the exit status is non-zero only when something could not be measured, never because a target is missed.
//
//   node bench/phone.bench.mjs
//   LOADS=1 node bench/phone.bench.mjs     # a quick trial (~40 s on 2 cores; the default LOADS=5, ~1.5 min)
// Env: LOADS (timed loads of each page, default 5), CHROMIUM_PATH (default /usr/bin/chromium).
//
// Needs pkg/ (scripts/build.sh), /usr/bin/chromium (CHROMIUM_PATH), and the npm devDependencies
// @knight-lab/timelinejs and chart.js (npm install).
//
// The profile, applied to every load (each in a fresh browser context, before its navigation):
//   viewport 412×915 CSS px, deviceScaleFactor 2, isMobile, hasTouch (a common Android phone);
//   CDP Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s down (200,000 B/s), 750 kbit/s up
//   ("slow 4G"); CDP Emulation.setCPUThrottlingRate 4; CDP Network.setCacheDisabled (every load is a first
//   visit). Checked first, on the Chart.js page, throttled and not: a fixed JS loop must run ≥ 2× slower and
//   the largest file must take ≥ ~latency + its bytes ÷ throughput, or the run stops (exit status 1).
// The files come from a server in this process (bench/phone-lib.mjs) on 127.0.0.1 that sends text and wasm
// with Content-Encoding: gzip at level 9, Content-Length and the right Content-Type (application/wasm, so
// instantiateStreaming compiles while the wasm downloads). Every request not for 127.0.0.1 is aborted
// with page.route and counted (expected: 0).
//
// Pages (bench/pages/, no inline scripts), LOADS loads each after one untimed warm-up round, alternating
// in rounds whose order rotates each round (no page always follows the same one):
//   tw-calculator.html      trade-widget, the calculator alone (EV flow, 2026-03-02)
//   tw-calculator-preload.html  the same with the embed guide's <link rel=preload> (wasm) and modulepreload (glue)
//   tw-timeline.html        trade-widget, the timeline alone
//   tw-both.html            trade-widget, both views (timeline, then calculator; as in peers.bench.mjs)
//   tl.html?data=story      TimelineJS 3, the story's events (generated/tl-story.json, written here)
//   cj.html                 Chart.js 4, the calculator's before/after duty chart
// The loader may fetch different files for different views (per-view wasm modules): nothing here assumes
// any file name in pkg/; each page's bytes are whatever same-origin files it fetched.
//
// What is measured (the pages' own probes, as bench/peers.bench.mjs defines "drawn"):
//  1. first drawing: ms from navigation start (performance.now() in the page) until
//       trade-widget: every host has data-status="ready" (bench/pages/tw-probe.js)
//       TimelineJS:   'loaded' fired and one .tl-timemarker per event is in the time navigation (tl-page.js)
//       Chart.js:     its first render (animation off, an afterRender hook; cj-page.js)
//     and "+ frame": one requestAnimationFrame and one task later (that frame's style, layout, paint done).
//  2. bytes per page: every same-origin file fetched with status 200 (page.on('response')), read from disk:
//     raw, gzip -9, brotli quality 11 (node zlib), and the bytes on the wire (CDP encodedDataLength, headers
//     included). The bench pages' own HTML, CSS and scripts (probes, the peers' embed code) are listed but
//     not counted; data files (bench/pages/generated/) are counted.
// Targets (medians of the first drawing): timeline alone ÷ TimelineJS ≤ 0.6, calculator alone ÷ Chart.js
// ≤ 1.0, both views ÷ TimelineJS ≤ 0.75.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM } from '../tests/e2e/helpers.mjs';
import { startGzipServer, stopServer, sizesOf, writeTimelineJson, waitProbe, stats, ms, kb, ratio, rx, printTable } from './phone-lib.mjs';

const LOADS = Number(process.env.LOADS || 5);
const LOAD_TIMEOUT = 300_000;
const DEVICE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 }; // bytes/s
const CPU_RATE = 4;

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const TL_NAME = `TimelineJS ${version('@knight-lab/timelinejs')}`;
const CJ_NAME = `Chart.js ${version('chart.js')}`;
const PAGES = {
  calc: { name: 'trade-widget calculator', url: '/bench/pages/tw-calculator.html' },
  calcPre: { name: 'trade-widget calculator, preloaded', url: '/bench/pages/tw-calculator-preload.html' },
  time: { name: 'trade-widget timeline', url: '/bench/pages/tw-timeline.html' },
  both: { name: 'trade-widget both views', url: '/bench/pages/tw-both.html' },
  tl: { name: TL_NAME, url: '/bench/pages/tl.html?data=story' },
  cj: { name: CJ_NAME, url: '/bench/pages/cj.html' },
};
const TARGETS = [ // [page, peer, at most]
  ['time', 'tl', 0.6],
  ['calc', 'cj', 1.0],
  ['both', 'tl', 0.75],
];

let browser, srv;
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' / ');

/** A fresh phone context and page; the profile is set through CDP before the navigation starts. */
async function open(urlPath, { throttle = true } = {}) {
  const context = await browser.newContext({ ...DEVICE, locale: 'en-US', colorScheme: 'light' });
  context.setDefaultTimeout(LOAD_TIMEOUT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // wire: bytes received per URL (body as sent, i.e. gzip, plus headers); took: request sent → last byte, ms.
  const rec = { blocked: [], responses: [], problems: [], wire: new Map(), took: new Map() };
  const sent = new Map();
  cdp.on('Network.requestWillBeSent', (e) => sent.set(e.requestId, { url: e.request.url, at: e.timestamp }));
  cdp.on('Network.loadingFinished', (e) => {
    const s = sent.get(e.requestId);
    if (!s) return;
    rec.wire.set(s.url, (rec.wire.get(s.url) || 0) + e.encodedDataLength);
    rec.took.set(s.url, (e.timestamp - s.at) * 1000);
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  }
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => {
    rec.blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('response', (res) => rec.responses.push({ url: res.url(), status: res.status(), type: res.request().resourceType() }));
  page.on('console', (msg) => { if (msg.type() === 'error') rec.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => rec.problems.push(`page: ${String(err && err.message || err)}`));
  page.on('requestfailed', (req) => {
    if (!rec.blocked.includes(req.url())) rec.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText || ''}`);
  });
  await page.goto(srv.url + urlPath, { waitUntil: 'commit' });
  return { page, rec, close: () => context.close() };
}

const waitDrawn = (page, urlPath) => waitProbe(page, urlPath, LOAD_TIMEOUT);

/** The same-origin files a load fetched, with their sizes; the bench pages' own files marked as harness. */
function resources(rec, urlPath) {
  const out = [];
  for (const r of rec.responses) {
    if (!r.url.startsWith(srv.url + '/') || r.status !== 200) continue;
    const rel = decodeURIComponent(new URL(r.url).pathname).replace(/^\/+/, '');
    const file = path.join(ROOT, rel);
    // bench/pages/*.html, *.css, *.js: the harness (the page, probes, the peers' few lines of embed code).
    const harness = /^bench\/pages\/[^/]+$/.test(rel);
    const there = fs.existsSync(file); // a pkg/ rebuilt during the run may have removed it since
    if (!there) rec.problems.push(`${rel}: fetched, but no longer on disk (sizes n/a)`);
    const sizes = there ? sizesOf(file) : { raw: NaN, gzip: NaN, brotli: NaN };
    out.push({ path: rel, harness, type: r.type, wire: rec.wire.get(r.url) ?? NaN, ...sizes });
  }
  if (!out.some((f) => !f.harness)) throw new Error(`${urlPath}: no library file recorded`);
  return out;
}

async function timedLoad(p) {
  const { page, rec, close } = await open(p.url);
  try {
    const t = await waitDrawn(page, p.url);
    // Late requests (fonts, icons) still belong to the page's bytes; on this network they take a while.
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    const events = await page.evaluate(() => window.__benchEvents ?? null);
    return { ...t, events, files: resources(rec, p.url), blocked: [...rec.blocked], problems: [...rec.problems] };
  } finally {
    await close();
  }
}

/** A fixed amount of JS work in the page, ms (best of 3): shows that the CPU throttling reached the renderer. */
function busyLoop() {
  let best = Infinity, x = 0;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    for (let i = 0; i < 2e7; i++) x = (x + i * i) % 1000003;
    best = Math.min(best, performance.now() - t0);
  }
  return x >= 0 ? best : -1;
}

/**
 * The profile is in effect: a fixed loop runs ≥ 2× slower throttled (a CPU throttle lost in the
 * cross-process navigation would make every number a desktop number), and the Chart.js page's largest file
 * takes at least ~the latency + its bytes on the wire ÷ the throughput to arrive.
 */
async function profileCheck() {
  const out = {};
  for (const throttle of [false, true]) {
    const { page, rec, close } = await open(PAGES.cj.url, { throttle });
    try {
      await waitDrawn(page, PAGES.cj.url);
      const [url, wire] = [...rec.wire].sort((a, b) => b[1] - a[1])[0];
      out[throttle ? 'slow' : 'fast'] = { loop: await page.evaluate(busyLoop), file: url.replace(srv.url + '/', ''), wire, took: rec.took.get(url) };
    } finally { await close(); }
  }
  out.floor = NETWORK.latency + out.slow.wire / NETWORK.downloadThroughput * 1000;
  out.text = `a loop ${ms(out.fast.loop)} → ${ms(out.slow.loop)} ms (${rx(ratio(out.slow.loop, out.fast.loop))}); ` +
    `${out.slow.file} (${kb(out.slow.wire)} on the wire) ${ms(out.fast.took)} → ${ms(out.slow.took)} ms (floor ${ms(out.floor)} ms)`;
  if (!(out.slow.loop > out.fast.loop * 2)) throw new Error(`CPU throttling not in effect: ${out.text}`);
  if (!(out.slow.took > out.floor * 0.8)) throw new Error(`network throttling not in effect: ${out.text}`);
  return out;
}

async function main() {
  const started = Date.now();
  const load0 = loadavg();
  if (!fs.existsSync(path.join(ROOT, 'pkg', 'trade-widget.js'))) throw new Error('pkg/trade-widget.js not found; run scripts/build.sh first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run scripts/setup.sh test`);
  const storyEvents = writeTimelineJson();
  srv = await startGzipServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  const problems = [];
  try {
    const check = await profileCheck(); // throws if the profile is not in effect: nothing below would mean anything
    process.stderr.write(`profile check: ${check.text}\n`);

    const keys = Object.keys(PAGES);
    const loads = Object.fromEntries(keys.map((k) => [k, []]));
    for (let r = -1; r < LOADS; r++) { // round -1: warm-up (server cache, OS file cache, Chromium's code cache is off), not kept
      for (let j = 0; j < keys.length; j++) {
        const k = keys[(j + Math.max(r, 0)) % keys.length];
        const one = await timedLoad(PAGES[k]);
        if (r >= 0) loads[k].push(one);
      }
      process.stderr.write(`round ${r < 0 ? 'warm-up' : `${r + 1}/${LOADS}`} done (load ${loadavg()})\n`);
    }

    const res = {};
    for (const k of keys) {
      const ls = loads[k];
      ls.forEach((l) => l.problems.forEach((p) => problems.push(`${PAGES[k].name}: ${p}`)));
      const files = ls[ls.length - 1].files;
      const counted = files.filter((f) => !f.harness);
      const sum = (key, list = counted) => list.reduce((s, f) => s + f[key], 0);
      res[k] = {
        first: stats(ls.map((l) => l.ready)), frame: stats(ls.map((l) => l.frame)),
        files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), wire: sum('wire', files),
        blocked: ls.reduce((s, l) => s + l.blocked.length, 0),
      };
      const sets = ls.map((l) => new Set(l.files.map((f) => f.path)));
      const some = [...new Set(sets.flatMap((x) => [...x]))].filter((p) => !sets.every((x) => x.has(p)));
      if (some.length) {
        // A library that fetches a file only on some loads (TimelineJS's icon font), or pkg/ rebuilt mid-run.
        problems.push(`${PAGES[k].name}: fetched on some loads only: ${some.join(', ')} (the bytes above are the last load's)`);
      }
      if (!ls.every((l) => Number.isFinite(l.ready) && Number.isFinite(l.frame))) throw new Error(`${PAGES[k].name}: a load has no timing`);
    }
    const tlEvents = loads.tl[0].events;
    if (tlEvents !== storyEvents) throw new Error(`TimelineJS shows ${tlEvents} events, the data has ${storyEvents}`);

    // ------------------------------------------------------------ report
    const span = (s) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
    console.log(`\ntrade-widget vs ${TL_NAME} and ${CJ_NAME}, phone profile — headless Chromium ${browser.version()}, ` +
      `${os.cpus().length} CPU(s) (${os.cpus()[0]?.model?.trim() || '?'})`);
    console.log(`profile: ${DEVICE.viewport.width}×${DEVICE.viewport.height} dpr ${DEVICE.deviceScaleFactor}, isMobile, hasTouch; ` +
      `network ${NETWORK.latency} ms latency, ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s down, ${NETWORK.uploadThroughput * 8 / 1e3} kbit/s up; ` +
      `CPU ÷${CPU_RATE}; HTTP cache off; gzip -9 from 127.0.0.1\nprofile check, unthrottled → throttled: ${check.text}`);
    console.log(`loads: ${LOADS} of each page (+1 warm-up round), alternating, order rotating; ` +
      `${Math.round((Date.now() - started) / 1000)} s; os.loadavg() 1/5/15 min: ${load0} at start, ${loadavg()} at end\n`);

    printTable(['page', 'first drawing, ms: median (min–max)', '+ frame, ms: median (min–max)', 'files', 'gzip -9', 'brotli 11', 'on the wire', 'blocked'],
      keys.map((k) => [PAGES[k].name, span(res[k].first), span(res[k].frame), res[k].files.filter((f) => !f.harness).length,
        kb(res[k].gzip), kb(res[k].brotli), kb(res[k].wire), res[k].blocked]));
    console.log(`(files, gzip, brotli: the libraries' JS, wasm, CSS, fonts and data, bench pages not counted; on the wire: everything ` +
      `the page received incl. its own HTML and HTTP headers; at ${NETWORK.downloadThroughput / 1000} kB/s each 100 KB costs ≥ 0.5 s. ` +
      `blocked: requests to other hosts, expected 0.)`);

    console.log('\ntargets (medians of the first drawing; informative, they never fail this command):');
    for (const [a, b, max] of TARGETS) {
      const r = ratio(res[a].first.median, res[b].first.median);
      const rf = ratio(res[a].frame.median, res[b].frame.median);
      console.log(`  ${r <= max ? 'PASS' : 'MISS'}  ${PAGES[a].name} ÷ ${PAGES[b].name} ≤ ${max.toFixed(2)}: ${rx(r)} ` +
        `(${ms(res[a].first.median)} vs ${ms(res[b].first.median)} ms; + frame ${rx(rf)})`);
    }

    console.log('\nfiles fetched per page (bytes: raw / gzip -9 / brotli 11 / on the wire):');
    for (const k of keys) {
      const t = res[k];
      console.log(`  ${PAGES[k].name} (${PAGES[k].url}): ${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`);
      for (const f of t.files) {
        console.log(`    ${[f.raw, f.gzip, f.brotli, f.wire].map((x) => String(Number.isFinite(x) ? x : 'n/a').padStart(8)).join(' ')}  ` +
          `${f.path}${f.harness ? '  (bench page, not counted)' : ''}`);
      }
    }
    const blockedAll = keys.reduce((s, k) => s + res[k].blocked, 0);
    if (blockedAll) console.log(`\nrequests to other hosts were blocked (${blockedAll}); expected 0: ${[...new Set(keys.flatMap((k) => loads[k].flatMap((l) => l.blocked)))].slice(0, 10).join(', ')}`);
    if (problems.length) {
      console.log(`\nproblems seen on the pages (${problems.length}):`);
      for (const p of [...new Set(problems)].slice(0, 30)) console.log(`  ${p}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await stopServer(srv.server);
  }
}

main().catch((e) => {
  console.error(e && e.stack || e);
  process.exitCode = 1;
});
