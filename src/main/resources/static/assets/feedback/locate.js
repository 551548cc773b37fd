// "Use my location" on the feedback form: asks the phone for its position and keeps it in the hidden
// lat/lon fields. Without JavaScript (or without geolocation) the button stays hidden and the village
// list and the address say where it is.
(function () {
  var button = document.getElementById('feedback-locate');
  if (!button || !navigator.geolocation) { return; }
  var box = button.parentNode;
  var status = document.getElementById('feedback-locate-status');
  var lat = document.getElementById('f-lat');
  var lon = document.getElementById('f-lon');
  box.hidden = false;
  button.addEventListener('click', function () {
    status.textContent = button.getAttribute('data-busy');
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(6);
      lon.value = position.coords.longitude.toFixed(6);
      status.textContent = button.getAttribute('data-done').replace('{0}', Math.round(position.coords.accuracy));
    }, function () {
      status.textContent = button.getAttribute('data-failed');
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  });
})();
