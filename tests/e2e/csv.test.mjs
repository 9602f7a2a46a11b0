// The editor's path with no code (issue 14): an events spreadsheet saved as CSV, in the builder's "Check
// your data" and on the command line (validate --from-csv). A broken file: every problem at once, with
// its line and column, the same in both; nothing lost (a cell too many, an unknown column are problems).
// A good file: the same data file from both, drawn in the preview and carried by the script tag. And the
// round trip through the widget's own events download: JSON → CSV → JSON is identical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startEnv, stopEnv, assertNoProblems, waitDrawn, ROOT, TIMEOUT, resultPath } from './helpers.mjs';
import { openHost } from './embed-helpers.mjs';

let env;
before(async () => { env = await startEnv(); });
after(stopEnv);

const HEAD = 'date,end date,category,English title,French title,English text,French text,sources';

const BROKEN = [
  `${HEAD},notes`,
  '2019-13-01,,weather,,Titre,Text,Texte,http://example.org/a,',
  '2020-01-01,2019-01-01,trade,"A, B",C,D,E,https://www.cbc.ca/a,note,extra',
  '2021,,trade,"Closed"x,B,C,D,https://www.cbc.ca/a,',
  '2022-02-30,,security,A,B,C,D,,',
  '2023,,trade,A,B,C,D,"https://www.cbc.ca/a',
].join('\r\n') + '\r\n';

const GOOD = [
  HEAD,
  '2019-03-01,,trade,"China blocks canola, again","La Chine bloque le canola, encore","Two lines:\nand ""quotes"".",« Texte » français.,https://www.cbc.ca/news/a https://www.canada.ca/en/b',
  '2018-12,2021-09-24,detention,Two Michaels detained,Deux Michael détenus,Held for 1019 days.,Détenus 1019 jours.,https://www.theglobeandmail.com/x',
  '2019-03-01,,trade,"China blocks canola, again",Un autre titre,Same title.,Même titre.,https://www.reuters.com/y',
].join('\n') + '\n';

/** `validate --from-csv` on `text`: {code, stdout, problems: ["line L, column C: …"]}. */
function cli(text, name) {
  const file = resultPath(name);
  fs.writeFileSync(file, text);
  const r = spawnSync('cargo', ['run', '--quiet', '--bin', 'validate', '--', '--from-csv', file],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const problems = r.stderr.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
  return { code: r.status, stdout: r.stdout, problems, stderr: r.stderr };
}

async function check(page, text) {
  await page.locator('#data-text').fill(text);
  await page.locator('#data-check').click();
  await page.waitForFunction(() => /problem|valid/.test(document.getElementById('data-result').textContent));
  return {
    result: await page.locator('#data-result').textContent(),
    problems: await page.locator('#data-problems li').allTextContents(),
  };
}

async function builder() {
  const h = await openHost(env, '/www/builder.html', { width: 1280, height: 1000 });
  await h.page.waitForSelector('html[data-builder=ready]');
  return h;
}

test('a broken CSV: every problem at once with its line and column, the same in the builder and on the command line',
  { timeout: 4 * TIMEOUT }, async () => {
    const out = cli(BROKEN, 'broken-events.csv');
    assert.equal(out.code, 1, out.stderr);
    const expected = [
      'line 1, column 84: unknown column "notes"',
      'line 2, column 1: date "2019-13-01"',
      'line 2, column 13: category "weather"',
      'line 2, column 21: the English title is empty',
      'line 2, column 39: source "http://example.org/a" is not an https:// address',
      'line 3, column 68: this row has 10 cells, the header 9: the cells after the last column would be lost',
      'line 3, column 12: end date 2019-01-01 is before the date 2020-01-01',
      'line 4, column 21: "x" after a closing quote',
      'line 5, column 1: date "2022-02-30"',
      'line 5, column 30: no source',
      'line 6, column 21: this quoted cell is never closed',
      'line 6, column 1: this row has 8 cells, the header 9',
    ];
    assert.equal(out.problems.length, expected.length, out.stderr);
    for (const e of expected) assert.ok(out.problems.some((p) => p.startsWith(e)), `command line: ${e}\n${out.stderr}`);
    const { page, problems, close } = await builder();
    try {
      const got = await check(page, BROKEN);
      assert.match(got.result, new RegExp(`The CSV has ${out.problems.length} problems`));
      assert.deepEqual(got.problems, out.problems, 'the builder says what the command line says, in the same order');
      assert.equal(await page.locator('#data-ok').isHidden(), true, 'no preview and no JSON from a broken file');
      assertNoProblems(problems, 'the builder');
    } finally {
      await close();
    }
  });

test('a good CSV: the same data file from both, drawn in the preview, carried by the copied script tag', { timeout: 4 * TIMEOUT }, async () => {
  const out = cli(GOOD, 'good-events.csv');
  assert.equal(out.code, 0, out.stderr);
  const fromCli = JSON.parse(out.stdout);
  assert.deepEqual(fromCli.events.map((e) => e.id),
    ['2018-12-two-michaels-detained', '2019-03-01-china-blocks-canola-again', '2019-03-01-china-blocks-canola-again-2']);
  assert.equal(fromCli.events[1].description.en, 'Two lines:\nand "quotes".', 'nothing lost: line breaks and quotes');
  assert.deepEqual(fromCli.events[1].sources.map((s) => [s.publisher, s.kind]), [['cbc.ca', 'press'], ['canada.ca', 'primary']]);
  const { page, problems, close } = await builder();
  try {
    const got = await check(page, GOOD);
    assert.match(got.result, /The CSV is valid/);
    assert.deepEqual(got.problems, []);
    const preview = page.locator('#data-preview trade-widget');
    await waitDrawn(page, '#data-preview trade-widget');
    const inline = JSON.parse(await preview.locator('script[type="application/json"]').textContent());
    assert.equal(inline.replace, true, 'the inline dataset replaces the built-in one');
    delete inline.replace;
    assert.deepEqual(inline, fromCli, 'the builder and validate --from-csv make the same data file');
    const listed = await preview.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(listed.includes('Two Michaels detained') && listed.includes('China blocks canola, again'), 'the preview draws the CSV');
    const script = await page.locator('#code-script').inputValue();
    assert.match(script, /<script type="application\/json">\{"replace":true,/);
    // The downloaded JSON is the same.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#data-download').click()]);
    assert.deepEqual(JSON.parse(fs.readFileSync(await download.path(), 'utf8')), { replace: true, ...fromCli });
    // The script tag with the data, pasted into a blank page, draws those events.
    const paste = await page.context().newPage();
    await paste.goto(`${env.baseUrl}/www/pages/blank.html`);
    await paste.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>p</title></head><body>${
      script.replace('view="calculator"', 'view="timeline"')}</body></html>`);
    await waitDrawn(paste);
    assert.ok((await paste.locator('trade-widget').evaluate((el) => el.shadowRoot.textContent)).includes('Two Michaels detained'));
    assertNoProblems(problems, 'the builder');
  } finally {
    await close();
  }
});

test('a data rule only the data file knows comes back to its row and column, in both', { timeout: 4 * TIMEOUT }, async () => {
  const csv = `${HEAD}\n2019-03-01,,trade,A,B,C,D,https://test.hilltimes.com/x\n`;
  const out = cli(csv, 'denied-events.csv');
  assert.equal(out.code, 1);
  assert.ok(out.problems.some((p) => p.startsWith('line 2, column 8: ') && p.includes('test.hilltimes.com')), out.stderr);
  const { page, close } = await builder();
  try {
    const got = await check(page, csv);
    assert.match(got.result, /problem/);
    assert.ok(got.problems.some((p) => p.startsWith('line 2, column 8: ') && p.includes('test.hilltimes.com')), got.problems.join('\n'));
  } finally {
    await close();
  }
});

test('round trip through the widget\'s own events download: JSON → CSV → JSON is identical', { timeout: 5 * TIMEOUT }, async () => {
  const { page, close } = await builder();
  try {
    /** The CSV the preview widget's "Download data (CSV)" gives for its timeline. */
    async function downloadCsv(host) {
      const button = host.locator('button[data-action=csv-events]');
      await button.scrollIntoViewIfNeeded();
      const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
      return fs.readFileSync(await d.path(), 'utf8');
    }
    async function jsonOf(csv) {
      const got = await check(page, csv);
      assert.match(got.result, /valid/, got.problems.join('\n'));
      await waitDrawn(page, '#data-preview trade-widget');
      return page.locator('#data-preview trade-widget script[type="application/json"]').textContent();
    }
    const first = await jsonOf(GOOD);
    const csv = await downloadCsv(page.locator('#data-preview trade-widget'));
    assert.ok(csv.startsWith('\uFEFF'), 'the download has its byte order mark (read past)');
    const second = await jsonOf(csv);
    assert.equal(second, first, 'JSON → CSV → JSON');
    // The story's own events too: the article's timeline download, read, drawn, downloaded, read.
    const article = await page.context().newPage();
    await article.goto(`${env.baseUrl}/www/pages/plain.html`);
    await waitDrawn(article, 'trade-widget[view=timeline]');
    const tlButton = article.locator('trade-widget[view=timeline] button[data-action=csv-events]');
    await tlButton.scrollIntoViewIfNeeded();
    const [d] = await Promise.all([article.waitForEvent('download'), tlButton.click()]);
    const storyCsv = fs.readFileSync(await d.path(), 'utf8');
    const storyJson = await jsonOf(storyCsv);
    const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/canada-china.json'), 'utf8'));
    assert.equal(JSON.parse(storyJson).events.length, data.events.length, 'every event of the story, none lost');
    const again = await jsonOf(await downloadCsv(page.locator('#data-preview trade-widget')));
    assert.equal(again, storyJson, 'the story\'s events: JSON → CSV → JSON');
  } finally {
    await close();
  }
});
