{{%AUTOESCAPE context="HTML"}}<h1>{{heading}}</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="{{action}}" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="so">Số, ký hiệu</label>
  <input id="so" name="so" value="{{number}}" maxlength="50" placeholder="45/KH-SNV" required>
  <label for="trich_yeu">Trích yếu</label>
  <input id="trich_yeu" name="trich_yeu" value="{{title}}" maxlength="500" required>
  <label for="nam">Năm</label>
  <input id="nam" name="nam" value="{{year}}" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" required>
  <label for="don_vi_ban_hanh">Đơn vị ban hành</label>
  <select id="don_vi_ban_hanh" name="don_vi_ban_hanh">{{#issuers}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/issuers}}</select>
  <label for="ngay_ban_hanh">Ngày ban hành (ngày/tháng/năm)</label>
  <input id="ngay_ban_hanh" name="ngay_ban_hanh" value="{{issued_on}}" maxlength="10">
  <fieldset><legend>Nội dung kiểm tra (lĩnh vực cải cách hành chính)</legend>
  {{#areas}}<label><input type="checkbox" name="linh_vuc" value="{{code}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/areas}}
  </fieldset>
  <label for="noi_dung">Nội dung khác</label>
  <textarea id="noi_dung" name="noi_dung" rows="3" maxlength="20000">
{{content:pre_escape}}</textarea>
  <fieldset><legend>Thành phần Đoàn kiểm tra</legend>
  <p>Một trưởng đoàn; để trống họ tên ở dòng không dùng.</p>
  {{#team}}<div class="grid">
    <div><label for="ten_{{i}}">Họ tên thành viên {{n}}</label><input id="ten_{{i}}" name="ten_{{i}}" value="{{name}}" maxlength="200"></div>
    <div><label for="don_vi_{{i}}">Đơn vị của thành viên {{n}}</label><select id="don_vi_{{i}}" name="don_vi_{{i}}">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select></div>
    <div><label for="vai_tro_{{i}}">Vai trò của thành viên {{n}}</label><select id="vai_tro_{{i}}" name="vai_tro_{{i}}">{{#roles}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/roles}}</select></div>
  </div>{{/team}}
  </fieldset>
  <button type="submit">Lưu kế hoạch</button>
</form>
