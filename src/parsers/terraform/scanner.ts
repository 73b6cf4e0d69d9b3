/**
 * A small scanner over raw HCL text that recovers what `@cdktf/hcl2json` drops: the order of
 * attributes and blocks, comments (leading and same-line trailing), and the position of
 * everything. It does not evaluate expressions: it only finds where each attribute's value
 * starts and ends, skipping strings, templates, heredocs, brackets and comments correctly.
 * hcl2json stays the authority on syntax: it has already accepted the file when this runs.
 */

export interface ScannedAttribute {
  readonly kind: "attribute";
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** Byte offsets (UTF-16 indices) of the value's source text. */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly leading: readonly string[];
  readonly trailing?: string;
  /** Comments inside the value (between an object's entries, a list's items, a call's arguments), each as its lines. */
  readonly inner?: readonly (readonly string[])[];
}

export interface ScannedBlock {
  readonly kind: "block";
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  readonly column: number;
  readonly body: ScannedBody;
  readonly leading: readonly string[];
  readonly trailing?: string;
}

export type ScannedItem = ScannedAttribute | ScannedBlock;

export interface ScannedBody {
  readonly items: readonly ScannedItem[];
  /** Comments after the last item of the body. */
  readonly dangling: readonly string[];
}

export class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_-]/;

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export function scanHcl(text: string): ScannedBody {
  return new Scanner(text).file();
}

/** A comment in expression text: where it starts and ends, and its lines without markers. */
export interface CommentSpan {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

/**
 * The comments of an expression text and where each bracket closes, by offset, in one pass that
 * skips strings and heredocs as the scanner does. `text` may be bytes read as latin1 (offsets are
 * then byte offsets, as hcl2json's ranges are: no byte of a multi-byte character is an ASCII
 * one), with `decode` turning a span back into its text. Undefined if the text does not lex.
 */
export function lexExpression(text: string, decode: (start: number, end: number) => string = (a, b) => text.slice(a, b)): { comments: CommentSpan[]; closers: Map<number, number> } | undefined {
  try {
    return new Scanner(text).lex(decode);
  } catch (e) {
    if (e instanceof ScanError) return undefined;
    throw e;
  }
}

class Scanner {
  private i = 0;
  private readonly lines: LineIndex;
  constructor(private readonly s: string) {
    this.lines = new LineIndex(s);
  }

  file(): ScannedBody {
    const body = this.body(false);
    return body;
  }

  lex(decode: (start: number, end: number) => string): { comments: CommentSpan[]; closers: Map<number, number> } {
    const s = this.s;
    const comments: CommentSpan[] = [];
    const closers = new Map<number, number>();
    const open: number[] = [];
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === "#" || (c === "/" && (s[this.i + 1] === "/" || s[this.i + 1] === "*"))) {
        const start = this.i;
        this.commentAt();
        comments.push({ start, end: this.i, lines: commentLines(decode(start, this.i)) });
        continue;
      }
      if (c === '"') {
        this.skipString();
        continue;
      }
      if (c === "<" && s[this.i + 1] === "<" && this.heredoc()) continue;
      if (c === "{" || c === "[" || c === "(") open.push(this.i);
      else if (c === "}" || c === "]" || c === ")") {
        const o = open.pop();
        if (o !== undefined) closers.set(o, this.i);
      }
      this.i++;
    }
    return { comments, closers };
  }

  private fail(message: string, at = this.i): never {
    const { line, column } = this.lines.position(at);
    throw new ScanError(message, line, column);
  }

  private body(nested: boolean): ScannedBody {
    const items: ScannedItem[] = [];
    let pending: string[] = [];
    for (;;) {
      this.skipBlankAndComments(pending);
      if (this.i >= this.s.length) {
        if (nested) this.fail("unclosed block: expected '}'");
        return { items, dangling: pending };
      }
      const ch = this.s[this.i]!;
      if (ch === "}") {
        if (!nested) this.fail("unexpected '}'");
        this.i++;
        return { items, dangling: pending };
      }
      const start = this.i;
      const name = this.identOrLabel();
      if (name === undefined) this.fail(`unexpected character '${ch}'`);
      this.skipInlineSpace();
      const { line, column } = this.lines.position(start);
      if (this.s[this.i] === "=" && this.s[this.i + 1] !== "=") {
        this.i++;
        this.skipInlineSpace();
        const valueStart = this.i;
        const inner: string[][] = [];
        this.skipExpression(inner);
        let valueEnd = this.i;
        while (valueEnd > valueStart && /\s/.test(this.s[valueEnd - 1]!)) valueEnd--;
        const trailing = this.trailingComment();
        items.push({ kind: "attribute", name, line, column, valueStart, valueEnd, leading: pending, ...(trailing !== undefined ? { trailing } : {}), ...(inner.length ? { inner } : {}) });
      } else {
        const labels: string[] = [];
        for (;;) {
          this.skipInlineSpace();
          if (this.s[this.i] === "{") break;
          const label = this.identOrLabel();
          if (label === undefined) this.fail(`expected a block label or '{' after '${name}'`);
          labels.push(label);
        }
        this.i++;
        const body = this.body(true);
        const trailing = this.trailingComment();
        items.push({ kind: "block", type: name, labels, line, column, body, leading: pending, ...(trailing !== undefined ? { trailing } : {}) });
      }
      pending = [];
    }
  }

  private identOrLabel(): string | undefined {
    const c = this.s[this.i];
    if (c === '"') {
      const start = this.i;
      this.skipString();
      return JSON.parse(this.s.slice(start, this.i).replace(/\\([^"\\/bfnrtu])/g, "$1")) as string;
    }
    if (c === undefined || !IDENT_START.test(c)) return undefined;
    const start = this.i;
    while (this.i < this.s.length && IDENT_CHAR.test(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i);
  }

  private skipInlineSpace(): void {
    while (this.i < this.s.length && (this.s[this.i] === " " || this.s[this.i] === "\t" || this.s[this.i] === "\r")) this.i++;
  }

  /** Skips white space and newlines, collecting whole comments into `into`. */
  private skipBlankAndComments(into: string[]): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
      const c = this.commentAt();
      if (c === undefined) return;
      into.push(...c);
    }
  }

  /** A comment on the same line as what came just before it. */
  private trailingComment(): string | undefined {
    const save = this.i;
    this.skipInlineSpace();
    const c = this.s[this.i];
    if (c === "#" || (c === "/" && (this.s[this.i + 1] === "/" || this.s[this.i + 1] === "*"))) {
      const startLine = this.lines.position(this.i).line;
      const text = this.commentAt()!;
      // A block comment that runs onto later lines is a leading comment of what follows.
      if (this.lines.position(this.i).line === startLine || text.length === 1) return text.join(" ");
      this.i = save;
      return undefined;
    }
    this.i = save;
    return undefined;
  }

  /** Reads a comment at the cursor, returning its lines without markers, or undefined. */
  private commentAt(): string[] | undefined {
    const s = this.s;
    const c = s[this.i];
    if (c === "#" || (c === "/" && s[this.i + 1] === "/")) {
      const start = this.i;
      let end = s.indexOf("\n", start);
      if (end < 0) end = s.length;
      this.i = end;
      return commentLines(s.slice(start, end));
    }
    if (c === "/" && s[this.i + 1] === "*") {
      const start = this.i;
      const end = s.indexOf("*/", this.i + 2);
      if (end < 0) this.fail("unclosed comment");
      this.i = end + 2;
      return commentLines(s.slice(start, this.i));
    }
    return undefined;
  }

  /** Skips one attribute value: up to a newline or a closing '}' at bracket depth 0; the comments inside brackets go into `inner`. */
  private skipExpression(inner: string[][]): void {
    const s = this.s;
    const stack: string[] = [];
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (stack.length === 0) {
        if (c === "\n" || c === "}") return;
        if (c === "#" || (c === "/" && (s[this.i + 1] === "/" || s[this.i + 1] === "*"))) {
          if (c === "/" && s[this.i + 1] === "*") {
            // An inline block comment inside an expression at depth 0 ends the value only if the line ends after it.
            return;
          }
          return;
        }
      } else if (c === "#" || (c === "/" && (s[this.i + 1] === "/" || s[this.i + 1] === "*"))) {
        inner.push(this.commentAt()!);
        continue;
      }
      if (c === '"') {
        this.skipString();
        continue;
      }
      if (c === "<" && s[this.i + 1] === "<" && this.heredoc()) continue;
      if (c === "(" || c === "[" || c === "{") stack.push(c === "(" ? ")" : c === "[" ? "]" : "}");
      else if (c === ")" || c === "]" || c === "}") {
        if (stack.pop() !== c) this.fail(`unbalanced '${c}'`);
      }
      this.i++;
    }
    if (stack.length > 0) this.fail(`expected '${stack[stack.length - 1]}' before the end of the file`);
  }

  /** Skips a quoted template string, including nested interpolations. */
  private skipString(): void {
    const s = this.s;
    const open = this.i;
    this.i++;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === "\\") {
        this.i += 2;
        continue;
      }
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === "\n") this.fail("unterminated string", open);
      if ((c === "$" || c === "%") && s[this.i + 1] === c && s[this.i + 2] === "{") {
        this.i += 3;
        continue;
      }
      if ((c === "$" || c === "%") && s[this.i + 1] === "{") {
        this.i += 2;
        this.skipInterpolation();
        continue;
      }
      this.i++;
    }
    this.fail("unterminated string", open);
  }

  /** Skips to just past the '}' that closes `${` or `%{`. */
  private skipInterpolation(): void {
    const s = this.s;
    let depth = 0;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '"') {
        this.skipString();
        continue;
      }
      if (c === "<" && s[this.i + 1] === "<" && this.heredoc()) continue;
      if (c === "{" || c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "}") {
        if (depth === 0) {
          this.i++;
          return;
        }
        depth--;
      }
      this.i++;
    }
    this.fail("unterminated interpolation");
  }

  /** At `<<`: skips a heredoc if there is one, leaving the cursor after the closing marker. */
  private heredoc(): boolean {
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.s.slice(this.i, this.i + 200));
    if (!m) return false;
    const marker = m[2]!;
    let pos = this.i + m[0].length;
    for (;;) {
      let end = this.s.indexOf("\n", pos);
      if (end < 0) end = this.s.length;
      const line = this.s.slice(pos, end).replace(/\r$/, "");
      if (line.trim() === marker) {
        this.i = pos + line.length;
        return true;
      }
      if (end >= this.s.length) this.fail(`heredoc <<${marker} is never closed`);
      pos = end + 1;
    }
  }
}

/** A comment's text (`# …`, `// …`, `/* … *\/`) as its lines, without the markers. */
function commentLines(raw: string): string[] {
  if (!raw.startsWith("/*")) return [stripOneSpace(raw.slice(raw.startsWith("#") ? 1 : 2).replace(/\r$/, "").trimEnd())];
  const lines = raw.slice(2, -2).split(/\r?\n/).map((l) => l.replace(/^\s*\*?\s?/, "").trimEnd());
  while (lines.length > 1 && lines[0] === "") lines.shift();
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function stripOneSpace(t: string): string {
  return t.startsWith(" ") ? t.slice(1) : t;
}
