{{%AUTOESCAPE context="HTML"}}<h1>Nhập phản ánh từ Cổng Dịch vụ công quốc gia</h1>
<p><a href="/xu-ly-phan-anh">← Danh sách phản ánh</a></p>
<p>Tệp CSV (UTF-8) với dòng tiêu đề <code>external_id,received_at,category,place,content,name,email,phone,publish</code>: mã phản ánh trên Cổng quốc gia, thời điểm tiếp nhận (ví dụ <code>2026-03-04T09:00:00+07:00</code>), mã lĩnh vực, mã xã, phường (có thể để trống), nội dung, họ tên, thư điện tử, số điện thoại, đồng ý công khai (1 hoặc 0). Tệp có dòng sai thì không nhập dòng nào; phản ánh đã nhập trước đó được giữ nguyên.</p>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#rejected}}<div class="form-error" role="alert"><p>Tệp bị từ chối, chưa nhập phản ánh nào ({{count}} lỗi):</p><ul>{{#lines}}<li>{{value}}</li>{{/lines}}</ul></div>{{/rejected}}
{{#done}}<p class="notice" role="status">Đã nhập {{inserted}} phản ánh mới; {{unchanged}} phản ánh đã có từ trước.</p>{{/done}}
<form method="post" action="/xu-ly-phan-anh/nhap" enctype="multipart/form-data" class="stacked">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="tep">Tệp CSV</label>
  <input id="tep" name="tep" type="file" accept=".csv,text/csv" required>
  <button type="submit">Nhập</button>
</form>
