{{%AUTOESCAPE context="HTML"}}<h1>Cơ cấu tổ chức</h1>
{{#manage}}<p><a href="/quan-tri/don-vi/nhap">Nhập từ tệp CSV</a> · <a href="/quan-tri/don-vi/xuat?ngay={{date_iso}}">Xuất CSV</a> · <a href="/quan-tri/dung-luong">Dung lượng tệp</a></p>{{/manage}}
<form method="get" action="/don-vi" aria-label="Tìm đơn vị">
  <label for="q">Tìm đơn vị (có dấu hoặc không dấu)</label>
  <input id="q" name="q" type="search" value="{{q}}" maxlength="100">
  <label for="ngay">Theo ngày (dd/mm/yyyy hoặc yyyy-mm-dd)</label>
  <input id="ngay" name="ngay" value="{{date_value}}" maxlength="10">
  <button type="submit">Tìm kiếm</button>
</form>
<p>Cơ cấu tổ chức ngày {{date_label}}: {{count}} đơn vị.</p>
{{#search}}
<h2>Kết quả tìm kiếm</h2>
{{#results_section}}<ul>{{#results}}<li><a href="/don-vi/{{code}}">{{name}}</a> <span class="level">({{level}}, mã {{code}})</span></li>{{/results}}</ul>{{/results_section}}
{{#no_results}}<p>Không tìm thấy đơn vị nào phù hợp.</p>{{/no_results}}
{{/search}}
{{#tree_section}}<ul class="tree">{{#roots}}{{>node}}{{/roots}}</ul>{{/tree_section}}
