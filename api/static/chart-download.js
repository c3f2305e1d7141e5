// PNG download of a server-rendered SVG chart: the SVG is drawn to a canvas here, nothing is fetched.
(function () {
  "use strict";
  function download(url, name) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  document.querySelectorAll("button.png-download").forEach(function (button) {
    button.addEventListener("click", function () {
      var box = document.getElementById(button.dataset.chart);
      var svg = box.querySelector("svg").cloneNode(true);
      svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      var w = Number(svg.getAttribute("width")), h = Number(svg.getAttribute("height"));
      var scale = 2; // sharp enough for a slide
      var blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = w * scale;
        canvas.height = h * scale;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.scale(scale, scale);
        ctx.drawImage(img, 0, 0, w, h);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (png) {
          var pngUrl = URL.createObjectURL(png);
          download(pngUrl, box.dataset.name + ".png");
          setTimeout(function () { URL.revokeObjectURL(pngUrl); }, 1000);
        }, "image/png");
      };
      img.src = url;
    });
  });
})();
