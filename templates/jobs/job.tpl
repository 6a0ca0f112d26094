{{%AUTOESCAPE context="HTML"}}<h1>{{title}}</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#cancel_asked}}<p class="notice" role="status">Đã gửi yêu cầu hủy; công việc sẽ dừng ở bước kế tiếp.</p>{{/cancel_asked}}
{{>progress}}
{{#done}}<p class="notice" role="status">{{message}}</p>{{/done}}
{{#failed}}<p class="form-error" role="alert">{{text}}</p>{{/failed}}
{{#cancelled}}<p class="notice" role="status">Công việc đã được hủy; phần đã làm dở không được lưu.</p>{{/cancelled}}
{{#download}}<p><a href="{{href}}">Tải về kết quả ({{name}})</a></p>{{/download}}
<dl>
<dt>Tạo lúc</dt><dd>{{created}}</dd>
{{#started}}<dt>Bắt đầu lúc</dt><dd>{{at}}</dd>{{/started}}
{{#ended}}<dt>Kết thúc lúc</dt><dd>{{at}}</dd>{{/ended}}
</dl>
{{#cancel}}<form method="post" action="{{action}}">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="xac_nhan"><input id="xac_nhan" name="xac_nhan" type="checkbox" value="1" required> Tôi muốn hủy công việc này; phần đã làm dở sẽ không được lưu.</label>
  <button type="submit" class="secondary">Hủy</button>
</form>{{/cancel}}
<p>{{#back}}<a href="{{href}}">{{label}}</a> · {{/back}}<a href="/cong-viec">Các công việc của bạn</a></p>
