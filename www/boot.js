// trade-widget loader: the <trade-widget> element. scripts/build.sh wraps the
// widget's CSS (TW_CSS), www/modules.js (which module a page loads, and how)
// and this file in one IIFE, so the page gets exactly one global
// (`TradeWidget`) however many copies of the script tag it has.

// Only valid during this synchronous evaluation of the script.
var TW_SCRIPT = document.currentScript;

(function () {
  var G = window.TradeWidget;
  if (G && G.version) return; // A second copy of the script tag: the first one serves.

  var base = (TW_SCRIPT && (TW_SCRIPT.getAttribute('data-base-url') || TW_SCRIPT.src)) || location.href;
  // CDN URLs without a file name ("…/trade-widget/1.0/") are folders.
  if (!/\.js(\?|#|$)/.test(base) && !/\/$/.test(base.split(/[?#]/)[0])) base = base.split(/[?#]/)[0] + '/';
  var M = twModules(base), viewOf = M.viewOf, load = M.load, loadModule = M.loadModule, pageData = M.pageData;
  var sheet = null;
  var linking = false;

  function log(kind, msg) { (console[kind] || console.log).call(console, '[trade-widget] ' + msg); }

  function styles() {
    if (sheet === null) {
      try { sheet = new CSSStyleSheet(); sheet.replaceSync(TW_CSS); } catch (e) { sheet = false; }
    }
    return sheet;
  }

  // ---- Reserved height: the article must not jump (cumulative layout shift 0) ----
  //
  // The widget's height depends on its width (grids reflow, text wraps) and on
  // its content (flow, language), and it is only known once the wasm has drawn
  // the first frame. Measured choice (tests/e2e/embed.test.mjs, "reserved height"):
  //  1. Until it mounts, the host's min-height (--tw-reserved) is the tallest
  //     the mounted widget gets at the host's current width, over every trade
  //     flow and both languages (HEIGHTS, measured in Chromium, +3 %). A
  //     ResizeObserver follows the width (late page CSS, rotation).
  //  2. The IntersectionObserver mounts a widget 400 px before it scrolls in.
  //     Mounted entirely below the viewport (the usual case), the reservation
  //     is released at once: only what the reader cannot see moves.
  //  3. Mounted in view (a slow network, a fast reader), the widget is at most
  //     as tall as the reservation, so nothing moves; the gap below a shorter
  //     widget stays until the host is entirely below the viewport again or its
  //     width changes, and is released then.
  //  4. With a `height` attribute the host has that fixed height and scrolls
  //     inside (data-fixed-height): an embedder's choice for tight layouts.
  // A fixed host height for everyone was measured and rejected: a calculator is
  // 2,700 px tall on a 320 px phone and 1,230 px on a desktop column; either
  // it scrolls inside the article (a scroll trap) or it reserves far too much.
  // When the interface changes, the "reserved height" test fails and prints a new table.
  var HEIGHTS = {
    // [host width from (px), height up to (px)], widest last
    calculator: [[220, 2833], [240, 2687], [260, 2522], [280, 2452], [300, 2371], [320, 2191], [340, 2058], [360, 1833],
      [420, 1722], [440, 1590], [480, 1545], [500, 2778], [540, 3111], [580, 2615], [600, 2414], [620, 2309], [640, 2227],
      [660, 2163], [680, 2081], [700, 2040], [740, 1994], [760, 1953], [820, 1912], [840, 1870], [960, 1830], [1060, 1712]],
    timeline: [[220, 1484], [240, 1439], [260, 1331], [300, 1256], [340, 1212], [400, 1139], [440, 1035], [520, 754], [680, 681],
      [880, 632]]
  };

  function estimate(view, width) {
    if (view === 'both') return estimate('calculator', width) + estimate('timeline', width);
    var t = HEIGHTS[view] || HEIGHTS.calculator;
    var h = t[0][1];
    if (width < t[0][0]) h = h * t[0][0] / Math.max(width, 100); // narrower than measured: text wraps more
    for (var i = 1; i < t.length && t[i][0] <= width; i++) h = t[i][1];
    return Math.ceil(h * 1.03);
  }

  function reserve(el, px) {
    el.style.setProperty('--tw-reserved', Math.ceil(px) + 'px');
    el._twReserved = true;
  }

  function release(el) {
    if (el._twFixed || !el._twReserved) return;
    el._twReserved = false;
    el.style.removeProperty('--tw-reserved');
    if (below) below.unobserve(el);
  }

  // Releases a reservation once its host is entirely below the viewport (rule 3).
  var below = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      var bottom = e.rootBounds ? e.rootBounds.bottom : (window.innerHeight || 0);
      if (!e.isIntersecting && e.boundingClientRect.top >= bottom) release(e.target);
    });
  }) : null;

  // Watches each host's width through its probe (a zero-height box: the host's
  // own box also changes with the reservation, which would loop the observer).
  var widths = 'ResizeObserver' in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) {
      var root = e.target.getRootNode(), el = root && root.host, w = e.contentRect.width;
      if (!el || !w || el._twFixed) return;
      if (!el._twSettled) { el._twWidth = w; reserve(el, estimate(attr(el, 'view') || 'calculator', w)); }
      else if (el._twReserved && Math.abs(w - el._twWidth) >= 1) release(el);
    });
  }) : null;

  // After the first frame (or the error box, or the static fallback): rule 2 or 3.
  function settle(el) {
    el._twSettled = true;
    decorate(el);
    if (el._twFixed || !el._twReserved) return;
    var r = el.getBoundingClientRect();
    el._twWidth = r.width;
    if (r.top >= (window.innerHeight || document.documentElement.clientHeight)) release(el);
    else if (below) below.observe(el);
  }

  // The <noscript> content, as markup. With scripts on, a <noscript> child is
  // plain text of the embedder's own markup.
  function noscriptMarkup(el) {
    var ns = el.querySelector('noscript');
    return ns ? ns.textContent : null;
  }

  // Parses the embedder's fallback markup without loading anything yet: a
  // <template> is inert; its images become lazy, so a copy kept for print costs
  // no request until it is shown. Null if the page forbids it (Trusted Types).
  function parseFallback(markup, lazy) {
    try {
      var tpl = document.createElement('template');
      tpl.innerHTML = markup;
      if (lazy) tpl.content.querySelectorAll('img').forEach(function (img) { img.setAttribute('loading', 'lazy'); });
      return document.importNode(tpl.content, true);
    } catch (e) {
      return null;
    }
  }

  // Adds what the Rust side does not draw: a print-only copy of the <noscript>
  // fallback (the rates table: printouts get the figures, not the controls;
  // widget.css shows it only in @media print), and the width probe.
  function decorate(el) {
    var root = el.shadowRoot;
    if (!root) return;
    var markup = noscriptMarkup(el);
    if (markup && el.getAttribute('data-status') !== 'fallback' && !root.querySelector('.tw-print')) {
      var content = parseFallback(markup, true);
      if (content) {
        var copy = document.createElement('div');
        copy.className = 'tw tw-print';
        copy.appendChild(content);
        root.appendChild(copy);
      }
    }
    if (el._twProbe) root.appendChild(el._twProbe);
  }

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
      compareDate: attr(el, 'compare-date'),
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
    settle(el);
  }

  function fallback(el) {
    var root = el.shadowRoot;
    if (!root) return;
    root.textContent = '';
    var slot = document.createElement('div');
    slot.className = 'tw tw-fallback';
    var markup = noscriptMarkup(el);
    var content = markup && parseFallback(markup, false);
    if (content) slot.appendChild(content);
    else slot.textContent = 'This interactive needs WebAssembly, which this page blocks.';
    root.appendChild(slot);
    el.setAttribute('data-status', 'fallback');
    settle(el);
  }

  function errorTitle(el) {
    return /^fr/i.test(options(el).lang) ? 'Ce module n\u2019a pas pu d\u00e9marrer' : 'This widget could not start';
  }

  function mount(el) {
    if (el._tw || el._twMounting) return;
    el._twMounting = true;
    Promise.all([load(viewOf(el)), pageData(options(el).data)]).then(function (loaded) {
      var glue = loaded[0], dataBytes = loaded[1];
      el._twMounting = false;
      el._twGlue = glue;
      if (!el.isConnected || el._tw) return;
      var panic = glue.panicMessage();
      if (panic) { showError(el, errorTitle(el), panic); return; }
      // After a change of language or view (remount), the state the reader had is the state
      // the new widget starts with: it is drawn at once, without a change event.
      var opts = options(el), restore = el._twRestore;
      el._twRestore = null;
      if (restore) Object.keys(restore).forEach(function (k) { opts[k] = restore[k]; });
      if (dataBytes) { opts.dataBytes = dataBytes; opts.data = undefined; }
      try {
        el._tw = new glue.Widget(el, el.shadowRoot, opts);
      } catch (e) {
        var msg = (e && e.message) || String(e);
        log('error', msg);
        showError(el, errorTitle(el), msg);
        return;
      }
      settle(el);
      if (el._twPending) {
        var p = el._twPending;
        el._twPending = null;
        // Checked when it was given (pendingPatch); a field the widget still refuses is reported,
        // and the widget that did mount stays.
        try { el.setState(p); } catch (e) { log('error', (e && e.message) || String(e)); }
      }
      if (el._twResolve) { var resolve = el._twResolve; el._twResolve = null; resolve(el); }
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

  // A <link rel=stylesheet> has no .sheet while it is loading (nor when it failed: then the
  // observer decides, a frame later).
  function stylesIn() {
    var links = document.querySelectorAll('link[rel~=stylesheet]');
    for (var i = 0; i < links.length; i++) if (!links[i].sheet && !links[i].disabled) return false;
    return true;
  }

  var io = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { io.unobserve(e.target); mount(e.target); }
    });
  }, { rootMargin: '400px 0px' }) : null;

  // ---- setState's language and the patches kept for a later mount ----
  //
  // The fields the wasm side's setState takes (it throws on any other key, `lang` included: a
  // language change re-mounts the widget, which only the loader can do), and also what a
  // remount carries over from getState(): the reader's inputs and the theme.
  var KEYS = ['flow', 'value', 'currency', 'date', 'quantity', 'quotaUsed', 'compareDate', 'theme'];

  function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  // 'en', 'fr', any case, or a tag of either ('fr-CA', 'en_US'); anything else throws.
  function langOf(v) {
    var m = /^\s*(en|fr)([-_][a-z0-9]+)*\s*$/i.exec(typeof v === 'string' ? v : '');
    if (!m) throw new Error('setState: lang must be "en" or "fr" (or a tag such as "fr-CA"), not ' + JSON.stringify(v));
    return m[1].toLowerCase();
  }

  // A patch kept for a mount to come, checked now: the caller hears of a mistake, not the mount.
  function pendingPatch(patch) {
    if (!patch || typeof patch !== 'object') throw new Error('setState takes an object, e.g. { date: "2026-03-02" }');
    Object.keys(patch).forEach(function (k) {
      if (KEYS.indexOf(k) < 0) throw new Error('setState: unknown field "' + k + '"; expected one of lang, ' + KEYS.join(', '));
    });
    return patch;
  }

  // Re-mounts the widget (a new language or view), keeping what the reader entered.
  function remount(el) {
    try {
      var st = el._tw.getState(), keep = {};
      KEYS.forEach(function (k) { if (st[k] != null) keep[k] = String(st[k]); });
      el._twRestore = keep;
    } catch (e) { /* nothing to keep */ }
    el.destroy();
    el.shadowRoot.textContent = '';
    // `ready` is for the widget now mounting.
    el.ready = new Promise(function (resolve) { el._twResolve = resolve; });
    mount(el);
  }

  function call(el, fn, arg) {
    if (!el._tw) return undefined;
    try { return el._tw[fn](arg); } catch (e) {
      var g = el._twGlue, panic = g && g.panicMessage && g.panicMessage();
      if (panic) showError(el, errorTitle(el), panic);
      throw e;
    }
  }

  class TradeWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['flow', 'value', 'currency', 'date', 'compare-date', 'quantity', 'quota-used', 'theme', 'lang', 'view']; }

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
        var h = parseInt(attr(this, 'height'), 10);
        // Reserve the height before the wasm arrives (see "Reserved height" above);
        // the probe's ResizeObserver entry replaces this first guess before the first paint.
        if (h > 0) {
          this._twFixed = true;
          reserve(this, h);
          this.setAttribute('data-fixed-height', '');
        } else {
          reserve(this, estimate(attr(this, 'view') || 'calculator', 680));
        }
        var ph = document.createElement('div');
        ph.className = 'tw tw-placeholder';
        ph.setAttribute('aria-busy', 'true');
        root.appendChild(ph);
        this._twProbe = document.createElement('div');
        this._twProbe.className = 'tw-probe';
        this._twProbe.setAttribute('aria-hidden', 'true');
        root.appendChild(this._twProbe);
        if (widths) widths.observe(this._twProbe);
        this.setAttribute('data-status', 'loading');
      }
      // loading="eager" mounts at once, like <img loading>: embed.html's widget, whose frame the
      // host already loads lazily (a cross-origin frame sees no rootMargin: lazy in there would
      // wait until the frame is on screen).
      if (io && attr(this, 'loading') !== 'eager') {
        io.observe(this);
        // The observer's first report comes a frame later; a widget already near the
        // viewport (above the fold) starts fetching and compiling the module now. Layout is
        // only trusted once the page's stylesheets are in: an async script can run while
        // they load, when everything below still sits near the top.
        var box = this.getBoundingClientRect();
        if (stylesIn() && box.top < innerHeight + 400 && box.bottom > -400) load(viewOf(this));
      } else {
        mount(this);
      }
    }

    disconnectedCallback() {
      if (io) io.unobserve(this);
      if (below) below.unobserve(this);
      this.destroy();
    }

    attributeChangedCallback(name, old, value) {
      if (!this._tw || old === value) return;
      if (name === 'lang' || name === 'view') { remount(this); return; }
      var patch = {};
      // Attribute names in kebab-case, setState fields in camelCase.
      patch[name.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); })] = value;
      this.setState(patch);
    }

    // setState({lang}) re-mounts the widget in that language (through the `lang` attribute); the
    // reader's inputs and the rest of the patch are applied to the new one, so nothing typed is
    // lost. The wasm side never sees `lang`.
    setState(patch) {
      var rest = patch, lang = null;
      if (patch && typeof patch === 'object' && hasOwn(patch, 'lang')) {
        lang = langOf(patch.lang); // throws before anything is applied
        rest = {};
        Object.keys(patch).forEach(function (k) { if (k !== 'lang') rest[k] = patch[k]; });
        var st = this._tw && this.getState();
        if (st && st.lang === lang) lang = null; // already in that language: an ordinary patch
      }
      if (this._tw && lang === null) return call(this, 'setState', rest);
      // Not mounted yet, or re-mounting in another language: kept for the mount.
      this._twPending = Object.assign(this._twPending || {}, pendingPatch(rest));
      if (lang !== null && attr(this, 'lang') !== lang) this.setAttribute('lang', lang); // attributeChangedCallback re-mounts
      else if (lang !== null && this._tw) remount(this);
      return [];
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
    // Most changes (a value being typed) leave the date as it was: nothing to ask the others.
    if (from._twLinkedDate === date) return;
    from._twLinkedDate = date;
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

  // validate(json): an embedder checks an inline dataset from the console before publishing;
  // resolves to '' when it is valid, else every problem, one per line.
  function validate(json) { return loadModule('reader').then(function (r) { return r.validateData(String(json)); }); }

  // The package version from Cargo.toml, written in by scripts/build.sh. wasmUrl: the module with
  // both views (its folder holds the others); modules: each module's address (the views' and the reader's).
  G = window.TradeWidget = {
    version: '__TW_VERSION__', load: load, validate: validate, wasmUrl: M.urls.both, modules: M.urls
  };
  if (!customElements.get('trade-widget')) customElements.define('trade-widget', TradeWidgetElement);
})();
