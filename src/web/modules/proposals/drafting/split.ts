/** Leading numbering of a suggestion: 1. 1、 （一） 一、 一是 ① */
const numbering = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:、|是)|\d{1,2}\s*[、.．)）]|[①-⑩])\s*/u;

/**
 * Suggestions numbered afresh, one a line, for the part of a split draft that keeps them.
 *
 * @example renumber(['三是开放校园', '四、办理通行证']) // '1.开放校园\n2.办理通行证'
 */
export const renumber = (texts: string[]) => texts.map((t, i) => `${i + 1}.${t.replace(numbering, '').trim()}`).join('\n');
