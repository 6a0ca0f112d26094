{{%AUTOESCAPE context="HTML"}}<h1>Thống kê phản ánh, kiến nghị</h1>
<p><a href="/xu-ly-phan-anh">← Danh sách phản ánh</a></p>
<form method="get" action="/xu-ly-phan-anh/thong-ke" class="filters">
<label for="ky">Kỳ</label><select id="ky" name="ky">{{#period_groups}}<optgroup label="{{group}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</optgroup>{{/period_groups}}</select>
<button type="submit">Xem</button>
</form>
<p>Số liệu {{period_label}}, tính như các chỉ số phản ánh, kiến nghị: tiếp nhận trong kỳ; trả lời trong kỳ và đúng hạn; tồn và quá hạn tại cuối kỳ (hoặc hôm nay, với kỳ chưa kết thúc); hài lòng trên số câu trả lời được đánh giá. <a href="{{xlsx}}">Tải về bảng tính (XLSX)</a></p>
{{>total}}
{{>channel_chart}}
{{>by_channel}}
{{>by_unit}}
{{>by_category}}
