{{%AUTOESCAPE context="HTML"}}<h1>Tình hình thực hiện kế hoạch cải cách hành chính năm {{year}}</h1>
<p>Đến ngày {{as_of}}: {{total}} nhiệm vụ, {{overdue_count}} lượt nhiệm vụ quá hạn. Tỷ lệ đúng hạn của đơn vị = số nhiệm vụ hoàn thành đúng hạn / số nhiệm vụ đã đến hạn.</p>
<form method="get" action="/ke-hoach/tong-hop" class="filters" aria-label="Lọc theo năm, kế hoạch, lĩnh vực, đơn vị">
  <div><label for="nam">Năm</label><select id="nam" name="nam">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select></div>
  <div><label for="ke-hoach">Kế hoạch</label><select id="ke-hoach" name="ke-hoach"><option value="">Tất cả</option>{{#plans}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/plans}}</select></div>
  <div><label for="linh-vuc">Lĩnh vực</label><select id="linh-vuc" name="linh-vuc"><option value="">Tất cả</option>{{#areas}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/areas}}</select></div>
  <div><label for="don-vi">Đơn vị chủ trì</label><select id="don-vi" name="don-vi"><option value="">Tất cả</option>{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select></div>
  <button type="submit">Xem</button>
</form>
<p class="downloads"><a href="{{xlsx_href}}">Tải về Excel (.xlsx)</a> <a href="/ke-hoach">Danh sách kế hoạch</a></p>
{{#export}}<form method="post" action="{{action}}">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
  <button type="submit" class="secondary">Xuất Excel trong nền</button> <span>(cho năm có nhiều nhiệm vụ: tệp được chuẩn bị trong nền, trang tiến độ cho tải về khi xong)</span>
</form>{{/export}}
<h2>Theo lĩnh vực</h2>
{{>area_chart}}
{{>by_area}}
<h2>Nhiệm vụ quá hạn</h2>
{{>overdue}}
<h2>Đơn vị và lĩnh vực có nhiệm vụ quá hạn</h2>
{{>heat}}
<h2>Xếp hạng đơn vị</h2>
{{>ranking}}
<h2>Qua các kỳ báo cáo</h2>
{{>trend_chart}}
{{>trend}}
