{{%AUTOESCAPE context="HTML"}}<h1>Viết tin bài mới</h1>
<p>Đơn vị cung cấp: {{unit}}. Tin bài được lưu là bản nháp; khi hoàn thành, gửi Ban Biên tập duyệt.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/bien-tap/moi" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
{{>fields}}
<button type="submit">Lưu bản nháp</button>
</form>
