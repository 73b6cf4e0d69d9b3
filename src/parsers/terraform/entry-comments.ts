/**
 * The comments between an object value's entries, which hcl2json's expression trees drop: read
 * back from the batch's source bytes (lexed once per batch, scanner.ts) through the keys' byte
 * ranges, and attached to the entries (lower-expr.ts builds them); and those of an attribute's
 * value that no entry took, which stay above the attribute (lower.ts).
 */
import { walkExpr, type Expr, type ObjectEntry } from "../../model/expr.js";
import { lexExpression, type CommentSpan, type ScannedAttribute } from "./scanner.js";

export type Lexed = NonNullable<ReturnType<typeof lexExpression>> & { readonly text: string; readonly endingAt: Map<number, CommentSpan> };

/** Each source's comments and brackets (the lowering of one batch's expressions shares one source), lexed once. */
const lexedSources = new WeakMap<Buffer, Lexed | null>();

export function lexedOf(source: Buffer): Lexed | undefined {
  let l = lexedSources.get(source);
  if (l === undefined) {
    l = null;
    if (source.includes(0x23) || source.includes(0x2f)) {
      const text = source.toString("latin1");
      const found = lexExpression(text, (a, b) => source.subarray(a, b).toString("utf8"));
      if (found) l = { ...found, text, endingAt: new Map(found.comments.map((c) => [c.end, c])) };
    }
    lexedSources.set(source, l);
  }
  return l ?? undefined;
}

/**
 * An object's entries with the comments hcl2json drops: those between the previous entry's last
 * character and a key, the ones on that character's line trailing the previous entry, the rest
 * above the key; after the last entry, one on its line trails it (comments on lines of their own
 * before the closing brace are left to the attribute: lower.ts). `keys` are where the keys are written,
 * `open` the opening brace's (hcl2json's range for an object covers only that brace).
 */
export function withEntryComments(entries: readonly ObjectEntry[], keys: readonly number[], open: number, lx: Lexed): ObjectEntry[] {
  const out = entries.map((en) => ({ en, leading: [] as string[], trailing: [] as string[] }));
  const close = lx.closers.get(open);
  const bounds = [...keys, ...(close !== undefined ? [close] : [])];
  bounds.forEach((at, j) => {
    const from = contentBefore(lx, at);
    for (const c of commentsBetween(lx, from, at)) {
      const sameLine = from > open && !lx.text.slice(from, c.start).includes("\n") && !lx.text.slice(c.start, c.end).includes("\n");
      if (sameLine && j > 0) out[j - 1]!.trailing.push(c.lines.join(" "));
      else if (j < entries.length) out[j]!.leading.push(...c.lines);
    }
  });
  return out.map(({ en, leading, trailing }) =>
    !leading.length && !trailing.length ? en : { ...en, comments: { ...(leading.length ? { leading } : {}), ...(trailing.length ? { trailing: trailing.join(" ") } : {}) } },
  );
}

/** The offset just past the last character before `at` that is neither white space, a comma nor a comment. */
function contentBefore(lx: Lexed, at: number): number {
  let p = at;
  for (;;) {
    const span = lx.endingAt.get(p);
    if (span) {
      p = span.start;
      continue;
    }
    const c = lx.text.charCodeAt(p - 1);
    if (p > 0 && (c === 32 || c === 9 || c === 10 || c === 13 || c === 44)) p--;
    else return p;
  }
}

/** The comments that lie wholly between two offsets, in order. */
function commentsBetween(lx: Lexed, from: number, to: number): CommentSpan[] {
  const cs = lx.comments;
  let lo = 0;
  let hi = cs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cs[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: CommentSpan[] = [];
  for (let i = lo; i < cs.length && cs[i]!.end <= to; i++) out.push(cs[i]!);
  return out;
}

/** The comments inside an attribute's value (scanned) that are not on one of its object entries, in order. */
export function leftComments(a: ScannedAttribute, value: Expr): string[] {
  if (!a.inner?.length) return [];
  const leading = new Map<string, number>();
  const trailing = new Map<string, number>();
  const add = (m: Map<string, number>, t: string) => m.set(t, (m.get(t) ?? 0) + 1);
  const take = (m: Map<string, number>, t: string) => (m.get(t) ?? 0) > 0 && Boolean(m.set(t, m.get(t)! - 1));
  walkExpr(value, (x) => {
    if (x.kind !== "object") return;
    for (const en of x.entries) {
      for (const l of en.comments?.leading ?? []) add(leading, l);
      if (en.comments?.trailing !== undefined) add(trailing, en.comments.trailing);
    }
  });
  const out: string[] = [];
  for (const c of a.inner) {
    if (take(trailing, c.join(" "))) continue;
    if (c.every((l) => (leading.get(l) ?? 0) > 0)) c.forEach((l) => take(leading, l));
    else out.push(...c);
  }
  return out;
}
