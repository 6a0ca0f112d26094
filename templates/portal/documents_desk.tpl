{{%AUTOESCAPE context="HTML"}}<p><a href="/bien-tap">← Biên tập tin bài</a></p>
<h1>Đăng văn bản</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
<form method="post" action="/bien-tap/van-ban" enctype="multipart/form-data" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="loai">Loại văn bản</label>
<select id="loai" name="loai" required><option value="">Chọn loại</option>{{#types}}<option value="{{code}}">{{name}}</option>{{/types}}</select>
<label for="so_ky_hieu">Số, ký hiệu (ví dụ 77/KH-UBND)</label><input id="so_ky_hieu" name="so_ky_hieu" maxlength="60">
<label for="ngay_ban_hanh">Ngày ban hành (ngày/tháng/năm)</label><input id="ngay_ban_hanh" name="ngay_ban_hanh" maxlength="10">
<label for="co_quan">Cơ quan ban hành</label><input id="co_quan" name="co_quan" maxlength="200">
<label for="trich_yeu">Trích yếu</label><textarea id="trich_yeu" name="trich_yeu" rows="3" maxlength="1000" required></textarea>
<label for="tep">Tệp văn bản (PDF, Word, Excel; tối đa 20 MB; không bắt buộc)</label>
<input id="tep" name="tep" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip">
<button type="submit">Đăng văn bản</button>
</form>
<h2>Văn bản đã đăng</h2>
<ul>{{#documents}}<li><a href="{{href}}">{{label}}</a> — {{subject}}
{{#board}}<details><summary>Gỡ văn bản này</summary><form method="post" action="/bien-tap/van-ban/{{id}}/go" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><label for="ly-do-{{id}}">Lý do gỡ</label>
<input id="ly-do-{{id}}" name="ly_do" maxlength="500" required><button type="submit">Gỡ văn bản</button></form></details>{{/board}}</li>{{/documents}}</ul>
