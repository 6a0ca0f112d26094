{{%AUTOESCAPE context="HTML"}}<p><a href="/bien-tap">← Biên tập tin bài</a></p>
<h1>Đăng văn bản</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
{{#sent}}<p class="notice" role="status">Đã gửi văn bản đến Ban Biên tập. Văn bản được công khai trên thư viện khi Ban Biên tập duyệt.</p>{{/sent}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<form method="post" action="/bien-tap/van-ban" enctype="multipart/form-data" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
{{#unit_poster}}<p>Đơn vị đăng văn bản do đơn vị mình (hoặc đơn vị trực thuộc) ban hành; văn bản được công khai khi Ban Biên tập duyệt.</p>{{/unit_poster}}
{{#board}}<p>Văn bản do Ban Biên tập đăng được công khai ngay.</p>{{/board}}
<label for="loai">Loại văn bản</label>
<select id="loai" name="loai" required><option value="">Chọn loại</option>{{#types}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/types}}</select>
<label for="so_ky_hieu">Số, ký hiệu (ví dụ 77/KH-UBND)</label><input id="so_ky_hieu" name="so_ky_hieu" value="{{number}}" maxlength="60">
<label for="ngay_ban_hanh">Ngày ban hành (ngày/tháng/năm)</label><input id="ngay_ban_hanh" name="ngay_ban_hanh" value="{{day}}" maxlength="10"{{#error_ngay_ban_hanh}} aria-invalid="true" aria-describedby="ngay_ban_hanh_loi"{{/error_ngay_ban_hanh}}>
{{#error_ngay_ban_hanh}}<p class="form-error" id="ngay_ban_hanh_loi" role="alert">{{message}}</p>{{/error_ngay_ban_hanh}}
<label for="co_quan">Cơ quan ban hành</label><input id="co_quan" name="co_quan" value="{{issuer}}" maxlength="200"{{#has_issuers}} list="co_quan_goi_y"{{/has_issuers}}{{#error_co_quan}} aria-invalid="true" aria-describedby="co_quan_loi"{{/error_co_quan}}>
{{#has_issuers}}<datalist id="co_quan_goi_y">{{#issuers}}<option value="{{name}}">{{/issuers}}</datalist>{{/has_issuers}}
{{#error_co_quan}}<p class="form-error" id="co_quan_loi" role="alert">{{message}}</p>{{/error_co_quan}}
<label for="trich_yeu">Trích yếu</label><textarea id="trich_yeu" name="trich_yeu" rows="3" maxlength="1000" required>{{subject}}</textarea>
<label for="tep">Tệp văn bản (PDF, Word, Excel; tối đa 20 MB; không bắt buộc)</label>
<input id="tep" name="tep" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip">
<button type="submit">{{#board}}Đăng văn bản{{/board}}{{#unit_poster}}Gửi Ban Biên tập duyệt{{/unit_poster}}</button>
</form>
{{#board}}<section aria-labelledby="cho-duyet"><h2 id="cho-duyet">Văn bản chờ duyệt ({{queue_count}})</h2>
{{#queue_empty}}<p>Không có văn bản nào chờ duyệt.</p>{{/queue_empty}}
<ul>{{#queue}}<li id="vb-{{id}}"><strong>{{label}}</strong> — {{subject}}<br><span class="meta">{{issuer}} · {{date}} · gửi lúc {{posted}} bởi {{unit}}</span>
{{#has_file}}<br><a href="{{editor_file_href}}">Xem tệp ({{file_size}})</a>{{/has_file}}
<form method="post" action="/bien-tap/van-ban/{{id}}/duyet"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Duyệt</button></form>
<details><summary>Trả lại đơn vị</summary><form method="post" action="/bien-tap/van-ban/{{id}}/tra-lai" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><label for="tra-lai-{{id}}">Lý do trả lại</label>
<input id="tra-lai-{{id}}" name="ly_do" maxlength="500" required><button type="submit">Trả lại</button></form></details></li>{{/queue}}</ul></section>{{/board}}
{{#has_mine}}<section aria-labelledby="cua-don-vi"><h2 id="cua-don-vi">Văn bản của đơn vị chưa công khai</h2>
<ul>{{#mine}}<li><strong>{{label}}</strong> — {{subject}} <span class="status status-{{state_class}}">{{state}}</span>{{#has_note}}<br>Lý do: {{note}}{{/has_note}}
{{#has_file}} · <a href="{{editor_file_href}}">Xem tệp</a>{{/has_file}}</li>{{/mine}}</ul></section>{{/has_mine}}
<h2>Văn bản đã đăng</h2>
<ul>{{#library}}<li><a href="{{href}}">{{label}}</a> — {{subject}}
{{#board}}<details><summary>Gỡ văn bản này</summary><form method="post" action="/bien-tap/van-ban/{{id}}/go" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}"><label for="ly-do-{{id}}">Lý do gỡ</label>
<input id="ly-do-{{id}}" name="ly_do" maxlength="500" required><button type="submit">Gỡ văn bản</button></form></details>{{/board}}</li>{{/library}}</ul>
