{{%AUTOESCAPE context="HTML"}}{{#unit}}<h1>Tự đánh giá: {{name}}</h1>{{/unit}}
{{#round}}<p>Đợt đánh giá: <a href="{{href}}">{{name}}</a>. Thời gian tính minh chứng: {{window}}.</p>{{/round}}
<dl class="facts">
  <dt>Bộ tiêu chí</dt><dd>{{set}}</dd>
  <dt>Hạn gửi{{#extended}} (đã gia hạn){{/extended}}</dt><dd>{{deadline}}</dd>
  <dt>Tự đánh giá</dt><dd>{{state}} {{submitted_at}}</dd>
  <dt>Thẩm định</dt><dd>{{appraisal_state}}</dd>
  <dt>Tổng điểm tự chấm</dt><dd>{{self_total}} / {{max_total}}</dd>
  {{#show_appraisal}}<dt>Tổng điểm sau thẩm định</dt><dd>{{final_total}} / {{max_total}}</dd>{{/show_appraisal}}
</dl>
{{#notice}}<p class="notice" role="status">{{message}}</p>{{/notice}}
{{#error}}<div class="form-error" role="alert"><p>Chưa thực hiện được:</p><p>{{message}}</p></div>{{/error}}
{{#late_closed}}<p class="form-error" role="alert">Đã quá hạn gửi bản tự đánh giá. Đề nghị liên hệ cơ quan thường trực để được gia hạn.</p>{{/late_closed}}
{{#edit}}<p>Chấm điểm từng tiêu chí; tiêu chí nào chấm thấp hơn điểm tối đa phải có giải thích. Bản nháp được lưu mỗi khi bấm “Lưu nháp” (và tự động lưu khi trình duyệt bật JavaScript). Lãnh đạo đơn vị gửi bản tự đánh giá; bản đã gửi không sửa được.</p>
<form id="tu-danh-gia" method="post" action="{{href}}" hx-post="{{href}}" hx-trigger="change delay:600ms" hx-target="#trang-thai-luu" hx-swap="innerHTML">
<input type="hidden" name="_csrf" value="{{csrf}}">{{/edit}}
{{#appraise}}<form id="tham-dinh" method="post" action="{{href}}/tham-dinh">
<input type="hidden" name="_csrf" value="{{csrf}}">{{/appraise}}
{{#answer}}<p>Tổ thẩm định đã gửi kết quả; đơn vị giải trình một lần, trước {{answer_due}}.</p>
<form id="giai-trinh" method="post" action="{{href}}/giai-trinh">
<input type="hidden" name="_csrf" value="{{csrf}}">{{/answer}}
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Bảng tự đánh giá"><table class="assessment">
<caption>Bảng tự đánh giá theo tiêu chí</caption>
<thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Điểm tối đa</th><th scope="col">Cách chấm</th><th scope="col">Tự chấm</th><th scope="col">Giải thích</th><th scope="col">Tài liệu kiểm chứng</th>{{#show_appraisal}}<th scope="col">Thẩm định</th><th scope="col">Nhận xét của tổ thẩm định</th><th scope="col">Giải trình của đơn vị</th>{{/show_appraisal}}</tr></thead>
<tbody>{{#rows}}{{#group}}<tr class="group{{#area}} area{{/area}}"><th scope="rowgroup" colspan="{{colspan}}" id="{{id}}">{{code}}. {{name}} (tối đa {{max}} điểm)</th></tr>{{/group}}{{#leaf}}<tr id="{{id}}">
<th scope="row">{{code}}. {{name}}{{#has_guidance}}<details><summary>Hướng dẫn</summary><p>{{guidance}}</p></details>{{/has_guidance}}</th>
<td class="num">{{max}}</td>
<td>{{rule}}</td>
<td>{{#edit_manual}}<label class="visually-hidden" for="diem-{{id}}">Điểm tự chấm tiêu chí {{code}}</label><input id="diem-{{id}}" name="diem_{{code}}" value="{{score}}" inputmode="decimal" maxlength="8" size="5">{{/edit_manual}}
{{#edit_yes_no}}<fieldset class="inline"><legend class="visually-hidden">Tiêu chí {{code}}</legend><label><input type="radio" name="diem_{{code}}" value="co"{{#yes}} checked{{/yes}}> Có</label> <label><input type="radio" name="diem_{{code}}" value="khong"{{#no}} checked{{/no}}> Không</label></fieldset>{{/edit_yes_no}}
{{#edit_measured}}<label for="gt-{{id}}">Giá trị đạt được</label> <input id="gt-{{id}}" name="gia_tri_{{code}}" value="{{value}}" inputmode="decimal" maxlength="12" size="6">{{#scored}} <span>= {{score}} điểm</span>{{/scored}}{{/edit_measured}}
{{#computed}}<p>Số liệu hệ thống: {{computed_value}} %{{#scored}} = {{score}} điểm{{/scored}}</p>{{/computed}}
{{#view}}{{score}}{{#has_value}} (giá trị {{value_shown}}){{/has_value}}{{/view}}</td>
<td>{{#edit}}<label class="visually-hidden" for="gt-giai-thich-{{id}}">Giải thích tiêu chí {{code}}</label><textarea id="gt-giai-thich-{{id}}" name="giai_thich_{{code}}" rows="2" maxlength="5000">
{{explanation:pre_escape}}</textarea>{{/edit}}{{#view}}{{explanation}}{{/view}}</td>
<td>{{#evidence_required}}<strong>Bắt buộc có tài liệu.</strong><br>{{/evidence_required}}{{#files}}<a href="{{href}}">{{title}}</a><br>{{/files}}</td>
{{#show_appraisal}}<td>{{#appraise}}<label class="visually-hidden" for="td-{{id}}">Điểm thẩm định tiêu chí {{code}}</label><input id="td-{{id}}" name="tham_dinh_{{code}}" value="{{appraised}}" inputmode="decimal" maxlength="8" size="5">{{/appraise}}{{#view_appraisal}}{{appraised}}{{/view_appraisal}}</td>
<td>{{#appraise}}<label class="visually-hidden" for="nx-{{id}}">Nhận xét tiêu chí {{code}}</label><textarea id="nx-{{id}}" name="nhan_xet_{{code}}" rows="2" maxlength="5000">
{{comment:pre_escape}}</textarea>{{/appraise}}{{#view_appraisal}}{{comment}}{{/view_appraisal}}</td>
<td>{{#answer}}<label class="visually-hidden" for="gtr-{{id}}">Giải trình tiêu chí {{code}}</label><textarea id="gtr-{{id}}" name="giai_trinh_{{code}}" rows="2" maxlength="5000">
{{answer_text:pre_escape}}</textarea>{{/answer}}{{#view_answer}}{{answer_text}}{{/view_answer}}</td>{{/show_appraisal}}
</tr>{{/leaf}}{{/rows}}</tbody>
</table></div>
{{#edit}}<p class="actions"><button type="submit">Lưu nháp</button>{{#submit}} <button type="submit" formaction="{{href}}/nop" class="secondary">Gửi bản tự đánh giá</button>{{/submit}} <span id="trang-thai-luu" aria-live="polite"></span></p>
</form>{{/edit}}
{{#appraise}}<p class="actions"><button type="submit">Lưu kết quả thẩm định</button></p>
</form>{{/appraise}}
{{#answer}}<p class="actions"><button type="submit">Gửi giải trình</button></p>
</form>{{/answer}}
{{#can_send}}<form method="post" action="{{href}}/gui-giai-trinh" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">Gửi kết quả để đơn vị giải trình</button></form>{{/can_send}}
{{#can_finalise}}<form method="post" action="{{href}}/chot" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Chốt kết quả thẩm định</button></form>{{/can_finalise}}
<h2 id="minh-chung">Tài liệu kiểm chứng</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Tài liệu kiểm chứng"><table>
<caption>Tài liệu kiểm chứng đã đính kèm</caption>
<thead><tr><th scope="col">Tài liệu</th><th scope="col">Loại</th><th scope="col">Dùng cho tiêu chí</th><th scope="col">Thao tác</th></tr></thead>
<tbody>{{#evidence}}<tr><th scope="row"><a href="{{href}}">{{title}}</a></th><td>{{kind}}</td><td>{{criteria}}</td><td>{{#edit}}<form method="post" action="{{href_remove}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link" aria-label="Gỡ tài liệu {{title}}">Gỡ</button></form>{{/edit}}</td></tr>{{/evidence}}
{{#no_evidence}}<tr><td colspan="4">Chưa có tài liệu kiểm chứng.</td></tr>{{/no_evidence}}</tbody>
</table></div>
{{#edit}}<form method="post" action="{{href}}/minh-chung" enctype="multipart/form-data" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tep">Tải lên tệp (PDF, Word, Excel, OpenDocument, ảnh JPG/PNG, ZIP; tối đa 10 MB)</label>
  <input id="tep" name="tep" type="file" accept=".pdf,.doc,.docx,.odt,.xls,.xlsx,.ods,.jpg,.jpeg,.png,.zip">
  {{#has_documents}}<label for="van_ban">hoặc chọn văn bản đã có trong hệ thống (ban hành trong thời gian tính minh chứng)</label>
  <select id="van_ban" name="van_ban"><option value="">—</option>{{#documents}}<option value="{{href}}">{{label}}</option>{{/documents}}</select>{{/has_documents}}
  <fieldset class="criteria-choice"><legend>Tài liệu đáp ứng các tiêu chí</legend>
  {{#leaf_options}}<label><input type="checkbox" name="tieu_chi" value="{{code}}" id="{{id}}"> {{code}}. {{name}}</label>{{/leaf_options}}
  </fieldset>
  <button type="submit">Đính kèm</button>
</form>{{/edit}}
{{#has_risk}}<h2 id="diem-bi-mat">Điểm bị mất</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Điểm bị mất theo tiêu chí"><table>
<caption>Điểm bị mất theo tiêu chí (điểm tối đa trừ điểm cuối cùng)</caption>
<thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Điểm bị mất</th><th scope="col" class="num">Tự chấm cao hơn thẩm định</th><th scope="col" class="num">Giá trị đạt được</th><th scope="col">Để lấy lại điểm</th></tr></thead>
<tbody>{{#risk}}<tr><th scope="row"><a href="#{{id}}">{{code}}</a></th><td class="num">{{lost}}</td><td class="num">{{over}}</td><td class="num">{{value}}</td><td>{{back}}</td></tr>{{/risk}}</tbody>
</table></div>{{/has_risk}}
