{{%AUTOESCAPE context="HTML"}}<p><a href="/bien-tap">← Biên tập tin bài</a></p>
<h1>{{title}}</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<dl class="facts">
<dt>Trạng thái</dt><dd><span class="status status-{{state_class}}">{{state}}</span></dd>
<dt>Đơn vị cung cấp</dt><dd>{{unit}}</dd>
<dt>Chuyên mục</dt><dd>{{category}}</dd>
<dt>Phiên bản</dt><dd>{{revision}}{{#has_revisions}} (<a href="{{action}}/phien-ban">xem các lần chỉnh sửa</a>){{/has_revisions}}</dd>
{{#withdrawn}}<dt>Lý do gỡ</dt><dd>{{withdrawn_reason}}</dd>{{/withdrawn}}
{{#public}}<dt>Trên cổng thông tin</dt><dd><a href="{{public_href}}">{{public_href}}</a></dd>{{/public}}
</dl>

{{#can_submit}}<form method="post" action="{{action}}/gui" class="inline">
<input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Gửi Ban Biên tập duyệt</button></form>{{/can_submit}}
{{#can_approve}}<details><summary>Duyệt và đăng</summary>
<form method="post" action="{{action}}/duyet" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<p>Để trống ngày giờ để đăng ngay; hoặc hẹn giờ đăng.</p>
<label for="ngay_dang">Ngày đăng (ngày/tháng/năm)</label><input id="ngay_dang" name="ngay_dang" maxlength="10">
<label for="gio_dang">Giờ đăng (giờ:phút)</label><input id="gio_dang" name="gio_dang" maxlength="5">
<button type="submit">Duyệt và đăng</button></form></details>{{/can_approve}}
{{#can_send_back}}<details><summary>Trả lại đơn vị</summary>
<form method="post" action="{{action}}/tra-lai" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="ly_do_tra">Lý do trả lại (bắt buộc)</label><textarea id="ly_do_tra" name="ly_do" rows="3" maxlength="2000" required></textarea>
<button type="submit">Trả lại</button></form></details>{{/can_send_back}}
{{#can_withdraw}}<details><summary>Gỡ tin bài khỏi cổng thông tin</summary>
<form method="post" action="{{action}}/go" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="ly_do_go">Lý do gỡ (bắt buộc)</label><textarea id="ly_do_go" name="ly_do" rows="3" maxlength="2000" required></textarea>
<button type="submit">Gỡ tin bài</button></form></details>{{/can_withdraw}}
{{#can_republish}}<form method="post" action="{{action}}/dang-lai" class="inline">
<input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Đăng lại</button></form>{{/can_republish}}

{{#editable}}<h2>Nội dung</h2>
<form method="post" action="{{action}}" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
{{>fields}}
<button type="submit">Lưu</button>
</form>
<h2 id="anh">Ảnh</h2>
{{#has_images}}<ul>{{#images}}<li><a href="{{href}}">{{name}}</a>: chèn vào nội dung bằng <code>{{markdown}}</code></li>{{/images}}</ul>{{/has_images}}
<form method="post" action="{{action}}/anh" enctype="multipart/form-data" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="anh_tep">Tải ảnh lên (JPG, PNG, GIF, WebP; tối đa 5 MB)</label>
<input id="anh_tep" name="anh" type="file" accept=".jpg,.jpeg,.png,.gif,.webp" required>
<button type="submit">Tải lên</button>
</form>{{/editable}}

<h2>Xem trước</h2>
<div class="article-preview"><p class="lead">{{summary}}</p>{{preview:none}}</div>

<h2>Quá trình xử lý</h2>
<ol class="history">{{#history}}<li><strong>{{action}}</strong> — {{actor}}, {{at}}{{#has_note}}: {{note}}{{/has_note}}</li>{{/history}}</ol>
{{#can_comment}}<form method="post" action="{{action}}/gop-y" class="stacked">
<input type="hidden" name="_csrf" value="{{csrf}}">
<label for="gop_y">Góp ý</label><textarea id="gop_y" name="ly_do" rows="3" maxlength="2000" required></textarea>
<button type="submit">Gửi góp ý</button></form>{{/can_comment}}
