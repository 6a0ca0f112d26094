{{%AUTOESCAPE context="HTML"}}<h1>Tổng hợp kết quả kiểm tra công tác cải cách hành chính năm {{year}}</h1>
<p class="downloads"><a href="{{xlsx}}">Tải bảng tính (XLSX)</a> · <a href="{{docx}}">Dự thảo báo cáo (Word)</a> · <a href="{{docx}}&amp;pdf=1">Báo cáo (PDF)</a></p>
{{>figures}}
{{>recommendations}}
{{>open}}
