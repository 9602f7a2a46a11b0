// Sources as the reader sees them (issue 13): every source is a link whose text is its publisher
// and date ("Canada Gazette, Part II, October 9, 2024"), whose title is the document's title, and
// whose data-kind says what it is (primary, press, reference).
//
//  - The 100 % EV surtax on 2025-06-01 cites the China Surtax Order in the Canada Gazette.
//  - The provisional anti-dumping deposit on canola seed on 2025-09-01 cites MOFCOM's ruling, and
//    its row says what became of the deposit (recalculated at 5.9 % by the final ruling).
//  - The 2019 canola bans apply to Richardson International and Viterra only, and say so.
//  - The notes end with "Data as of March 15, 2026 · version N" and the last change in a <details>.
//  - The timeline's card and list link every source of an event with its title.
//  - In French the same links read "Gazette du Canada, Partie II, 9 octobre 2024".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, normalise,
  ROOT, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'canada-china.json'), 'utf8'));
const q = (page, inner) => shadow(page, CALC, inner);
const t = (page, inner) => shadow(page, TL, inner);

/** Every link in the breakdown row whose header contains `head`: [{text, title, label, kind, href}]. */
async function rowSources(page, head) {
  const rows = q(page, 'table[data-role=breakdown] tbody tr');
  const n = await rows.count();
  const heads = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const th = (await row.locator('th').count()) > 0 ? normalise(await row.locator('th').textContent()) : '';
    heads.push(th);
    if (!th.includes(head)) continue;
    const links = await row.locator('td a').evaluateAll((as) => as.map((a) => ({
      text: a.textContent.replace(/\s+/g, ' ').trim(),
      title: a.getAttribute('title'),
      label: a.getAttribute('aria-label'),
      kind: a.getAttribute('data-kind'),
      href: a.getAttribute('href'),
    })));
    const span = row.locator('[data-role=layer-later]');
    const later = (await span.count()) > 0 ? normalise(await span.textContent()) : '';
    return { links, later };
  }
  throw new Error(`no breakdown row with "${head}" in its header; rows: ${heads.join(' | ')}`);
}

async function setQuote(page, state) {
  await page.evaluate(([sel, s]) => document.querySelector(sel).setState(s), [CALC, state]);
}

/** A link is well formed: text, title, an accessible name that starts with the text and holds the title, a kind. */
function assertLink(l, where) {
  assert.ok(l.text.length > 0, `${where}: a source link has no text`);
  assert.ok(l.title && l.title.length > 0, `${where}: the link "${l.text}" has no title`);
  assert.ok(l.label.startsWith(l.text), `${where}: the accessible name "${l.label}" does not start with "${l.text}"`);
  assert.ok(l.label.includes(l.title), `${where}: the accessible name "${l.label}" does not hold the title "${l.title}"`);
  assert.match(l.kind, /^(primary|press|reference)$/, `${where}: data-kind of "${l.text}"`);
  assert.match(l.href, /^https:\/\//, `${where}: the link "${l.text}" is not https`);
}

test('the EV surtax cites the Canada Gazette, with the order\'s title', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    await waitDrawn(page, CALC);
    await setQuote(page, { flow: 'cn-ev-to-ca', value: '50000', currency: 'CAD', date: '2025-06-01' });
    await waitForText(q(page, '[data-role=total]'), 'C$53,050.00');
    const { links } = await rowSources(page, '100% surtax');
    for (const l of links) assertLink(l, 'EV surtax row');
    const gazette = links.find((l) => l.text.startsWith('Canada Gazette, Part II'));
    assert.ok(gazette, `no Canada Gazette link on the surtax row: ${JSON.stringify(links)}`);
    assert.equal(gazette.text, 'Canada Gazette, Part II, October 9, 2024');
    assert.equal(gazette.kind, 'primary');
    assert.match(gazette.title, /China Surtax Order \(2024\)/);
    assert.match(gazette.href, /^https:\/\/gazette\.gc\.ca\//);
    assert.ok(links.some((l) => l.href.startsWith('https://laws-lois.justice.gc.ca/')), 'no Justice Laws link on the surtax row');
    assertNoProblems(problems, 'the EV surtax');
  } finally {
    await close();
  }
});

test('the provisional canola deposit cites MOFCOM and says it was recalculated at 5.9%', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    await waitDrawn(page, CALC);
    await setQuote(page, { flow: 'ca-canola-seed-to-cn', value: '1000000', currency: 'CAD', date: '2025-09-01' });
    await waitForText(q(page, 'table[data-role=breakdown]'), '75.8%');
    const { links, later } = await rowSources(page, 'Provisional anti-dumping deposit');
    for (const l of links) assertLink(l, 'canola deposit row');
    const mofcom = links.find((l) => l.kind === 'primary');
    assert.ok(mofcom, `no primary source on the canola deposit row: ${JSON.stringify(links)}`);
    assert.equal(mofcom.text, 'Ministry of Commerce of the PRC (MOFCOM), August 12, 2025');
    assert.match(mofcom.title, /preliminary ruling/i);
    assert.match(mofcom.href, /^https:\/\/english\.mofcom\.gov\.cn\//);
    assert.match(later, /recalculated at 5\.9%/, `the row does not say what became of the deposit: "${later}"`);
    assert.match(later, /February 28, 2026/, `the row does not say when the deposit was recalculated: "${later}"`);
    // The totals that use the estimated MFN rate are labelled as such.
    const summary = normalise(await q(page, '[data-role=summary]').textContent());
    assert.match(summary, /estimate/i, `the summary does not say it includes an estimate: "${summary}"`);
    assertNoProblems(problems, 'the canola deposit');
  } finally {
    await close();
  }
});

test('the 2019 canola bans name their exporters and block only their shipments', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    await waitDrawn(page, CALC);
    await setQuote(page, { flow: 'ca-canola-seed-to-cn', value: '1000000', currency: 'CAD', date: '2020-06-01' });
    const summary = await waitForText(q(page, '[data-role=summary]'), 'Richardson International');
    assert.match(summary, /Shipments from Richardson International and Viterra were blocked that day; other exporters’ shipments could enter\./);
    assert.ok(!/A non-tariff ban was in force/.test(summary), `the summary says every shipment was blocked: "${summary}"`);
    const table = normalise(await q(page, 'table[data-role=breakdown]').textContent());
    assert.ok(table.includes('applies to named exporters'), `no row says "applies to named exporters": "${table}"`);
    const { links } = await rowSources(page, 'Viterra');
    for (const l of links) assertLink(l, 'Viterra row');
    assertNoProblems(problems, 'the named exporters');
  } finally {
    await close();
  }
});

test('the notes end with the data\'s date and version, the last change behind a disclosure', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    await waitDrawn(page, CALC);
    await setQuote(page, { flow: 'cn-ev-to-ca', value: '40000', currency: 'CAD', date: '2026-03-02' });
    const note = q(page, '[data-role=notes] [data-role=data-version]');
    await note.waitFor({ state: 'attached' });
    const text = normalise(await note.textContent());
    assert.ok(text.startsWith(`Data as of March 15, 2026 · version ${DATA.version}`), `the data note reads "${text}"`);
    const details = note.locator('details');
    assert.equal(await details.count(), 1, 'the data note has no <details>');
    assert.equal(normalise(await details.locator('summary').textContent()), 'what changed');
    assert.equal(await details.evaluate((d) => d.open), false, 'the change is folded by default');
    await details.locator('summary').click();
    assert.equal(await details.evaluate((d) => d.open), true, 'clicking "what changed" does not open it');
    const last = DATA.changes[DATA.changes.length - 1];
    const change = normalise(await details.locator('p').textContent());
    assert.ok(change.includes(last.summary.en.slice(0, 40)), `the disclosure does not show the last change: "${change}"`);
    assertNoProblems(problems, 'the data note');
  } finally {
    await close();
  }
});

test('the timeline\'s card and list link every source with its publisher, date and title', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    await waitDrawn(page, TL);
    const canvas = t(page, 'canvas[data-role=timeline]');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const card = t(page, '[data-role=details]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    const title = normalise(await t(page, '[data-role=details-title]').textContent());
    const event = DATA.events.find((e) => e.title.en === title);
    assert.ok(event, `the card's title "${title}" is not an event's`);
    const cardLinks = await t(page, '[data-role=details-sources] a').evaluateAll((as) => as.map((a) => ({
      text: a.textContent.replace(/\s+/g, ' ').trim(), title: a.getAttribute('title'),
      label: a.getAttribute('aria-label'), kind: a.getAttribute('data-kind'), href: a.getAttribute('href'),
    })));
    assert.equal(cardLinks.length, event.sources.length, 'the card links every source of the event');
    cardLinks.forEach((l, i) => {
      assertLink(l, `card of ${event.id}`);
      const s = event.sources[i];
      const publisher = typeof s.publisher === 'string' ? s.publisher : s.publisher.en;
      assert.ok(l.text.startsWith(publisher), `card of ${event.id}: "${l.text}" does not name ${publisher}`);
      assert.equal(l.title, s.title);
      assert.equal(l.href, s.url);
    });

    // The list (the screen-reader view) links every source of every listed event.
    const items = await t(page, 'ol[data-role=event-list] > li').evaluateAll((lis) => lis.map((li) => ({
      event: Number(li.getAttribute('data-event')),
      links: [...li.querySelectorAll('a')].map((a) => ({
        text: a.textContent.replace(/\s+/g, ' ').trim(), title: a.getAttribute('title'),
        label: a.getAttribute('aria-label'), kind: a.getAttribute('data-kind'), href: a.getAttribute('href'),
      })),
    })));
    assert.ok(items.length >= 10, `the event list has ${items.length} items`);
    for (const item of items) {
      const e = DATA.events[item.event];
      assert.equal(item.links.length, e.sources.length, `the list links every source of ${e.id}`);
      for (const l of item.links) assertLink(l, `list item ${e.id}`);
      // A dated source shows its year in the link's text.
      e.sources.forEach((s, i) => {
        if (s.date) assert.ok(item.links[i].text.includes(s.date.slice(0, 4)), `${e.id}: "${item.links[i].text}" does not show ${s.date}`);
      });
    }
    assertNoProblems(problems, 'the timeline\'s sources');
  } finally {
    await close();
  }
});

test('in French the links read "Gazette du Canada, Partie II, 9 octobre 2024"', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/www/pages/article-fr.html', { lang: 'fr-CA' });
  try {
    await waitDrawn(page, CALC);
    await setQuote(page, { flow: 'cn-ev-to-ca', value: '50000', currency: 'CAD', date: '2025-06-01' });
    await waitForText(q(page, '[data-role=total]'), '53 050,00 $');
    const { links } = await rowSources(page, 'Surtaxe de 100');
    const gazette = links.find((l) => l.kind === 'primary' && l.href.startsWith('https://gazette.gc.ca/'));
    assert.ok(gazette, `no Canada Gazette link on the French surtax row: ${JSON.stringify(links)}`);
    assert.equal(gazette.text, 'Gazette du Canada, Partie II, 9 octobre 2024');
    const note = normalise(await q(page, '[data-role=notes] [data-role=data-version]').textContent());
    assert.match(note, /^Données à jour au 15 mars 2026/, `the French data note reads "${note}"`);
    assertNoProblems(problems, 'the French sources');
  } finally {
    await close();
  }
});
