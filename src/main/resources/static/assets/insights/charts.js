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
    var width = el.clientWidth || 320;
    var narrow = width < 560;
    // Category labels get a fixed band on the left (truncated with an ellipsis when long) so
    // they are never cut off by the container's edge; the full names are in the table.
    var labelWidth = horizontal ? Math.round(Math.min(180, width * 0.34)) : 0;
    var valueAxis = {
      type: 'value', min: 0, max: max, splitNumber: narrow ? 4 : 5, interval: max === 100 ? (narrow ? 25 : 20) : undefined,
      axisLabel: { hideOverlap: true, formatter: function (v) { return format(v, ''); } }
    };
    var every = horizontal ? 0 : Math.max(0, Math.ceil(labels.length / Math.max(1, Math.floor(width / 90))) - 1);
    var categoryAxis = {
      type: 'category',
      data: horizontal ? labels.slice().reverse() : labels,
      axisLabel: horizontal ? { width: labelWidth - 8, overflow: 'truncate' } : { interval: every, hideOverlap: true }
    };
    var data = horizontal ? values.slice().reverse() : values;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false }, // the container has role="img" and a summary; the table has the figures
      grid: horizontal ? { left: labelWidth, right: 64, top: 8, bottom: 28 } : { left: 56, right: 24, top: 32, bottom: 32 },
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
          show: horizontal || width / labels.length >= 64,
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
