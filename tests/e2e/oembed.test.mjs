// oEmbed (issue 14): static files only. pkg/embed.html names its oEmbed response in a discovery link;
// the response (pkg/vX.Y.Z/oembed.json) is of type "rich", its html the iframe snippet. A CMS reads the
// page without running it, as this test does with fetch; the html it gets is then put in an article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, stopEnv, assertNoProblems, waitDrawn, ROOT, TIMEOUT } from './helpers.mjs';
import { PUBLIC_URL, openHost, frameOf, waitSized, waitReady, showFrame, discoveryLinks, assertOembed } from './embed-helpers.mjs';
import { HEIGHTS, configQuery } from '../../www/snippets.mjs';

let env;
before(async () => { env = await startEnv(); });
after(stopEnv);

const version = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/package.json'), 'utf8')).version;

test('embed.html carries oEmbed discovery; the response has the shape oEmbed documents, in both folders', async () => {
  const v = version();
  const res = await fetch(`${env.baseUrl}/pkg/embed.html`);
  assert.equal(res.status, 200);
  const links = discoveryLinks(await res.text());
  assert.equal(links.length, 1, 'one discovery link');
  const [link] = links;
  assert.equal(link.type, 'application/json+oembed');
  assert.ok(link.title, 'the link has a title');
  assert.equal(link.href, `${PUBLIC_URL}v${v}/oembed.json`, 'absolute, in the versioned folder');
  const local = path.join(ROOT, 'pkg', link.href.slice(PUBLIC_URL.length));
  const json = JSON.parse(fs.readFileSync(local, 'utf8'));
  assertOembed(json, link.href);
  assert.ok(json.html.includes(`src="${PUBLIC_URL}v${v}/embed.html`), 'the frame is the versioned embed');
  assert.ok(json.html.includes(`<script src="${PUBLIC_URL}v${v}/iframe-resizer.js" async></script>`));
  assert.equal(json.provider_url, PUBLIC_URL);
  for (const f of ['oembed.json', 'embed.html']) {
    assert.equal(fs.readFileSync(path.join(ROOT, 'pkg', f), 'utf8'), fs.readFileSync(path.join(ROOT, `pkg/v${v}`, f), 'utf8'),
      `pkg/${f} and pkg/v${v}/${f} are the same file`);
  }
  const pkgJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/package.json'), 'utf8'));
  for (const f of ['embed.html', 'embed.js', 'iframe-resizer.js', 'oembed.json', 'snippets.mjs']) {
    assert.ok(pkgJson.files.includes(f), `pkg/package.json lists ${f}`);
  }
});

test('the html of the oEmbed response, put into an article as a CMS does, draws and sizes itself', { timeout: 3 * TIMEOUT }, async () => {
  const v = version();
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, `pkg/v${v}/oembed.json`), 'utf8'));
  const { page, problems, outside, close } = await openHost(env, '/www/pages/blank.html');
  try {
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS article</title></head>
      <body><h1>An article</h1><p>Text.</p>${json.html}<p>More text.</p></body></html>`);
    const id = /\sid="([^"]+)"/.exec(json.html)[1];
    await showFrame(page, `#${id}`);
    const frame = await frameOf(page, `${PUBLIC_URL}v${v}/embed.html`);
    await waitReady(frame);
    await showFrame(page, `#${id}`);
    await waitDrawn(frame);
    const h = await waitSized(page, frame, `#${id}`, { above: 200 });
    assert.ok(h !== json.height, 'the resizer replaced the response\'s height by the widget\'s');
    assert.deepEqual(outside, []);
    assertNoProblems(problems, 'the article with the oEmbed html');
  } finally {
    await close();
  }
});

test('the frame heights the snippets start with are within a quarter of the real ones at 680 px', { timeout: 4 * TIMEOUT }, async (t) => {
  const { page, close } = await openHost(env, '/www/pages/blank.html', { width: 728, height: 900 });
  try {
    const measured = {};
    for (const view of Object.keys(HEIGHTS)) {
      await page.goto(`${env.baseUrl}/www/pages/blank.html`); // a fresh window: the resizer runs once per page
      await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>h</title></head>
        <body style="margin:0"><iframe id="f" style="width:680px;border:0" height="300"
        src="${PUBLIC_URL}v${version()}/embed.html?${configQuery({ view })}&amp;childId=f"></iframe>
        <script src="${PUBLIC_URL}v${version()}/iframe-resizer.js"></script></body></html>`);
      const frame = await frameOf(page, `view=${view}`);
      await waitReady(frame);
      measured[view] = await waitSized(page, frame, '#f', { above: 300 });
    }
    t.diagnostic(`heights at 680 px: ${JSON.stringify(measured)}; www/snippets.mjs HEIGHTS: ${JSON.stringify(HEIGHTS)}`);
    for (const [view, h] of Object.entries(measured)) {
      assert.ok(Math.abs(HEIGHTS[view] - h) / h < 0.25,
        `HEIGHTS.${view} in www/snippets.mjs is ${HEIGHTS[view]}, the widget is ${h} px tall at 680 px: update it (${JSON.stringify(measured)})`);
    }
  } finally {
    await close();
  }
});
