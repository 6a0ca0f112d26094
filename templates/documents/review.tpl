{{%AUTOESCAPE context="HTML"}}<p><a href="/doc-van-ban">← Đọc văn bản</a></p>
<h1>Kiểm tra văn bản đã đọc: {{name}}</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#in_library}}<p>Đã gửi vào thư viện văn bản: <a href="{{library_href}}">{{library_href}}</a> (văn bản đơn vị gửi được công khai khi Ban Biên tập duyệt).</p>{{/in_library}}
{{#is_plan}}<p>Đã tạo kế hoạch: <a href="{{plan_href}}">{{plan_href}}</a></p>{{/is_plan}}
{{#has_unread}}<p>Không đọc được (cần nhập tay): {{#unread}}{{value}}{{#unread_separator}}, {{/unread_separator}}{{/unread}}.</p>{{/has_unread}}
<div class="reader">
<section aria-labelledby="ban-van" class="reader-text">
<h2 id="ban-van">Nội dung văn bản</h2>
<p class="meta">Phần tô màu là nơi lấy thông tin. <a href="{{action}}/tep">Tải tệp gốc</a></p>
<pre tabindex="0">{{text_html:none}}</pre>
</section>
<section aria-labelledby="thong-tin" class="reader-fields">
<h2 id="thong-tin">Thông tin đọc được</h2>
<form method="post" action="{{action}}/thu-vien" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="so_ky_hieu">Số, ký hiệu</label><input id="so_ky_hieu" name="so_ky_hieu" value="{{number_symbol}}" maxlength="60">
<label for="loai">Loại văn bản</label>
<select id="loai" name="loai">{{#types}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/types}}</select>
<label for="ngay">Ngày ban hành (ngày/tháng/năm)</label><input id="ngay" name="ngay" value="{{date}}" maxlength="10">
<label for="co_quan">Cơ quan ban hành</label><input id="co_quan" name="co_quan" value="{{issuer}}" maxlength="200">
<label for="trich_yeu">Trích yếu{{#restored}} (đã gợi ý khôi phục dấu; bản đọc được: “{{title_as_read}}”){{/restored}}</label>
<textarea id="trich_yeu" name="trich_yeu" rows="3" maxlength="1000">
{{title:pre_escape}}</textarea>
<button type="submit">Đưa vào thư viện văn bản</button>
</form>
</section>
</div>
<h2>Tạo kế hoạch từ văn bản</h2>
<form method="post" action="{{action}}/ke-hoach" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="kh_so">Số, ký hiệu kế hoạch</label><input id="kh_so" name="so_ky_hieu" value="{{number_symbol}}" maxlength="60">
<label for="kh_ngay">Ngày ban hành (ngày/tháng/năm)</label><input id="kh_ngay" name="ngay" value="{{date}}" maxlength="10">
<label for="kh_ten">Tên kế hoạch</label><textarea id="kh_ten" name="trich_yeu" rows="2" maxlength="1000">
{{title:pre_escape}}</textarea>
<label for="linh_vuc">Lĩnh vực của các nhiệm vụ</label>
<select id="linh_vuc" name="linh_vuc">{{#areas}}<option value="{{code}}">{{name}}</option>{{/areas}}</select>
{{#has_tasks}}<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Nhiệm vụ đọc được"><table>
<caption>Nhiệm vụ (bỏ chọn những dòng không phải nhiệm vụ; đơn vị chưa khớp cần chọn trước)</caption>
<thead><tr><th scope="col">Chọn</th><th scope="col">Đơn vị trong văn bản</th><th scope="col">Đơn vị chủ trì</th><th scope="col">Nhiệm vụ</th><th scope="col">Thời hạn</th></tr></thead>
<tbody>{{#tasks}}<tr>
<td><input type="checkbox" id="nv_{{i}}_chon" name="nv_{{i}}_chon" checked aria-label="Chọn nhiệm vụ {{i}}"></td>
<th scope="row">{{unit}}</th>
<td><select name="nv_{{i}}_don_vi" aria-label="Đơn vị chủ trì nhiệm vụ {{i}}"><option value="">— chọn đơn vị —</option>{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select></td>
<td><textarea name="nv_{{i}}_noi_dung" rows="3" aria-label="Nội dung nhiệm vụ {{i}}">
{{text:pre_escape}}</textarea></td>
<td><input name="nv_{{i}}_han" value="{{deadline}}" maxlength="100" aria-label="Thời hạn nhiệm vụ {{i}}"></td>
</tr>{{/tasks}}</tbody></table></div>{{/has_tasks}}
{{#has_targets}}<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Chỉ tiêu đọc được"><table>
<caption>Chỉ tiêu (thành mục tiêu của kế hoạch, gắn với chỉ số)</caption>
<thead><tr><th scope="col">Chọn</th><th scope="col">Nội dung</th><th scope="col">Chỉ số</th><th scope="col">Cấp</th><th scope="col">Giá trị (%)</th></tr></thead>
<tbody>{{#targets}}<tr>
<td><input type="checkbox" name="ct_{{j}}_chon" checked aria-label="Chọn chỉ tiêu {{j}}"></td>
<th scope="row"><input type="hidden" name="ct_{{j}}_noi_dung" value="{{text}}">{{text}}</th>
<td><input type="hidden" name="ct_{{j}}_chi_so" value="{{indicator}}">{{indicator}}</td>
<td><input type="hidden" name="ct_{{j}}_cap" value="{{level}}">{{level}}</td>
<td><input name="ct_{{j}}_gia_tri" value="{{value}}" maxlength="6" aria-label="Giá trị chỉ tiêu {{j}}"></td>
</tr>{{/targets}}</tbody></table></div>{{/has_targets}}
<button type="submit">Tạo kế hoạch</button>
</form>
