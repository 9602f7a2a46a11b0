// trade-widget's modules (issue 11): which wasm module a page needs, loading each once, and the
// reader module for a page's own data. scripts/build.sh puts this file before boot.js inside the
// loader's IIFE; boot.js calls twModules(base) once, `base` being the folder of the files.
//
// One wasm module per view: trade-widget-calculator, -timeline and -both (.wasm, and .js for its
// wasm-bindgen glue). The first module is the smallest with every view on the page, once for any
// number of widgets; a view that appears later (a new element, a `view` change) loads the module it
// lacks. The module is fetched and compiled while its glue (an ES module) is imported:
// compileStreaming when served as application/wasm. The view modules carry the data as build.rs
// checked and packed it; a page's own data (inline JSON) and TradeWidget.validate go through a
// fourth module, trade-widget-reader, with the JSON reader and the validator, loaded only then.

function twModules(base) {
  var VIEWS = ['calculator', 'timeline', 'both'];
  var moduleUrls = {};
  // The reader module: the JSON reader and validator, for a page's own data and validate().
  VIEWS.concat('reader').forEach(function (v) { moduleUrls[v] = String(new URL('trade-widget-' + v + '.wasm', base)); });
  var modules = {}; // module name → Promise of its initialised glue
  var warmed = false;

  // An element's view as the module names it: `timeline`, `both`, else `calculator` (the widget's default).
  function viewOf(el) {
    var v = String(el.getAttribute('view') || '').trim();
    return v === 'timeline' || v === 'both' ? v : 'calculator';
  }

  // The smallest module with `view` and, for the page's first module, every view on the page
  // (one download serves the article); later, a module already there that has the view. Without
  // a view (validate, load()): any module already there, else the page's.
  function moduleFor(view) {
    var have = Object.keys(modules).filter(function (k) { return k !== 'reader'; });
    var fits = !view ? have : view === 'both' ? ['both'] : [view, 'both'];
    for (var i = 0; i < fits.length; i++) if (modules[fits[i]]) return fits[i];
    if (have.length) return fits[0];
    var calc = view === 'calculator' || view === 'both', tl = view === 'timeline' || view === 'both';
    document.querySelectorAll('trade-widget').forEach(function (el) {
      var v = viewOf(el);
      if (v !== 'timeline') calc = true;
      if (v !== 'calculator') tl = true;
    });
    return calc && tl ? 'both' : tl ? 'timeline' : 'calculator';
  }

  // The compiled module: streamed when the server says application/wasm, else from its bytes.
  function compile(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('could not load ' + url + ' (HTTP ' + res.status + ')');
      if (WebAssembly.compileStreaming && /^application\/wasm/i.test(res.headers.get('content-type') || '')) {
        return WebAssembly.compileStreaming(res);
      }
      return res.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  // The module's glue, an ES module: import() adds nothing to the page (no script element, no
  // global) and, from a script admitted by a nonce, carries the nonce along.
  function glue(name) {
    return import(/* webpackIgnore: true */ String(new URL('trade-widget-' + name + '.js', base)));
  }

  // Loads (once) the module for `view` (default: what the page shows) and resolves to its glue.
  function load(view) {
    return loadModule(moduleFor(VIEWS.indexOf(view) >= 0 ? view : null));
  }

  // Loads (once) the module `name` and resolves to its glue.
  function loadModule(name) {
    if (!modules[name]) {
      modules[name] = Promise.all([compile(moduleUrls[name]), glue(name)]).then(function (both) {
        var g = both[1];
        return g.default({ module_or_path: both[0] }).then(function () {
          g.installPanicHook();
          return g;
        });
      });
      modules[name].catch(function () { /* reported by each widget that waits for it */ });
      warm();
    }
    return modules[name];
  }

  // The page's first Intl formatter loads the locale data (about 20 ms in
  // Chromium). Made here, while the module downloads, that is off the first
  // drawing; the widgets' own formatters are then cheap to build.
  function warm() {
    if (warmed) return;
    warmed = true;
    try {
      var tag = /^fr/i.test(document.documentElement.lang) ? 'fr-CA' : 'en-CA';
      new Intl.NumberFormat(tag, { style: 'currency', currency: 'CAD' }).format(1);
      new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(0);
    } catch (e) { /* no Intl: the widget reports it when it starts */ }
  }

  // A page's own data (an inline <script type="application/json">): checked and packed by the
  // reader module, fetched only for it (null: no data of the page's own). Rejects with every problem.
  function pageData(json) {
    if (json === undefined || !json.trim()) return Promise.resolve(null);
    return loadModule('reader').then(function (reader) { return reader.readData(json); });
  }

  return { urls: moduleUrls, viewOf: viewOf, load: load, loadModule: loadModule, pageData: pageData };
}
