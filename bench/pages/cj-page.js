// Chart.js 4 page for bench/peers.bench.mjs: the calculator's before/after stacked bar chart for the
// EV flow (cn-ev-to-ca in data/canada-china.json): duty by layer on the reference date 2026-01-15
// (MFN base 6.1 % + China surtax 100 %) and the selected date 2026-03-02 (base 6.1 % alone, inside the quota).
// Typing in the value field recomputes the duty amounts (value × rate per layer, rounded to the cent, as the
// engine does) and redraws synchronously with chart.update('none').
// Records window.__benchReadyAt at the chart's first render (afterRender, animation off) and
// window.__benchFrameAt one animation frame and one task later. The chart is window.__chart.
(function () {
  window.__benchReadyAt = null;
  window.__benchFrameAt = null;
  window.__benchError = null;
  var RATES = { base: [610, 610], surtax: [10000, 0] }; // basis points: [2026-01-15, 2026-03-02]
  var input = document.querySelector('input[name=value]');
  var duty = function (value, bp) { return Math.round(value * bp / 100) / 100; }; // cents, then CAD

  function afterFrame() {
    requestAnimationFrame(function () {
      var ch = new MessageChannel();
      ch.port1.onmessage = function () { window.__benchFrameAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  }

  try {
    var v = Number(input.value);
    var chart = new Chart(document.getElementById('cj'), {
      type: 'bar',
      data: {
        labels: ['January 15, 2026 (reference)', 'March 2, 2026 (selected)'],
        datasets: [
          { label: 'Base rate (MFN) 6.1 %', data: RATES.base.map(function (bp) { return duty(v, bp); }), backgroundColor: '#4e79a7' },
          { label: 'Surtax (China Surtax Order) 100 %', data: RATES.surtax.map(function (bp) { return duty(v, bp); }), backgroundColor: '#e15759' }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'Duty (CAD)' } } },
        plugins: { title: { display: true, text: 'Duty on a Chinese EV, by layer' } }
      },
      plugins: [{
        id: 'benchProbe',
        afterRender: function () {
          if (window.__benchReadyAt === null) { window.__benchReadyAt = performance.now(); afterFrame(); }
        }
      }]
    });
    window.__chart = chart;
    input.addEventListener('input', function () {
      var value = Number(input.value);
      if (!isFinite(value) || value < 0) return;
      chart.data.datasets[0].data = RATES.base.map(function (bp) { return duty(value, bp); });
      chart.data.datasets[1].data = RATES.surtax.map(function (bp) { return duty(value, bp); });
      chart.update('none');
    });
  } catch (e) {
    window.__benchError = String(e && e.stack || e);
  }
})();
