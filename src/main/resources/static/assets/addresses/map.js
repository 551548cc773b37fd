// Address map (Leaflet, served from the jar; tiles through /addresses/tiles/, same origin). Loaded only
// when a tile server is configured. Progressive enhancement: without JavaScript the officials type
// coordinates or a plus code in the forms; here a click or a dragged pin fills those fields.
(function () {
  var el = document.getElementById('addresses-map');
  if (!el || typeof L === 'undefined' || !el.getAttribute('data-tiles')) { return; }
  el.hidden = false;
  L.Icon.Default.imagePath = '/webjars/leaflet/1.9.4/dist/images/';
  var zoom = parseInt(el.getAttribute('data-zoom'), 10) || 15;
  var map = L.map(el).setView([parseFloat(el.getAttribute('data-lat')), parseFloat(el.getAttribute('data-lon'))], zoom);
  L.tileLayer(el.getAttribute('data-tiles'), { maxZoom: 19, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
  if (el.getAttribute('data-mode') === 'pin') {
    var lat = document.getElementById('f-lat');
    var lon = document.getElementById('f-lon');
    var code = document.getElementById('f-plusCode');
    var marker = null;
    var fill = function (latlng) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (code) { code.value = ''; }
    };
    var place = function (latlng) {
      if (marker) { marker.setLatLng(latlng); return; }
      marker = L.marker(latlng, { draggable: true, alt: el.getAttribute('data-label') || '' }).addTo(map);
      marker.on('dragend', function () { fill(marker.getLatLng()); });
    };
    if (el.getAttribute('data-pinned') === 'true') { place(map.getCenter()); }
    map.on('click', function (e) { place(e.latlng); fill(e.latlng); });
    return;
  }
  var bounds = [];
  document.querySelectorAll('.address-item[data-lat]').forEach(function (row) {
    var la = parseFloat(row.getAttribute('data-lat'));
    var lo = parseFloat(row.getAttribute('data-lon'));
    if (isNaN(la) || isNaN(lo)) { return; }
    var m = L.marker([la, lo], { alt: row.getAttribute('data-code') || '' }).addTo(map);
    var a = document.createElement('a');
    a.href = row.getAttribute('data-href');
    a.textContent = row.getAttribute('data-code');
    m.bindPopup(a);
    bounds.push([la, lo]);
  });
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 }); }
})();
