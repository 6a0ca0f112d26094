{{%AUTOESCAPE context="HTML"}}<h1>Đổi mật khẩu</h1>
{{#error}}<p class="form-error" role="alert">{{message}}</p>{{/error}}
{{#saved}}<p class="notice" role="status">Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.</p>{{/saved}}
<form method="post" action="/doi-mat-khau">
  <input type="hidden" name="_csrf" value="{{csrf}}">
  <label for="current">Mật khẩu hiện tại</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="128">
  <label for="new">Mật khẩu mới</label>
  <input id="new" name="new" type="password" autocomplete="new-password" required minlength="12" maxlength="128" aria-describedby="new-help">
  <small id="new-help">Ít nhất 12 ký tự; nên dùng một câu dễ nhớ.</small>
  <label for="confirm">Nhập lại mật khẩu mới</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="128">
  <button type="submit">Lưu</button>
</form>
