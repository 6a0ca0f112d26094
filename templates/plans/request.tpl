{{%AUTOESCAPE context="HTML"}}<h1>{{title}}</h1>
{{#notice_sent}}<p class="notice" role="status">Đã gửi yêu cầu đến các đơn vị.</p>{{/notice_sent}}
{{#notice_answered}}<p class="notice" role="status">Đã gửi báo cáo.</p>{{/notice_answered}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<dl class="facts">
  <dt>Loại</dt><dd>{{kind}}</dd>
  <dt>Đơn vị yêu cầu</dt><dd>{{issuer}}</dd>
  <dt>Hạn báo cáo</dt><dd>{{due}}{{#closed}} — <strong>đã kết thúc</strong>{{/closed}}</dd>
  <dt>Đơn vị đã gửi</dt><dd>{{answered}}/{{total}}</dd>
</dl>
{{#body}}<p>{{text}}</p>{{/body}}
{{#has_outline}}<h2>Đề cương</h2><ol>{{#outline}}<li>{{value}}</li>{{/outline}}</ol>{{/has_outline}}
{{#mine}}<h2 id="bao-cao">Báo cáo của đơn vị</h2>
<p>Tình trạng: <strong>{{state}}</strong></p>
{{#returned}}<div class="form-error" role="alert"><p><strong>Báo cáo đã bị trả lại.</strong> Lý do: {{text}}</p><p>Hãy sửa và gửi lại.</p></div>{{/returned}}
{{#files}}<p>Tệp đã gửi: <a href="{{href}}">{{name}}</a></p>{{/files}}
{{#can_answer}}<form method="post" action="/yeu-cau-bao-cao/{{id}}/tra-loi" class="stacked" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  {{#is_figure}}<label for="so_lieu">Số liệu ({{figure_unit}})</label>
  <input id="so_lieu" name="so_lieu" value="{{figure_value}}" inputmode="decimal" maxlength="30">{{/is_figure}}
  {{#sections}}<label for="phan_{{i}}">{{heading}}</label>
  <textarea id="phan_{{i}}" name="phan_{{i}}" rows="5" maxlength="20000">
{{text:pre_escape}}</textarea>{{/sections}}
  <label for="tep">Tệp kèm theo (PDF, Word, Excel, ảnh JPG/PNG hoặc ZIP; tối đa 5 MB)</label>
  <input id="tep" name="tep" type="file" accept=".pdf,.doc,.docx,.odt,.xls,.xlsx,.ods,.jpg,.jpeg,.png,.zip">
  <button type="submit">Gửi báo cáo</button>
</form>{{/can_answer}}{{/mine}}
{{#coordinator}}<h2 id="tra-loi">Báo cáo của các đơn vị</h2>
<p class="downloads"><a href="/yeu-cau-bao-cao/{{id}}/tong-hop">Xem tổng hợp</a> <a href="/yeu-cau-bao-cao/{{id}}/tong-hop?dinh-dang=docx">Tải dự thảo báo cáo tổng hợp (.docx)</a> <a href="/yeu-cau-bao-cao/{{id}}/tong-hop?dinh-dang=docx&amp;pdf=1">Bản PDF</a></p>
<form method="post" action="/yeu-cau-bao-cao/{{id}}/trang-thai" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">{{#closed}}<button type="submit" name="trang_thai" value="open" class="secondary">Mở lại yêu cầu</button>{{/closed}}{{#is_open}}<button type="submit" name="trang_thai" value="closed" class="secondary">Kết thúc yêu cầu (không nhận thêm báo cáo)</button>{{/is_open}}</form>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Báo cáo của các đơn vị"><table>
<caption>Báo cáo của các đơn vị</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th><th scope="col">Gửi lúc</th><th scope="col">Nội dung</th><th scope="col">Duyệt</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{unit}}</th><td class="answer-{{state_code}}">{{state}}{{#review_note}}<br>Lý do: {{text}}{{/review_note}}</td><td>{{at}}{{#late}} <strong class="late">Trễ hạn</strong>{{/late}}</td>
<td>{{#figure}}<p><strong>Số liệu:</strong> {{text}}</p>{{/figure}}{{#sections}}<p><strong>{{heading}}:</strong> {{text}}</p>{{/sections}}{{#files}}<a href="{{href}}">{{name}}</a><br>{{/files}}</td>
<td>{{#can_review}}<form method="post" action="/yeu-cau-bao-cao/{{id}}/duyet" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="don_vi" value="{{unit_code}}">
<button type="submit" name="thao_tac" value="accept" aria-label="Chấp nhận báo cáo của {{unit}}">Chấp nhận</button>
<label for="ld-{{unit_code}}">Lý do trả lại</label><textarea id="ld-{{unit_code}}" name="ly_do" rows="2" maxlength="2000"></textarea>
<button type="submit" name="thao_tac" value="return" class="secondary" aria-label="Trả lại báo cáo của {{unit}}">Trả lại</button></form>{{/can_review}}</td></tr>{{/rows}}</tbody>
</table></div>{{/coordinator}}
