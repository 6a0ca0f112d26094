{{%AUTOESCAPE context="HTML"}}<h1>Xử lý phản ánh, kiến nghị</h1>
<p><a href="/xu-ly-phan-anh/tiep-nhan" role="button">Tiếp nhận phản ánh (1022, văn bản, trực tiếp, Cổng quốc gia)</a>{{#report}} <a href="/xu-ly-phan-anh/thong-ke">Thống kê</a>{{/report}}{{#manage}} <a href="/xu-ly-phan-anh/nhap">Nhập từ Cổng quốc gia</a> <a href="/xu-ly-phan-anh/linh-vuc">Lĩnh vực và thời hạn</a>{{/manage}}</p>
<form method="get" action="/xu-ly-phan-anh" class="filters">
<label for="trang-thai">Trạng thái<select id="trang-thai" name="trang-thai">{{#states}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/states}}</select></label>
<button type="submit">Lọc</button>
</form>
<p role="status">{{total}} phản ánh, hạn sớm nhất trước.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Phản ánh cần xử lý"><table>
<caption>Phản ánh của đơn vị, hạn trả lời sớm nhất trước</caption>
<thead><tr><th scope="col">Mã</th><th scope="col">Lĩnh vực</th><th scope="col">Đơn vị xử lý</th><th scope="col">Tiếp nhận</th><th scope="col">Hạn trả lời</th><th scope="col">Trạng thái</th><th scope="col">Cán bộ</th></tr></thead>
<tbody>{{#cases}}<tr><th scope="row"><a href="{{href}}">{{code}}</a></th><td>{{category}}</td><td>{{unit}}</td><td>{{received}}</td><td>{{#open}}{{due}}{{#late}} <span class="late">quá hạn</span>{{/late}}{{#paused}} (tạm dừng){{/paused}}{{/open}}</td><td><span class="status status-{{state_class}}">{{state}}</span></td><td>{{assignee}}</td></tr>{{/cases}}
{{#empty}}<tr><td colspan="7">Không có phản ánh nào.</td></tr>{{/empty}}</tbody>
</table></div>
{{>pages}}
