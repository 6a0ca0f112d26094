{{%AUTOESCAPE context="HTML"}}<h1>{{#unit}}{{name}}{{/unit}}</h1>
<p>{{period_label}}. <a href="/chi-so">Về trang tổng quan</a> · {{#unit}}<a href="/chi-so/766/{{code}}?ky={{ky}}">Chỉ số 766</a>{{/unit}}</p>
<form method="get" class="filters" aria-label="Chọn kỳ">
  {{>filters}}
  <button type="submit">Xem</button>
</form>
<p class="downloads"><a href="{{xlsx_href}}">Tải về Excel (.xlsx)</a></p>
{{>indicators}}
<h2>Diễn biến theo tháng</h2>
{{>trend_chart}}
{{>trend}}
<h2>Theo kênh và thủ tục</h2>
{{>channels}}
{{>procedures}}
<h2>Hồ sơ quá hạn đang xử lý</h2>
{{>overdue}}
