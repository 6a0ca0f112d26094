{{%AUTOESCAPE context="HTML"}}<h1>Kế hoạch kiểm tra số {{number}}</h1>
{{#saved}}<p class="notice" role="status">Đã lưu kế hoạch.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<dl class="facts">
  <dt>Trích yếu</dt><dd>{{title}}</dd>
  <dt>Năm</dt><dd>{{year}}</dd>
  <dt>Đơn vị ban hành</dt><dd>{{issuer}}</dd>
  <dt>Ngày ban hành</dt><dd>{{issued_on}}</dd>
  <dt>Trạng thái</dt><dd>{{#announced}}Đã thông báo đến các đơn vị{{/announced}}{{#draft}}Dự thảo, chưa thông báo{{/draft}}</dd>
  <dt>Nội dung kiểm tra</dt><dd>{{areas}}</dd>
  {{#content}}<dt>Nội dung khác</dt><dd class="prewrap">{{text}}</dd>{{/content}}
</dl>
{{#can_manage}}<p><a href="/kiem-tra/ke-hoach/{{id}}/sua">Sửa kế hoạch, đoàn kiểm tra</a></p>{{/can_manage}}
<h2>Đoàn kiểm tra</h2>
<ul>{{#team}}<li>{{role}}: {{name}} ({{unit}})</li>{{/team}}{{#no_team}}<li>Chưa có thành viên.</li>{{/no_team}}</ul>
<h2 id="don-vi">Đơn vị được kiểm tra ({{count}})</h2>
{{#told}}<p class="notice" role="status">Đã thông báo lịch kiểm tra đến {{text}} đơn vị.</p>{{/told}}
{{#added}}<p class="notice" role="status">Đã thêm {{text}} đơn vị vào kế hoạch.</p>{{/added}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Đơn vị được kiểm tra"><table>
<caption>Đơn vị được kiểm tra, lịch và lý do chọn</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Ngày kiểm tra</th><th scope="col">Lý do chọn</th><th scope="col">Thông báo</th><th scope="col">Tình trạng</th>{{#can_manage}}<th scope="col">Thao tác</th>{{/can_manage}}</tr></thead>
<tbody>{{#visits}}<tr><th scope="row"><a href="{{href}}">{{unit}}</a></th><td>{{day}}{{#past}} <strong class="late">Ngày đã qua, chưa thông báo</strong>{{/past}}</td><td>{{reason}}</td><td>{{announced}}{{#letter}} (<a href="/kiem-tra/{{id}}/thong-bao.docx">văn bản</a>, <a href="/kiem-tra/{{id}}/thong-bao.docx?pdf=1">PDF</a>){{/letter}}</td><td>{{state}}</td>{{#can_manage}}<td>{{#removable}}<form method="post" action="/kiem-tra/{{id}}/xoa" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary" aria-label="Bỏ {{unit}} khỏi kế hoạch">Bỏ</button></form>{{/removable}}</td>{{/can_manage}}</tr>{{/visits}}
{{#no_visits}}<tr><td colspan="6">Chưa có đơn vị nào.</td></tr>{{/no_visits}}</tbody>
</table></div>
{{#can_manage}}
{{#unannounced}}<form method="post" action="/kiem-tra/ke-hoach/{{id}}/thong-bao" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">{{#announce_error}}<p class="form-error" id="loi-thong-bao" role="alert">{{message}}</p>{{/announce_error}}<button type="submit"{{#announce_error}} aria-describedby="loi-thong-bao"{{/announce_error}}>Thông báo lịch kiểm tra đến các đơn vị chưa được thông báo</button></form>{{/unannounced}}
<h3>Chọn đơn vị theo tiêu chí</h3>
<form method="post" action="/kiem-tra/ke-hoach/{{id}}/chon" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tieu_chi">Tiêu chí</label>
  <select id="tieu_chi" name="tieu_chi"><option value="not_inspected">Chưa được kiểm tra trong số năm gần đây</option><option value="lowest_ranked">Xếp hạng thấp nhất trong lần đánh giá gần nhất</option><option value="most_overdue">Nhiều nhiệm vụ, phản ánh quá hạn nhất</option></select>
  <label for="so">Số năm (tiêu chí thứ nhất) hoặc số đơn vị</label>
  <input id="so" name="so" value="3" inputmode="numeric" pattern="[0-9]{1,3}" maxlength="3" required>
  <label for="cap">Cấp đơn vị</label>
  <select id="cap" name="cap"><option value="">Tất cả các cấp</option><option value="department">Sở, ban, ngành</option><option value="district">Cấp huyện</option><option value="commune">Cấp xã</option></select>
  <label for="ngay_chon">Ngày kiểm tra dự kiến (ngày/tháng/năm)</label>
  <input id="ngay_chon" name="ngay" maxlength="10" required>
  <button type="submit">Thêm các đơn vị theo tiêu chí</button>
</form>
<h3>Thêm một đơn vị</h3>
<form method="post" action="/kiem-tra/ke-hoach/{{id}}/don-vi" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="don_vi">Đơn vị</label>
  <select id="don_vi" name="don_vi">{{#units}}<option value="{{code}}">{{name}}</option>{{/units}}</select>
  <label for="ngay">Ngày kiểm tra (ngày/tháng/năm)</label>
  <input id="ngay" name="ngay" maxlength="10" required>
  <label for="ly_do">Lý do chọn</label>
  <input id="ly_do" name="ly_do" maxlength="500">
  <button type="submit">Thêm đơn vị</button>
</form>
{{/can_manage}}
