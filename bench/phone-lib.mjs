// Helpers for bench/phone.bench.mjs and bench/peers.bench.mjs (not a benchmark by itself):
//   startGzipServer()   a static server for the repository root that answers like a CDN would: gzip -9
//                       for text and wasm, Content-Length, the right Content-Type
//   sizesOf(file)       raw, gzip -9 and brotli q11 sizes of a file on disk
//   writeTimelineJson() the story as TimelineJS JSON (bench/pages/generated/tl-story.json)
//   waitProbe(page, …)  the bench pages' probe: drawn, and the frame after
//   stats, formatting and a plain-text table
// scripts/serve.mjs (used by the tests and bench/peers.bench.mjs) sends files uncompressed; on a throttled
// "phone" network the bytes on the wire decide the load time, so this bench needs its own server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from '../tests/e2e/helpers.mjs';

// Content types as scripts/serve.mjs; application/wasm matters: WebAssembly.instantiateStreaming refuses
// any other type (wasm-bindgen then falls back to a slower ArrayBuffer compile, which would skew the bench).
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.ico': 'image/x-icon',
};
// What a CDN compresses: text and wasm. Images and woff2 are compressed already.
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.wasm', '.svg', '.txt', '.ttf']);

/**
 * Serve ROOT on 127.0.0.1 (a free port). Compressed bytes are cached per file and revalidated by mtime and
 * size on every request, so a pkg/ rebuilt during a run is served fresh, and gzip -9 of a 500 KB wasm
 * (~0.1 s of node CPU) is not paid, nor timed, on every load. The warm-up round fills the cache.
 * @returns {Promise<{server: http.Server, url: string}>}
 */
export async function startGzipServer() {
  const cache = new Map(); // absolute path → { mtimeMs, size, body, gzip }
  const server = http.createServer((req, res) => {
    const fail = (status, text) => { res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' }); res.end(text); };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed\n');
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname); } catch { return fail(400, 'bad request\n'); }
    // No directory escapes, no hidden files (.git ...), as scripts/serve.mjs.
    if (rel.includes('\0') || rel.includes('\\') || rel.split('/').some((s) => s === '..' || s.startsWith('.'))) return fail(403, 'forbidden\n');
    const file = path.join(ROOT, rel);
    let st;
    try { st = fs.statSync(file); } catch { return fail(404, 'not found\n'); }
    if (!st.isFile()) return fail(404, 'not found\n');
    const ext = path.extname(file).toLowerCase();
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
      const raw = fs.readFileSync(file);
      entry = COMPRESS.has(ext)
        ? { mtimeMs: st.mtimeMs, size: st.size, body: zlib.gzipSync(raw, { level: 9 }), gzip: true }
        : { mtimeMs: st.mtimeMs, size: st.size, body: raw, gzip: false };
      cache.set(file, entry);
    }
    const gzipOk = entry.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    const body = gzipOk || !entry.gzip ? entry.body : fs.readFileSync(file); // identity only if gzip is refused
    res.writeHead(200, {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Content-Length': body.length,
      ...(gzipOk ? { 'Content-Encoding': 'gzip' } : {}),
      ...(entry.gzip ? { Vary: 'Accept-Encoding' } : {}),
      'Cache-Control': 'no-store', // the browser's cache is off anyway (Network.setCacheDisabled)
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

export async function stopServer(server) {
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
}

const sizeCache = new Map();
/** Sizes of a file on disk: raw, gzip -9 (what the server sends) and brotli quality 11 (what a CDN could send). */
export function sizesOf(file) {
  const st = fs.statSync(file);
  const key = `${file}:${st.mtimeMs}:${st.size}`;
  if (!sizeCache.has(key)) {
    const buf = fs.readFileSync(file);
    sizeCache.set(key, {
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    });
  }
  return sizeCache.get(key);
}

/**
 * TimelineJS JSON for the story's events (English), from data/canada-china.json (both benches show
 * TimelineJS this file).
 * @returns {number} the number of events
 */
export function writeTimelineJson() {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'canada-china.json'), 'utf8'));
  const parts = (s) => {
    const [year, month, day] = s.split('-');
    return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
  };
  const events = data.events.map((e) => ({
    unique_id: e.id,
    start_date: parts(e.date),
    ...(e.end ? { end_date: parts(e.end) } : {}),
    text: { headline: e.title.en, text: e.description.en },
    group: e.category,
  }));
  const out = path.join(ROOT, 'bench', 'pages', 'generated', 'tl-story.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ events }));
  return events.length;
}

/** Waits for a bench page's probe (tw-probe.js, tl-page.js, cj-page.js): __benchReadyAt (drawn) and
 *  __benchFrameAt (+ frame), or its __benchError. */
export async function waitProbe(page, urlPath, timeout) {
  const h = await page.waitForFunction(() => {
    if (window.__benchError) return { error: window.__benchError };
    return window.__benchFrameAt != null ? { ready: window.__benchReadyAt, frame: window.__benchFrameAt } : false;
  }, null, { timeout, polling: 100 }).catch((e) => { throw new Error(`${urlPath}: not drawn: ${e.message.split('\n')[0]}`); });
  const r = await h.jsonValue();
  if (r.error) throw new Error(`${urlPath}: ${r.error}`);
  return r;
}

// ---------------------------------------------------------------- numbers and text

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, min: s[0], q1: quantile(s, 0.25), median: quantile(s, 0.5), q3: quantile(s, 0.75), p95: quantile(s, 0.95), max: s[s.length - 1] };
}
export const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : 'n/a');
export const kb = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KB` : 'n/a');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
export const rx = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

export function printTable(head, rows, log = console.log) {
  const w = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i > 0 ? String(c ?? '').padStart(w[i]) : String(c ?? '').padEnd(w[i]))).join('  ');
  log(line(head));
  log(w.map((x) => '-'.repeat(x)).join('  '));
  for (const r of rows) log(line(r));
}
