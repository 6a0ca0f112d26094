{{%AUTOESCAPE context="HTML"}}<h1>Tùy chọn hiển thị</h1>
{{#saved}}<p class="notice" role="status">Đã lưu tùy chọn hiển thị.</p>{{/saved}}
<form method="post" action="/tuy-chon-hien-thi">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <fieldset>
    <legend>Cỡ chữ</legend>
    <label><input type="radio" name="text_size" value="normal"{{#size_normal}} checked{{/size_normal}}> Chuẩn</label>
    <label><input type="radio" name="text_size" value="large"{{#size_large}} checked{{/size_large}}> Lớn</label>
  </fieldset>
  <fieldset>
    <legend>Độ tương phản</legend>
    <label><input type="radio" name="contrast" value="normal"{{#contrast_normal}} checked{{/contrast_normal}}> Chuẩn</label>
    <label><input type="radio" name="contrast" value="high"{{#contrast_high}} checked{{/contrast_high}}> Cao</label>
  </fieldset>
  <button type="submit">Lưu</button>
</form>
