{{%AUTOESCAPE context="HTML"}}<h1>Tạo bản PDF</h1>
<p>Bản PDF của văn bản <strong>{{name}}</strong> (khoảng {{size}} KB bản Word) được tạo ở chế độ nền, thường mất vài giây đến một phút. Sau khi bấm nút, bạn sẽ thấy tiến độ và tải bản PDF khi xong; văn bản này được giữ lại để tải lại trong 7 ngày.</p>
<form method="post" action="/cong-viec/tao-pdf">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <input type="hidden" name="nguon" value="{{source}}">
  <button type="submit">Tạo bản PDF</button>
</form>
<p><a href="{{source}}">Tải bản Word (.docx) ngay</a> · <a href="/cong-viec">Các công việc của bạn</a></p>
