// Issue 12, items 4, 5 and 7: every chart readable as data, what a reader can take away, and a
// shorter calculator on phones.
//
//  - "Show the data" under each chart opens a real table (the duty bars layer by layer with the two
//    dates in date order and a total row; the rate steps with the date each began, the rate and the
//    measure that caused it); each canvas's accessible name gives its key figures and points there.
//  - "Copy link" puts the calculator's state (or the timeline's event) in the URL fragment, under a
//    key of each widget's own (#tw=… for the page's first <trade-widget>, #tw2.event=… for the
//    second's event), restored on load without share-state; a failed clipboard write says so in the
//    widget; a malformed state or an unknown event in a link gets a notice.
//  - "Download data (CSV)" (UTF-8 with a BOM) and "Download image (PNG)" (2×, framed), made in the
//    page and caught here through playwright's download event.
//  - The list view's "Use this date in the calculator".
//  - At 390 px the breakdown and the charts start folded (open on a wide host), the reader's choice.
//
// The clipboard is stubbed in the page (navigator.clipboard.writeText), both to read what was
// written and to make it fail; everything else is the real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, normalise, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const PAGES = {
  en: { path: '/index.html', locale: 'en-US' },
  fr: { path: '/www/pages/article-fr.html', locale: 'fr-CA' },
};
const T = {
  en: {
    show: 'Show the data', layer: 'Layer', total: 'Total duty', starts: 'takes effect', copied: 'Link copied.',
    failed: 'could not be copied', badState: 'could not be read', unknownEvent: 'does not have',
    breakdownHead: 'Date of entry,Layer,Kind,Status,Rate (%),Charged on,Amount,Currency,Legal instrument,Sources',
  },
  fr: {
    show: 'Afficher les données', layer: 'Couche', total: 'Droits totaux', starts: 'Entrée en vigueur', copied: 'Lien copié.',
    failed: 'n’a pas pu être copié', badState: 'illisibles', unknownEvent: 'absent de cette chronologie',
    breakdownHead: 'Date d’entrée,Couche,Type,Statut,Taux (%),Assiette,Montant,Devise,Instrument juridique,Sources',
  },
};
const EVENT_COLUMNS = 'date,end date,category,English title,French title,English text,French text,sources';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** axe-core (the a11y suite's WCAG 2.x A/AA rules) over the page as it is now: zero violations. */
async function noAxeViolations(page, where) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const lines = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
  assert.deepEqual(lines, [], `${where}: axe violations`);
}

async function open(lang, { width = 1280, hash = '' } = {}) {
  const { path, locale } = PAGES[lang];
  const opened = await openPage(path + hash, { width, lang: locale });
  await waitDrawn(opened.page);
  return opened;
}

/** Replaces navigator.clipboard.writeText: records the text and resolves, or rejects as a denied permission. */
function stubClipboard(page, { fail = false } = {}) {
  return page.evaluate((fail) => {
    window.__copied = [];
    navigator.clipboard.writeText = (text) => {
      window.__copied.push(text);
      return fail ? Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) : Promise.resolve();
    };
  }, fail);
}

const copied = (page) => page.evaluate(() => window.__copied.slice());

/** Clicks `locator` and returns the download it starts: its suggested name and its bytes. */
async function download(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), locator.click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** The rows of a table inside a widget, each as its cells' normalised texts (head row first). */
const tableRows = (page, host, sel) => shadow(page, host, sel).evaluate((t) => [...t.rows]
  .map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));

/** Splits CSV text into records (quotes, doubled quotes and CRLF as RFC 4180 writes them). */
function readCsv(text) {
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; } else if (c !== '\r') field += c;
  }
  return records;
}

function csvText(bytes, what) {
  assert.ok(bytes.subarray(0, 3).equals(BOM), `${what} does not start with the UTF-8 byte order mark`);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  assert.ok(text.endsWith('\r\n'), `${what} does not end its last record`);
  return text;
}

// ---- 4. every chart readable as data --------------------------------------------------------------

for (const lang of ['en', 'fr']) {
  test(`"${T[lang].show}": both charts as tables, and canvases that say so (${lang})`, { timeout: 2 * TIMEOUT }, async () => {
    const { page, problems, close } = await open(lang);
    try {
      const t = T[lang];
      const quote = await page.evaluate((sel) => document.querySelector(sel).quote(), CALC);
      const summaries = shadow(page, CALC, 'details.chart-data > summary');
      assert.equal(await summaries.count(), 2);
      for (let i = 0; i < 2; i++) assert.ok(normalise(await summaries.nth(i).textContent()).startsWith(t.show));

      // Closed until asked for; then a real table.
      assert.equal(await shadow(page, CALC, 'table[data-role=duty-data]').isVisible(), false);
      await summaries.nth(0).click();
      await shadow(page, CALC, 'table[data-role=duty-data]').waitFor({ state: 'visible' });
      const duty = await tableRows(page, CALC, 'table[data-role=duty-data]');
      assert.equal(duty[0][0], t.layer);
      assert.equal(duty[0].length, 3, 'a column per date');
      const dates = [quote.reference.date, quote.selected.date].sort();
      const headDates = await shadow(page, CALC, 'table[data-role=duty-data] thead th').allTextContents();
      assert.equal(headDates.length, 3);
      const total = duty[duty.length - 1];
      assert.equal(total[0], t.total);
      assert.ok(total.slice(1).every((c) => /%|bloqu|blocked/.test(c)), `total row: ${total}`);
      const layers = new Set([...quote.reference.layers, ...quote.selected.layers].map((l) => l.measure));
      assert.equal(duty.length - 2, layers.size, `a row per layer: ${JSON.stringify(duty)}`);
      assert.ok(dates[0] <= dates[1]);

      await summaries.nth(1).click();
      const rate = await tableRows(page, CALC, 'table[data-role=rate-data]');
      assert.equal(rate[0].length, 3);
      assert.ok(rate.length >= 3, `the EV's rate changed at least twice: ${JSON.stringify(rate)}`);
      for (const r of rate.slice(1)) {
        assert.ok(/\d{4}/.test(r[0]) && /%/.test(r[1]) && r[2].length > 1 && r[2] !== '—', `step without its figures: ${r}`);
      }
      assert.ok(rate.some((r) => r[2].includes(t.starts)), `no step names a measure taking effect: ${JSON.stringify(rate)}`);

      for (const role of ['duty-chart', 'rate-chart']) {
        const label = await shadow(page, CALC, `canvas[data-role=${role}]`).getAttribute('aria-label');
        assert.ok(label.includes(`${t.show}`) && /\d+(?:[.,]\d+)?\s?%/.test(label), `${role}: ${label}`);
      }
      const dutyLabel = await shadow(page, CALC, 'canvas[data-role=duty-chart]').getAttribute('aria-label');
      for (const cell of total.slice(1)) assert.ok(normalise(dutyLabel).includes(normalise(cell)), `${dutyLabel} lacks ${cell}`);
      await noAxeViolations(page, `both data tables open (${lang})`);
      assertNoProblems(problems, `show the data (${lang})`);
    } finally {
      await close();
    }
  });
}

// ---- 5. take it away ------------------------------------------------------------------------------

for (const lang of ['en', 'fr']) {
  test(`copy link: the calculator's state, restored on a new page without share-state (${lang})`, { timeout: 3 * TIMEOUT }, async () => {
    let link;
    let summary;
    const first = await open(lang);
    try {
      const { page } = first;
      await stubClipboard(page);
      const value = shadow(page, CALC, 'input[name=value]');
      await value.fill(lang === 'fr' ? '12 345,50' : '12,345.50');
      await shadow(page, CALC, 'button[data-preset=peak]').click();
      await waitForText(shadow(page, CALC, '[data-role=summary]'), lang === 'fr' ? '12 345,50' : '12,345.50');
      summary = normalise(await shadow(page, CALC, '[data-role=summary]').textContent());
      await shadow(page, CALC, 'button[data-action=copy-link]').click();
      await waitForText(shadow(page, CALC, 'section.calc [data-role=takeaway-status]'), T[lang].copied);
      [link] = await copied(page);
      const url = new URL(link);
      assert.equal(url.pathname, PAGES[lang].path);
      const state = decodeURIComponent(url.hash.slice(1)).match(/^tw=([^&]*)$/);
      assert.ok(state, `the link's fragment is not this widget's: ${url.hash}`);
      assert.equal(state[1], 'cn-ev-to-ca|12345.50|CAD|2025-09-01|1|0', 'the value is written plainly, for either language');
      assert.equal(await page.evaluate(() => location.hash), '', 'copying does not change the page address');
      assertNoProblems(first.problems, `copy link (${lang})`);
    } finally {
      await first.close();
    }
    const u = new URL(link);
    const second = await open(lang, { hash: u.hash });
    try {
      await waitForText(shadow(second.page, CALC, '[data-role=summary]'), summary);
      assert.equal(await shadow(second.page, CALC, 'input[name=date]').inputValue(), '2025-09-01');
      assert.equal(await shadow(second.page, CALC, '[data-role=notice]').isVisible(), false);
      assertNoProblems(second.problems, `the copied link (${lang})`);
    } finally {
      await second.close();
    }
    // The same link in the other language's article.
    const other = await open(lang === 'en' ? 'fr' : 'en', { hash: u.hash });
    try {
      await waitForText(shadow(other.page, CALC, '[data-role=summary]'), lang === 'en' ? '12 345,50' : '12,345.50');
      assertNoProblems(other.problems, `the copied link in the other language (${lang})`);
    } finally {
      await other.close();
    }
  });
}

test('copy link: the timeline\'s event under its own key, beside the calculator\'s state', { timeout: 3 * TIMEOUT }, async () => {
  let link;
  let title;
  const first = await open('en');
  try {
    const { page } = first;
    await stubClipboard(page);
    await shadow(page, TL, 'canvas[data-role=timeline]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await shadow(page, TL, '[data-role=details]').waitFor({ state: 'visible' });
    title = normalise(await shadow(page, TL, '[data-role=details-title]').textContent());
    await shadow(page, TL, 'button[data-action=copy-event-link]').click();
    await waitForText(shadow(page, TL, '[data-role=takeaway-status]'), T.en.copied);
    [link] = await copied(page);
    assert.match(new URL(link).hash, /^#tw2\.event=[a-z0-9-]+$/, 'the second <trade-widget> of the page keys its event tw2.event');
    assertNoProblems(first.problems, 'copy the event link');
  } finally {
    await first.close();
  }
  const second = await open('fr', { hash: new URL(link).hash + '&tw=cn-steel-to-ca|50000|CAD|2024-01-01|1|0' });
  try {
    const card = shadow(second.page, TL, '[data-role=details]');
    await card.waitFor({ state: 'visible' });
    assert.ok(normalise(await shadow(second.page, TL, '[data-role=details-title]').textContent()).length > 0);
    assert.equal(await shadow(second.page, CALC, 'select[name=flow]').inputValue(), 'cn-steel-to-ca');
    assert.equal(await shadow(second.page, CALC, 'input[name=date]').inputValue(), '2024-01-01');
    assertNoProblems(second.problems, 'a fragment for both widgets');
  } finally {
    await second.close();
  }
  const third = await open('en', { hash: new URL(link).hash });
  try {
    await waitForText(shadow(third.page, TL, '[data-role=details-title]'), title);
  } finally {
    await third.close();
  }
});

for (const lang of ['en', 'fr']) {
  test(`a failed clipboard write says so in the widget, with the link (${lang})`, { timeout: 2 * TIMEOUT }, async () => {
    const { page, problems, close } = await open(lang);
    try {
      await stubClipboard(page, { fail: true });
      await shadow(page, CALC, 'button[data-action=copy-link]').click();
      const status = shadow(page, CALC, 'section.calc [data-role=takeaway-status]');
      const text = await waitForText(status, T[lang].failed);
      const [link] = await copied(page);
      assert.ok(text.includes(link), `the message does not give the link to copy by hand: ${text}`);
      assert.equal(await status.getAttribute('role'), 'status');
      assertNoProblems(problems, `failed copy (${lang})`);
    } finally {
      await close();
    }
  });

  test(`a link with a malformed state or an unknown event gets a notice (${lang})`, { timeout: 2 * TIMEOUT }, async () => {
    for (const [hash, host, words] of [
      ['#tw=not%20a%20state', CALC, T[lang].badState],
      ['#tw=cn-ev-to-ca|abc|CAD|2026-03-02|1|0', CALC, T[lang].badState],
      ['#tw=%E0%A4%A', CALC, T[lang].badState],
      ['#tw2.event=no-such-event', TL, T[lang].unknownEvent],
    ]) {
      const { page, problems, close } = await open(lang, { hash });
      try {
        const notice = shadow(page, host, '[data-role=notice]');
        await notice.waitFor({ state: 'visible' });
        const text = await waitForText(notice, words);
        if (hash.includes('event')) assert.ok(text.includes('no-such-event'), text);
        assert.equal(await notice.getAttribute('role'), 'status');
        // The widget still works: its default result is drawn.
        if (host === CALC) assert.ok(normalise(await shadow(page, CALC, '[data-role=summary]').textContent()).length > 0);
        assert.deepEqual(problems.page, [], `${hash}: page errors`);
      } finally {
        await close();
      }
    }
  });
}

test('CSV downloads: the breakdown and the rate series (fr) and the events (en), UTF-8 with a BOM', { timeout: 3 * TIMEOUT }, async () => {
  const fr = await open('fr');
  try {
    const { page } = fr;
    const breakdown = await download(page, shadow(page, CALC, 'button[data-action=csv-breakdown]'));
    assert.match(breakdown.name, /^duty-layers-cn-ev-to-ca-\d{4}-\d\d-\d\d\.csv$/);
    const rows = readCsv(csvText(breakdown.bytes, breakdown.name));
    assert.equal(rows[0].join(','), T.fr.breakdownHead);
    assert.ok(rows.every((r) => r.length === 10), 'every record has the ten columns');
    const totals = rows.filter((r) => r[1] === 'Droits totaux');
    assert.equal(totals.length, 2, 'a total for each date');
    assert.ok(totals[0][0] <= totals[1][0], 'the dates in order');
    assert.ok(rows.some((r) => r[1].includes('é') || r[8].includes('é')), 'French accents survive');

    await shadow(page, CALC, 'details.chart-data >> nth=1').evaluate((d) => { d.open = true; });
    const rates = await download(page, shadow(page, CALC, 'button[data-action=csv-rates]'));
    const rr = readCsv(csvText(rates.bytes, rates.name));
    assert.deepEqual(rr[0], ['Depuis le', 'Taux (%)', 'Ce qui a changé']);
    assert.ok(rr.length >= 3);
    assert.ok(rr.slice(1).every((r) => /^\d{4}-\d\d-\d\d$/.test(r[0]) && /^\d+(\.\d+)?$/.test(r[1]) && r[2]), JSON.stringify(rr));
    assert.ok(rr.some((r) => r[2].includes('Entrée en vigueur')));
    assertNoProblems(fr.problems, 'CSV downloads (fr)');
  } finally {
    await fr.close();
  }
  const en = await open('en');
  try {
    const events = await download(en.page, shadow(en.page, TL, 'button[data-action=csv-events]'));
    assert.equal(events.name, 'canada-china-events.csv');
    const rows = readCsv(csvText(events.bytes, events.name));
    assert.equal(rows[0].join(','), EVENT_COLUMNS);
    const count = await shadow(en.page, TL, '[data-role=event-list] > li').count();
    assert.equal(rows.length - 1, count, 'every event, once');
    for (const r of rows.slice(1)) {
      assert.equal(r.length, 8);
      assert.match(r[0], /^\d{4}(-\d\d(-\d\d)?)?$/);
      assert.match(r[2], /^(diplomacy|trade|detention|security|public_opinion)$/);
      assert.ok(r[3] && r[4] && r[5] && r[6], `texts in both languages: ${r}`);
      assert.ok(r[7].split(' ').every((s) => s.startsWith('https://')), `sources: ${r[7]}`);
    }
    assert.ok(rows.some((r) => /[éèàç«»]/.test(r[4] + r[6])), 'French text read back as UTF-8');
    assertNoProblems(en.problems, 'CSV downloads (en)');
  } finally {
    await en.close();
  }
});

/** Decodes a PNG in the page: its size and the fraction of pixels unlike its top-left one. */
const decodePng = (page, bytes) => page.evaluate(async (b64) => {
  const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(bmp, 0, 0);
  const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
  let differ = 0;
  for (let p = 0; p < d.length; p += 4) if (d[p] !== d[0] || d[p + 1] !== d[1] || d[p + 2] !== d[2]) differ++;
  return { width: bmp.width, height: bmp.height, fraction: differ / (bmp.width * bmp.height) };
}, bytes.toString('base64'));

test('PNG downloads: each chart and the timeline at 2×, framed, not blank', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, close } = await open('en');
  try {
    for (const [host, action, role, name] of [
      [CALC, 'png-duty', 'duty-chart', /^duty-by-layer-cn-ev-to-ca-\d{4}-\d\d-\d\d\.png$/],
      [CALC, 'png-rates', 'rate-chart', /^rate-over-time-cn-ev-to-ca\.png$/],
      [TL, 'png-timeline', 'timeline', /^canada-china-timeline\.png$/],
    ]) {
      // The chart's CSS width inside its border (the timeline's canvas has one).
      const css = await shadow(page, host, `canvas[data-role=${role}]`).evaluate((c) => c.clientWidth);
      const png = await download(page, shadow(page, host, `button[data-action=${action}]`));
      assert.match(png.name, name);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${png.name} is not a PNG`);
      const img = await decodePng(page, png.bytes);
      assert.ok(Math.abs(img.width - 2 * css) <= 2, `${png.name}: ${img.width} px wide, the chart is ${css} CSS px`);
      assert.ok(img.fraction > 0.01, `${png.name}: only ${(img.fraction * 100).toFixed(2)} % of its pixels are drawn`);
    }
    assertNoProblems(problems, 'PNG downloads');
  } finally {
    await close();
  }
});

test('list view: "Use this date in the calculator" on each event', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await open('fr');
  try {
    const buttons = shadow(page, TL, '[data-role=event-list] button[data-action=use-event-date]');
    assert.equal(await buttons.first().isVisible(), false, 'hidden outside the list view (no invisible Tab stops)');
    await shadow(page, TL, 'button[data-action=list]').click();
    const n = await shadow(page, TL, '[data-role=event-list] > li').count();
    assert.equal(await buttons.count(), n, 'one button per event');
    const li = shadow(page, TL, '[data-role=event-list] > li').nth(5);
    const date = await li.locator('time').getAttribute('datetime');
    const button = li.locator('button[data-action=use-event-date]');
    assert.equal(normalise(await button.textContent()), 'Utiliser cette date dans le calculateur');
    await noAxeViolations(page, 'the list view with its buttons');
    await button.click();
    await page.waitForFunction(([sel, want]) => document.querySelector(sel).shadowRoot
      .querySelector('input[name=date]').value === want, [CALC, date], { timeout: 10_000 });
    assertNoProblems(problems, 'use this date');
  } finally {
    await close();
  }
});

// ---- 7. a shorter calculator on phones --------------------------------------------------------------

test('phones: the breakdown and the charts start folded under 520 px, open on a wide host, then stay as the reader sets them', { timeout: 3 * TIMEOUT }, async () => {
  for (const [width, open_] of [[390, false], [1280, true]]) {
    const { page, problems, close } = await open('en', { width });
    try {
      const folds = shadow(page, CALC, 'details.fold');
      assert.equal(await folds.count(), 2);
      for (let i = 0; i < 2; i++) assert.equal(await folds.nth(i).evaluate((d) => d.open), open_, `${width} px, fold ${i}`);
      // Nothing is lost: the breakdown has its rows either way.
      assert.ok(await shadow(page, CALC, 'table[data-role=breakdown] tbody tr').count() > 0);
      // The widget's own box (the host may still hold the loader's reserved height).
      const height = await page.locator(CALC).evaluate((el) => el.shadowRoot.querySelector('.tw').getBoundingClientRect().height);
      if (width === 390) {
        assert.ok(height < 1800, `the calculator is ${Math.round(height)} px tall at 390 px (2,688 before)`);
        // The sentence and the totals come before both folded sections.
        const order = await page.locator(CALC).evaluate((el) => {
          const r = el.shadowRoot;
          const y = (s) => r.querySelector(s).getBoundingClientRect().top;
          return [y('[data-role=summary]'), y('[data-role=total]'), y('details.fold')];
        });
        assert.ok(order[0] < order[2] && order[1] < order[2], JSON.stringify(order));
        // The reader opens the charts; a new input (a redraw) leaves them open.
        await folds.nth(0).locator('summary').first().click();
        await shadow(page, CALC, 'input[name=value]').fill('50000');
        await waitForText(shadow(page, CALC, '[data-role=summary]'), '50,000');
        assert.equal(await folds.nth(0).evaluate((d) => d.open), true);
        assert.equal(await folds.nth(1).evaluate((d) => d.open), false);
        const ink = await shadow(page, CALC, 'canvas[data-role=duty-chart]').evaluate((c) => c.width);
        assert.ok(ink > 0, 'the opened chart is drawn');
        console.log(`# calculator height at 390 px, folded: ${Math.round(height)} px`);
      }
      assertNoProblems(problems, `folds at ${width} px`);
    } finally {
      await close();
    }
  }
});
