{{%AUTOESCAPE context="HTML"}}<h1>Số liệu công khai về phục vụ người dân, doanh nghiệp</h1>
<p>{{period_label}}, toàn tỉnh. Số liệu tổng hợp từ hệ thống một cửa; dữ liệu mở: <a href="/du-lieu-mo/chi-so.csv?ky={{ky}}">CSV</a>, <a href="/du-lieu-mo/chi-so.json?ky={{ky}}">JSON</a>.</p>
<form method="get" action="/cong-khai/chi-so" class="filters" aria-label="Chọn kỳ">
  <div><label for="ky">Kỳ</label><select id="ky" name="ky">{{#period_groups}}<optgroup label="{{group}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</optgroup>{{/period_groups}}</select></div>
  <button type="submit">Xem</button>
</form>
<dl class="headline">{{#headline}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/headline}}</dl>
<h2>Diễn biến theo tháng</h2>
{{>trend_chart}}
{{>trend}}
<h2>Chi tiết</h2>
{{>figures}}
