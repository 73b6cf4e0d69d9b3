/**
 * The shape of a piece of program text: the same text with the names of variables, the contents
 * of plain strings, the texts of untagged templates and the words of line comments replaced by
 * placeholders of the same length and the same kind of characters. Prettier lays out text by its
 * tokens, their widths and the whitespace between them, not by what a variable is called or what
 * a plain string says, so two pieces of one shape format alike: prettier formats the shape once,
 * and each piece is that layout with its own text put back (tokens keep their order through
 * formatting; the formatter uses shapes only under prettier's own layout options, never with a
 * plugin that could reorder them).
 *
 * Everything prettier reads by name or content stays in the shape: keywords, names prettier
 * treats specially (test calls, `require`, embedded-language tags, factories like `$`), property
 * names after `.`, object keys and anything before a `:`, numbers, block comments and line
 * comments that speak to a tool (`prettier-ignore`, `@ts-…`, `eslint-…`), strings with quotes,
 * backslashes or characters outside printable ASCII, the texts of tagged templates (other than
 * `pulumi.interpolate`'s). Text the scanner cannot read without a JavaScript parser (a `/` that
 * is not a comment, `#`, `@`, non-ASCII outside strings and comments) has no shape: it is
 * formatted as it is.
 */

/** The shape text (same length as the input), the original of each placeholder and the placeholder, in order. */
export interface Shape {
  readonly text: string;
  readonly originals: readonly string[];
  readonly placeholders: readonly string[];
}

/** A formatted shape and where its placeholders are in it (start, end pairs), found once per shape. */
export interface Layout {
  readonly text: string;
  readonly slots: readonly number[] | undefined;
}

const KEYWORDS = new Set(
  (
    "abstract any as asserts async await bigint boolean break case catch class const constructor continue debugger declare default delete do else enum export extends false finally for from function get global if implements import in infer instanceof interface is keyof let module namespace never new null number object of override package private protected public readonly require return satisfies set static string super switch symbol this throw true try type typeof undefined unique unknown var void while with yield " +
    // Names prettier lays out specially: test frameworks, AMD/CommonJS, Angular test wrappers, embedded languages.
    "it test describe xit xtest xdescribe fit fdescribe ftest skip only each beforeEach beforeAll afterEach afterAll define inject fakeAsync waitForAsync css graphql gql html markdown md sql styled keyframes createGlobalStyle injectGlobal Boolean Component exports extend fbt experimental jsx style styles template then track using component hook fixme"
  ).split(" "),
);

type Kind = "name" | "string" | "quasi" | "comment";
type Token = { readonly kind: Kind; readonly start: number; readonly end: number };

/** The shape of `text`, or undefined when it has none (see the module comment). */
export function shapeOf(text: string): Shape | undefined {
  const tokens = maskable(text);
  if (!tokens) return undefined;
  const originals: string[] = [];
  const placeholders: string[] = [];
  let out = "";
  let at = 0;
  for (const t of tokens) {
    const original = text.slice(t.start, t.end);
    const p = placeholder(original, t.kind);
    out += text.slice(at, t.start) + p;
    originals.push(original);
    placeholders.push(p);
    at = t.end;
  }
  return { text: out + text.slice(at), originals, placeholders };
}

/** A formatted text as a layout: where the placeholders of a shape are in it (none for text without a shape). */
export function layoutOf(formatted: string, shaped: boolean): Layout {
  if (!shaped) return { text: formatted, slots: undefined };
  const tokens = maskable(formatted);
  return { text: formatted, slots: tokens ? tokens.flatMap((t) => [t.start, t.end]) : [] };
}

/** The layout with the shape's originals put back; undefined if its placeholders are not the shape's. */
export function fill(layout: Layout, shape: Shape | undefined): string | undefined {
  const { text, slots } = layout;
  if (!shape || !slots) return shape || slots ? undefined : text;
  if (slots.length !== 2 * shape.originals.length) return undefined;
  let out = "";
  let at = 0;
  for (let i = 0; i < shape.originals.length; i++) {
    const start = slots[2 * i]!;
    const p = shape.placeholders[i]!;
    if (slots[2 * i + 1]! - start !== p.length || !text.startsWith(p, start)) return undefined;
    out += text.slice(at, start) + shape.originals[i]!;
    at = start + p.length;
  }
  return out + text.slice(at);
}

/** The formatted shape with the originals put back (a layout made and filled at once; the tests' way in). */
export function fillShape(formatted: string, shape: Shape): string | undefined {
  return fill(layoutOf(formatted, true), shape);
}

/** Same length, same kind of character at each place (case, digit, `_`, `$`, whitespace). */
function placeholder(s: string, kind: Kind): string {
  if (kind !== "name") return s.replace(/[^ \n\t\r]/g, "x");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 97 && c <= 122 ? "a" : c >= 65 && c <= 90 ? "A" : c >= 48 && c <= 57 ? "0" : s[i];
  }
  return out;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isNamePart = (c: number) => isNameStart(c) || isDigit(c);
const PLAIN = /^[\x20-\x7e\n\t]*$/;

/**
 * The names, plain strings and template texts of `text` that can be replaced by placeholders,
 * or undefined when the text holds something this scanner does not read.
 */
function maskable(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const n = text.length;
  /** Where the previous significant token ended and what it was (for `.name`). */
  let previous = "";
  /** The last name read, and whether it followed a `.` (for a template's tag). */
  let lastName = "";
  let lastNameAfterDot = false;
  // Each open template literal: the brace depth at which its current `${` began, and whether its texts are placeholders.
  const templates: { depth: number; mask: boolean }[] = [];
  let depth = 0;
  let i = 0;
  const nextSignificant = (from: number): string => {
    let j = from;
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.startsWith("//", j)) {
        while (j < n && text[j] !== "\n") j++;
      } else if (text.startsWith("/*", j)) {
        const end = text.indexOf("*/", j + 2);
        j = end < 0 ? n : end + 2;
      } else return text[j] ?? "";
    }
  };
  /** Reads a template's text from `i` (just past "`" or "}") to its end or the next `${`. */
  const quasi = (mask: boolean): boolean => {
    const start = i;
    while (i < n && text[i] !== "`" && !(text[i] === "$" && text[i + 1] === "{")) {
      if (text[i] === "\\") i++;
      i++;
    }
    if (i >= n) return false;
    const body = text.slice(start, i);
    if (mask && body !== "" && !body.includes("\\") && PLAIN.test(body)) tokens.push({ kind: "quasi", start, end: i });
    if (text[i] === "`") {
      i++;
      previous = "`";
    } else {
      i += 2;
      templates.push({ depth, mask });
      depth++;
      previous = "${";
    }
    return true;
  };
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (isNameStart(code)) {
      const start = i;
      while (i < n && isNamePart(text.charCodeAt(i))) i++;
      const name = text.slice(start, i);
      const afterDot = previous === ".";
      if (!afterDot && !KEYWORDS.has(name) && !/^[$_]+$/.test(name) && nextSignificant(i) !== ":") tokens.push({ kind: "name", start, end: i });
      previous = "name";
      lastName = name;
      lastNameAfterDot = afterDot;
      continue;
    }
    const c = text[i]!;
    if (c === "/") {
      if (text[i + 1] === "/") {
        const start = i + 2;
        while (i < n && text[i] !== "\n") i++;
        // A line comment's words are only widths to prettier, unless they are a directive to it (or to a tool).
        const body = text.slice(start, i);
        if (/\S/.test(body) && PLAIN.test(body) && !/prettier|@|eslint|ts-|tslint|istanbul|c8|webpack|#/i.test(body)) tokens.push({ kind: "comment", start, end: i });
        continue;
      }
      if (text[i + 1] === "*") {
        const end = text.indexOf("*/", i + 2);
        if (end < 0) return undefined;
        i = end + 2;
        previous = "/**/";
        continue;
      }
      return undefined; // division or a regular expression: not told apart without a parser
    }
    if (c === '"' || c === "'") {
      const start = i++;
      while (i < n && text[i] !== c && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      if (text[i] !== c) return undefined;
      i++;
      const body = text.slice(start + 1, i - 1);
      if (body !== "" && !/["'\\\n\t]/.test(body) && PLAIN.test(body) && nextSignificant(i) !== ":") tokens.push({ kind: "string", start: start + 1, end: i - 1 });
      previous = "string";
      continue;
    }
    if (c === "`") {
      i++;
      // A tagged template (`css`, `html`, `graphql`… are formatted as their language) or one after a
      // block comment (`/* GraphQL */`) keeps its texts; an untagged one or pulumi.interpolate's does not.
      const tagged = previous === "name" || previous === ")" || previous === "]" || previous === "/**/";
      if (!quasi(!tagged || (previous === "name" && lastName === "interpolate" && lastNameAfterDot))) return undefined;
      continue;
    }
    if (c === "}" && templates.length && templates[templates.length - 1]!.depth === depth - 1) {
      const { mask } = templates.pop()!;
      depth--;
      i++;
      if (!quasi(mask)) return undefined;
      continue;
    }
    if (isDigit(code) || (c === "." && isDigit(text.charCodeAt(i + 1)))) {
      while (i < n && (isNamePart(text.charCodeAt(i)) || text[i] === ".")) {
        if ((text[i] === "e" || text[i] === "E") && (text[i + 1] === "+" || text[i + 1] === "-")) i++;
        i++;
      }
      previous = "number";
      continue;
    }
    if (c === "#" || c === "@" || code > 0x7e || c === "\\") return undefined;
    if (c === "{") depth++;
    else if (c === "}") depth--;
    // `?.` counts as `.`: the name after it is a property.
    previous = c === "." || (c === "?" && text[i + 1] === "." && !/[0-9]/.test(text[i + 2] ?? "")) ? "." : c;
    i += c === "?" && previous === "." ? 2 : 1;
  }
  return templates.length ? undefined : tokens;
}
