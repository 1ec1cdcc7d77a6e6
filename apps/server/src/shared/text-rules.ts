import { z } from 'zod';

// Names of units, people and posts: Chinese, letters, digits and the punctuation real names
// use. Markup, quotes, semicolons and control characters are refused at the boundary.
const NAME_PATTERN = /^[\p{Script=Han}\p{L}\p{N} ·•（）()、，,.\-—_/&＆]+$/u;
const MARKUP_PATTERN = /<\s*\/?\s*[a-z!?]/i;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_PATTERN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A trimmed name field with a Chinese error message. */
export function nameField(label: string, max = 100) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` })
    .regex(NAME_PATTERN, { error: `${label}只能包含汉字、字母、数字和常用标点` });
}

/** Free text (remarks, summaries): any characters but markup and control characters. */
export function freeTextField(label: string, max = 2000) {
  return z
    .string({ error: `${label}必须是文本` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` })
    .refine((v) => !MARKUP_PATTERN.test(v), { error: `${label}不能包含 HTML 标签` })
    .refine((v) => !CONTROL_PATTERN.test(v), { error: `${label}包含不可见的控制字符` });
}

export const idParam = z.object({
  id: z.coerce.number({ error: '编号必须是数字' }).int().positive({ error: '编号必须是正整数' }),
});

export const versionField = z
  .number({ error: '缺少版本号（version）' })
  .int()
  .positive({ error: '版本号无效' });
