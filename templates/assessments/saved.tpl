{{%AUTOESCAPE context="HTML"}}{{#error}}<span class="form-error" role="alert">{{message}}</span>{{/error}}{{#saved}}<span role="status">Đã lưu nháp lúc {{at}}</span>{{/saved}}
