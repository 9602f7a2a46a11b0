// Probe for bench/peers.bench.mjs: records, in ms since navigation start (performance.now()'s
// origin), when EVERY <trade-widget> on the page reports data-status="ready" (each draws its
// first frame synchronously before setting it): window.__benchReadyAt; then, one animation
// frame and one task later (style, layout and paint of that frame done): window.__benchFrameAt.
(function () {
  window.__benchReadyAt = null;
  window.__benchFrameAt = null;
  window.__benchError = null;
  function afterFrame() {
    requestAnimationFrame(function () {
      var ch = new MessageChannel();
      ch.port1.onmessage = function () { window.__benchFrameAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  }
  function check() {
    if (window.__benchReadyAt !== null || document.readyState === 'loading') return;
    var all = document.querySelectorAll('trade-widget');
    if (!all.length) return;
    for (var i = 0; i < all.length; i++) {
      var st = all[i].getAttribute('data-status');
      if (st === 'error' || st === 'fallback') {
        window.__benchError = st + ': ' + ((all[i].shadowRoot && all[i].shadowRoot.textContent) || '').trim().slice(0, 300);
        obs.disconnect();
        return;
      }
      if (st !== 'ready') return;
    }
    window.__benchReadyAt = performance.now();
    obs.disconnect();
    afterFrame();
  }
  var obs = new MutationObserver(check);
  obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  document.addEventListener('DOMContentLoaded', check);
})();
