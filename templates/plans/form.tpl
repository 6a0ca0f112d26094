{{%AUTOESCAPE context="HTML"}}{{#fresh}}<h1>Tạo kế hoạch</h1>{{/fresh}}{{#editing}}<h1>Sửa kế hoạch {{number}}</h1>{{/editing}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="{{action}}" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  {{#fresh}}<label for="so_ky_hieu">Số, ký hiệu (ví dụ 77/KH-VP)</label>
  <input id="so_ky_hieu" name="so_ky_hieu" value="{{number}}" maxlength="50" required autocomplete="off">{{/fresh}}
  <label for="trich_yeu">Trích yếu</label>
  <input id="trich_yeu" name="trich_yeu" value="{{title}}" maxlength="500" required>
  <label for="don_vi">Cơ quan ban hành</label>
  <select id="don_vi" name="don_vi">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  <label for="nam">Năm kế hoạch</label>
  <input id="nam" name="nam" value="{{year}}" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" required>
  <label for="ngay_ban_hanh">Ngày ban hành (ngày/tháng/năm)</label>
  <input id="ngay_ban_hanh" name="ngay_ban_hanh" value="{{issued_on}}" placeholder="10/01/2024" maxlength="10">
  <fieldset><legend>Loại kế hoạch</legend>
  <label><input type="radio" name="loai" value="reform"{{#reform}} checked{{/reform}}> Kế hoạch cải cách hành chính</label>
  <label><input type="radio" name="loai" value="communication"{{#communication}} checked{{/communication}}> Kế hoạch thông tin, tuyên truyền cải cách hành chính</label>
  </fieldset>
  <label for="thuc_hien">Thực hiện kế hoạch (kế hoạch cấp trên)</label>
  <select id="thuc_hien" name="thuc_hien"><option value="">Không</option>{{#parents}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/parents}}</select>
  <label for="trang_thai">Trạng thái</label>
  <select id="trang_thai" name="trang_thai">{{#statuses}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/statuses}}</select>
  <label for="can_cu">Căn cứ (mỗi văn bản một dòng)</label>
  <textarea id="can_cu" name="can_cu" rows="4" maxlength="20000">
{{legal_bases:pre_escape}}</textarea>
  <label for="muc_tieu">Mục đích, yêu cầu</label>
  <textarea id="muc_tieu" name="muc_tieu" rows="4" maxlength="20000">
{{objectives:pre_escape}}</textarea>
  <button type="submit">Lưu</button>
</form>
