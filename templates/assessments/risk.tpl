{{%AUTOESCAPE context="HTML"}}{{#round}}<h1>Điểm bị mất — {{name}}</h1>
<p>Điểm mỗi đơn vị bị mất theo lĩnh vực (điểm tối đa trừ điểm cuối cùng), phần tự chấm cao hơn kết quả thẩm định, và tiêu chí mất nhiều điểm nhất. <a href="{{href}}">Trở về đợt đánh giá</a></p>{{/round}}
{{#levels}}<h2>{{name}}</h2>
{{>table}}
{{/levels}}
