{{%AUTOESCAPE context="HTML"}}{{#plan}}<h1>Sửa bảng nhiệm vụ của Kế hoạch số {{number}}</h1>
<p class="downloads"><a href="/ke-hoach/{{id}}/them-nhiem-vu">Thêm nhiệm vụ</a> <a href="/ke-hoach/{{id}}">Về kế hoạch</a></p>{{/plan}}
<p>Nhiệm vụ đã có báo cáo thì không xóa được; hãy hủy và ghi lý do.</p>
<div class="table-wrap wrap-text" tabindex="0" role="region" aria-label="Các nhiệm vụ"><table>
<caption>Các nhiệm vụ, theo thứ tự trong bảng</caption>
<thead><tr><th scope="col">STT</th><th scope="col">Nhiệm vụ</th><th scope="col">Lĩnh vực</th><th scope="col">Cơ quan chủ trì</th><th scope="col">Thời hạn</th><th scope="col">Thao tác</th></tr></thead>
<tbody>{{#rows}}<tr id="nv-{{id}}"><td>{{ref}}</td><th scope="row">{{description}}{{#cancelled}} <strong>(Đã hủy: {{reason}})</strong>{{/cancelled}}</th><td>{{area}}</td><td>{{leads}}</td><td{{#unread}} class="missed"{{/unread}}>{{deadline}}{{#unread}} <strong>(chưa đọc được thời hạn)</strong>{{/unread}}</td>
<td><a href="/nhiem-vu/{{id}}/sua" aria-label="Sửa: {{description}}">Sửa</a>
{{#can_up}}<form method="post" action="/nhiem-vu/{{id}}/len" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link" aria-label="Chuyển lên: {{description}}">Lên</button></form>{{/can_up}}
{{#can_down}}<form method="post" action="/nhiem-vu/{{id}}/xuong" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link" aria-label="Chuyển xuống: {{description}}">Xuống</button></form>{{/can_down}}
{{#can_delete}}<form method="post" action="/nhiem-vu/{{id}}/xoa" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link" aria-label="Xóa: {{description}}">Xóa</button></form>{{/can_delete}}</td></tr>{{/rows}}
{{#none}}<tr><td colspan="6">Chưa có nhiệm vụ.</td></tr>{{/none}}</tbody>
</table></div>
