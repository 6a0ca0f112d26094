{{%AUTOESCAPE context="HTML"}}{{#round}}<h1>{{name}}</h1>
<dl class="facts">
  <dt>Mã đợt</dt><dd>{{code}}</dd>
  <dt>Năm</dt><dd>{{year}}</dd>
  <dt>Thời gian tính minh chứng</dt><dd>{{window}}</dd>
  <dt>Xếp loại (tỷ lệ điểm tối thiểu, %)</dt><dd>{{bands}}</dd>
  <dt>Trạng thái</dt><dd>{{status}}</dd>
</dl>{{/round}}
{{#published}}{{#round}}<p>Kết quả đã được phê duyệt, công bố. Quyết định phê duyệt: {{decision}}.</p>{{/round}}{{/published}}
{{#notice}}<p class="notice" role="status">Đã cập nhật.</p>{{/notice}}
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<p class="downloads">{{#has_own}}{{#own}}<a href="{{href}}">Bản tự đánh giá của {{name}}</a>{{/own}}{{/has_own}}{{#show_ranking}}{{#round}} <a href="{{href}}/ket-qua.xlsx">Tải kết quả (.xlsx)</a> <a href="{{href}}/phu-luc.docx">Phụ lục quyết định (.docx)</a> <a href="{{href}}/phu-luc.docx?pdf=1">Phụ lục (PDF)</a> <a href="{{href}}/diem-bi-mat">Điểm bị mất</a>{{/round}}{{/show_ranking}} <a href="/danh-gia">Các đợt đánh giá</a></p>
{{#has_mine}}<h2>Đơn vị tôi được phân công thẩm định</h2>
<ul>{{#mine}}<li><a href="{{href}}">{{name}}</a></li>{{/mine}}</ul>{{/has_mine}}
{{#levels}}<h2>{{name}}</h2>
<p>Bộ tiêu chí: <a href="{{set_href}}">{{set}}</a>, điểm tối đa {{max}}. Hạn gửi: {{deadline}}. Đã gửi {{submitted}}/{{count}} đơn vị.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Tình hình tự đánh giá — {{name}}"><table>
<caption>Tình hình tự đánh giá, thẩm định — {{name}}</caption>
<thead><tr><th scope="col">Đơn vị</th><th scope="col">Tự đánh giá</th><th scope="col">Gửi lúc</th><th scope="col">Thẩm định</th><th scope="col">Người thẩm định</th><th scope="col">Gia hạn</th></tr></thead>
<tbody>{{#participants}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{state}}</td><td>{{submitted_at}}</td><td>{{appraisal}}</td><td>{{appraisers}}</td><td>{{extension}}</td></tr>{{/participants}}</tbody>
</table></div>
{{#provisional}}<p><strong>Kết quả tạm tính</strong>: chưa được phê duyệt, công bố; đơn vị chưa gửi được xếp cuối.</p>{{/provisional}}
{{>ranking}}
{{/levels}}
{{#manage}}<h2>Việc của cơ quan thường trực</h2>
{{#round}}<details><summary>Gia hạn cho đơn vị</summary>
<form method="post" action="{{href}}/gia-han" class="stacked">{{/round}}
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="gh_don_vi">Đơn vị</label>
  <select id="gh_don_vi" name="don_vi">{{#unit_options}}<option value="{{code}}">{{name}}</option>{{/unit_options}}</select>
  <label for="gh_den_ngay">Gia hạn đến hết ngày (ngày/tháng/năm)</label>
  <input id="gh_den_ngay" name="den_ngay" maxlength="10" required>
  <label for="gh_ly_do">Lý do</label>
  <textarea id="gh_ly_do" name="ly_do" rows="2" maxlength="1000" required></textarea>
  <button type="submit">Gia hạn</button>
</form></details>
{{#round}}<details><summary>Phân công thẩm định</summary>
<form method="post" action="{{href}}/phan-cong" class="stacked">{{/round}}
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="pc_don_vi">Đơn vị được thẩm định</label>
  <select id="pc_don_vi" name="don_vi">{{#unit_options}}<option value="{{code}}">{{name}}</option>{{/unit_options}}</select>
  <label for="pc_nguoi">Thành viên tổ thẩm định (không thuộc đơn vị được thẩm định)</label>
  <select id="pc_nguoi" name="nguoi">{{#appraiser_options}}<option value="{{username}}">{{label}}</option>{{/appraiser_options}}</select>
  <button type="submit">Phân công</button>
</form></details>
{{#has_components}}{{#round}}<details><summary>Điểm thành phần khác</summary>
<form method="post" action="{{href}}/thanh-phan" class="stacked">{{/round}}
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tp_don_vi">Đơn vị</label>
  <select id="tp_don_vi" name="don_vi">{{#unit_options}}<option value="{{code}}">{{name}}</option>{{/unit_options}}</select>
  <label for="tp_thanh_phan">Thành phần</label>
  <select id="tp_thanh_phan" name="thanh_phan">{{#components}}<option value="{{code}}">{{name}} (trọng số {{weight}}, tối đa {{max}})</option>{{/components}}</select>
  <label for="tp_gia_tri">Giá trị</label>
  <input id="tp_gia_tri" name="gia_tri" inputmode="decimal" maxlength="12" required>
  <button type="submit">Lưu</button>
</form></details>{{/has_components}}
{{#round}}<details><summary>Phê duyệt và công bố kết quả</summary>
<form method="post" action="{{href}}/cong-bo" class="stacked">{{/round}}
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <p>Chỉ công bố khi mọi đơn vị đang thẩm định đã được chốt kết quả. Sau khi công bố, đợt đánh giá không thể thay đổi.</p>
  <label for="cb_quyet_dinh">Số quyết định phê duyệt (ví dụ 3125/QĐ-UBND)</label>
  <input id="cb_quyet_dinh" name="quyet_dinh" maxlength="100">
  <button type="submit">Công bố kết quả</button>
</form></details>
{{/manage}}
