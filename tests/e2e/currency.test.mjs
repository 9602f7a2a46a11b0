// Figures in the reader's own currency and an honest comparison (issue 12, items 2 and 3),
// through the calculator's controls on the demo articles, in English and French.
//
// A Canadian reader values canola seed at C$1,000,000: China levies its duty in yuan, yet the
// sentence, the total and the table read in dollars (9 % MFN + 75.8 % provisional deposit on
// 2025-09-01: C$848,000.00), with the yuan in brackets and the conversion named in the notes.
// Against January 15, 2026 (same rates, another year's exchange rate) the duty is the same, and
// that date is named "on January 15, 2026", not "before the deal": both dates precede the deal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, normalise, waitForText, TIMEOUT, CALC,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const q = (page, inner) => shadow(page, CALC, inner);
const text = async (page, inner) => normalise(await q(page, inner).textContent());

async function fill(page, { flow, currency, value, date, compare }) {
  await q(page, 'select[name=flow]').selectOption(flow);
  await q(page, 'select[name=currency]').selectOption(currency);
  await q(page, 'input[name=value]').fill(value);
  await q(page, 'input[name=date]').fill(date);
  if (compare) await q(page, 'input[name=compare]').fill(compare);
}

const CASES = {
  en: {
    url: '/index.html', locale: 'en-US', value: '1000000',
    starts: 'C$1,000,000.00 of Canadian canola seed',
    duty: /pays C\$848,000\.00 \(CN¥[\d,]+\.\d\d\) in duty \(84\.8%\)/,
    total: /^C\$848,000\.00 \(CN¥[\d,]+\.\d\d\)$/,
    same: 'the same as on January 15, 2026',
    notBefore: /before the deal/,
    note: /Duty figures in CAD; customs levies CNY, converted at 1 CAD = [\d.]+ CNY \(approximate annual average, bankofcanada\.ca\)\./,
    amount: 'C$758,000.00',
    afterDeal: /less than before the deal \(January 15, 2026\)/,
  },
  fr: {
    url: '/www/pages/article-fr.html', locale: 'fr-CA', value: '1 000 000',
    starts: '1 000 000,00 $ de graines de canola',
    duty: /paie 848 000,00 \$ \([\d  ]+,\d\d CN¥\) de droits \(84,8 %\)/,
    total: /^848 000,00 \$ \([\d  ]+,\d\d CN¥\)$/,
    same: 'autant que le 15 janvier 2026',
    notBefore: /avant l’entente/,
    note: /Droits exprimés en CAD; la douane perçoit des CNY, convertis au taux de 1 CAD = [\d,]+ CNY \(moyenne annuelle approximative, bankofcanada\.ca\)\./,
    amount: '758 000,00 $',
    afterDeal: /de moins qu’avant l’entente \(15 janvier 2026\)/,
  },
};

for (const [lang, c] of Object.entries(CASES)) {
  test(`${lang}: canola seed valued in dollars reads in dollars, the yuan in brackets; a currency move is no duty change`, { timeout: 2 * TIMEOUT }, async () => {
    const { page, problems, close } = await openPage(c.url, { lang: c.locale });
    try {
      await waitDrawn(page, CALC);
      await fill(page, { flow: 'ca-canola-seed-to-cn', currency: 'CAD', value: c.value, date: '2025-09-01', compare: '2026-01-15' });
      const sentence = await waitForText(q(page, '[data-role=summary]'), c.same);
      assert.ok(sentence.startsWith(c.starts), `the sentence starts with the reader's value: "${sentence}"`);
      assert.match(sentence, c.duty);
      assert.doesNotMatch(sentence, c.notBefore, 'both dates precede the deal: no "before the deal"');
      assert.match(await text(page, '[data-role=total]'), c.total);
      const table = await text(page, 'table[data-role=breakdown]');
      assert.ok(table.includes(c.amount), `the 75.8 % deposit reads ${c.amount} in the table: "${table}"`);
      assert.doesNotMatch(table, /CN¥/, 'the table is in the reader\'s currency');
      const notes = await text(page, '[data-role=notes]');
      assert.match(notes, c.note);

      // After the deal against the day before it: now "before the deal" is true, and the seed
      // pays 9 % + 5.9 % instead of 84.8 %.
      await fill(page, { flow: 'ca-canola-seed-to-cn', currency: 'CAD', value: c.value, date: '2026-03-02', compare: '2026-01-15' });
      const after = await waitForText(q(page, '[data-role=summary]'), lang === 'en' ? 'March 2, 2026' : '2 mars 2026');
      assert.match(after, c.afterDeal);
      assertNoProblems(problems, `${lang} currency`);
    } finally {
      await close();
    }
  });
}
