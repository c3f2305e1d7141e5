// The chain diagram page: a click on a segment lists its local firms (embedded in the page) and
// fetches its candidates elsewhere from /api/clusters/{key}/candidates. No libraries.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chain-data").textContent);
  var detail = document.getElementById("segment-detail");

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function money(v) {
    return v === null || v === undefined ? "—" : Math.round(v).toLocaleString("zh-CN");
  }
  function firmTable(id, firms, withPlace) {
    var table = el("table", null, { id: id });
    var head = el("tr");
    ["企业", "营业收入（万元）"].concat(withPlace ? ["所在地", "园区"] : []).forEach(function (h) {
      head.appendChild(el("th", h));
    });
    table.appendChild(head);
    firms.forEach(function (f) {
      var tr = el("tr", null, { "data-key": f.key });
      var td = el("td");
      td.appendChild(el("a", f.name, { href: "/enterprise/" + encodeURIComponent(f.key) }));
      if (f.chain_leader) td.appendChild(document.createTextNode("（链主）"));
      tr.appendChild(td);
      tr.appendChild(el("td", money(f.revenue_wan), { class: "num" }));
      if (withPlace) {
        tr.appendChild(el("td", f.place ? f.place.name : "—"));
        tr.appendChild(el("td", f.zone ? f.zone.name : "—"));
      }
      table.appendChild(tr);
    });
    return table;
  }
  function show(key) {
    var seg = data.segments[key];
    if (!seg) return;
    document.querySelectorAll("g.segment.selected").forEach(function (g) { g.classList.remove("selected"); });
    var g = document.querySelector('g.segment[data-key="' + key + '"]');
    if (g) g.classList.add("selected");
    detail.textContent = "";
    detail.appendChild(el("h2", seg.name + "（" + seg.stage + "，" + seg.flag + "）"));
    detail.appendChild(el("h3", "本地企业（共 " + seg.firm_count + " 家" +
      (seg.firm_count > seg.firms.length ? "，列出营业收入最高的 " + seg.firms.length + " 家" : "") + "）"));
    if (seg.firms.length) detail.appendChild(firmTable("local-firms", seg.firms, false));
    else detail.appendChild(el("p", "本地没有该环节的企业。", { id: "local-firms" }));
    var h = el("h3", "外地目标企业（加载中…）");
    detail.appendChild(h);
    fetch("/api/clusters/" + encodeURIComponent(data.cluster) + "/candidates?segment=" + encodeURIComponent(key))
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (body) {
        h.textContent = "外地目标企业（链主优先，再按营业收入）";
        if (body.firms.length) detail.appendChild(firmTable("candidates", body.firms, true));
        else detail.appendChild(el("p", "注册库中没有本地以外的该环节企业。", { id: "candidates" }));
      })
      .catch(function (status) { h.textContent = "外地目标企业：加载失败（" + status + "）"; });
  }
  document.querySelectorAll("g.segment").forEach(function (g) {
    g.addEventListener("click", function () { show(g.getAttribute("data-key")); });
    g.addEventListener("keydown", function (e) { if (e.key === "Enter") show(g.getAttribute("data-key")); });
  });
})();
