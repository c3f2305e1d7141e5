// /map: the province's areas from the page's own GeoJSON, drawn by the vendored Leaflet (no tiles).
// Hover shows name and figure; a click opens the place's page.  When everything is drawn the
// map element gets data-drawn="<areas>", the signal tests wait for.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var unit = data.features.properties.unit || "";
  var fmt = function (v) { return Number.isInteger(v) ? v.toLocaleString("zh-CN") : v.toFixed(1); };
  var box = document.getElementById("map");
  var map = L.map(box, { attributionControl: false, zoomSnap: 0.25, renderer: L.svg() });
  var layer = L.geoJSON(data.features, {
    style: function (f) { return { fillColor: f.properties.fill, fillOpacity: 1, color: "#fff", weight: 0.8 }; },
    onEachFeature: function (f, l) {
      l.bindTooltip(f.properties.name + "：" + fmt(f.properties.metric) + unit, { sticky: true, className: "area-tip" });
      l.on("mouseover", function () { l.setStyle({ weight: 2, color: "#333" }); l.bringToFront(); });
      l.on("mouseout", function () { layer.resetStyle(l); });
      if (f.properties.href) { l.on("click", function () { window.location.href = f.properties.href; }); }
    }
  });
  // The view first: Leaflet creates the shapes' elements only once the map has one.
  map.fitBounds(layer.getBounds());
  layer.addTo(map);
  layer.eachLayer(function (l) {
    var el = l.getElement();
    el.setAttribute("data-code", l.feature.properties.code);
    el.setAttribute("data-name", l.feature.properties.name);
    if (l.feature.properties.href) { el.setAttribute("data-href", l.feature.properties.href); }
  });
  data.zones.forEach(function (z) {
    var m = L.circleMarker([z.lat, z.lon], { radius: 5, color: "#1f5fa8", weight: 2, fillColor: "#fff", fillOpacity: 1 })
      .bindTooltip(z.name + (z.placed === "centroid" ? "（示意位置：所在地中心）" : ""))
      .on("click", function () { window.location.href = z.href; })
      .addTo(map);
    m.getElement().setAttribute("data-zone", z.key);
  });
  // Picking a chain segment in the form means mapping its firms.
  var segment = document.querySelector("select[name=segment]");
  segment.addEventListener("change", function () {
    if (segment.value) { document.getElementById("metric").value = "segment"; }
  });
  box.setAttribute("data-drawn", String(layer.getLayers().length));
})();
