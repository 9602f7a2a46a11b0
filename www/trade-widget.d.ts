// Type declarations for trade-widget: the <trade-widget> element, its change event and the one
// global (window.TradeWidget) that pkg/trade-widget.js defines. The script is a classic script with
// no exports; this file only describes what it adds to the page.
//
//   <script src="https://cdn.example/trade-widget/v2.1.0/trade-widget.js" async></script>
//
//   /// <reference types="trade-widget" />          (or: import type { TradeWidgetState } from 'trade-widget')
//   const el = document.querySelector('trade-widget');   // TradeWidgetElement | null
//   await el?.ready;
//   const errors = el?.setState({ flow: 'ca-canola-seed-to-cn', value: 4000, currency: 'CNY', date: '2025-09-01' });
//
// Money in quote() is in integer minor units (cents, fen) of the currency the reader chose (each layer
// charged on the value as entered; what customs levies in its own currency is `conversion`'s business);
// rates are basis points (610 = 6.1 %); dates are 'YYYY-MM-DD'.
//
// Naming (since 2.0.0): every property NAME is camelCase, in getState(), quote() and the event's detail
// alike (`totalDutyMinor`, `quotaUsed`). Enumerated VALUES are data, not names, and are written as in the
// data file: measure kinds and layer statuses are snake_case ('anti_dumping_provisional',
// 'over_quota_only'), currencies are ISO codes ('CAD'), flows and ids are kebab-case ('cn-ev-to-ca').
//
// tests/types/usage.ts calls everything declared here and, in the browser (tests/e2e/api.test.mjs),
// compares the keys and value types the real widget returns with these declarations.

/** What the widget shows. */
export type TradeWidgetView = 'calculator' | 'timeline' | 'both';

/** Interface language, as getState() reports it. */
export type TradeWidgetLang = 'en' | 'fr';

/**
 * A language setState accepts: 'en' or 'fr' in any case, or a tag of either ('fr-CA', 'en-US').
 * Anything else throws an Error naming the accepted values.
 */
export type TradeWidgetLangInput = TradeWidgetLang | (string & {});

export type TradeWidgetTheme = 'light' | 'dark' | 'auto';

export type TradeWidgetCurrency = 'CAD' | 'USD' | 'CNY';

/** The built-in trade flows; an inline dataset may add others, hence the open string. */
export type TradeWidgetFlow =
  | 'cn-ev-to-ca' | 'cn-steel-to-ca' | 'cn-aluminum-to-ca'
  | 'ca-canola-seed-to-cn' | 'ca-canola-oil-to-cn' | 'ca-canola-meal-to-cn' | 'ca-peas-to-cn'
  | 'ca-pork-to-cn' | 'ca-lobster-to-cn' | 'ca-seafood-to-cn'
  | 'ca-goods-to-us' | 'ca-steel-to-us' | 'ca-aluminum-to-us' | 'ca-autos-to-us'
  | (string & {});

/** A date as 'YYYY-MM-DD'. */
export type TradeWidgetDate = string;

/** The calculator fields that can be wrong, as named in `errors`. */
export type TradeWidgetField = 'flow' | 'value' | 'date' | 'compare' | 'quantity' | 'quota-used' | (string & {});

/** One problem with an input: [field, message in the widget's language]. */
export type TradeWidgetFieldError = [field: TradeWidgetField, message: string];

/**
 * `setState(patch)`: any subset. Numbers or text ("40 000", "40,000.50"). Unknown keys throw.
 * The view is an attribute (`view`): changing it re-mounts the widget, keeping the inputs.
 */
export interface TradeWidgetPatch {
  /**
   * Switches the interface language. A language other than the current one re-mounts the widget
   * (through its `lang` attribute): the reader's inputs (flow, value, currency, date, quantity,
   * quotaUsed, compareDate, theme) and the rest of this patch are applied to the new one, setState
   * returns [], and `ready` is a new promise that resolves once the widget is back. A value other
   * than en/fr throws, and nothing of the patch is applied.
   */
  lang?: TradeWidgetLangInput;
  flow?: TradeWidgetFlow;
  value?: number | string;
  currency?: TradeWidgetCurrency;
  date?: TradeWidgetDate;
  quantity?: number | string;
  /** Units already entered in the quota year (EV quota). */
  quotaUsed?: number | string;
  /** The date the result is compared with (default: the day before the January 2026 deal). */
  compareDate?: TradeWidgetDate;
  theme?: TradeWidgetTheme;
}

/** `getState()`, and the `detail` of `trade-widget-change`. Inputs are as typed, so as text. */
export interface TradeWidgetState {
  flow: TradeWidgetFlow;
  value: string;
  currency: TradeWidgetCurrency;
  date: string;
  quantity: string;
  quotaUsed: string;
  compareDate: string;
  lang: TradeWidgetLang;
  view: TradeWidgetView;
  /** As set by the `theme` attribute or setState; 'auto' (the page's colour scheme) by default. */
  theme: TradeWidgetTheme;
  /** Inputs that do not read; the result shown is the last one that could be computed. */
  errors: TradeWidgetFieldError[];
}

/** English and French versions of a text from the data. */
export interface TradeWidgetText {
  en: string;
  fr: string;
}

export type TradeWidgetConfidence = 'confirmed' | 'press' | 'estimate';

export type TradeWidgetMeasureKind =
  | 'base' | 'surtax' | 'anti_dumping_provisional' | 'anti_dumping' | 'retaliation' | 'additional' | 'ban'
  | 'exporter_ban';

/** Why a layer in force costs what it costs. */
export type TradeWidgetLayerStatus =
  | { status: 'applied' }
  /** Charged only on the over-quota part. */
  | { status: 'over_quota_only' }
  /** Switched off by a suspension (the suspension's id). */
  | { status: 'suspended'; by: string }
  /** The whole shipment is inside the quota (the quota's id). */
  | { status: 'waived_in_quota'; quota: string }
  /** A non-tariff ban: no duty, but the goods are blocked. */
  | { status: 'ban' }
  /** A ban on named exporters' goods only: no duty; other exporters' goods enter. */
  | { status: 'named_exporters'; exporters: string[] }
  /**
   * A provisional deposit that a later decision (`decided`) recalculated at `rate` or refunded,
   * for the deposits paid from `paidFrom` to `paidTo`.
   */
  | {
    status: 'settled'; outcome: 'recalculated' | 'refunded'; rate: number | null;
    paidFrom: TradeWidgetDate; paidTo: TradeWidgetDate; decided: TradeWidgetDate; confidence: TradeWidgetConfidence;
  }
  /** Charged again after a suspension that ran "until at least" `untilAtLeast`: uncertain, an estimate. */
  | { status: 'uncertain'; suspension: string; untilAtLeast: TradeWidgetDate };

/** One row of the breakdown: a duty layer in force on the date. */
export interface TradeWidgetLayer {
  /** The measure's id in the data. */
  measure: string;
  kind: TradeWidgetMeasureKind;
  name: TradeWidgetText;
  /** Basis points; null for a ban. */
  rate: number | null;
  /** The value the rate is charged on, minor units. */
  baseMinor: number;
  /** The duty of this layer, minor units, rounded once (half away from zero). */
  amountMinor: number;
  status: TradeWidgetLayerStatus;
  instrument: TradeWidgetText;
  /** https:// addresses. */
  sources: string[];
  confidence: TradeWidgetConfidence;
  note: TradeWidgetText | null;
  start: TradeWidgetDate | null;
  end: TradeWidgetDate | null;
}

/** How a shipment divides across a tariff-rate quota. */
export interface TradeWidgetQuotaSplit {
  quota: string;
  /** 0 for the first quota year. */
  year: number;
  yearStart: TradeWidgetDate;
  /** The last day of the quota year. */
  yearEnd: TradeWidgetDate;
  /** Units the quota year allows. */
  volume: number;
  /** Units already entered before this shipment. */
  used: number;
  remaining: number;
  /** The shipment's units inside and over the quota (they sum to its quantity). */
  inUnits: number;
  overUnits: number;
  /** The shipment's value inside and over the quota, minor units (they sum to `valueMinor`). */
  inValueMinor: number;
  overValueMinor: number;
}

/** The data's coverage, given when the date is outside it. */
export interface TradeWidgetCoverage {
  start: TradeWidgetDate;
  end: TradeWidgetDate;
}

/** The conversion of the entered value into the customs currency. */
export interface TradeWidgetConversion {
  from: TradeWidgetCurrency;
  to: TradeWidgetCurrency;
  /** The value as entered, minor units of `from`. */
  enteredMinor: number;
  /** CAD per unit of `from` and of `to`, in millionths. */
  fromCadMicros: number;
  toCadMicros: number;
  confidence: TradeWidgetConfidence;
  /** Where the exchange rate comes from, as the data gives it (the rate of the currency that is not CAD). */
  source: string;
}

/** The answer for one shipment on one day. */
export interface TradeWidgetQuote {
  flow: TradeWidgetFlow;
  date: TradeWidgetDate;
  /** The currency the reader chose, in which every *Minor amount is. */
  currency: TradeWidgetCurrency;
  /** The value as the reader entered it, minor units of `currency`. */
  valueMinor: number;
  quantity: number;
  /** Null when the value was entered in `currency` itself. */
  conversion: TradeWidgetConversion | null;
  layers: TradeWidgetLayer[];
  /** The sum of the layers' `amountMinor`. */
  totalDutyMinor: number;
  /** Value plus duty (GST, VAT and other taxes not included). */
  landedMinor: number;
  /** Effective rate, basis points (total duty ÷ value). */
  effective: number;
  /** Null when the flow has no tariff-rate quota in force on the date. */
  quota: TradeWidgetQuotaSplit | null;
  /** Set when the date is outside the data's coverage. */
  outsideCoverage: TradeWidgetCoverage | null;
  /** Whether a figure behind the total is not confirmed. */
  hasEstimate: boolean;
  /** Whether a non-tariff ban was in force. */
  blocked: boolean;
}

/** `quote()`: the shipment on the chosen date and on the comparison date. */
export interface TradeWidgetComparison {
  selected: TradeWidgetQuote;
  reference: TradeWidgetQuote;
  /** selected − reference total duty, minor units. */
  dutyChangeMinor: number;
  /** selected − reference effective rate, basis points. */
  rateChangeBp: number;
}

export type TradeWidgetChangeEvent = CustomEvent<TradeWidgetState>;

/** The <trade-widget> element. */
export interface TradeWidgetElement extends HTMLElement {
  /**
   * Applies what reads, draws it, and returns the problems of what does not, as [field, message]
   * pairs (empty when everything read). Before the widget has mounted (and while it re-mounts),
   * the patch is kept and applied at mount, and [] is returned. Throws on a key it does not know
   * and on a `lang` other than en/fr, applying nothing of the patch then.
   *
   * Fires `trade-widget-change` once drawn, except when called from a `trade-widget-change`
   * listener of the same widget (while it dispatches that event): such a call is applied and
   * drawn but fires no further change event, so a listener that calls setState on its own widget
   * cannot recurse. A listener that changes another widget does make that one fire.
   */
  setState(patch: TradeWidgetPatch): TradeWidgetFieldError[];
  /** The current state; undefined until the widget has mounted (await `ready`). */
  getState(): TradeWidgetState | undefined;
  /** The engine's breakdown for the current inputs; null when no result could be computed yet, undefined before mount. */
  quote(): TradeWidgetComparison | null | undefined;
  /** Removes the widget's listeners and observers and empties it. Taking the element out of the page does it too. */
  destroy(): void;
  /**
   * Resolves with the element once the widget has mounted (never, if it shows its error or static
   * fallback). A change of language or view re-mounts the widget and replaces this promise with
   * one for the new mount: read `ready` again after such a change.
   */
  readonly ready: Promise<TradeWidgetElement>;

  addEventListener<K extends keyof TradeWidgetElementEventMap>(type: K,
    listener: (this: TradeWidgetElement, ev: TradeWidgetElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TradeWidgetElementEventMap>(type: K,
    listener: (this: TradeWidgetElement, ev: TradeWidgetElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface TradeWidgetElementEventMap extends HTMLElementEventMap {
  /**
   * Fired (bubbling, composed) after a change is drawn: by the reader, setState or a linked widget.
   * A setState on this widget from within its own listener fires none (see setState).
   */
  'trade-widget-change': TradeWidgetChangeEvent;
}

/** window.TradeWidget: the one global the script defines (shared by every copy of the script tag). */
export interface TradeWidgetGlobal {
  /** The package version ('2.1.0'): the [package] version of Cargo.toml, written in at build time. */
  readonly version: string;
  /**
   * The address of the module with both views, trade-widget-both.wasm (next to the script, or
   * data-base-url); the other modules are in the same folder ({@link modules}).
   */
  readonly wasmUrl: string;
  /**
   * Each module's address. The loader fetches the smallest one that has every view on the page
   * (a page with only calculators downloads neither the timeline's code nor its events), once
   * for any number of widgets; a view that appears later loads the module it lacks.
   */
  readonly modules: {
    readonly calculator: string;
    readonly timeline: string;
    readonly both: string;
    /** The JSON reader and validator: loaded only for a page's own data and {@link validate}. */
    readonly reader: string;
  };
  /**
   * Starts loading the module for `view` (once per page), or, without a view, the one the page
   * needs; widgets call it themselves when they come near the viewport.
   */
  load(view?: TradeWidgetView): Promise<unknown>;
  /**
   * Checks a data file (or an inline dataset) against the widget's rules, as the widget would.
   * Resolves to '' when valid, else every problem, one per line, naming the record and field.
   */
  validate(json: string): Promise<string>;
}

declare global {
  interface HTMLElementTagNameMap {
    'trade-widget': TradeWidgetElement;
  }
  interface DocumentEventMap {
    /** Bubbles from every widget (composed: it crosses shadow roots). */
    'trade-widget-change': TradeWidgetChangeEvent;
  }
  interface Window {
    TradeWidget: TradeWidgetGlobal;
  }
  // eslint-disable-next-line no-var
  var TradeWidget: TradeWidgetGlobal;
}
