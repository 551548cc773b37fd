/*
 * Insights charts: draws every element with data-chart using ECharts (loaded before this file,
 * only on officials' dashboards). The data comes from data-* attributes because the CSP forbids
 * inline scripts. The accessible table beside each chart holds the same figures, so without
 * JavaScript (or if ECharts fails to load) the page is complete.
 *
 *   data-chart   "line" | "bar" | "hbar" (horizontal bars, best first from the top)
 *   data-labels  JSON array of strings
 *   data-values  JSON array of numbers or null (no figure)
 *   data-max     optional axis maximum (100 for percentages)
 *   data-unit    optional unit shown after values on labels
 */
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  var RED = '#9b1c1c';
  var charts = [];

  function parse(el, name) {
    try {
      return JSON.parse(el.getAttribute(name) || '[]');
    } catch (e) {
      return [];
    }
  }

  function format(value, unit) {
    if (value === null || value === undefined) {
      return '';
    }
    return String(value).replace('.', ',') + (unit ? ' ' + unit : '');
  }

  function draw(el) {
    var kind = el.getAttribute('data-chart');
    var labels = parse(el, 'data-labels');
    var values = parse(el, 'data-values');
    if (!labels.length || labels.length !== values.length) {
      return;
    }
    var max = el.hasAttribute('data-max') ? Number(el.getAttribute('data-max')) : undefined;
    var unit = el.getAttribute('data-unit') || '';
    var horizontal = kind === 'hbar';
    if (horizontal) {
      // One row per unit, its name on a line of its own above the bar: grow the container
      // (CSSOM, allowed by the CSP) so every name and bar stays legible.
      el.style.height = Math.max(200, labels.length * 44 + 40) + 'px';
    }
    var width = el.clientWidth || 320;
    var narrow = width < 560;
    var valueAxis = {
      type: 'value', min: 0, max: max, splitNumber: narrow ? 4 : 5, interval: max === 100 ? (narrow ? 25 : 20) : undefined,
      axisLabel: { hideOverlap: true, formatter: function (v) { return format(v, ''); } }
    };
    var every = horizontal ? 0 : Math.max(0, Math.ceil(labels.length / Math.max(1, Math.floor(width / 90))) - 1);
    var categoryAxis = {
      type: 'category',
      data: horizontal ? labels.slice().reverse() : labels,
      // Horizontal bars: no names on the axis (a band of fixed width either truncated them or, where the
      // browser's font is wider than ECharts measures, pushed their start past the left edge: cut at both
      // ends). Each name is drawn above its bar instead, from the bar's start, with the whole width to use.
      axisLabel: horizontal ? { show: false } : { interval: every, hideOverlap: true },
      axisTick: horizontal ? { show: false } : undefined
    };
    var data = horizontal ? values.slice().reverse() : values;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false }, // the container has role="img" and a summary; the table has the figures
      grid: horizontal ? { left: 8, right: 64, top: 8, bottom: 28 } : { left: 56, right: 40, top: 32, bottom: 40, containLabel: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: (horizontal ? [{
        // The names: an empty bar under each real one whose label sits above the row, left-aligned.
        type: 'bar',
        data: data.map(function () { return 0; }),
        barGap: '-100%',
        barMaxWidth: 16,
        silent: true,
        itemStyle: { color: 'transparent' },
        label: {
          show: true,
          position: [4, -5],
          align: 'left',
          verticalAlign: 'bottom',
          color: '#1f1f1f',
          fontSize: 13,
          formatter: function (p) { return p.name; }
        }
      }] : []).concat([{
        type: kind === 'line' ? 'line' : 'bar',
        data: data,
        connectNulls: false,
        itemStyle: { color: RED },
        lineStyle: { color: RED, width: 3 },
        symbolSize: 8,
        barMaxWidth: horizontal ? 16 : 36,
        barGap: horizontal ? '-100%' : undefined,
        label: {
          show: horizontal || width / labels.length >= 64,
          position: horizontal ? 'right' : 'top',
          formatter: function (p) { return format(p.value, unit); }
        }
      }])
    });
    charts.push(chart);
  }

  function start() {
    var nodes = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < nodes.length; i++) {
      draw(nodes[i]);
    }
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
