/**
 * The `#` comments of a YAML template, handed out once each: the lines right above an entry
 * (its leading comments), the comment at the end of its line (trailing), and, once every item
 * has taken its own, those left inside an item's lines (a comment above a list's scalar item,
 * inside an intrinsic function's arguments, after a mapping's last entry), which its caller
 * keeps with the item so that no comment is dropped. js-yaml drops comments; it reports where
 * each value was written (yaml.ts), and the lines a multi-line scalar covers (a `|` block of a
 * shell script, whose `#` lines are text) are never read as comments. A JSON template has none.
 */
import type { Comments } from "../../model/expr.js";

export class TemplateComments {
  private readonly used = new Set<number>();
  private readonly trailed = new Set<number>();

  constructor(
    private readonly lines: readonly string[],
    /** Whether 1-based line `n` is inside a multi-line scalar (text, not a comment). */
    private readonly inScalar: (line: number) => boolean,
    private readonly yaml: boolean,
  ) {}

  get lineCount(): number {
    return this.lines.length;
  }

  /** Whether 1-based line `n` holds only a comment. */
  private isComment(n: number): boolean {
    const l = this.lines[n - 1];
    return l !== undefined && /^\s*#/.test(l) && !this.inScalar(n);
  }

  private text(n: number): string {
    return this.lines[n - 1]!.trim().replace(/^#\s?/, "");
  }

  /** The comment lines right above line `line` not yet handed out, in order. */
  above(line: number): string[] {
    if (!this.yaml) return [];
    const out: string[] = [];
    for (let n = line - 1; n >= 1 && this.isComment(n) && !this.used.has(n); n--) {
      this.used.add(n);
      out.unshift(this.text(n));
    }
    return out;
  }

  /** The comment at the end of line `line` (after what is written there), unless handed out. */
  trailing(line: number): string | undefined {
    if (!this.yaml || this.trailed.has(line)) return undefined;
    const l = this.lines[line - 1];
    if (l === undefined || !l.includes("#") || this.inScalar(line)) return undefined;
    const at = trailingCommentAt(l);
    if (at === undefined) return undefined;
    this.trailed.add(line);
    return l.slice(at + 1).trim();
  }

  /** Leading and trailing comments of an entry written at `line`. */
  of(line: number): Comments | undefined {
    const leading = this.above(line);
    const trailing = this.trailing(line);
    if (!leading.length && trailing === undefined) return undefined;
    return { ...(leading.length ? { leading } : {}), ...(trailing !== undefined ? { trailing } : {}) };
  }

  /**
   * Comments from line `from` to `to` (inclusive) that no entry took, handed out now, in order:
   * comment lines and comments at the end of a line, up to the last line that holds more than a
   * comment and after it those indented deeper than `indent` (the item's key), and the comment
   * lines after it at `indent` or less.
   */
  left(from: number, to: number, indent: number): { inside: string[]; after: string[] } {
    const inside: string[] = [];
    if (!this.yaml) return { inside, after: [] };
    let tail: { text: string; indent: number }[] = [];
    for (let n = from; n <= to; n++) {
      const l = this.lines[n - 1] ?? "";
      if (!this.isComment(n)) {
        if (/\S/.test(l)) {
          inside.push(...tail.map((c) => c.text));
          tail = [];
        }
        // The comment at the end of a line no entry starts on (a list's scalar item).
        const t = this.trailing(n);
        if (t !== undefined) inside.push(t);
        continue;
      }
      if (this.used.has(n)) continue;
      this.used.add(n);
      tail.push({ text: this.text(n), indent: l.length - l.trimStart().length });
    }
    inside.push(...tail.filter((c) => c.indent > indent).map((c) => c.text));
    return { inside, after: tail.filter((c) => c.indent <= indent).map((c) => c.text) };
  }
}

/**
 * Where a comment starts on a line that holds more than a comment: a `#` after white space,
 * outside quotes (a quote opens a scalar only at its start: after white space, `:`, `-`, `,` or a
 * flow bracket; `''` is a quote inside single quotes, `\` escapes inside double quotes).
 */
export function trailingCommentAt(line: string): number | undefined {
  let quote: string | undefined;
  let content = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (quote === '"' && c === "\\") i++;
      else if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const prev = i === 0 ? " " : line[i - 1]!;
    if (c === "#" && (prev === " " || prev === "\t")) return content ? i : undefined;
    if ((c === '"' || c === "'") && /[\s:\-,[{]/.test(prev)) quote = c;
    if (c !== " " && c !== "\t") content = true;
  }
  return undefined;
}
