{{%AUTOESCAPE context="HTML"}}<h1>Dung lượng tệp</h1>
<p>Hạn mức lưu tệp của mỗi đơn vị: {{quota}} (minh chứng, báo cáo trả lời yêu cầu, biên bản và kết quả khắc phục sau kiểm tra, minh chứng tự đánh giá, văn bản tải lên để đọc, ảnh bài viết), tính theo đơn vị của người tải lên. Tệp làm vượt hạn mức bị từ chối và không được lưu.</p>
<p>Toàn hệ thống: {{total_files}} tệp, {{total_size}}.</p>
{{#any}}<div class="table-wrap" tabindex="0" role="region" aria-label="Dung lượng theo đơn vị"><table>
  <caption>Dung lượng đã dùng theo đơn vị, nhiều nhất trước</caption>
  <thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Số tệp</th><th scope="col" class="num">Dung lượng</th><th scope="col" class="num">Tỷ lệ hạn mức</th></tr></thead>
  <tbody>{{#rows}}<tr><th scope="row"><a href="{{href}}">{{unit}}</a></th><td class="num">{{files}}</td><td class="num">{{size}}</td><td class="num">{{share}}{{#full}} <strong>(sắp đầy)</strong>{{/full}}</td></tr>{{/rows}}</tbody>
</table></div>{{/any}}
{{#none}}<p>Chưa đơn vị nào lưu tệp.</p>{{/none}}
