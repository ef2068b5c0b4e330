import { defineMessages } from '../i18n/i18n.ts';

// What the HTTP layer says when it refuses a request before any route sees it.
export const httpMessages = defineMessages({
  'error.json_too_deep': {
    zh: '提交的数据嵌套层级过深（最多 {max} 层），请检查后重新提交。',
    en: 'The submitted data is nested too deeply (at most {max} levels). Check it and submit again.',
  },
  'error.length_required': {
    zh: '上传文件的请求必须注明长度（Content-Length），请使用浏览器提交表单。',
    en: 'A file upload must state its length (Content-Length). Submit the form from a browser.',
  },
});
