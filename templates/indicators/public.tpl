{{%AUTOESCAPE context="HTML"}}<h1>Số liệu công khai về phục vụ người dân, doanh nghiệp</h1>
<p>{{period_label}}, toàn tỉnh. Số liệu tổng hợp từ hệ thống một cửa; dữ liệu mở: <a href="/du-lieu-mo/chi-so.csv?ky={{ky}}">CSV</a>, <a href="/du-lieu-mo/chi-so.json?ky={{ky}}">JSON</a>.</p>
<form method="get" action="/cong-khai/chi-so" class="filters" aria-label="Chọn kỳ">
  <div><label for="ky">Kỳ <small>(VD: 2024, 2024-Q1, 2024-H1)</small></label><input id="ky" name="ky" value="{{ky}}" required maxlength="30"></div>
  <button type="submit">Xem</button>
</form>
<dl class="headline">{{#headline}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/headline}}</dl>
<h2>Diễn biến theo tháng</h2>
{{>trend_chart}}
{{>trend}}
<h2>Chi tiết</h2>
{{>figures}}
