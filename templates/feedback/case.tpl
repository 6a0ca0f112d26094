{{%AUTOESCAPE context="HTML"}}<h1>Phản ánh {{code}}</h1>
<p><a href="/xu-ly-phan-anh">← Danh sách phản ánh</a></p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
<dl class="facts">
<dt>Trạng thái</dt><dd><span class="status status-{{state_class}}">{{state}}</span>{{#paused}} — tạm dừng tính thời hạn từ {{paused_since}}{{/paused}}</dd>
<dt>Lĩnh vực</dt><dd>{{category}} ({{deadline_days}} ngày làm việc; {{legal_source}})</dd>
<dt>Đơn vị xử lý</dt><dd>{{unit}}</dd>
<dt>Cán bộ xử lý</dt><dd>{{assignee}}</dd>
<dt>Kênh</dt><dd>{{channel}}</dd>
<dt>Tiếp nhận</dt><dd>{{received}}</dd>
{{#open}}<dt>Hạn trả lời</dt><dd>{{due}}{{#late}} <span class="late">quá hạn</span>{{/late}}{{#has_extension}} (đã gia hạn {{extension}}){{/has_extension}}</dd>{{/open}}
{{#has_answered}}<dt>Đã trả lời</dt><dd>{{answered}}{{#has_public}} — <a href="{{public_href}}">đã công khai</a>{{/has_public}}</dd>{{/has_answered}}
<dt>Nơi xảy ra</dt><dd>{{place}} {{address}}</dd>
<dt>Người phản ánh</dt><dd>{{name}} · {{email}} {{phone}}</dd>
<dt>Công khai</dt><dd>{{publish_label}}</dd>
</dl>
<h2>Nội dung</h2>
<p class="prewrap">{{content}}</p>
{{#has_attachments}}<h2>Tệp đính kèm</h2><ul>{{#attachments}}<li><a href="{{href}}">{{name}}</a> ({{size}}){{#checked}} — đã kiểm tra{{/checked}}{{#unchecked}} <form method="post" action="{{check_action}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">Đánh dấu đã kiểm tra</button></form>{{/unchecked}}{{#preview}}<br><img src="{{href}}" alt="Ảnh người dân gửi kèm: {{name}}" class="attachment-preview">{{/preview}}</li>{{/attachments}}</ul>{{/has_attachments}}
{{#has_pauses}}<h2>Đề nghị bổ sung</h2><ul>{{#pauses}}<li><p class="prewrap">{{question}}</p><p>Hỏi {{asked}}; trả lời: {{ended}} ({{days}} ngày làm việc tạm dừng)</p><p class="prewrap">{{reply}}</p></li>{{/pauses}}</ul>{{/has_pauses}}
{{#forms}}<h2>Xử lý</h2>
{{#assign}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="can_bo">Cán bộ xử lý</label><select id="can_bo" name="can_bo">{{#officers}}<option value="{{username}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/officers}}</select>
<button type="submit">Phân công</button></form>{{/assign}}
{{#draft}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="tra_loi">Dự thảo trả lời</label><textarea id="tra_loi" name="tra_loi" rows="8" maxlength="20000" required>
{{answer:pre_escape}}</textarea>
<button type="submit">Trình lãnh đạo duyệt</button></form>{{/draft}}
{{#approve}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<p><strong>Dự thảo trả lời:</strong></p><p class="prewrap">{{answer}}</p>
{{#publishable}}<label><input type="checkbox" name="cong_khai" value="1" checked> Công khai câu trả lời (thông tin cá nhân được tự động ẩn)</label>{{/publishable}}
<button type="submit">Duyệt và gửi trả lời</button></form>{{/approve}}
{{#return_draft}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="ly_do_tra">Lý do trả lại dự thảo</label><input id="ly_do_tra" name="ghi_chu" maxlength="2000" required>
<button type="submit" class="secondary">Trả lại dự thảo</button></form>{{/return_draft}}
{{#ask_clarification}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="cau_hoi">Đề nghị người dân bổ sung (thời hạn tạm dừng đến khi có trả lời)</label><textarea id="cau_hoi" name="ghi_chu" rows="3" maxlength="2000" required>
</textarea>
<button type="submit" class="secondary">Gửi đề nghị bổ sung</button></form>{{/ask_clarification}}
{{#resume}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="bo_sung_khac">Người dân đã bổ sung qua kênh khác (ghi lại nội dung)</label><textarea id="bo_sung_khac" name="ghi_chu" rows="3" maxlength="2000">
</textarea>
<button type="submit" class="secondary">Tiếp tục xử lý</button></form>{{/resume}}
{{#extend}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="so_ngay">Gia hạn (ngày làm việc, tối đa {{max}}; chỉ một lần)</label><input id="so_ngay" name="so_ngay" inputmode="numeric" pattern="[0-9]{1,2}" maxlength="2" required>
<label for="ly_do_gia_han">Lý do gia hạn</label><input id="ly_do_gia_han" name="ghi_chu" maxlength="2000" required>
<button type="submit" class="secondary">Gia hạn</button></form>{{/extend}}
{{#transfer}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="don_vi">Chuyển đến đơn vị</label><select id="don_vi" name="don_vi" required><option value="">Chọn đơn vị</option>{{#units}}<option value="{{code}}">{{name}}</option>{{/units}}</select>
<label for="ly_do_chuyen">Lý do chuyển</label><input id="ly_do_chuyen" name="ghi_chu" maxlength="2000" required>
<button type="submit" class="secondary">Chuyển</button></form>{{/transfer}}
{{#merge}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="gop_vao">Trùng với phản ánh (mã)</label><input id="gop_vao" name="gop_vao" maxlength="20" required autocomplete="off">
<button type="submit" class="secondary">Gộp</button></form>{{/merge}}
{{#refuse}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="can_cu_tu_choi">Không thuộc thẩm quyền: căn cứ pháp lý và hướng dẫn cho người dân</label><textarea id="can_cu_tu_choi" name="ghi_chu" rows="3" maxlength="2000" required>
</textarea>
<button type="submit" class="secondary">Từ chối xử lý</button></form>{{/refuse}}
{{#comment}}<form method="post" action="{{action}}" class="stacked"><input type="hidden" name="_csrf" value="{{csrf}}">
<label for="ghi_chu">Ghi chú nội bộ</label><input id="ghi_chu" name="ghi_chu" maxlength="2000" required>
<button type="submit" class="secondary">Ghi chú</button></form>{{/comment}}
{{/forms}}
{{#merged}}<p>Đã gộp vào <a href="{{href}}">{{code}}</a>.</p>{{/merged}}
<h2>Lịch sử xử lý</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Lịch sử xử lý"><table>
<caption>Các bước xử lý, cũ nhất trước</caption>
<thead><tr><th scope="col">Thời điểm</th><th scope="col">Người thực hiện</th><th scope="col">Việc</th><th scope="col">Nội dung</th></tr></thead>
<tbody>{{#events}}<tr><td>{{when}}</td><td>{{who}}</td><td>{{what}}</td><td class="prewrap">{{note}}</td></tr>{{/events}}</tbody>
</table></div>
