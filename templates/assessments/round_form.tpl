{{%AUTOESCAPE context="HTML"}}<h1>Tạo đợt đánh giá</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/danh-gia/moi" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="ma">Mã đợt (chữ, số, dấu gạch; ví dụ CCHC-{{year}})</label>
  <input id="ma" name="ma" maxlength="40" required>
  <label for="ten">Tên đợt đánh giá</label>
  <input id="ten" name="ten" maxlength="300" required>
  <label for="nam">Năm đánh giá</label>
  <input id="nam" name="nam" value="{{year}}" inputmode="numeric" maxlength="4" required>
  <label for="tu_ngay">Thời gian tính minh chứng: từ ngày (ngày/tháng/năm)</label>
  <input id="tu_ngay" name="tu_ngay" value="{{from}}" maxlength="10" required>
  <label for="den_ngay">đến ngày (cũng là ngày chốt danh sách đơn vị tham gia)</label>
  <input id="den_ngay" name="den_ngay" value="{{to}}" maxlength="10" required>
  <label for="xep_loai">Mức xếp loại theo tỷ lệ điểm đạt được (%)</label>
  <input id="xep_loai" name="xep_loai" value="{{bands}}" maxlength="300">
  <label for="ky_truoc">Mã đợt kỳ trước để so sánh (nếu có)</label>
  <input id="ky_truoc" name="ky_truoc" maxlength="40">
  {{#levels}}<fieldset><legend>{{name}}</legend>
    {{#has_sets}}<label for="bo_{{code}}">Bộ tiêu chí (bỏ trống nếu cấp này không tham gia)</label>
    <select id="bo_{{code}}" name="bo_{{code}}"><option value="">Không tham gia</option>{{#sets}}<option value="{{id}}">{{label}}</option>{{/sets}}</select>
    <label for="han_{{code}}">Hạn gửi bản tự đánh giá (hết ngày; ngày/tháng/năm)</label>
    <input id="han_{{code}}" name="han_{{code}}" maxlength="10">{{/has_sets}}
    {{#no_sets}}<p>Chưa có bộ tiêu chí cho cấp này.</p>{{/no_sets}}
  </fieldset>{{/levels}}
  <fieldset><legend>Thành phần điểm khác (không bắt buộc), ví dụ điều tra xã hội học</legend>
    <label for="thanh_phan_ten">Tên thành phần</label>
    <input id="thanh_phan_ten" name="thanh_phan_ten" maxlength="200">
    <label for="thanh_phan_trong_so">Trọng số (số điểm cho mỗi đơn vị giá trị, ví dụ 0,2)</label>
    <input id="thanh_phan_trong_so" name="thanh_phan_trong_so" inputmode="decimal" maxlength="12">
    <label for="thanh_phan_toi_da">Giá trị tối đa (ví dụ 100)</label>
    <input id="thanh_phan_toi_da" name="thanh_phan_toi_da" inputmode="decimal" maxlength="12">
  </fieldset>
  <button type="submit">Tạo đợt đánh giá</button>
</form>
