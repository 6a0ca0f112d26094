{{%AUTOESCAPE context="HTML"}}<h1>Nhập đơn vị từ tệp CSV</h1>
<p>Tệp CSV mã UTF-8, dòng đầu là tiêu đề <code>code,name,level,parent_code,valid_from,valid_to</code>, có thể thêm cột <code>successor_codes</code> (các mã cách nhau bởi dấu chấm phẩy) và <code>short_name</code>. Ngày dạng YYYY-MM-DD. Tệp có bất kỳ dòng nào sai sẽ không được nhập.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#upload}}
<form method="post" action="/quan-tri/don-vi/nhap" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tep">Chọn tệp CSV</label>
  <input id="tep" name="tep" type="file" accept=".csv,text/csv" required>
  <button type="submit">Xem trước</button>
</form>
{{/upload}}
{{#preview}}
<h2>Xem trước: {{filename}}</h2>
{{#problems_section}}
<div class="form-error" role="alert"><p>Tệp có {{problem_count}} lỗi, chưa nhập gì. Xin vui lòng sửa tệp và tải lên lại.</p></div>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các dòng bị lỗi"><table><caption>Các dòng bị lỗi</caption><thead><tr><th scope="col">Dòng</th><th scope="col">Lỗi</th></tr></thead>
<tbody>{{#problems}}<tr><td>{{line}}</td><td>{{message}}</td></tr>{{/problems}}</tbody></table></div>
<p><a href="/quan-tri/don-vi/nhap">Tải lên tệp khác</a></p>
{{/problems_section}}
{{#ready_section}}
<p>Tệp hợp lệ: {{inserted}} đơn vị mới, {{updated}} đơn vị thay đổi, {{unchanged}} đơn vị không đổi.</p>
<form method="post" action="/quan-tri/don-vi/nhap/xac-nhan">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <input type="hidden" name="tep_da_kiem_tra" value="{{staged}}">
  <p>Tệp đã kiểm tra được giữ trên máy chủ trong 24 giờ; khi xác nhận, hệ thống nhập đúng tệp này.</p>
  <button type="submit">Xác nhận nhập</button> <a href="/quan-tri/don-vi/nhap">Hủy</a>
</form>
{{/ready_section}}
{{/preview}}
{{#done}}<p class="notice" role="status">Đã nhập {{filename}}: {{inserted}} đơn vị mới, {{updated}} đơn vị thay đổi, {{unchanged}} đơn vị không đổi.</p>
<p><a href="/don-vi">Xem cơ cấu tổ chức</a></p>{{/done}}
