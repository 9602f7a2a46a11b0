// trade-widget's iframe resizer, for pages without pym.js (no dependency; the build minifies it).
//
//   <iframe src="https://your.cdn/trade-widget/v2.1.0/embed.html?view=calculator" data-trade-widget …></iframe>
//   <script src="https://your.cdn/trade-widget/v2.1.0/iframe-resizer.js" async></script>
//
// embed.html posts its height as a pym.js v1 message ('pymxPYMx' + id + 'xPYMxheightxPYMx' + px). The
// frame that sent it (matched by the message's source window, not by a name it could claim) gets that
// height; any number of frames, any number of copies of this script. When it starts it asks every
// frame marked data-trade-widget for its height (a pym 'width' message), so a frame that loaded first
// is sized too.
(function (w, d) {
  if (w.tradeWidgetResizer) return;
  w.tradeWidgetResizer = 1;
  var D = 'xPYMx';
  w.addEventListener('message', function (e) {
    var m = typeof e.data == 'string' && /^pymxPYMx[^]*?xPYMxheightxPYMx(\d+)$/.exec(e.data);
    if (!m) return;
    var f = d.getElementsByTagName('iframe');
    for (var i = 0; i < f.length; i++) {
      if (f[i].contentWindow === e.source) {
        f[i].style.height = m[1] + 'px';
        return;
      }
    }
  });
  function ask() {
    var f = d.querySelectorAll('iframe[data-trade-widget]');
    for (var i = 0; i < f.length; i++) {
      if (f[i].contentWindow) f[i].contentWindow.postMessage('pym' + D + f[i].id + D + 'width' + D + f[i].offsetWidth, '*');
    }
  }
  if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', ask);
  else ask();
})(window, document);
