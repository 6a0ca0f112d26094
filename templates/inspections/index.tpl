{{%AUTOESCAPE context="HTML"}}<h1>Kiểm tra công tác cải cách hành chính</h1>
<form method="get" action="/kiem-tra" class="filters" aria-label="Chọn năm">
  <div><label for="nam">Năm</label>
  <select id="nam" name="nam">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/years}}</select></div>
  <button type="submit">Xem</button>
</form>
<p class="downloads"><a href="/kiem-tra/theo-doi?nam={{year}}">Theo dõi khắc phục kiến nghị</a> · <a href="/kiem-tra/tong-hop?nam={{year}}">Tổng hợp kết quả kiểm tra năm {{year}}</a>{{#can_manage}} · <a href="/kiem-tra/ke-hoach/moi">Lập kế hoạch kiểm tra</a>{{/can_manage}}</p>
<h2>Kế hoạch kiểm tra năm {{year}}</h2>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Kế hoạch kiểm tra"><table>
<caption>Kế hoạch kiểm tra năm {{year}}</caption>
<thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col">Đơn vị ban hành</th><th scope="col">Trạng thái</th><th scope="col" class="num">Đơn vị được kiểm tra</th><th scope="col" class="num">Đã kiểm tra</th></tr></thead>
<tbody>{{#plans}}<tr><th scope="row"><a href="{{href}}">{{number}}</a></th><td>{{title}}</td><td>{{issuer}}</td><td>{{status}}</td><td class="num">{{visits}}</td><td class="num">{{done}}</td></tr>{{/plans}}
{{#none}}<tr><td colspan="6">Chưa có kế hoạch kiểm tra của năm này.</td></tr>{{/none}}</tbody>
</table></div>
<h2>Kết quả năm {{year}}</h2>
{{>figures}}
{{>recommendations}}
