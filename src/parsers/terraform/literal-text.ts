/**
 * HCL's literal text as hcl2json leaves it (as written): quoted strings' escapes and heredocs'
 * `$${`/`%%{`, a `<<-` heredoc's indentation, and the `~` strip markers of template directives,
 * decoded for the expression lowering (lower-expr.ts).
 */
import type { Expr } from "../../model/expr.js";

/** The strip markers of a directive's text: `%{~ … }` (left) and `%{ … ~}` (right). */
export function markers(directive: string): { left: boolean; right: boolean } {
  return { left: /^[%$]\{~/.test(directive), right: /~\}$/.test(directive) };
}

/** Where the directive that starts at `start` (`%{`) ends: its closing `}`, brackets and strings skipped. */
export function directiveEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return text.length - 1;
}

/** A template's first text part without its leading white space (a `~` strip marker after what precedes it). */
export function trimStart(parts: (string | Expr)[]): void {
  if (typeof parts[0] === "string") {
    parts[0] = parts[0].replace(/^\s+/, "");
    if (parts[0] === "") parts.shift();
  }
}

/** Its last text part without its trailing white space (a `~` strip marker before what follows). */
export function trimEnd(parts: (string | Expr)[]): void {
  const last = parts.length - 1;
  if (typeof parts[last] === "string") {
    parts[last] = (parts[last] as string).replace(/\s+$/, "");
    if (parts[last] === "") parts.pop();
  }
}

/** Decodes a quoted HCL template literal: escapes, `$${` and `%%{`. */
export function decodeQuoted(raw: string): string {
  if (!raw.includes("\\") && !raw.includes("$${") && !raw.includes("%%{")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\" && i + 1 < raw.length) {
      const n = raw[++i]!;
      switch (n) {
        case "n": out += "\n"; break;
        case "r": out += "\r"; break;
        case "t": out += "\t"; break;
        case '"': out += '"'; break;
        case "\\": out += "\\"; break;
        case "u": out += String.fromCodePoint(parseInt(raw.slice(i + 1, i + 5), 16)); i += 4; break;
        case "U": out += String.fromCodePoint(parseInt(raw.slice(i + 1, i + 9), 16)); i += 8; break;
        default: out += "\\" + n;
      }
    } else if ((c === "$" || c === "%") && raw[i + 1] === c && raw[i + 2] === "{") {
      out += c + "{";
      i += 2;
    } else out += c;
  }
  return out;
}

/** Heredocs have no backslash escapes, only `$${` and `%%{`. */
export function decodeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/** The indentation `<<-` removes: the smallest of all non-blank lines of the text (not the closing marker's). */
export function heredocIndent(raw: string): number {
  const lines = raw.split("\n").slice(1, -1);
  let min = Infinity;
  for (const l of lines) {
    const line = l.replace(/\r$/, "");
    if (line.trim() === "") continue;
    min = Math.min(min, line.length - line.trimStart().length);
  }
  return Number.isFinite(min) ? min : 0;
}

/** hcl2json strips a `<<-` heredoc's first line only; strip the others the same way. */
export function stripIndentAfterNewlines(text: string, indent: number): string {
  return text.replace(new RegExp(`\\n[ \\t]{0,${indent}}`, "g"), "\n");
}
