{{%AUTOESCAPE context="HTML"}}<h1>Kết quả đánh giá, xếp hạng</h1>
<p>Kết quả xác định các chỉ số đánh giá cơ quan, đơn vị đã được Ủy ban nhân dân tỉnh phê duyệt, công bố.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các kết quả đã công bố"><table>
<caption>Các kết quả đã công bố</caption>
<thead><tr><th scope="col">Đợt đánh giá</th><th scope="col">Năm</th><th scope="col">Công bố</th><th scope="col">Quyết định</th></tr></thead>
<tbody>{{#rounds}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{year}}</td><td>{{status}}</td><td>{{decision}}</td></tr>{{/rounds}}
{{#none}}<tr><td colspan="4">Chưa có kết quả nào được công bố.</td></tr>{{/none}}</tbody>
</table></div>
