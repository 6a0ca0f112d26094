// Draws the charts of a page with ECharts. Each chart is a
// <div class="chart" data-chart='{"type":"line"|"bar","categories":[…],
// "series":[{"name":…,"data":[…]}],"percent":true|false,"stacked":true|false}'> placed next to
// the table that holds the same figures: without JavaScript the table is
// the whole story, with it the chart is an extra view (aria-hidden).
(function () {
  "use strict";
  function draw(el) {
    var spec;
    try { spec = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
    if (!window.echarts || !spec) return;
    el.style.height = "320px";
    var fmt = function (v) {
      if (v === null || v === undefined) return "—";
      return spec.percent ? (v * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + " %"
                          : Number(v).toLocaleString("vi-VN");
    };
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", valueFormatter: fmt },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 40, bottom: 48 },
      xAxis: { type: "category", data: spec.categories, axisLabel: { rotate: spec.categories.length > 8 ? 30 : 0 } },
      yAxis: { type: "value", max: spec.percent ? 1 : null, axisLabel: { formatter: fmt } },
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.type || "line", data: s.data, connectNulls: false,
                 stack: spec.stacked ? "total" : undefined };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function init() {
    var els = document.querySelectorAll(".chart[data-chart]");
    for (var i = 0; i < els.length; i++) draw(els[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
