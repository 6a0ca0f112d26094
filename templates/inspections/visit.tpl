{{%AUTOESCAPE context="HTML"}}<h1>Kiểm tra công tác cải cách hành chính tại {{unit}}</h1>
{{#saved}}<p class="notice" role="status">Đã lưu.</p>{{/saved}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<dl class="facts">
  <dt>Kế hoạch kiểm tra</dt><dd><a href="{{plan_href}}">Số {{plan_number}}</a></dd>
  <dt>Ngày kiểm tra theo kế hoạch</dt><dd>{{scheduled}}</dd>
  {{#reason}}<dt>Lý do chọn</dt><dd>{{text}}</dd>{{/reason}}
  <dt>Tình trạng</dt><dd>{{#done}}Đã kiểm tra ngày {{held_on}}{{/done}}{{#pending}}Chưa kiểm tra{{/pending}}</dd>
  {{#summary_text}}<dt>Kết luận</dt><dd class="prewrap">{{text}}</dd>{{/summary_text}}
  <dt>Biên bản có chữ ký</dt><dd>{{#minutes}}<a href="{{href}}">{{name}}</a> {{/minutes}}{{#no_minutes}}Chưa có{{/no_minutes}}</dd>
</dl>
{{#can_manage}}
<h2 id="bien-ban">Biên bản kiểm tra</h2>
<form method="post" action="/kiem-tra/{{id}}/bien-ban" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="ngay">Ngày kiểm tra (ngày/tháng/năm)</label>
  <input id="ngay" name="ngay" value="{{held_on}}" maxlength="10" required>
  <label for="ket_luan">Kết luận chung</label>
  <textarea id="ket_luan" name="ket_luan" rows="4" maxlength="20000">
{{summary:pre_escape}}</textarea>
  <button type="submit">Lưu biên bản</button>
</form>
{{#done}}<form method="post" action="/kiem-tra/{{id}}/bien-ban-ky" enctype="multipart/form-data" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tep_bien_ban">Biên bản đã ký (PDF, ảnh; tối đa 5 MB)</label>
  <input id="tep_bien_ban" name="tep" type="file" required>
  <button type="submit">Tải lên biên bản</button>
</form>{{/done}}
{{/can_manage}}
<h2 id="ket-qua">Kết quả kiểm tra</h2>
{{#no_findings}}<p>Chưa ghi kết quả kiểm tra.</p>{{/no_findings}}
{{#by_area}}<section>
<h3>{{name}}</h3>
{{#any_good}}<h4>Ưu điểm</h4><ul>{{#good}}<li>{{text}}{{#removable}} <form method="post" action="/kiem-tra/ket-qua/{{id}}/xoa" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary" aria-label="Xóa ưu điểm: {{text}}">Xóa</button></form>{{/removable}}</li>{{/good}}</ul>{{/any_good}}
{{#any_shortfalls}}<h4>Hạn chế và kiến nghị</h4>
{{#shortfalls}}<article id="kn-{{id}}"{{#overdue}} class="missed"{{/overdue}}>
  <p><strong>Hạn chế:</strong> {{text}}</p>
  <p><strong>Kiến nghị:</strong> {{recommendation}}</p>
  <p>Đơn vị khắc phục: {{unit}}. Hạn: {{due}}. Trạng thái: <strong>{{state}}</strong>{{#overdue}} — <strong class="late">quá hạn</strong>{{/overdue}}.</p>
  {{#fix_report}}<p><strong>Kết quả khắc phục đơn vị báo cáo:</strong> <span class="prewrap">{{text}}</span></p>{{/fix_report}}
  {{#review_note}}<p><strong>Lý do trả lại:</strong> {{text}}</p>{{/review_note}}
  {{#evidence}}<p>Minh chứng: <a href="{{href}}">{{name}}</a></p>{{/evidence}}
  {{#history}}<p class="muted">{{at}}: {{what}}{{#note}} — {{text}}{{/note}}</p>{{/history}}
  {{#may_report}}<form method="post" action="/kiem-tra/kien-nghi/{{id}}/khac-phuc" enctype="multipart/form-data" class="stacked">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <label for="noi_dung_{{id}}">Kết quả khắc phục</label>
    <textarea id="noi_dung_{{id}}" name="noi_dung" rows="3" maxlength="4000" required></textarea>
    <label for="tep_{{id}}">Minh chứng (tùy chọn; tối đa 5 MB)</label>
    <input id="tep_{{id}}" name="tep" type="file">
    <button type="submit">Báo cáo đã khắc phục</button>
  </form>{{/may_report}}
  {{#may_review}}<form method="post" action="/kiem-tra/kien-nghi/{{id}}/duyet" class="stacked">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <label for="ly_do_{{id}}">Lý do (khi trả lại)</label>
    <input id="ly_do_{{id}}" name="ly_do" maxlength="4000">
    <button type="submit" name="thao_tac" value="accept">Công nhận đã khắc phục</button>
    <button type="submit" name="thao_tac" value="send_back" class="secondary">Trả lại</button>
  </form>{{/may_review}}
  {{#removable}}<form method="post" action="/kiem-tra/ket-qua/{{id}}/xoa" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary" aria-label="Xóa kiến nghị: {{recommendation}}">Xóa</button></form>{{/removable}}
</article>{{/shortfalls}}{{/any_shortfalls}}
</section>{{/by_area}}
{{#can_manage}}{{#done}}
<h3 id="them-ket-qua">Thêm kết quả kiểm tra</h3>
<form method="post" action="/kiem-tra/{{id}}/ket-qua" class="stacked"{{#finding_error}} aria-describedby="loi-ket-qua"{{/finding_error}}>
  {{#finding_error}}<p class="form-error" id="loi-ket-qua" role="alert">{{message}}</p>{{/finding_error}}
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="linh_vuc">Lĩnh vực</label>
  <select id="linh_vuc" name="linh_vuc">{{#areas}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/areas}}</select>
  {{#finding_form}}<fieldset><legend>Loại (kết quả có kiến nghị khắc phục là hạn chế)</legend>
  <label><input type="radio" name="loai" value="tot" required{{#good}} checked{{/good}}> Ưu điểm</label>
  <label><input type="radio" name="loai" value="han-che" required{{#shortcoming}} checked{{/shortcoming}}> Hạn chế (có kiến nghị khắc phục)</label>
  </fieldset>
  <label for="noi_dung">Nội dung</label>
  <textarea id="noi_dung" name="noi_dung" rows="3" maxlength="4000" required>
{{text:pre_escape}}</textarea>
  <label for="kien_nghi">Kiến nghị khắc phục (với hạn chế)</label>
  <textarea id="kien_nghi" name="kien_nghi" rows="2" maxlength="4000">
{{recommendation:pre_escape}}</textarea>{{/finding_form}}
  <label for="don_vi">Đơn vị chịu trách nhiệm khắc phục</label>
  <select id="don_vi" name="don_vi">{{#units}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
  {{#finding_form}}<fieldset><legend>Thời hạn khắc phục (ghi một trong hai)</legend>
  <label for="so_ngay">Số ngày làm việc kể từ ngày kiểm tra</label>
  <input id="so_ngay" name="so_ngay" inputmode="numeric" pattern="[0-9]{1,3}" maxlength="3" value="{{days}}">
  <label for="han">Hoặc ngày (ngày/tháng/năm)</label>
  <input id="han" name="han" maxlength="10" value="{{date}}">
  </fieldset>{{/finding_form}}
  <button type="submit">Thêm kết quả</button>
</form>
{{/done}}{{/can_manage}}
