{{%AUTOESCAPE context="HTML"}}<h1>Mã truy cập API</h1>
<p>Mỗi hệ thống một cửa dùng một mã để gửi hồ sơ và phản ánh qua <code>POST /api/v1/dossiers</code> và <code>POST /api/v1/feedback</code> (tiêu đề <code>Authorization: Bearer …</code>). Mã chỉ ghi được dữ liệu của đơn vị được chọn và các đơn vị trực thuộc; thu hồi thì mã hết hiệu lực ngay. Ứng dụng gửi phản ánh của người dân qua Open311 (<code>POST /open311/v2/requests.json</code>, trường <code>api_key</code>) dùng mã riêng, mục đích "Phản ánh qua Open311"; mỗi mã chỉ làm được việc của mục đích mình.</p>
{{#issued}}<div class="notice" role="status"><p>Đã cấp mã cho <strong>{{name}}</strong>. Mã chỉ hiện một lần, hãy chép và gửi cho hệ thống qua kênh an toàn:</p>
<p><span class="secret">{{secret}}</span></p></div>{{/issued}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<div class="table-wrap" tabindex="0" role="region" aria-label="Các mã đã cấp"><table><caption>Các mã đã cấp</caption>
<thead><tr><th scope="col">Mã</th><th scope="col">Tên hệ thống</th><th scope="col">Đơn vị</th><th scope="col">Mục đích</th><th scope="col">Cấp lúc</th><th scope="col">Dùng lần cuối</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>{{#rows}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{unit}}</td><td>{{purpose}}</td><td>{{created}}</td><td>{{last_used}}</td>
<td>{{#revoked}}Đã thu hồi {{at}}{{/revoked}}{{#live}}<form method="post" action="/quan-tri/ma-truy-cap/{{id}}/thu-hoi" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">Thu hồi mã {{id}}</button></form>{{/live}}</td></tr>{{/rows}}</tbody></table></div>
<h2>Cấp mã mới</h2>
<form method="post" action="/quan-tri/ma-truy-cap">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="ten">Tên hệ thống</label><input id="ten" name="ten" required maxlength="100">
  <label for="don_vi">Đơn vị được ghi dữ liệu</label>
  <select id="don_vi" name="don_vi">{{#units}}<option value="{{code}}">{{name}}</option>{{/units}}</select>
  <label for="muc_dich">Mục đích</label>
  <select id="muc_dich" name="muc_dich"><option value="indicators">Gửi hồ sơ, phản ánh (chỉ số)</option><option value="open311">Phản ánh qua Open311</option></select>
  <button type="submit">Cấp mã</button>
</form>
