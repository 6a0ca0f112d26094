{{%AUTOESCAPE context="HTML"}}<h1>Chỉ số phục vụ người dân, doanh nghiệp</h1>
<p>{{period_label}}. Mỗi tỷ lệ được so với chỉ tiêu của cấp đơn vị: <strong>Đạt</strong>, <strong>Gần đạt</strong> (thấp hơn chỉ tiêu không quá 5 điểm phần trăm) hoặc <strong>Chưa đạt</strong>.</p>
<form method="get" action="/chi-so" class="filters" aria-label="Chọn kỳ và cấp đơn vị">
  <div><label for="cap">Cấp đơn vị</label>
  <select id="cap" name="cap">{{#levels}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/levels}}</select></div>
  {{>filters}}
  <button type="submit">Xem</button>
</form>
<p class="downloads"><a href="{{xlsx_href}}">Tải về Excel (.xlsx)</a> <a href="/chi-so/xep-hang?ky={{ky}}">Xếp hạng</a> <a href="/chi-so/chi-tieu">Chỉ tiêu</a>{{#province_code}} <a href="/chi-so/766/{{province_code}}?ky={{ky}}">Chỉ số 766 của tỉnh</a>{{/province_code}}</p>
{{>summary}}
{{>table}}
