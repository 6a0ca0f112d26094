{{%AUTOESCAPE context="HTML"}}<h1>Nhập dữ liệu hồ sơ, phản ánh, kiến nghị</h1>
<p>Tệp CSV (mã UTF-8, dòng đầu là tiêu đề) hoặc JSON (mảng, hoặc mỗi dòng một bản ghi). Hệ thống kiểm tra toàn bộ tệp trước: có bất kỳ dòng sai nào thì không nhập gì. Bản ghi trùng mã được thay bằng bản mới.</p>
<details><summary>Các cột của tệp</summary>
<p>Hồ sơ: <code>id,unit_code,procedure_code,channel,online_service,received_at,due_at,finished_at,returned_at,status,digitized,result_digitized,fee_required,paid_online,rating,apology_sent</code></p>
<p>Phản ánh, kiến nghị: <code>id,unit_code,channel,received_at,due_at,answered_at,status,rating</code></p>
<p>Thời gian dạng <code>2024-03-05T08:30:00+07:00</code>; cờ là 0 hoặc 1.</p></details>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#problems}}<div class="form-error" role="alert"><p>Tệp {{filename}} có {{count}} lỗi, chưa nhập gì. Xin vui lòng sửa tệp và tải lên lại.</p></div>
<div class="table-wrap" tabindex="0" role="region" aria-label="Các dòng bị lỗi"><table><caption>Các dòng bị lỗi</caption><thead><tr><th scope="col">Dòng</th><th scope="col">Lỗi</th></tr></thead>
<tbody>{{#errors}}<tr><td class="num">{{line}}</td><td>{{message}}</td></tr>{{/errors}}</tbody></table>{{#more}}<p>Còn {{more}} lỗi khác không liệt kê ở đây; xin sửa các lỗi trên rồi tải lại để xem tiếp.</p>{{/more}}</div>{{/problems}}
{{#upload}}
<form method="post" action="/chi-so/nhap" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <fieldset><legend>Loại dữ liệu</legend>
  {{#kinds}}<label><input type="radio" name="loai" value="{{code}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/kinds}}
  </fieldset>
  <label for="tep">Chọn tệp CSV hoặc JSON</label>
  <input id="tep" name="tep" type="file" accept=".csv,.json,.ndjson,text/csv,application/json" required>
  <button type="submit">Kiểm tra tệp</button>
</form>
{{/upload}}
{{#ready}}
<h2>Xem trước: {{filename}}</h2>
<p class="notice" role="status">Tệp hợp lệ: {{records}} bản ghi {{kind_label}}. Dưới đây là các bản ghi đầu tiên.</p>
{{#preview}}<div class="table-wrap" tabindex="0" role="region" aria-label="Các bản ghi đầu tiên"><table><caption>Các bản ghi đầu tiên</caption>
<thead><tr>{{#head}}<th scope="col">{{text}}</th>{{/head}}</tr></thead>
<tbody>{{#rows}}<tr>{{#cells}}<td>{{text}}</td>{{/cells}}</tr>{{/rows}}</tbody></table></div>{{/preview}}
<form method="post" action="/chi-so/nhap/xac-nhan">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <input type="hidden" name="loai" value="{{kind}}">
  <input type="hidden" name="tep_da_kiem_tra" value="{{staged}}">
  <p>Tệp đã kiểm tra được giữ trên máy chủ trong 24 giờ; khi xác nhận, hệ thống nhập đúng tệp này ở chế độ chạy nền và chuyển bạn đến trang theo dõi tiến độ.</p>
  <button type="submit">Xác nhận nhập {{records}} bản ghi</button> <a href="/chi-so/nhap">Hủy</a>
</form>
{{/ready}}
