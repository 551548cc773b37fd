// XaSo farm pages: the charts (drawn with ECharts from the tables on the page — the tables stay, folded, as the figures'
// source) and live updates by server-sent events (the farm's new readings, alarms and commands). Without this file, or
// without ECharts, the pages are complete: the tables show every figure and "Reload" fetches the latest.
(function () {
  'use strict';
  var live = document.getElementById('farm-live');
  if (!live) { return; }
  var charts = {};

  function points(table) {
    var hourly = table.getAttribute('data-hourly') === 'true';
    var lines = hourly ? [[], [], []] : [[]];
    var rows = table.tBodies[0] ? table.tBodies[0].rows : [];
    for (var i = 0; i < rows.length; i++) {
      var t = Number(rows[i].getAttribute('data-t'));
      var cells = rows[i].querySelectorAll('td[data-v]');
      for (var j = 0; j < lines.length && j < cells.length; j++) {
        lines[j].push([t, Number(cells[j].getAttribute('data-v'))]);
      }
    }
    return lines;
  }

  function draw(table) {
    if (typeof window.echarts === 'undefined') { return; }
    var id = table.getAttribute('data-series');
    var el = document.getElementById(id + '-chart');
    if (!el) { return; }
    var heads = table.tHead ? table.tHead.querySelectorAll('th') : [];
    var lines = points(table);
    var hourly = lines.length === 3;
    var names = hourly ? [heads[2], heads[3], heads[4]] : [heads[1]];
    var colours = hourly ? ['#1d4ed8', '#111827', '#b91c1c'] : ['#1d4ed8'];
    var chart = charts[id] || window.echarts.init(el, null, { renderer: 'canvas' });
    charts[id] = chart;
    chart.setOption({
      animation: false,
      aria: { enabled: false }, // the container has role="img" and a name; the table has the figures
      grid: { left: 48, right: hourly ? 88 : 24, top: 16, bottom: 32 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', scale: true },
      series: lines.map(function (data, k) {
        return {
          type: 'line', name: names[k] ? names[k].textContent : '', data: data, showSymbol: data.length < 50,
          lineStyle: { width: k === 1 || !hourly ? 2 : 1, color: colours[k] }, itemStyle: { color: colours[k] },
          endLabel: { show: hourly, formatter: '{a}' }
        };
      })
    });
    var details = table.closest('details');
    if (details && !details.hasAttribute('data-drawn')) { details.setAttribute('data-drawn', ''); details.open = false; }
  }

  var tables = document.querySelectorAll('table[data-series]');
  for (var i = 0; i < tables.length; i++) { draw(tables[i]); }
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });

  if (!window.EventSource || !window.JSON) { return; }
  var status = document.getElementById('farm-live-status');
  function changed() { if (status) { status.textContent = live.getAttribute('data-new'); } }

  function reading(e) {
    var r;
    try { r = JSON.parse(e.data); } catch (x) { return; }
    var row = document.querySelector('tr[data-latest="' + r.device + ':' + r.key + '"]');
    if (row && row.cells.length >= 4) {
      row.cells[2].textContent = r.text;
      row.cells[3].textContent = r.time;
    }
    if (live.getAttribute('data-range') !== 'day') {
      if (!row && !live.hasAttribute('data-range')) { changed(); }
      return;
    }
    var table = document.querySelector('table[data-device="' + r.device + '"][data-key="' + r.key + '"]');
    if (!table || !table.tBodies[0]) { changed(); return; }
    var tr = document.createElement('tr');
    tr.setAttribute('data-t', String(r.at));
    var th = document.createElement('th');
    th.setAttribute('scope', 'row');
    th.textContent = r.second;
    var td = document.createElement('td');
    td.setAttribute('data-v', String(r.value));
    td.textContent = r.text;
    tr.appendChild(th);
    tr.appendChild(td);
    table.tBodies[0].appendChild(tr);
    draw(table);
  }

  var source = new EventSource(live.getAttribute('data-events'));
  source.addEventListener('ready', function () { live.setAttribute('data-ready', ''); });
  source.addEventListener('reading', reading);
  source.addEventListener('alarm', changed);
  source.addEventListener('command', changed);
  window.addEventListener('pagehide', function () { source.close(); });
}());
