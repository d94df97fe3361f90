// The public report's map: shown only with JavaScript, drawn from Weerbaar's own
// boundaries (no tiles, nothing from elsewhere). A click becomes a point (WGS84) in the
// hidden latitude/longitude fields; the server places it with the boundaries. Choosing an
// address or area instead removes the point, so one place is sent, never two.
(function () {
  "use strict";
  const box = document.querySelector("[data-location-map]");
  if (!box) return;
  const [minLon, maxLat, factor, xScale, padding] = box.dataset.frame.split(",").map(Number);
  const svg = box.querySelector("svg");
  const marker = box.querySelector(".location-map__marker");
  const chosen = box.querySelector("[data-chosen]");
  const clear = box.querySelector("[data-clear]");
  const latitude = document.getElementById("id_latitude");
  const longitude = document.getElementById("id_longitude");
  const kinds = document.querySelectorAll('input[name="location_kind"]');

  function toPixels(lat, lon) {
    return [(lon - minLon) * xScale * factor + padding, (maxLat - lat) * factor + padding];
  }

  function show(lat, lon) {
    const [x, y] = toPixels(lat, lon);
    marker.setAttribute("cx", x.toFixed(1));
    marker.setAttribute("cy", y.toFixed(1));
    chosen.textContent =
      "Gekozen punt: " + lat.toFixed(5).replace(".", ",") + " N, " + lon.toFixed(5).replace(".", ",") + " O.";
    clear.hidden = false;
  }

  function forget() {
    latitude.value = "";
    longitude.value = "";
    marker.setAttribute("cx", "-20");
    marker.setAttribute("cy", "-20");
    chosen.textContent = "";
    clear.hidden = true;
  }

  svg.addEventListener("click", function (event) {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const local = point.matrixTransform(svg.getScreenCTM().inverse());
    const lon = (local.x - padding) / (xScale * factor) + minLon;
    const lat = maxLat - (local.y - padding) / factor;
    latitude.value = lat.toFixed(5);
    longitude.value = lon.toFixed(5);
    kinds.forEach(function (input) { input.checked = false; });
    show(lat, lon);
  });
  clear.addEventListener("click", forget);
  kinds.forEach(function (input) { input.addEventListener("change", forget); });
  if (latitude.value && longitude.value) show(Number(latitude.value), Number(longitude.value));
  box.hidden = false;
})();
