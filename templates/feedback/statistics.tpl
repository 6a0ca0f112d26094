{{%AUTOESCAPE context="HTML"}}<h1>Thống kê phản ánh, kiến nghị</h1>
<p><a href="/xu-ly-phan-anh">← Danh sách phản ánh</a></p>
<form method="get" action="/xu-ly-phan-anh/thong-ke" class="filters">
<label for="ky">Kỳ (năm 2026, quý 2026-Q3, tháng 2026-11)<input id="ky" name="ky" value="{{ky}}" maxlength="10"></label>
<button type="submit">Xem</button>
</form>
<p>Số liệu {{period_label}}, tính như các chỉ số phản ánh, kiến nghị: tiếp nhận trong kỳ; trả lời trong kỳ và đúng hạn; tồn và quá hạn tại cuối kỳ (hoặc hôm nay, với kỳ chưa kết thúc); hài lòng trên số câu trả lời được đánh giá. <a href="{{xlsx}}">Tải về bảng tính (XLSX)</a></p>
{{>total}}
{{>channel_chart}}
{{>by_channel}}
{{>by_unit}}
{{>by_category}}
