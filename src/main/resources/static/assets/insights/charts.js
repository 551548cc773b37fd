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
      // One row per unit: grow the container (CSSOM, allowed by the CSP) so names stay legible.
      el.style.height = Math.max(200, labels.length * 28 + 40) + 'px';
    }
    var valueAxis = { type: 'value', min: 0, max: max, axisLabel: { formatter: function (v) { return format(v, ''); } } };
    var categoryAxis = {
      type: 'category',
      data: horizontal ? labels.slice().reverse() : labels,
      axisLabel: horizontal ? { width: 130, overflow: 'truncate' } : { hideOverlap: true }
    };
    var data = horizontal ? values.slice().reverse() : values;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false }, // the container has role="img" and a summary; the table has the figures
      grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [{
        type: kind === 'line' ? 'line' : 'bar',
        data: data,
        connectNulls: false,
        itemStyle: { color: RED },
        lineStyle: { color: RED, width: 3 },
        symbolSize: 8,
        barMaxWidth: 36,
        label: {
          show: horizontal || labels.length <= 12,
          position: horizontal ? 'right' : 'top',
          formatter: function (p) { return format(p.value, unit); }
        }
      }]
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
