import { defineMessages } from '../i18n/i18n.ts';

export const fileMessages = defineMessages({
  'file.label': { zh: '附件', en: 'Attachment' },
  'file.unsupported': { zh: '“{name}”的文件类型不受支持', en: '“{name}” is not a type of file we accept' },
  'file.mismatch': { zh: '“{name}”：文件内容与扩展名不符', en: '“{name}”: the content does not match the file name' },
  'file.not_allowed': {
    zh: '“{name}”：此处只接受以下类型的文件：{kinds}',
    en: '“{name}”: only these types of file are accepted here: {kinds}',
  },
  'file.too_large': { zh: '“{name}”超过了 {max} 的大小限制', en: '“{name}” is larger than the {max} limit' },
  'file.request_too_large': {
    zh: '上传的文件合计超过了 {max} 的大小限制',
    en: 'The files together are larger than the {max} limit',
  },
  'file.too_many': { zh: '一次最多上传 {max} 个文件', en: 'Upload at most {max} files at a time' },
  'file.empty': { zh: '“{name}”是空文件', en: '“{name}” is empty' },
  'file.required': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  'file.hint': { zh: '可上传 {kinds} 文件，每个不超过 {max}', en: '{kinds} files, up to {max} each' },
  'file.malformed': { zh: '上传的表单数据不完整，请重新提交', en: 'The upload was incomplete. Submit the form again' },
});
