/**
 * Keys a template writes twice in one mapping. js-yaml either refuses the document at the first
 * one or (its `json` option, what CloudFormation does too) keeps the last silently; the lines
 * the first one held would vanish without a word. Each is found by loading strictly, and, at the
 * key js-yaml stops at, giving that one occurrence a name of its own before loading again (so
 * the next one shows), up to a bound.
 */
import { lineColumnAt } from "../../model/location.js";

export interface DuplicateKey {
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

/** The most duplicates reported for one template; past it the last entry says so. */
const MAX_REPORTED = 50;

/**
 * @param load a strict load of a text (throws js-yaml's `duplicated mapping key` with its mark)
 * @returns the duplicated keys in the order found, empty when there are none
 */
export function duplicateKeys(text: string, load: (text: string) => unknown): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  let current = text;
  // Each renaming lengthens the text: offsets into the original text shift by what was inserted before them.
  const inserted: { at: number; length: number }[] = [];
  while (found.length < MAX_REPORTED) {
    let position: number;
    try {
      load(current);
      return found;
    } catch (e) {
      const err = e as { reason?: string; mark?: { position?: number } };
      if (err.reason !== "duplicated mapping key" || typeof err.mark?.position !== "number") return found;
      position = err.mark.position;
    }
    const token = keyAt(current, position);
    if (!token) return found;
    const original = position - inserted.filter((i) => i.at <= position).reduce((n, i) => n + i.length, 0);
    found.push({ key: token.key, ...lineColumnAt(text, original) });
    const suffix = `__pulumigrate_duplicate_${found.length}`;
    current = current.slice(0, token.end) + suffix + current.slice(token.end);
    inserted.push({ at: token.end, length: suffix.length });
  }
  return found;
}

/** The key written at `at` (quoted or plain) and where its name ends (before a closing quote or the colon). */
function keyAt(text: string, at: number): { key: string; end: number } | undefined {
  const q = text[at];
  if (q === '"' || q === "'") {
    const close = text.indexOf(q, at + 1);
    return close > at ? { key: text.slice(at + 1, close), end: close } : undefined;
  }
  const m = /^[^\n:]*?(?=\s*:(\s|$))/.exec(text.slice(at, at + 1024));
  return m && m[0] ? { key: m[0], end: at + m[0].length } : undefined;
}
