{{%AUTOESCAPE context="HTML"}}<h1>Đánh giá, xếp hạng</h1>
<p>Các đợt đánh giá theo bộ tiêu chí (Chỉ số cải cách hành chính, mức độ chính quyền điện tử …): đơn vị tự đánh giá kèm tài liệu kiểm chứng, tổ thẩm định thẩm định, cơ quan thường trực xếp hạng và công bố.</p>
<p class="downloads"><a href="/danh-gia/bo-tieu-chi">Bộ tiêu chí</a>{{#can_manage}} <a href="/danh-gia/moi">Tạo đợt đánh giá</a>{{/can_manage}} <a href="/xep-hang">Kết quả đã công bố</a></p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các đợt đánh giá"><table>
<caption>Các đợt đánh giá</caption>
<thead><tr><th scope="col">Đợt đánh giá</th><th scope="col">Mã</th><th scope="col">Năm</th><th scope="col">Thời gian tính minh chứng</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>{{#rounds}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{code}}</td><td>{{year}}</td><td>{{window}}</td><td>{{status}}</td></tr>{{/rounds}}
{{#none}}<tr><td colspan="5">Chưa có đợt đánh giá nào.</td></tr>{{/none}}</tbody>
</table></div>
