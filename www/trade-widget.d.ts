// Type declarations for trade-widget: the <trade-widget> element, its change event and the one
// global (window.TradeWidget) that pkg/trade-widget.js defines. The script is a classic script with
// no exports; this file only describes what it adds to the page.
//
//   <script src="https://cdn.example/trade-widget/v1.0.0/trade-widget.js" async></script>
//
//   /// <reference types="trade-widget" />          (or: import type { TradeWidgetState } from 'trade-widget')
//   const el = document.querySelector('trade-widget');   // TradeWidgetElement | null
//   await el?.ready;
//   const errors = el?.setState({ flow: 'ca-canola-seed-to-cn', value: 4000, currency: 'CNY', date: '2025-09-01' });
//
// Money in quote() is in integer minor units (cents, fen) of the importing customs' currency; rates are
// basis points (610 = 6.1 %); dates are 'YYYY-MM-DD'.

/** What the widget shows. */
export type TradeWidgetView = 'calculator' | 'timeline' | 'both';

/** Interface language. */
export type TradeWidgetLang = 'en' | 'fr';

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
 * Language and view are attributes (`lang`, `view`): changing them re-mounts the widget.
 */
export interface TradeWidgetPatch {
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
  | 'base' | 'surtax' | 'anti_dumping_provisional' | 'anti_dumping' | 'retaliation' | 'additional' | 'ban';

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
  | { status: 'ban' };

/** One row of the breakdown: a duty layer in force on the date. */
export interface TradeWidgetLayer {
  measure: string;
  kind: TradeWidgetMeasureKind;
  name: TradeWidgetText;
  /** Basis points; null for a ban. */
  rate: number | null;
  /** The value the rate is charged on, minor units. */
  base_minor: number;
  amount_minor: number;
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
  year_start: TradeWidgetDate;
  year_end: TradeWidgetDate;
  volume: number;
  used: number;
  remaining: number;
  in_units: number;
  over_units: number;
  in_value_minor: number;
  over_value_minor: number;
}

/** The conversion of the entered value into the customs currency. */
export interface TradeWidgetConversion {
  from: TradeWidgetCurrency;
  to: TradeWidgetCurrency;
  entered_minor: number;
  /** CAD per unit of `from` and of `to`, in millionths. */
  from_cad_micros: number;
  to_cad_micros: number;
  confidence: TradeWidgetConfidence;
  source: string;
}

/** The answer for one shipment on one day. */
export interface TradeWidgetQuote {
  flow: TradeWidgetFlow;
  date: TradeWidgetDate;
  /** The importing customs' currency, in which every *_minor amount is. */
  currency: TradeWidgetCurrency;
  value_minor: number;
  quantity: number;
  conversion: TradeWidgetConversion | null;
  layers: TradeWidgetLayer[];
  total_duty_minor: number;
  /** Value plus duty (GST, VAT and other taxes not included). */
  landed_minor: number;
  /** Effective rate, basis points. */
  effective: number;
  quota: TradeWidgetQuotaSplit | null;
  /** Set when the date is outside the data's coverage. */
  outside_coverage: { start: TradeWidgetDate; end: TradeWidgetDate } | null;
  /** Whether a figure behind the total is not confirmed. */
  has_estimate: boolean;
  /** Whether a non-tariff ban was in force. */
  blocked: boolean;
}

/** `quote()`: the shipment on the chosen date and on the comparison date. */
export interface TradeWidgetComparison {
  selected: TradeWidgetQuote;
  reference: TradeWidgetQuote;
  /** selected − reference, minor units. */
  duty_change_minor: number;
  /** selected − reference, basis points. */
  rate_change_bp: number;
}

export type TradeWidgetChangeEvent = CustomEvent<TradeWidgetState>;

/** The <trade-widget> element. */
export interface TradeWidgetElement extends HTMLElement {
  /**
   * Applies what reads and returns the problems of what does not, as [field, message] pairs
   * (empty when everything read). Before the widget has mounted, the patch is kept and applied
   * at mount, and [] is returned. Throws on a key it does not know.
   */
  setState(patch: TradeWidgetPatch): TradeWidgetFieldError[];
  /** The current state; undefined until the widget has mounted (await `ready`). */
  getState(): TradeWidgetState | undefined;
  /** The engine's breakdown for the current inputs; null when no result could be computed yet, undefined before mount. */
  quote(): TradeWidgetComparison | null | undefined;
  /** Removes the widget's listeners and observers and empties it. Taking the element out of the page does it too. */
  destroy(): void;
  /** Resolves with the element once the widget has mounted (never, if it shows its error or static fallback). */
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
  /** Fired (bubbling, composed) after a change is drawn: by the reader, setState or a linked widget. */
  'trade-widget-change': TradeWidgetChangeEvent;
}

/** window.TradeWidget: the one global the script defines (shared by every copy of the script tag). */
export interface TradeWidgetGlobal {
  readonly version: string;
  /** The WebAssembly module's address (next to the script, or data-base-url). */
  readonly wasmUrl: string;
  /** Starts loading the module (once per page); widgets call it themselves when they come near the viewport. */
  load(): Promise<unknown>;
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
