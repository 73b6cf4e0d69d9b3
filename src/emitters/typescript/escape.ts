/**
 * Every quoting decision of the emitter goes through here: string literals, template
 * literals, property keys and comments. Quotes follow prettier's choice (double unless the
 * text holds more double quotes than single ones), so printed code is already formatted.
 */

const LINE_SEPARATORS = /[\u2028\u2029]/g;

function escapeCommon(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** What a string needs escaped in a double-quoted literal, besides the quote choice: nothing, for most. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f\u2028\u2029]/;

/** A TypeScript string literal for `s`. */
export function stringLiteral(s: string): string {
  // No double quote, backslash or control character: double quotes, nothing escaped (single quotes need none in them).
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  const doubles = (s.match(/"/g) ?? []).length;
  const singles = (s.match(/'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  return quote + escapeCommon(s).replace(new RegExp(quote, "g"), "\\" + quote) + quote;
}

/**
 * The text of a template literal (without backticks) for literal `s`: backslashes, backticks
 * and `${` are escaped; newlines stay real newlines when `multiline` is set.
 */
export function templateText(s: string, multiline: boolean): string {
  let out = s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
  out = out.replace(/\r/g, "\\r").replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  if (!multiline) out = out.replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

/** A property key: bare when it is an identifier (reserved words are fine as keys), else quoted. */
export function propertyKey(key: string): string {
  if (isIdentifier(key)) return key;
  if (/^(0|[1-9][0-9]*)$/.test(key) && Number(key) < Number.MAX_SAFE_INTEGER) return key;
  return stringLiteral(key);
}

/** One line of a `//` comment: no line breaks can escape it. */
export function commentText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, " ").trimEnd();
}

/** Text inside a `/* … *\/` comment. */
export function blockCommentText(s: string): string {
  return s.replace(/\*\//g, "*\\/");
}
