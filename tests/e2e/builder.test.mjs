// The embed builder (issue 14, www/builder.html): choices checked by the widget's own rules, previews
// at phone and desktop widths, each embed code copied (clipboard permissions granted) and then pasted
// into a blank page, where it must work; the oEmbed discovery page it downloads; keyboard and axe.
//
// The "Package address" is set to the routed CDN (embed-helpers.mjs), so the copied codes load the
// widget from another origin on https, as they do once published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { startEnv, stopEnv, assertNoProblems, waitDrawn, TIMEOUT } from './helpers.mjs';
import { CDN, openHost, frameOf, waitReady, waitSized, showFrame, discoveryLinks, assertOembed } from './embed-helpers.mjs';

let env;
before(async () => { env = await startEnv(); });
after(stopEnv);

const version = () => JSON.parse(fs.readFileSync(new URL('../../pkg/package.json', import.meta.url), 'utf8')).version;
const BASE = () => `${CDN}/pkg/v${version()}/`;

async function openBuilder(opts = {}) {
  const h = await openHost(env, '/www/builder.html', { width: 1280, height: 1000, permissions: ['clipboard-read', 'clipboard-write'], ...opts });
  await h.page.waitForSelector('html[data-builder=ready]');
  return h;
}

/** Sets a field as a person does: select it, type, leave it. */
async function type(page, id, text) {
  await page.locator(`#${id}`).fill('');
  await page.locator(`#${id}`).pressSequentially(text);
  await page.locator(`#${id}`).press('Tab');
}

/** Waits until the codes show `config` (the debounce has run) and returns the four codes. */
async function codes(page, contains) {
  await page.waitForFunction((c) => document.getElementById('code-iframe').value.includes(c), contains);
  return page.evaluate(() => Object.fromEntries(['script', 'iframe', 'amp', 'oembed']
    .map((k) => [k, document.getElementById(`code-${k}`).value])));
}

async function copied(page, button, area) {
  await page.locator(`button[data-copy=${area}]`).click();
  await page.waitForFunction((b) => document.getElementById('copy-status').textContent.includes(`Copied the ${b}`), button);
  return page.evaluate(() => navigator.clipboard.readText());
}

const blank = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head>
  <body><h1>An article</h1><p>Text before.</p><div style="height:700px"></div>${body}<p>Text after.</p></body></html>`;

test('every choice is checked by the widget; the previews follow; each code copies and works pasted into a blank page',
  { timeout: 10 * TIMEOUT }, async () => {
    const { page, context, problems, close } = await openBuilder();
    try {
      // The widget's own messages for what it cannot take.
      await type(page, 'value', 'forty dollars');
      await page.locator('#value-error').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#value').getAttribute('aria-invalid'), 'true');
      const msg = await page.locator('#value-error').textContent();
      const widgetSays = await page.evaluate(() => {
        const v = document.getElementById('validator');
        v.setState({ value: 'forty dollars' });
        return v.getState().errors.find(([f]) => f === 'value')[1];
      });
      assert.equal(msg, widgetSays, 'the message is the widget\'s');
      await page.waitForFunction(() => /1 problem/.test(document.getElementById('config-status').textContent));
      await type(page, 'date', '2025-13-40');
      await page.locator('#date-error').waitFor({ state: 'visible' });
      await type(page, 'height', '5');
      await page.locator('#height-error').waitFor({ state: 'visible' });
      await page.waitForFunction(() => /3 problems/.test(document.getElementById('config-status').textContent));

      // A good configuration.
      await page.locator('input[name=view][value=both]').check();
      await page.locator('input[name=lang][value=fr]').check();
      await page.locator('#flow').selectOption('ca-canola-seed-to-cn');
      await type(page, 'value', '4000');
      await type(page, 'date', '2025-09-01');
      await page.locator('#height').fill('');
      await page.locator('#theme').selectOption('dark');
      await type(page, 'base', BASE());
      await page.waitForFunction(() => document.getElementById('config-status').textContent === '');
      const c = await codes(page, 'view=both&amp;lang=fr&amp;flow=ca-canola-seed-to-cn');

      // The previews: embed.html at 390 and 680 px, drawn, each as tall as its widget.
      const widths = [];
      for (const id of ['preview-phone', 'preview-desktop']) {
        const frame = await frameOf(page, new RegExp(`view=both.*childId=${id}`));
        await waitReady(frame);
        assert.equal(await frame.evaluate(() => document.querySelector('trade-widget').getAttribute('theme')), 'dark');
        await page.waitForFunction((i) => {
          const f = document.getElementById(i);
          return Math.abs(f.clientHeight - Math.ceil(f.contentDocument.body.getBoundingClientRect().height)) <= 1;
        }, id);
        widths.push(await frame.evaluate(() => window.innerWidth));
      }
      assert.deepEqual(widths, [390, 680], 'phone and desktop widths');

      // Each code, copied.
      const clip = {
        script: await copied(page, 'script tag', 'code-script'),
        iframe: await copied(page, 'iframe', 'code-iframe'),
        amp: await copied(page, 'AMP frame', 'code-amp'),
        oembed: await copied(page, 'oEmbed JSON', 'code-oembed'),
      };
      const now = await codes(page, 'view=both');
      for (const k of Object.keys(clip)) assert.equal(clip[k], now[k], `the clipboard has the ${k} code`);
      assert.ok(c.script.includes(`<script src="${BASE()}trade-widget.js" async></script>`));
      assert.match(clip.script, /<noscript><img src="[^"]+calculator-ca-canola-seed-to-cn-fr\.png" width="1200" height="630" alt="[^"]*graines de canola/i);
      assert.match(clip.amp, /<amp-img placeholder layout="fill" src="[^"]+calculator-ca-canola-seed-to-cn-fr\.png"/);
      const oembed = JSON.parse(clip.oembed);
      assertOembed(oembed, 'the builder\'s oEmbed JSON');
      assert.equal(oembed.thumbnail_url, `${BASE()}social-both-fr.png`);

      // Pasted into blank pages: each works.
      const paste = await context.newPage();
      paste.on('pageerror', (e) => problems.page.push(String(e)));
      paste.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
      const blankUrl = `${env.baseUrl}/www/pages/blank.html`;

      await paste.goto(blankUrl);
      await paste.setContent(blank(clip.script));
      await waitDrawn(paste);
      assert.equal(await paste.locator('trade-widget').getAttribute('lang'), 'fr');
      assert.equal((await paste.locator('trade-widget').evaluate((el) => el.getState())).flow, 'ca-canola-seed-to-cn');

      for (const [what, html] of [['iframe', clip.iframe], ['oEmbed html', oembed.html]]) {
        await paste.goto(blankUrl);
        await paste.setContent(blank(html));
        const id = /\sid="([^"]+)"/.exec(html)[1];
        await showFrame(paste, `#${id}`);
        const frame = await frameOf(paste, `${BASE()}embed.html?view=both`);
        await waitReady(frame);
        const h = await waitSized(paste, frame, `#${id}`, { above: 400 });
        assert.ok(h > 1000, `${what}: sized to the widget (${h} px)`);
      }

      await paste.goto(blankUrl);
      await paste.setContent(blank(clip.amp) + `<script src="${env.baseUrl}/www/pages/amp-host.js"></script>`);
      const amp = await frameOf(paste, `${BASE()}embed.html?view=both`);
      await waitReady(amp);
      assert.deepEqual(await paste.evaluate(() => window.ampProblems), [], 'AMP accepts the pasted element');
      await paste.waitForFunction(() => window.ampEmbedSizes.length > 0);
      assertNoProblems(problems, 'the builder and the pasted codes');
    } finally {
      await close();
    }
  });

test('the oEmbed files the builder downloads: a discovery page that names the JSON and carries the configuration',
  { timeout: 4 * TIMEOUT }, async () => {
    const { page, close } = await openBuilder({ });
    try {
      await page.locator('input[name=view][value=timeline]').check();
      await type(page, 'base', BASE());
      await codes(page, 'view=timeline');
      const downloads = [];
      page.on('download', (d) => downloads.push(d));
      await page.locator('#download-oembed').click();
      await page.waitForFunction(() => /Downloaded/.test(document.getElementById('copy-status').textContent));
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(downloads.map((d) => d.suggestedFilename()).sort(), ['tw-timeline-en.html', 'tw-timeline-en.json']);
      const read = async (name) => fs.readFileSync(await downloads.find((d) => d.suggestedFilename() === name).path(), 'utf8');
      const html = await read('tw-timeline-en.html');
      const json = JSON.parse(await read('tw-timeline-en.json'));
      assertOembed(json, 'tw-timeline-en.json');
      const [link] = discoveryLinks(html);
      assert.equal(link.href, `${BASE()}tw-timeline-en.json`);
      assert.match(html, /<meta name="trade-widget" content="view=timeline&amp;lang=en">/);
      assert.match(html, new RegExp(`<meta property="og:image" content="${BASE().replace(/[.]/g, '\\.')}social-timeline-en\\.png">`));
      assert.match(await page.locator('#oembed-page').textContent(), /tw-timeline-en\.html$/);
    } finally {
      await close();
    }
  });

test('the builder is usable with the keyboard alone and has no axe violations', { timeout: 4 * TIMEOUT }, async () => {
  const { page, close } = await openBuilder();
  try {
    // Keyboard: from the top, Tab reaches "Copy the iframe" and Enter copies.
    await page.locator('body').focus();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-copy'));
      if (at === 'code-iframe') break;
    }
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-copy')), 'code-iframe');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent.includes('Copied the iframe'));
    // Radios by arrow keys.
    await page.locator('input[name=view][value=calculator]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('input[name=view]:checked').getAttribute('value'), 'timeline');
    // An error is tied to its field.
    await type(page, 'value', 'x');
    await page.locator('input[name=view][value=calculator]').check();
    await type(page, 'value', 'x');
    await page.locator('#value-error').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#value').getAttribute('aria-describedby'), 'value-error');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .exclude('iframe').analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  } finally {
    await close();
  }
});
