{{%AUTOESCAPE context="HTML"}}<h1>Tra cứu phản ánh</h1>
<form method="get" action="/phan-anh/tra-cuu" role="search" class="stacked">
  <label for="ma">Mã tra cứu (ví dụ PA-7K3M-Q9TX)</label>
  <input id="ma" name="ma" value="{{typed}}" maxlength="20" autocomplete="off" required>
  <button type="submit">Tra cứu</button>
</form>
{{#missing}}<p class="form-error" role="alert">Không tìm thấy phản ánh có mã này. Xin kiểm tra lại mã (gồm 8 chữ và số sau "PA").</p>{{/missing}}
{{#found}}<h2>Phản ánh {{code}}</h2>
<dl class="facts">
<dt>Trạng thái</dt><dd><span class="status status-{{state_class}}">{{state}}</span>{{#paused}} (chờ người gửi bổ sung từ {{paused_since}}){{/paused}}</dd>
<dt>Lĩnh vực</dt><dd>{{category}}</dd>
<dt>Cơ quan xử lý</dt><dd>{{unit}}</dd>
<dt>Kênh tiếp nhận</dt><dd>{{channel}}</dd>
<dt>Tiếp nhận</dt><dd>{{received}}</dd>
{{#open}}<dt>Hạn trả lời</dt><dd>{{due}}{{#late}} (đã quá hạn){{/late}}</dd>{{/open}}
{{#has_answered}}<dt>Trả lời</dt><dd>{{answered}}</dd>{{/has_answered}}
</dl>
{{#has_public}}<p><a href="{{public_href}}">Xem câu trả lời đã công khai</a></p>{{/has_public}}
<p class="muted">Nội dung và câu trả lời chỉ hiện trên đường dẫn riêng gửi cho người phản ánh.</p>{{/found}}
