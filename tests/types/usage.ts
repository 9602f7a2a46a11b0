// Every part of the published declarations (www/trade-widget.d.ts), used as a newsroom's script
// would, and checked against the real widget.
//
// Two ways a .d.ts can disagree with the code, two checks:
//  - at compile time (scripts/check-types.sh: tsc --strict): the key lists below are typed
//    `Shape<T>`, a mapped type over `keyof T`, so a list that misses or adds a key, or checks a
//    field with a guard of another type, does not compile; every method is called with typed
//    arguments and every field of every returned type is read where its type matters;
//  - at run time (tests/e2e/api.test.mjs runs the compiled file in www/pages/api.html?usage): the
//    same lists are compared with what getState(), quote() (its quotes, layers, statuses, quota
//    split, conversion, coverage), setState() and the change event really return: a key the widget
//    returns and the .d.ts does not declare, or the other way round, or a value of another type, is
//    reported.
//
// run() resolves to a report; it never throws and never waits without a limit.

import type {
  TradeWidgetChangeEvent,
  TradeWidgetComparison,
  TradeWidgetConfidence,
  TradeWidgetConversion,
  TradeWidgetCoverage,
  TradeWidgetCurrency,
  TradeWidgetElement,
  TradeWidgetField,
  TradeWidgetFieldError,
  TradeWidgetGlobal,
  TradeWidgetLang,
  TradeWidgetLayer,
  TradeWidgetLayerStatus,
  TradeWidgetMeasureKind,
  TradeWidgetPatch,
  TradeWidgetQuotaSplit,
  TradeWidgetQuote,
  TradeWidgetState,
  TradeWidgetText,
  TradeWidgetTheme,
  TradeWidgetView,
} from '../../www/trade-widget';

export interface UsageReport {
  ok: boolean;
  /** How many checks ran. */
  checks: number;
  /** What disagreed, one line each; empty when ok. */
  problems: string[];
}

// ---- runtime type checks, tied to the declarations -------------------------------------------

/** Whether `v` has type T; if not, says why under `at`. */
type Check<T> = (v: unknown, at: string, problems: string[]) => v is T;

/** One check per key of T, no more, no fewer (an object literal typed so is exact). */
type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

function show(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

function fail(problems: string[], at: string, what: string, v: unknown): false {
  problems.push(`${at}: expected ${what}, got ${show(v)}`);
  return false;
}

const str: Check<string> = (v, at, p): v is string => typeof v === 'string' || fail(p, at, 'a string', v);
const int: Check<number> = (v, at, p): v is number => Number.isSafeInteger(v) || fail(p, at, 'an integer', v);
const bool: Check<boolean> = (v, at, p): v is boolean => typeof v === 'boolean' || fail(p, at, 'a boolean', v);
const day: Check<string> = (v, at, p): v is string =>
  (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) || fail(p, at, "a date 'YYYY-MM-DD'", v);
const https: Check<string> = (v, at, p): v is string =>
  (typeof v === 'string' && /^https:\/\/\S+$/.test(v)) || fail(p, at, 'an https:// address', v);

/** Exactly the values of a string union (the object is checked against the union by `satisfies`). */
function oneOf<V extends string>(values: Record<V, true>): Check<V> {
  const list = Object.keys(values);
  return (v, at, p): v is V => (typeof v === 'string' && list.includes(v)) || fail(p, at, `one of ${list.join(', ')}`, v);
}

function literal<const V extends string>(value: V): Check<V> {
  return (v, at, p): v is V => v === value || fail(p, at, show(value), v);
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, at, p): v is T | null => v === null || check(v, at, p);
}

function array<T>(check: Check<T>): Check<T[]> {
  return (v, at, p): v is T[] => {
    if (!Array.isArray(v)) return fail(p, at, 'an array', v);
    let ok = true;
    v.forEach((item, i) => { ok = check(item, `${at}[${i}]`, p) && ok; });
    return ok;
  };
}

function pair<A, B>(a: Check<A>, b: Check<B>): Check<[A, B]> {
  return (v, at, p): v is [A, B] => {
    if (!Array.isArray(v) || v.length !== 2) return fail(p, at, 'a pair [a, b]', v);
    const first = a(v[0], `${at}[0]`, p);
    return b(v[1], `${at}[1]`, p) && first;
  };
}

/** An object with exactly the keys of `fields`, each passing its check. */
function shape<T>(fields: Shape<T>): Check<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return (v, at, p): v is T => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(p, at, 'an object', v);
    const got = Object.keys(v);
    const missing = keys.filter((k) => !got.includes(k));
    const extra = got.filter((k) => !(keys as string[]).includes(k));
    let ok = true;
    if (missing.length) { p.push(`${at}: the .d.ts declares ${missing.join(', ')}, the widget does not return it`); ok = false; }
    if (extra.length) { p.push(`${at}: the widget returns ${extra.join(', ')}, the .d.ts does not declare it`); ok = false; }
    for (const k of keys) {
      if (got.includes(k)) ok = fields[k]((v as Record<string, unknown>)[k], `${at}.${k}`, p) && ok;
    }
    return ok;
  };
}

// The unions, each listed once and checked against the .d.ts both ways by `satisfies`.
const LANGS = { en: true, fr: true } satisfies Record<TradeWidgetLang, true>;
const VIEWS = { calculator: true, timeline: true, both: true } satisfies Record<TradeWidgetView, true>;
const CURRENCIES = { CAD: true, USD: true, CNY: true } satisfies Record<TradeWidgetCurrency, true>;
const CONFIDENCES = { confirmed: true, press: true, estimate: true } satisfies Record<TradeWidgetConfidence, true>;
const KINDS = {
  base: true, surtax: true, anti_dumping_provisional: true, anti_dumping: true, retaliation: true, additional: true, ban: true,
  exporter_ban: true,
} satisfies Record<TradeWidgetMeasureKind, true>;
const THEMES = { light: true, dark: true, auto: true } satisfies Record<TradeWidgetTheme, true>;
/** The named members of an open union such as `'flow' | … | (string & {})`. */
type Named<T> = T extends string ? (string extends T ? never : T) : never;
const FIELDS = { flow: true, value: true, date: true, compare: true, quantity: true, 'quota-used': true } satisfies
  Record<Named<TradeWidgetField>, true>;

const lang = oneOf(LANGS);
const view = oneOf(VIEWS);
const currency = oneOf(CURRENCIES);
const confidence = oneOf(CONFIDENCES);
const kind = oneOf(KINDS);
const field: Check<TradeWidgetField> = oneOf(FIELDS);

const fieldError: Check<TradeWidgetFieldError> = pair(field, str);

const state: Check<TradeWidgetState> = shape<TradeWidgetState>({
  flow: str,
  value: str,
  currency,
  date: day,
  quantity: str,
  quotaUsed: str,
  compareDate: day,
  lang,
  view,
  theme: oneOf(THEMES),
  errors: array(fieldError),
});

const text: Check<TradeWidgetText> = shape<TradeWidgetText>({ en: str, fr: str });

type StatusName = TradeWidgetLayerStatus['status'];
const STATUSES: { [S in StatusName]: Shape<Extract<TradeWidgetLayerStatus, { status: S }>> } = {
  applied: { status: literal('applied') },
  over_quota_only: { status: literal('over_quota_only') },
  suspended: { status: literal('suspended'), by: str },
  waived_in_quota: { status: literal('waived_in_quota'), quota: str },
  ban: { status: literal('ban') },
  named_exporters: { status: literal('named_exporters'), exporters: array(str) },
  settled: {
    status: literal('settled'), outcome: oneOf({ recalculated: true, refunded: true }), rate: nullable(int),
    paidFrom: str, paidTo: str, decided: str, confidence: oneOf({ confirmed: true, press: true, estimate: true }),
  },
  uncertain: { status: literal('uncertain'), suspension: str, untilAtLeast: str },
};
const layerStatus: Check<TradeWidgetLayerStatus> = (v, at, p): v is TradeWidgetLayerStatus => {
  const name = v !== null && typeof v === 'object' ? (v as { status?: unknown }).status : undefined;
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(STATUSES, name)) {
    return fail(p, `${at}.status`, `one of ${Object.keys(STATUSES).join(', ')}`, name);
  }
  return shape(STATUSES[name as StatusName] as Shape<TradeWidgetLayerStatus>)(v, at, p);
};

const layer: Check<TradeWidgetLayer> = shape<TradeWidgetLayer>({
  measure: str,
  kind,
  name: text,
  rate: nullable(int),
  baseMinor: int,
  amountMinor: int,
  status: layerStatus,
  instrument: text,
  sources: array(https),
  confidence,
  note: nullable(text),
  start: nullable(day),
  end: nullable(day),
});

const quotaSplit: Check<TradeWidgetQuotaSplit> = shape<TradeWidgetQuotaSplit>({
  quota: str,
  year: int,
  yearStart: day,
  yearEnd: day,
  volume: int,
  used: int,
  remaining: int,
  inUnits: int,
  overUnits: int,
  inValueMinor: int,
  overValueMinor: int,
});

const conversion: Check<TradeWidgetConversion> = shape<TradeWidgetConversion>({
  from: currency,
  to: currency,
  enteredMinor: int,
  fromCadMicros: int,
  toCadMicros: int,
  confidence,
  source: str,
});

const coverage: Check<TradeWidgetCoverage> = shape<TradeWidgetCoverage>({ start: day, end: day });

const quote: Check<TradeWidgetQuote> = shape<TradeWidgetQuote>({
  flow: str,
  date: day,
  currency,
  valueMinor: int,
  quantity: int,
  conversion: nullable(conversion),
  layers: array(layer),
  totalDutyMinor: int,
  landedMinor: int,
  effective: int,
  quota: nullable(quotaSplit),
  outsideCoverage: nullable(coverage),
  hasEstimate: bool,
  blocked: bool,
});

const comparison: Check<TradeWidgetComparison> = shape<TradeWidgetComparison>({
  selected: quote,
  reference: quote,
  dutyChangeMinor: int,
  rateChangeBp: int,
});

// ---- the run ------------------------------------------------------------------------------------

class Run {
  checks = 0;
  problems: string[] = [];

  ok(cond: boolean, what: string): boolean {
    this.checks++;
    if (!cond) this.problems.push(what);
    return cond;
  }

  is<T>(check: Check<T>, v: unknown, at: string): v is T {
    this.checks++;
    return check(v, at, this.problems);
  }

  equal(actual: unknown, expected: unknown, what: string): boolean {
    return this.ok(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
  }

  throws(fn: () => unknown, test: (message: string) => boolean, what: string): void {
    try {
      fn();
      this.ok(false, `${what}: did not throw`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.ok(e instanceof Error && test(message), `${what}: threw ${show(message)}`);
    }
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}

/** Sums and differences a reader can check in the table: the same for every quote. */
function arithmetic(r: Run, c: TradeWidgetComparison, at: string): void {
  for (const [name, q] of [['selected', c.selected], ['reference', c.reference]] as const) {
    const sum = q.layers.reduce((s, l) => s + l.amountMinor, 0);
    r.equal(sum, q.totalDutyMinor, `${at}.${name}: the layers' amountMinor add up to totalDutyMinor`);
    r.equal(q.landedMinor, q.valueMinor + q.totalDutyMinor, `${at}.${name}: landedMinor = valueMinor + totalDutyMinor`);
    r.ok(Math.abs(q.effective - (q.totalDutyMinor * 10_000) / q.valueMinor) <= 1,
      `${at}.${name}: effective ${q.effective} bp is not totalDutyMinor / valueMinor`);
    for (const l of q.layers) {
      if (l.rate === null) r.equal(l.amountMinor, 0, `${at}.${name}: a layer without a rate costs nothing`);
      else r.ok(Math.abs(l.amountMinor - (l.rate * l.baseMinor) / 10_000) <= 0.5,
        `${at}.${name}: ${l.measure} amountMinor ${l.amountMinor} is not rate × baseMinor`);
      r.ok(l.start === null || l.end === null || l.start <= l.end, `${at}.${name}: ${l.measure} starts after it ends`);
    }
    if (q.quota) {
      r.equal(q.quota.inUnits + q.quota.overUnits, q.quantity, `${at}.${name}: inUnits + overUnits = quantity`);
      r.equal(q.quota.inValueMinor + q.quota.overValueMinor, q.valueMinor, `${at}.${name}: inValueMinor + overValueMinor = valueMinor`);
      r.equal(q.quota.remaining, Math.max(0, q.quota.volume - q.quota.used), `${at}.${name}: remaining = volume − used`);
      r.ok(q.quota.yearStart <= q.date && q.date <= q.quota.yearEnd, `${at}.${name}: the date is in the quota year`);
    }
    if (q.conversion) {
      // Amounts are in the reader's currency: the one the conversion starts from.
      r.equal(q.conversion.from, q.currency, `${at}.${name}: amounts are in the entered currency`);
      r.equal(q.valueMinor, q.conversion.enteredMinor, `${at}.${name}: valueMinor is the value as entered`);
    }
    if (q.outsideCoverage) r.ok(q.date < q.outsideCoverage.start || q.date > q.outsideCoverage.end, `${at}.${name}: outsideCoverage set inside the coverage`);
    r.equal(q.blocked, q.layers.some((l) => l.status.status === 'ban'), `${at}.${name}: blocked when a ban is in force`);
    r.ok(q.hasEstimate || q.layers.every((l) => l.confidence !== 'estimate'), `${at}.${name}: an estimated layer without hasEstimate`);
  }
  r.equal(c.dutyChangeMinor, c.selected.totalDutyMinor - c.reference.totalDutyMinor, `${at}: dutyChangeMinor`);
  r.equal(c.rateChangeBp, c.selected.effective - c.reference.effective, `${at}: rateChangeBp`);
}

/** setState, then what a reader would check: state, event, quote. */
function apply(r: Run, el: TradeWidgetElement, patch: TradeWidgetPatch, seen: TradeWidgetState[], at: string): TradeWidgetComparison | null {
  const before = seen.length;
  const errors: TradeWidgetFieldError[] = el.setState(patch);
  r.is(array(fieldError), errors, `${at}: setState's return`);
  r.equal(errors, [], `${at}: setState's problems`);
  const st = el.getState();
  if (r.is(state, st, `${at}: getState()`)) {
    r.equal(st.errors, errors, `${at}: getState().errors`);
    r.equal(seen.length, before + 1, `${at}: trade-widget-change events`);
    r.equal(seen[seen.length - 1], st, `${at}: the event's detail is getState()`);
  }
  const c = el.quote();
  if (c === undefined) { r.ok(false, `${at}: quote() is undefined on a mounted widget`); return null; }
  if (c === null) { r.ok(false, `${at}: quote() is null after a valid setState`); return null; }
  if (!r.is(comparison, c, `${at}: quote()`)) return null;
  arithmetic(r, c, `${at}: quote()`);
  return c;
}

function layerOf(q: TradeWidgetQuote, k: TradeWidgetMeasureKind): TradeWidgetLayer | undefined {
  return q.layers.find((l) => l.kind === k);
}

async function exercise(r: Run): Promise<void> {
  await within(customElements.whenDefined('trade-widget'), 30_000, 'customElements.whenDefined');

  // The global (declared as both window.TradeWidget and a global variable).
  const G: TradeWidgetGlobal = window.TradeWidget;
  r.ok(G === TradeWidget, 'window.TradeWidget is the global TradeWidget');
  r.ok(/^\d+\.\d+\.\d+$/.test(G.version), `TradeWidget.version ${show(G.version)} is not X.Y.Z`);
  r.ok(!G.version.includes('__'), 'TradeWidget.version is the unsubstituted placeholder');
  r.ok(typeof G.wasmUrl === 'string' && new URL(G.wasmUrl).pathname.endsWith('/trade-widget-both.wasm'),
    `TradeWidget.wasmUrl ${show(G.wasmUrl)}`);
  for (const view of ['calculator', 'timeline', 'both', 'reader'] as const) {
    r.ok(new URL(G.modules[view]).pathname.endsWith(`/trade-widget-${view}.wasm`),
      `TradeWidget.modules.${view} ${show(G.modules[view])}`);
  }
  const loaded: unknown = await within(G.load(), 30_000, 'TradeWidget.load()');
  r.ok(loaded !== undefined, 'TradeWidget.load() resolves to the module');
  const problems: string = await within(G.validate('{"flows": 3}'), 10_000, 'TradeWidget.validate');
  r.ok(typeof problems === 'string' && problems.length > 0, `validate(bad data) reported ${show(problems)}`);
  const data = await (await fetch(new URL('../../data/canada-china.json', import.meta.url))).text();
  r.equal(await within(G.validate(data), 10_000, 'TradeWidget.validate'), '', 'validate(the built-in data file)');

  // The elements, through the tag-name map.
  const widgets: TradeWidgetElement[] = Array.from(document.querySelectorAll('trade-widget'));
  const el = widgets.find((w) => w.id === 'api-calc');
  const spare = widgets.find((w) => w.id === 'api-spare');
  if (!r.ok(!!el && !!spare, 'the page has trade-widget#api-calc and trade-widget#api-spare') || !el || !spare) return;
  el.scrollIntoView();
  const mounted: TradeWidgetElement = await within(el.ready, 30_000, 'el.ready');
  r.ok(mounted === el, 'ready resolves with the element');
  const first = el.getState();
  r.is(state, first, 'getState() at mount');

  // Listeners: on the element (typed `this` and detail) and on the document.
  const seen: TradeWidgetState[] = [];
  const onChange = function (this: TradeWidgetElement, ev: TradeWidgetChangeEvent): void {
    r.ok(this === el && ev.target === el, 'the change listener runs on its element');
    r.ok(ev.bubbles && ev.composed, 'trade-widget-change bubbles and is composed');
    seen.push(ev.detail);
  };
  let bubbled = 0;
  const onDocument = (ev: TradeWidgetChangeEvent): void => {
    const date: string = ev.detail.date;
    if (ev.target === el && date) bubbled++;
  };
  el.addEventListener('trade-widget-change', onChange);
  document.addEventListener('trade-widget-change', onDocument);

  // Every theme the .d.ts names is taken.
  for (const t of Object.keys(THEMES) as TradeWidgetTheme[]) r.equal(el.setState({ theme: t }), [], `setState({theme: ${t}})`);
  seen.length = 0;
  bubbled = 0;

  // A. An EV on 2025-06-01: base rate and surtax, no quota yet, no conversion.
  const theme: TradeWidgetTheme = 'light';
  const a = apply(r, el, {
    flow: 'cn-ev-to-ca', value: 40000, currency: 'CAD', date: '2025-06-01', quantity: 1, quotaUsed: '0',
    compareDate: '2026-01-15', theme,
  }, seen, 'A (EV, 2025-06-01)');
  r.equal(bubbled, 1, 'A: the change event reached the document once');
  const sa = el.getState();
  if (sa) {
    r.equal([sa.flow, sa.value, sa.currency, sa.date, sa.quantity, sa.quotaUsed, sa.compareDate, sa.lang, sa.view, sa.theme],
      ['cn-ev-to-ca', '40000', 'CAD', '2025-06-01', '1', '0', '2026-01-15', 'en', 'calculator', theme], 'A: getState()');
  }
  if (a) {
    const q = a.selected;
    r.equal([q.flow, q.date, q.currency, q.valueMinor, q.quantity], ['cn-ev-to-ca', '2025-06-01', 'CAD', 4_000_000, 1], 'A: the shipment');
    r.equal([q.totalDutyMinor, q.landedMinor, q.effective], [4_244_000, 8_244_000, 10_610], 'A: total, landed cost, effective rate');
    r.equal(q.layers.map((l) => [l.kind, l.status.status, l.rate, l.baseMinor, l.amountMinor]),
      [['base', 'applied', 610, 4_000_000, 244_000], ['surtax', 'applied', 10_000, 4_000_000, 4_000_000]], 'A: the layers');
    r.equal([q.conversion, q.quota, q.outsideCoverage, q.blocked], [null, null, null, false], 'A: conversion, quota, coverage, blocked');
    r.equal([a.reference.date, a.dutyChangeMinor, a.rateChangeBp], ['2026-01-15', 0, 0], 'A: against 2026-01-15');
    const lang: TradeWidgetLang = sa ? sa.lang : 'en';
    for (const l of q.layers) {
      r.ok(l.name[lang].length > 0 && l.instrument.en.length > 0 && l.instrument.fr.length > 0, `A: ${l.measure} has its texts`);
      r.ok(l.sources.length > 0, `A: ${l.measure} cites a source`);
      const note: string | undefined = l.note?.[lang];
      r.ok(note === undefined || note.length > 0, `A: ${l.measure}'s note is empty text`);
    }
  }

  // B. In USD, on the quota's first day, one unit inside and one over: a quota split, a conversion,
  //    the surtax charged only over the quota.
  const b = apply(r, el, { currency: 'USD', value: '30,000', date: '2026-03-02', quantity: 2, quotaUsed: 48_999 }, seen, 'B (EV quota split)');
  if (b) {
    const q = b.selected;
    const split = q.quota;
    const conv = q.conversion;
    if (r.ok(split !== null, 'B: a quota split') && split) {
      r.equal([split.quota, split.year, split.yearStart, split.yearEnd, split.used, split.inUnits, split.overUnits],
        ['ca-ev-trq', 0, '2026-03-01', '2027-02-28', 48_999, 1, 1], 'B: the quota split');
      r.equal(layerOf(q, 'surtax')?.status, { status: 'over_quota_only' }, 'B: the surtax status');
      r.equal(layerOf(q, 'surtax')?.baseMinor, split.overValueMinor, 'B: the surtax is charged on the over-quota value');
    }
    if (r.ok(conv !== null, 'B: a conversion') && conv) {
      r.equal([conv.from, conv.to, conv.enteredMinor, conv.toCadMicros], ['USD', 'CAD', 3_000_000, 1_000_000], 'B: the conversion');
      r.ok(conv.fromCadMicros > 1_000_000 && conv.source.length > 0, 'B: the USD rate and its source');
      const c: TradeWidgetConfidence = conv.confidence;
      r.ok(c === 'estimate' ? q.hasEstimate : true, 'B: an estimated conversion sets hasEstimate');
    }
    r.ok(q.hasEstimate, 'B: the over-quota rate is an estimate');
  }

  // C. Inside the quota: the surtax waived.
  const c = apply(r, el, { quantity: 1, quotaUsed: 0, currency: 'CAD', value: 40000 }, seen, 'C (EV inside the quota)');
  if (c) r.equal(layerOf(c.selected, 'surtax')?.status, { status: 'waived_in_quota', quota: 'ca-ev-trq' }, 'C: the surtax status');

  // D. Peas after March 1, 2026: the retaliation suspended.
  const d = apply(r, el, { flow: 'ca-peas-to-cn', date: '2026-03-05' }, seen, 'D (peas, suspended)');
  if (d) r.equal(layerOf(d.selected, 'retaliation')?.status, { status: 'suspended', by: 'cn-susp-peas' }, 'D: the retaliation status');

  // E. Pork in July 2019: the ban.
  const e = apply(r, el, { flow: 'ca-pork-to-cn', date: '2019-07-01' }, seen, 'E (pork, ban)');
  if (e) {
    const ban = layerOf(e.selected, 'ban');
    r.equal([ban?.status, ban?.rate, e.selected.blocked], [{ status: 'ban' }, null, true], 'E: the ban');
  }

  // F. Before the data's coverage.
  const f = apply(r, el, { date: '2016-06-01' }, seen, 'F (outside the coverage)');
  if (f) r.equal(f.selected.outsideCoverage, { start: '2017-01-01', end: '2026-12-31' }, 'F: outsideCoverage');

  // A value that does not read: reported, and quote() keeps the last good result.
  const lastGood = el.quote();
  const bad: TradeWidgetFieldError[] = el.setState({ value: 'abc' });
  if (r.is(array(fieldError), bad, 'setState({value: "abc"})')) {
    r.equal(bad.map(([name]) => name), ['value'], 'a value that does not read is reported for "value"');
    r.ok(bad.every(([, message]) => message.length > 0), 'the problem has a message');
  }
  r.equal(el.getState()?.errors, bad, 'getState().errors after a bad value');
  r.equal(el.quote(), lastGood, 'quote() keeps the last good result');

  // A key the .d.ts does not have: a compile error here, an Error in the browser.
  // @ts-expect-error: `colour` is not a field of TradeWidgetPatch
  r.throws(() => el.setState({ colour: 'red' }), (m) => m.includes('colour'), 'setState({colour})');

  // The language: a bad one changes nothing; a good one re-mounts and keeps the inputs.
  const kept = apply(r, el, { flow: 'cn-ev-to-ca', value: '40000', currency: 'CAD', date: '2025-06-01', quantity: 1, quotaUsed: 0 }, seen, 'G (before the language)');
  const beforeLang = el.getState();
  r.throws(() => el.setState({ lang: 'de', value: 1 }), (m) => m.includes('"en"') && m.includes('"fr"'), 'setState({lang: "de"})');
  r.equal(el.getState(), beforeLang, 'setState({lang: "de"}) changed nothing');
  const none: TradeWidgetFieldError[] = el.setState({ lang: 'fr-CA', quantity: 2 });
  r.equal(none, [], 'setState({lang: "fr-CA"}) returns []');
  await within(el.ready, 30_000, 'el.ready after setState({lang})');
  const fr = el.getState();
  if (r.is(state, fr, 'getState() in French') && beforeLang) {
    r.equal([fr.lang, fr.flow, fr.value, fr.currency, fr.date, fr.quantity, fr.quotaUsed, fr.compareDate, fr.theme],
      ['fr', beforeLang.flow, beforeLang.value, beforeLang.currency, beforeLang.date, '2', beforeLang.quotaUsed, beforeLang.compareDate, beforeLang.theme],
      'after setState({lang: "fr-CA", quantity: 2})');
  }
  const frQuote = el.quote();
  if (kept && r.is(comparison, frQuote, 'quote() in French')) {
    // The value is the whole shipment's: two units of C$40,000 in all pay what one did.
    r.equal([frQuote.selected.quantity, frQuote.selected.totalDutyMinor], [2, kept.selected.totalDutyMinor],
      'the French widget computes the same');
  }
  el.setState({ lang: 'EN', quantity: 1 });
  await within(el.ready, 30_000, 'el.ready after setState({lang: "EN"})');
  r.equal(el.getState()?.lang, 'en', 'back in English');
  if (kept) r.equal(el.quote(), kept, 'the same quote as before the round trip');

  // Listeners removed: no more calls.
  el.removeEventListener('trade-widget-change', onChange);
  document.removeEventListener('trade-widget-change', onDocument);
  const calls = seen.length;
  el.setState({ value: 41000 });
  r.equal(seen.length, calls, 'a removed listener is not called');

  // destroy(): the second widget, a timeline.
  spare.scrollIntoView();
  await within(spare.ready, 30_000, 'spare.ready');
  const ss = spare.getState();
  if (r.is(state, ss, 'the timeline getState()')) r.equal(ss.view, 'timeline', 'the timeline reports its view');
  const sq: TradeWidgetComparison | null | undefined = spare.quote();
  r.ok(sq === null || comparison(sq, 'the timeline quote()', r.problems), 'the timeline quote() is null or a comparison');
  spare.destroy();
  r.ok(spare.getState() === undefined && spare.quote() === undefined, 'getState() and quote() are undefined after destroy()');
  el.scrollIntoView();
}

export async function run(): Promise<UsageReport> {
  const r = new Run();
  try {
    await exercise(r);
  } catch (e) {
    r.problems.push(`usage.ts stopped: ${e instanceof Error ? e.stack || e.message : String(e)}`);
  }
  return { ok: r.problems.length === 0, checks: r.checks, problems: r.problems };
}
