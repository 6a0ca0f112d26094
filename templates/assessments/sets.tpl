{{%AUTOESCAPE context="HTML"}}<h1>Bộ tiêu chí đánh giá</h1>
<p>Mỗi bộ tiêu chí là một cây: lĩnh vực, tiêu chí, tiêu chí thành phần; chỉ tiêu chí cuối cùng được chấm điểm. Mỗi lần sửa bộ tiêu chí được lưu thành phiên bản mới; đợt đánh giá dùng đúng phiên bản đã chọn.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các bộ tiêu chí"><table>
<caption>Các bộ tiêu chí và phiên bản</caption>
<thead><tr><th scope="col">Bộ tiêu chí</th><th scope="col">Mã</th><th scope="col" class="num">Phiên bản</th><th scope="col">Cấp</th></tr></thead>
<tbody>{{#sets}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{code}}</td><td class="num">{{version}}</td><td>{{level}}</td></tr>{{/sets}}
{{#none}}<tr><td colspan="4">Chưa có bộ tiêu chí nào.</td></tr>{{/none}}</tbody>
</table></div>
{{#can_manage}}<h2>Nhập bộ tiêu chí</h2>
<form method="post" action="/danh-gia/bo-tieu-chi" enctype="multipart/form-data" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tep">Tệp .json hoặc .xlsx (cột: Mã, Mã cha, Tên tiêu chí, Hướng dẫn, Điểm tối đa, Điểm tối thiểu, Cách chấm, Bước điểm, Các mức, Chỉ số, Bắt buộc minh chứng)</label>
  <input id="tep" name="tep" type="file" accept=".json,.xlsx" required>
  <p>Với tệp .xlsx, nhập thêm:</p>
  <label for="ma">Mã bộ tiêu chí</label>
  <input id="ma" name="ma" maxlength="40">
  <label for="ten">Tên bộ tiêu chí</label>
  <input id="ten" name="ten" maxlength="300">
  <label for="cap">Cấp đơn vị áp dụng</label>
  <select id="cap" name="cap">{{#levels}}<option value="{{code}}">{{name}}</option>{{/levels}}</select>
  <button type="submit">Nhập</button>
</form>{{/can_manage}}
