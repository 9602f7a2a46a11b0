// Benchmark probe (bench/timeline.bench.mjs): records when the first <trade-widget> reports
// data-status="ready" (its first frame is drawn synchronously before that attribute is set),
// in ms since navigation start (performance.now()'s origin).
(function () {
  window.__twReadyAt = null;
  function check() {
    var el = document.querySelector('trade-widget[data-status="ready"]');
    if (el && window.__twReadyAt === null) { window.__twReadyAt = performance.now(); obs.disconnect(); }
  }
  var obs = new MutationObserver(check);
  obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();
