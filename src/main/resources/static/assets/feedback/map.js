// Feedback maps (Leaflet), loaded only when a tile server is configured (xaso.feedback.tile-url).
// Progressive enhancement: without JavaScript the form keeps its village list and address field, and
// the lists stay plain lists.
(function () {
  var el = document.getElementById('feedback-map');
  if (!el || typeof L === 'undefined') { return; }
  el.hidden = false;
  var help = document.querySelector('.feedback-map-help');
  if (help) { help.hidden = false; }
  L.Icon.Default.imagePath = '/webjars/leaflet/1.9.4/dist/images/';
  var centre = [parseFloat(el.getAttribute('data-lat')), parseFloat(el.getAttribute('data-lon'))];
  var zoom = parseInt(el.getAttribute('data-zoom'), 10) || 13;
  var map = L.map(el, { attributionControl: !!el.getAttribute('data-tiles') }).setView(centre, zoom);
  var tiles = el.getAttribute('data-tiles');
  if (!tiles) { el.hidden = true; return; }
  L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
  if (el.getAttribute('data-mode') === 'pick') {
    var lat = document.getElementById('f-lat');
    var lon = document.getElementById('f-lon');
    var marker = null;
    var place = function (latlng) {
      if (marker) { marker.setLatLng(latlng); } else {
        marker = L.marker(latlng, { alt: el.getAttribute('data-label') || '', keyboard: false }).addTo(map);
      }
    };
    if (lat.value && lon.value && !isNaN(parseFloat(lat.value)) && !isNaN(parseFloat(lon.value))) {
      var start = [parseFloat(lat.value), parseFloat(lon.value)];
      place(start);
      map.setView(start, zoom);
    }
    map.on('click', function (e) {
      place(e.latlng);
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
    });
    return;
  }
  var bounds = [];
  document.querySelectorAll('.feedback-item[data-lat]').forEach(function (item) {
    var la = parseFloat(item.getAttribute('data-lat'));
    var lo = parseFloat(item.getAttribute('data-lon'));
    if (isNaN(la) || isNaN(lo)) { return; }
    var m = L.marker([la, lo], { alt: item.getAttribute('data-code'), keyboard: false }).addTo(map);
    var href = item.getAttribute('data-href');
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = item.getAttribute('data-code');
      m.bindPopup(a);
    }
    bounds.push([la, lo]);
  });
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 }); }
  else if (bounds.length === 1) { map.setView(bounds[0], Math.max(zoom, 15)); }
})();
