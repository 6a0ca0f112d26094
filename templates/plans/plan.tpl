{{%AUTOESCAPE context="HTML"}}{{#plan}}<h1>Kế hoạch số {{number}}</h1>
<p class="lead">{{title}}</p>
<dl class="facts">
  <dt>Loại</dt><dd>{{kind}}</dd>
  <dt>Cơ quan ban hành</dt><dd>{{unit}}</dd>
  <dt>Ngày ban hành</dt><dd>{{issued_on}}</dd>
  <dt>Năm</dt><dd>{{year}}</dd>
  <dt>Trạng thái</dt><dd>{{status}}</dd>
</dl>{{/plan}}
{{#parent}}<p>Thực hiện Kế hoạch số <a href="/ke-hoach/{{id}}">{{number}}</a>.</p>{{/parent}}
{{#imported}}<p class="notice" role="status">Đã nhập {{count}} nhiệm vụ.</p>{{/imported}}
<p class="downloads"><a href="{{xlsx_href}}">Tải bảng nhiệm vụ (.xlsx)</a>{{#plan}} <a href="/ke-hoach/{{id}}/bao-cao-ky">Báo cáo kết quả theo kỳ</a> <a href="/ke-hoach/{{id}}/so-theo-doi">Sổ theo dõi kế hoạch của các đơn vị</a>{{/plan}}{{#can_manage}}{{#plan}} <a href="/ke-hoach/{{id}}/nhap">Nhập bảng nhiệm vụ</a> <a href="/ke-hoach/{{id}}/sua-nhiem-vu">Sửa bảng nhiệm vụ</a> <a href="/ke-hoach/{{id}}/sua">Sửa kế hoạch</a>{{/plan}}{{/can_manage}}</p>
{{#has_legal_bases}}<details><summary>Căn cứ</summary><p class="pre">{{legal_bases}}</p></details>{{/has_legal_bases}}
{{#has_objectives}}<details><summary>Mục đích, yêu cầu</summary><p class="pre">{{objectives}}</p></details>{{/has_objectives}}
<h2 id="muc-tieu">Mục tiêu</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các mục tiêu"><table>
<caption>Các mục tiêu và mức đạt</caption>
<thead><tr><th scope="col">Mục tiêu</th><th scope="col">Lĩnh vực</th><th scope="col">Chỉ tiêu</th><th scope="col" class="num">Kết quả</th><th scope="col">Nguồn</th><th scope="col">Đánh giá</th>{{#objective_form}}<th scope="col">Thao tác</th>{{/objective_form}}</tr></thead>
<tbody>{{#objectives}}<tr><th scope="row">{{text}}</th><td>{{area}}</td><td>{{target}}</td><td class="num">{{value}}</td><td>{{from}}</td><td class="{{verdict_class}}">{{verdict}}</td>
{{#manage}}<td>{{#manual}}<form method="post" action="/muc-tieu/{{id}}/ket-qua" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><label class="visually-hidden" for="kq-{{id}}">Kết quả của “{{text}}”</label><input id="kq-{{id}}" name="ket_qua" value="{{manual_value}}" inputmode="decimal" maxlength="12" size="6"> <button type="submit" class="link">Lưu</button></form>{{/manual}}
<form method="post" action="/muc-tieu/{{id}}/xoa" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link" aria-label="Xóa mục tiêu: {{text}}">Xóa</button></form></td>{{/manage}}</tr>{{/objectives}}
{{#no_objectives}}<tr><td colspan="7">Chưa có mục tiêu.</td></tr>{{/no_objectives}}</tbody>
</table></div>
{{#objective_form}}{{#plan}}<details><summary>Thêm mục tiêu</summary>
<form method="post" action="/ke-hoach/{{id}}/muc-tieu" class="stacked">{{/plan}}
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="mt_linh_vuc">Lĩnh vực</label>
  <select id="mt_linh_vuc" name="linh_vuc">{{#areas}}<option value="{{code}}">{{name}}</option>{{/areas}}</select>
  <label for="mt_noi_dung">Mục tiêu</label>
  <textarea id="mt_noi_dung" name="noi_dung" rows="2" maxlength="2000" required></textarea>
  <label for="mt_chi_tieu">Chỉ tiêu (để trống nếu không định lượng)</label>
  <input id="mt_chi_tieu" name="chi_tieu" inputmode="decimal" maxlength="12">
  <label for="mt_don_vi_tinh">Đơn vị tính</label>
  <input id="mt_don_vi_tinh" name="don_vi_tinh" value="%" maxlength="30">
  <label for="mt_cap">Áp dụng cho</label>
  <select id="mt_cap" name="cap"><option value="">Toàn địa bàn của cơ quan ban hành</option>{{#levels}}<option value="{{code}}">Các đơn vị cấp {{name}}</option>{{/levels}}</select>
  <label for="mt_chi_so">Lấy kết quả tự động từ chỉ số (tùy chọn)</label>
  <select id="mt_chi_so" name="chi_so"><option value="">Không: báo cáo kết quả bằng tay</option>{{#indicators}}<option value="{{code}}">{{name}}</option>{{/indicators}}</select>
  <button type="submit">Thêm mục tiêu</button>
</form></details>{{/objective_form}}
<h2>Tình hình thực hiện đến ngày {{today}}</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Số nhiệm vụ theo tình trạng"><table>
<caption>Số nhiệm vụ theo tình trạng</caption>
<thead><tr><th scope="col">Tình trạng</th><th scope="col" class="num">Số nhiệm vụ</th></tr></thead>
<tbody>{{#summary}}<tr><th scope="row" class="status-{{code}}">{{label}}</th><td class="num">{{count}}</td></tr>{{/summary}}</tbody>
</table></div>
<h2>Bảng nhiệm vụ</h2>
{{#empty}}<p>Kế hoạch chưa có nhiệm vụ. Nhập bảng nhiệm vụ từ tệp Excel hoặc CSV theo mẫu phụ lục kế hoạch.</p>{{/empty}}
{{>table}}
