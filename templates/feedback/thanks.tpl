{{%AUTOESCAPE context="HTML"}}<h1>Đã nhận phản ánh</h1>
<p>Cảm ơn bạn đã gửi phản ánh, kiến nghị.</p>
<p><a href="/phan-anh">Quay lại trang phản ánh, kiến nghị</a></p>
