{{%AUTOESCAPE context="HTML"}}<h1>Phản ánh {{code}}</h1>
{{#fresh}}<div class="notice" role="status"><p><strong>Đã gửi phản ánh.</strong> Mã tra cứu của bạn là <strong class="tracking-code">{{code}}</strong>.</p>
<p>Hãy lưu lại địa chỉ của trang này (đánh dấu trang hoặc chép đường dẫn): đây là đường dẫn riêng để bạn bổ sung thông tin, xem câu trả lời và đánh giá. Không chia sẻ đường dẫn này cho người khác.</p></div>{{/fresh}}
{{#done}}<p class="notice" role="status">Đã ghi nhận. Cảm ơn bạn.</p>{{/done}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<dl class="facts">
<dt>Trạng thái</dt><dd><span class="status status-{{state_class}}">{{state}}</span>{{#paused}} (thời hạn tạm dừng từ {{paused_since}}){{/paused}}</dd>
<dt>Lĩnh vực</dt><dd>{{category}}</dd>
<dt>Cơ quan xử lý</dt><dd>{{unit}}</dd>
<dt>Tiếp nhận</dt><dd>{{received}}</dd>
{{#open}}<dt>Hạn trả lời</dt><dd>{{due}}{{#has_extension}} (đã gia hạn {{extension}}){{/has_extension}}</dd>{{/open}}
{{#has_answered}}<dt>Trả lời</dt><dd>{{answered}}</dd>{{/has_answered}}
</dl>
<h2>Nội dung bạn đã gửi</h2>
<p class="prewrap">{{content}}</p>
{{#has_questions}}<h2>Đề nghị bổ sung</h2>
{{#questions}}<section class="card"><p><strong>Cơ quan xử lý hỏi ({{asked}}):</strong></p><p class="prewrap">{{question}}</p>
{{#has_reply}}<p><strong>Bạn đã trả lời ({{replied}}):</strong></p><p class="prewrap">{{reply}}</p>{{/has_reply}}</section>{{/questions}}{{/has_questions}}
{{#may_reply}}<form method="post" action="{{link}}/bo-sung" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="bo_sung">Thông tin bổ sung</label>
  <textarea id="bo_sung" name="noi_dung" rows="5" maxlength="2000" required>
</textarea>
  <button type="submit">Gửi thông tin bổ sung</button>
</form>{{/may_reply}}
{{#has_refusal}}<h2>Thông báo của cơ quan</h2><p class="prewrap">{{refusal}}</p>{{/has_refusal}}
{{#has_answer}}<h2>Câu trả lời</h2><p class="prewrap">{{answer}}</p>
{{#has_rating}}<p>Bạn đã đánh giá: <strong>{{rating}}</strong>.</p>{{/has_rating}}
{{#may_rate}}<form method="post" action="{{link}}/danh-gia" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <fieldset><legend>Bạn đánh giá câu trả lời thế nào?</legend>
  <label><input type="radio" name="muc" value="very_satisfied" required> Rất hài lòng</label>
  <label><input type="radio" name="muc" value="satisfied"> Hài lòng</label>
  <label><input type="radio" name="muc" value="unsatisfied"> Không hài lòng</label>
  </fieldset>
  <label for="y_kien">Ý kiến thêm (không bắt buộc)</label>
  <textarea id="y_kien" name="noi_dung" rows="3" maxlength="2000">
</textarea>
  <button type="submit">Gửi đánh giá</button>
</form>{{/may_rate}}
{{#may_reopen}}<details><summary>Chưa thỏa đáng? Đề nghị xem xét lại (một lần)</summary>
<form method="post" action="{{link}}/xem-xet-lai" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="ly_do">Lý do</label>
  <textarea id="ly_do" name="noi_dung" rows="3" maxlength="2000" required>
</textarea>
  <button type="submit">Đề nghị xem xét lại</button>
</form></details>{{/may_reopen}}{{/has_answer}}
