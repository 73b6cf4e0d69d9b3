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
