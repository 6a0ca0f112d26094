{{%AUTOESCAPE context="HTML"}}<p><a href="/bien-tap">← Biên tập tin bài</a></p>
<h1>Chuyên mục</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
{{#categories}}<details><summary>{{position}}. {{name}}</summary>
<form method="post" action="/bien-tap/chuyen-muc" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}">
<label for="ten-{{id}}">Tên chuyên mục</label><input id="ten-{{id}}" name="ten" value="{{name}}" maxlength="200" required>
<label for="duong-dan-{{id}}">Đường dẫn</label><input id="duong-dan-{{id}}" name="duong_dan" value="{{slug}}" maxlength="80">
<label for="mo-ta-{{id}}">Mô tả</label><input id="mo-ta-{{id}}" name="mo_ta" value="{{description}}" maxlength="500">
<label for="thu-tu-{{id}}">Thứ tự</label><input id="thu-tu-{{id}}" name="thu_tu" value="{{position}}" inputmode="numeric" maxlength="3">
<label for="hien-thi-{{id}}"><input id="hien-thi-{{id}}" name="hien_thi" type="checkbox"{{#active}} checked{{/active}}> Hiển thị trên cổng thông tin</label>
<button type="submit">Lưu chuyên mục</button>
</form></details>{{/categories}}
<h2>Thêm chuyên mục</h2>
<form method="post" action="/bien-tap/chuyen-muc" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="ten-moi">Tên chuyên mục</label><input id="ten-moi" name="ten" maxlength="200" required>
<label for="mo-ta-moi">Mô tả</label><input id="mo-ta-moi" name="mo_ta" maxlength="500">
<label for="thu-tu-moi">Thứ tự</label><input id="thu-tu-moi" name="thu_tu" inputmode="numeric" maxlength="3">
<label for="hien-thi-moi"><input id="hien-thi-moi" name="hien_thi" type="checkbox" checked> Hiển thị trên cổng thông tin</label>
<button type="submit">Thêm chuyên mục</button>
</form>
