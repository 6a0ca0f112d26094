{{%AUTOESCAPE context="HTML"}}{{#show}}<nav class="pagination" aria-label="Phân trang">
{{#has_prev}}<a href="{{prev}}" rel="prev">← Trang trước</a>{{/has_prev}}
<span>{{label}}</span>
{{#has_next}}<a href="{{next}}" rel="next">Trang sau →</a>{{/has_next}}
</nav>{{/show}}
