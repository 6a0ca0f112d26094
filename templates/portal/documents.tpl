{{%AUTOESCAPE context="HTML"}}<h1>Văn bản</h1>
{{>menu}}
<form method="get" action="/cong-thong-tin/van-ban" class="filters">
<div class="grid">
<label for="loai">Loại văn bản<select id="loai" name="loai"><option value="">Tất cả</option>{{#types}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/types}}</select></label>
<label for="nam">Năm ban hành<select id="nam" name="nam"><option value="">Tất cả</option>{{#years}}<option value="{{year}}"{{#selected}} selected{{/selected}}>{{year}}</option>{{/years}}</select></label>
<label for="co-quan">Cơ quan ban hành<select id="co-quan" name="co-quan"><option value="">Tất cả</option>{{#issuers}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/issuers}}</select></label>
</div>
<button type="submit">Lọc</button>
</form>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Danh sách văn bản"><table>
<caption>Văn bản ({{total}})</caption>
<thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Cơ quan ban hành</th><th scope="col">Trích yếu</th><th scope="col">Tệp</th></tr></thead>
<tbody>{{#documents}}<tr><th scope="row"><a href="{{href}}">{{label}}</a></th><td>{{date}}</td><td>{{issuer}}</td><td>{{subject}}</td><td>{{#has_file}}<a href="{{file_href}}">Tải về</a>{{/has_file}}</td></tr>{{/documents}}
{{#empty}}<tr><td colspan="5">Không có văn bản phù hợp.</td></tr>{{/empty}}</tbody>
</table></div>
{{>pages}}
