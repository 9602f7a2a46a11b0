// trade-widget loader. scripts/build.sh wraps this file, the wasm-bindgen
// glue (`--target no-modules`) and the widget's CSS (TW_CSS) in one IIFE, so
// the page gets exactly one global (`TradeWidget`) however many copies of the
// script tag it has (craft notes §5).

// Only valid during this synchronous evaluation of the script.
var TW_SCRIPT = document.currentScript;
var TW_GLUE = wasm_bindgen;

(function () {
  var G = window.TradeWidget;
  if (G && G.version) return; // A second copy of the script tag: the first one serves.

  var base = (TW_SCRIPT && (TW_SCRIPT.getAttribute('data-base-url') || TW_SCRIPT.src)) || location.href;
  // CDN URLs without a file name ("…/trade-widget/1.0/") are folders.
  if (!/\.js(\?|#|$)/.test(base) && !/\/$/.test(base.split(/[?#]/)[0])) base = base.split(/[?#]/)[0] + '/';
  var wasmUrl = new URL('trade_widget_bg.wasm', base);
  var ready = null;
  var sheet = null;
  var linking = false;

  function log(kind, msg) { (console[kind] || console.log).call(console, '[trade-widget] ' + msg); }

  function load() {
    if (!ready) {
      ready = TW_GLUE({ module_or_path: wasmUrl }).then(function () {
        TW_GLUE.installPanicHook();
        return TW_GLUE;
      });
    }
    return ready;
  }

  function styles() {
    if (sheet === null) {
      try { sheet = new CSSStyleSheet(); sheet.replaceSync(TW_CSS); } catch (e) { sheet = false; }
    }
    return sheet;
  }

  var DEFAULT_HEIGHT = { calculator: 1180, timeline: 620, both: 1800 };

  function attr(el, name) { var v = el.getAttribute(name); return v === null ? undefined : v; }

  function options(el) {
    var inline = el.querySelector('script[type="application/json"]');
    return {
      view: attr(el, 'view'),
      lang: attr(el, 'lang') || (el.closest('[lang]') || document.documentElement).getAttribute('lang') || 'en',
      flow: attr(el, 'flow'),
      value: attr(el, 'value'),
      currency: attr(el, 'currency'),
      date: attr(el, 'date'),
      quantity: attr(el, 'quantity'),
      quotaUsed: attr(el, 'quota-used'),
      theme: attr(el, 'theme'),
      shareState: el.hasAttribute('share-state'),
      data: inline ? inline.textContent : undefined
    };
  }

  function showError(el, title, text) {
    var root = el.shadowRoot;
    if (!root) return;
    root.textContent = '';
    var box = document.createElement('div');
    box.className = 'tw tw-error';
    box.setAttribute('role', 'alert');
    var h = document.createElement('p');
    h.className = 'tw-error-title';
    h.textContent = title;
    var pre = document.createElement('pre');
    pre.textContent = text;
    box.appendChild(h);
    box.appendChild(pre);
    root.appendChild(box);
    el.setAttribute('data-status', 'error');
  }

  function fallback(el) {
    // With scripts on, a <noscript> child is plain text of the embedder's own markup.
    var ns = el.querySelector('noscript');
    var root = el.shadowRoot;
    if (!root) return;
    root.textContent = '';
    var slot = document.createElement('div');
    slot.className = 'tw tw-fallback';
    if (ns) slot.innerHTML = ns.textContent; else slot.textContent = 'This interactive needs WebAssembly, which this page blocks.';
    root.appendChild(slot);
    el.setAttribute('data-status', 'fallback');
  }

  function errorTitle(el) {
    return /^fr/i.test(options(el).lang) ? 'Ce module n\u2019a pas pu d\u00e9marrer' : 'This widget could not start';
  }

  function mount(el) {
    if (el._tw || el._twMounting) return;
    el._twMounting = true;
    load().then(function (glue) {
      el._twMounting = false;
      if (!el.isConnected || el._tw) return;
      var panic = glue.panicMessage();
      if (panic) { showError(el, errorTitle(el), panic); return; }
      try {
        el._tw = new glue.Widget(el, el.shadowRoot, options(el));
      } catch (e) {
        var msg = (e && e.message) || String(e);
        log('error', msg);
        showError(el, errorTitle(el), msg);
        return;
      }
      if (el._twPending) { var p = el._twPending; el._twPending = null; el.setState(p); }
      if (el._twResolve) el._twResolve(el);
    }).catch(function (e) {
      el._twMounting = false;
      var msg = (e && e.message) || String(e);
      if (/Content.Security.Policy|wasm-unsafe-eval|CompileError/i.test(msg)) {
        if (!G.cspWarned) {
          G.cspWarned = true;
          log('error', 'WebAssembly is blocked by this page\'s Content-Security-Policy. Add \'wasm-unsafe-eval\' to script-src to show the interactive; the static version is shown instead.');
        }
        fallback(el);
      } else {
        log('error', msg);
        showError(el, errorTitle(el), msg);
      }
    });
  }

  var io = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { io.unobserve(e.target); mount(e.target); }
    });
  }, { rootMargin: '400px 0px' }) : null;

  function call(el, fn, arg) {
    if (!el._tw) return undefined;
    try { return el._tw[fn](arg); } catch (e) {
      var panic = ready && TW_GLUE.panicMessage && TW_GLUE.panicMessage();
      if (panic) showError(el, errorTitle(el), panic);
      throw e;
    }
  }

  class TradeWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['flow', 'value', 'currency', 'date', 'quantity', 'quota-used', 'theme', 'lang', 'view']; }

    constructor() {
      super();
      var self = this;
      this.ready = new Promise(function (resolve) { self._twResolve = resolve; });
    }

    connectedCallback() {
      if (!this.shadowRoot) {
        var root = this.attachShadow({ mode: 'open' });
        var s = styles();
        if (s) root.adoptedStyleSheets = [s];
        var view = attr(this, 'view') || 'calculator';
        var h = parseInt(attr(this, 'height'), 10);
        // Reserve the height before the wasm arrives: the article must not jump.
        this.style.setProperty('--tw-reserved', (h > 0 ? h : (DEFAULT_HEIGHT[view] || DEFAULT_HEIGHT.calculator)) + 'px');
        if (h > 0) this.setAttribute('data-fixed-height', '');
        var ph = document.createElement('div');
        ph.className = 'tw tw-placeholder';
        ph.setAttribute('aria-busy', 'true');
        root.appendChild(ph);
        this.setAttribute('data-status', 'loading');
      }
      if (io) io.observe(this); else mount(this);
    }

    disconnectedCallback() {
      if (io) io.unobserve(this);
      this.destroy();
    }

    attributeChangedCallback(name, old, value) {
      if (!this._tw || old === value) return;
      if (name === 'lang' || name === 'view') { this.destroy(); this.shadowRoot.textContent = ''; mount(this); return; }
      var patch = {};
      patch[name === 'quota-used' ? 'quotaUsed' : name] = value;
      this.setState(patch);
    }

    setState(patch) {
      if (!this._tw) { this._twPending = Object.assign(this._twPending || {}, patch); return []; }
      return call(this, 'setState', patch);
    }

    getState() { return call(this, 'getState'); }

    quote() { return call(this, 'quote'); }

    destroy() {
      if (this._tw) { var w = this._tw; this._tw = null; try { w.destroy(); w.free(); } catch (e) { /* already gone */ } }
    }
  }

  // When one widget's date changes, move the others of its group to it:
  // the timeline drives the calculator even when they are two elements.
  document.addEventListener('trade-widget-change', function (ev) {
    if (linking) return;
    var from = ev.target, date = ev.detail && ev.detail.date;
    if (!date || !from.getAttribute) return;
    var group = from.getAttribute('group') || '';
    linking = true;
    try {
      document.querySelectorAll('trade-widget').forEach(function (el) {
        if (el === from || !el._tw || (el.getAttribute('group') || '') !== group) return;
        var st = el.getState();
        if (st && st.date !== date) el.setState({ date: date });
      });
    } finally { linking = false; }
  });

  G = window.TradeWidget = { version: '1.0.0', load: load, wasmUrl: String(wasmUrl) };
  if (!customElements.get('trade-widget')) customElements.define('trade-widget', TradeWidgetElement);
})();
