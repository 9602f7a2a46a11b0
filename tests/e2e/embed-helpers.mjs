// Plumbing for the tests of the iframe, AMP, oEmbed and builder embeds (issue 14).
//
// A news site frames the widget from another site: its CDN. Here the news site is the repository
// served on 127.0.0.1 (helpers.startEnv), and the CDN is https://cdn.trade-widget.test, answered by a
// route from the files of this checkout (pkg/…), so the frame is cross-origin, cross-site and on
// https, as it is in production; https://your.cdn/trade-widget/ (the build's default public address,
// in the oEmbed files) is answered from pkg/ too. (A second local server would not do: Chromium's local network
// access checks treat a routed page as public, and a real CDN is public anyway.) Every other request
// that would leave this machine is answered with a stub and recorded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, TIMEOUT } from './helpers.mjs';
import { TYPES } from '../../scripts/serve.mjs';

export const CDN = 'https://cdn.trade-widget.test';
/** The build's default TW_PUBLIC_URL (scripts/embed-files.mjs): answered from pkg/ like the CDN. */
export const PUBLIC_URL = 'https://your.cdn/trade-widget/';
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Routes the CDN to this checkout and stubs the rest of the outside world, on `context`. */
export async function routeCdn(context) {
  const outside = [];
  await context.route((url) => url.protocol !== 'data:' && !/^(127\.0\.0\.1|cdn\.trade-widget\.test|your\.cdn)$/.test(url.hostname),
    (route) => {
      outside.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'stub' });
    });
  await context.route((url) => url.hostname === 'cdn.trade-widget.test' || url.hostname === 'your.cdn', (route) => {
    const url = new URL(route.request().url());
    let rel = decodeURIComponent(url.pathname);
    if (url.hostname === 'your.cdn') rel = rel.replace(/^\/trade-widget\//, '/pkg/');
    const file = path.join(ROOT, rel);
    if (!file.startsWith(ROOT + path.sep) || rel.split('/').some((s) => s.startsWith('.')) ||
        !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return route.fulfill({ status: 404, contentType: 'text/plain', body: `not found: ${rel}` });
    }
    return route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
      body: fs.readFileSync(file),
    });
  });
  return outside;
}

/**
 * Opens `urlPath` of the local server in a new context whose CDN is routed, recording problems
 * (console errors, page errors, failed requests) in the page and in its frames.
 */
export async function openHost(env, urlPath, { width = 1024, height = 800, permissions = [], setup = null } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, locale: 'en-US', colorScheme: 'light' });
  context.setDefaultTimeout(TIMEOUT);
  if (permissions.length) await context.grantPermissions(permissions, { origin: env.baseUrl });
  const outside = await routeCdn(context);
  const page = await context.newPage();
  const problems = { console: [], page: [], requests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.console.push(msg.text()); });
  page.on('pageerror', (err) => problems.page.push(String(err && err.stack || err)));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText || 'failed';
    // A frame that is navigated again aborts what its previous document was still loading.
    if (why !== 'net::ERR_ABORTED') problems.requests.push(`${req.url()}: ${why}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.requests.push(`${res.url()}: HTTP ${res.status()}`); });
  if (setup) await setup(page, context);
  await page.goto(env.baseUrl + urlPath, { waitUntil: 'load' });
  return { page, context, problems, outside, close: () => context.close() };
}

/** The frame whose URL matches `part` (a string it contains, or a RegExp), once it exists. */
export async function frameOf(page, part) {
  const hit = (u) => (typeof part === 'string' ? u.includes(part) : part.test(u));
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const f = page.frames().find((fr) => hit(fr.url()));
    if (f) return f;
    if (Date.now() > deadline) throw new Error(`no frame with ${part}: ${page.frames().map((fr) => fr.url()).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The frame's content height (its <body>) and the <iframe> element's height in the host, in CSS px. */
export async function heights(page, frame, iframeSelector) {
  const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const outer = await page.locator(iframeSelector).evaluate((f) => f.getBoundingClientRect().height);
  return { inner, outer };
}

/** Waits until the <iframe> is as tall as its content (±1 px) and taller than `above`; returns the height. */
export async function waitSized(page, frame, iframeSelector, { above = 0 } = {}) {
  const deadline = Date.now() + TIMEOUT;
  let h;
  for (;;) {
    h = await heights(page, frame, iframeSelector);
    if (Math.abs(h.inner - h.outer) <= 1 && h.outer > above) return h.outer;
    if (Date.now() > deadline) {
      throw new Error(`${iframeSelector}: the frame is ${h.outer} px tall, its content ${h.inner} px (wanted > ${above})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Scrolls the host page so that the top of `iframeSelector` is at the top of the viewport. Chromium
 * does not render a cross-origin frame that is off screen (no animation frames): anything that waits
 * for one in the frame (helpers.waitDrawn, a click) needs the frame on screen first.
 */
export async function showFrame(page, iframeSelector) {
  await page.locator(iframeSelector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** Waits until the frame's widget has drawn (data-status="ready"), without needing the frame on screen. */
export async function waitReady(frame, selector = 'trade-widget') {
  await frame.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const s = el && el.getAttribute('data-status');
    if (s === 'error' || s === 'fallback') throw new Error(`data-status=${s}: ${el.shadowRoot.textContent}`);
    return s === 'ready';
  }, selector, { polling: 100 });
}

/** The discovery links of an HTML page, as a consumer reads them (attributes in any order). */
export function discoveryLinks(html) {
  return [...html.matchAll(/<link\b[^>]*>/gi)].map(([tag]) => {
    const attr = (name) => (new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag) || [])[1];
    return { rel: attr('rel'), type: attr('type'), href: attr('href'), title: attr('title') };
  }).filter((l) => l.rel === 'alternate' && /json\+oembed/.test(l.type || ''));
}

/** Checks an oEmbed response against oembed.com's rules for type "rich" (and ours). */
export function assertOembed(json, where) {
  assert.equal(json.type, 'rich', where);
  assert.equal(json.version, '1.0', `${where}: version is the string "1.0"`);
  for (const k of ['html', 'title', 'provider_name', 'provider_url']) {
    assert.equal(typeof json[k], 'string', `${where}: ${k}`);
    assert.ok(json[k].length > 0, `${where}: ${k}`);
  }
  for (const k of ['width', 'height']) assert.ok(Number.isInteger(json[k]) && json[k] > 0, `${where}: ${k} = ${json[k]}`);
  const thumbs = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((k) => k in json);
  assert.ok(thumbs.length === 0 || thumbs.length === 3, `${where}: the thumbnail fields come together`);
  const known = ['type', 'version', 'title', 'author_name', 'author_url', 'provider_name', 'provider_url', 'cache_age',
    'thumbnail_url', 'thumbnail_width', 'thumbnail_height', 'html', 'width', 'height'];
  assert.deepEqual(Object.keys(json).filter((k) => !known.includes(k)), [], `${where}: only oEmbed fields`);
  const iframes = json.html.match(/<iframe\b/g) || [];
  assert.equal(iframes.length, 1, `${where}: html is one iframe (and its resizer)`);
  assert.match(json.html, /\ssrc="https:\/\/[^"]+\/embed\.html[^"]*"/);
  assert.match(json.html, /\stitle="[^"]+"/, 'the frame has a title (its accessible name)');
  assert.match(json.html, /\ssandbox="allow-scripts allow-same-origin allow-popups/);
}
