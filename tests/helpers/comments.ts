/**
 * The comments a source file holds, found without the converter's own reading of comments (for
 * the corpus test that every one reaches the program): YAML `#` comments outside block scalars
 * (`|`, `>`), with a comment at the end of a line found as the parser finds it (unit-tested on
 * its own); HCL `#` and `//` line comments and `/* … *\/` lines outside strings and heredocs.
 */
import { trailingCommentAt } from "../../src/parsers/cloudformation/comments.js";

export interface FoundComment {
  readonly line: number;
  readonly text: string;
}

const indentOf = (l: string) => l.length - l.trimStart().length;

export function yamlComments(text: string): FoundComment[] {
  const out: FoundComment[] = [];
  let block: number | undefined;
  text.split(/\r?\n/).forEach((l, i) => {
    if (block !== undefined) {
      if (l.trim() === "" || indentOf(l) > block) return;
      block = undefined;
    }
    const whole = /^\s*#\s?(.*)$/.exec(l);
    if (whole) {
      if (whole[1]!.trim()) out.push({ line: i + 1, text: whole[1]!.trim() });
      return;
    }
    const at = trailingCommentAt(l);
    if (at !== undefined && l.slice(at + 1).trim()) out.push({ line: i + 1, text: l.slice(at + 1).trim() });
    if (/(?:^|:|-)\s*(?:![A-Za-z:]+\s+)?[|>][-+0-9]*\s*(?:#.*)?$/.test(l)) block = indentOf(l);
  });
  return out;
}

/** The lines of the YAML block that starts at line `line` (its key), after that line. */
export function yamlBlockLines(text: string, line: number): { from: number; to: number } {
  const lines = text.split(/\r?\n/);
  const base = indentOf(lines[line - 1]!);
  let to = line;
  for (let n = line + 1; n <= lines.length; n++) {
    const l = lines[n - 1]!;
    if (l.trim() !== "" && !/^\s*#/.test(l) && indentOf(l) <= base) break;
    to = n;
  }
  return { from: line + 1, to };
}

/** Whether the program holds the comment's text (white space aside). */
export function holds(code: string, c: FoundComment): boolean {
  const squash = (s: string) => s.replace(/\s+/g, " ");
  return squash(code).includes(squash(c.text));
}

/** HCL comments: `#` and `//` to the end of the line, and each line of a `/* … *\/` comment, outside strings (with their `${…}`) and heredocs. */
export function hclComments(text: string): FoundComment[] {
  const out: FoundComment[] = [];
  let line = 1;
  // What is open: a string, or an interpolation inside one (its brace depth).
  const stack: ("string" | number)[] = [];
  const push = (from: number, to: number, block: boolean) => {
    for (const [k, l] of text.slice(from, to).split("\n").entries()) {
      const t = (block ? l.replace(/^\s*\*?\s?/, "") : l).trim();
      if (t) out.push({ line: line + k, text: t });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === "\n") line++;
    if (top === "string") {
      if (c === "\\") i++;
      else if (c === '"') stack.pop();
      else if ((c === "$" || c === "%") && text[i + 1] === "{") {
        stack.push(0);
        i++;
      }
      continue;
    }
    if (c === '"') stack.push("string");
    else if (c === "{" && typeof top === "number") stack[stack.length - 1] = top + 1;
    else if (c === "}" && typeof top === "number") {
      if (top === 0) stack.pop();
      else stack[stack.length - 1] = top - 1;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const end = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
      push(i + (c === "#" ? 1 : 2), end, false);
      i = end - 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2) < 0 ? text.length : text.indexOf("*/", i + 2);
      push(i + 2, end, true);
      line += text.slice(i, end).split("\n").length - 1;
      i = end + 1;
    } else if (c === "<" && text[i + 1] === "<" && stack.length === 0) {
      const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\n/.exec(text.slice(i, i + 200));
      if (!m) continue;
      const close = new RegExp(`\\n[ \\t]*${m[1]}[ \\t]*(?=\\n|$)`, "g");
      close.lastIndex = i + m[0].length - 1;
      const found = close.exec(text);
      const end = found ? found.index + found[0].length : text.length;
      line += text.slice(i, end).split("\n").length - 1;
      i = end - 1;
    }
  }
  return out;
}

/** The lines of the HCL block whose header is on line `line`: to the line where its braces close (strings skipped). */
export function hclBlockLines(text: string, line: number): { from: number; to: number } {
  const lines = text.split("\n");
  let depth = 0;
  let opened = false;
  for (let n = line; n <= lines.length; n++) {
    const l = lines[n - 1]!.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(#|\/\/).*$/, "");
    for (const c of l) {
      if (c === "{") (depth++, (opened = true));
      else if (c === "}") depth--;
    }
    if (opened && depth <= 0) return { from: line, to: n };
  }
  return { from: line, to: lines.length };
}
