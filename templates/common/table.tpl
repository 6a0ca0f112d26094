{{%AUTOESCAPE context="HTML"}}<div class="table-wrap" id="{{id}}" tabindex="0" role="region" aria-label="{{caption}}"><table>
<caption>{{caption}}</caption>
<thead><tr>{{#columns}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{#sort}}<a href="{{href}}">{{/sort}}{{label}}{{#sort}}</a>{{/sort}}</th>{{/columns}}</tr></thead>
<tbody>{{#rows}}<tr>{{#head}}<th scope="row"{{#styled}} class="{{class}}"{{/styled}}>{{#link}}<a href="{{href}}">{{text}}</a>{{/link}}{{#plain}}{{text}}{{/plain}}</th>{{/head}}{{#cells}}<td{{#styled}} class="{{class}}"{{/styled}}>{{#link}}<a href="{{href}}">{{text}}</a>{{/link}}{{#plain}}{{text}}{{/plain}}</td>{{/cells}}</tr>{{/rows}}
{{#empty}}<tr><td colspan="{{colspan}}">Không có dữ liệu.</td></tr>{{/empty}}</tbody>
</table></div>
