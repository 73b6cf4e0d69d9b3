/**
 * Terraform's string functions that no one TypeScript expression says. Each exported function
 * is a helper the emitter copies into a converted program that calls it (see ./index.ts); the
 * file itself is type-checked with the project and unit-tested against Terraform's documented
 * results. Terraform counts characters as grapheme clusters, so these do too.
 */
import { jsonencode } from "./encoding.js";

/** The characters of a string as Terraform counts them: grapheme clusters. */
export function graphemes(s: string): string[] {
  return Array.from(new Intl.Segmenter().segment(s), (g) => g.segment);
}

/** Terraform's length(): characters of a string, elements of a list, attributes of a map. */
export function length(value: string | readonly unknown[] | object): number {
  if (typeof value === "string") return graphemes(value).length;
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** Terraform's substr(): by characters; a negative offset counts from the end, length -1 is the rest. */
export function substr(s: string, offset: number, count: number): string {
  const chars = graphemes(s);
  const start = offset < 0 ? Math.max(chars.length + offset, 0) : offset;
  if (offset >= 0 && count === 0) return "";
  return chars.slice(start, count < 0 ? undefined : start + count).join("");
}

/** Terraform's strrev(): the characters in reverse order. */
export function strrev(s: string): string {
  return graphemes(s).reverse().join("");
}

/** Terraform's title(): the first letter of each word in upper case. */
export function title(s: string): string {
  // A word starts after an ASCII character other than a letter, a digit or `_`, or after a
  // space (Go's strings.Title).
  const separator = (c: string) => (c <= "\x7f" ? !/[0-9A-Za-z_]/.test(c) : /\s/u.test(c));
  let previous = " ";
  let out = "";
  for (const c of s) {
    out += separator(previous) ? c.toUpperCase() : c;
    previous = c;
  }
  return out;
}

/** Terraform's trim(): removes every character of `cutset` from both ends. */
export function trim(s: string, cutset: string): string {
  const cut = new Set(cutset);
  const chars = [...s];
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start]!)) start++;
  while (end > start && cut.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join("");
}

/** Terraform's trimprefix(): `s` without `prefix` when it starts with it. */
export function trimprefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/** Terraform's trimsuffix(): `s` without `suffix` when it ends with it. */
export function trimsuffix(s: string, suffix: string): string {
  return suffix !== "" && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
}

/**
 * A non-negative number as Go prints it with `%e`, `%f` or `%g` (precision -1: the fewest digits
 * that say it exactly). Exponents have at least two digits (`1e+06`).
 */
export function goNumber(n: number, verb: "e" | "f" | "g", precision: number): string {
  const exponent = (s: string) => s.replace(/e([+-])(\d)$/, "e$10$2");
  if (verb === "e") return exponent(precision < 0 ? n.toExponential() : n.toExponential(precision));
  if (verb === "f") return precision >= 0 ? n.toFixed(precision) : Number.isInteger(n) ? BigInt(n).toString() : String(n);
  // %g: %e for exponents below -4 or from the precision up (6 for the fewest digits), else %f;
  // trailing zeros are dropped.
  const digits = precision < 0 ? n.toExponential() : n.toExponential(Math.max(precision, 1) - 1);
  const exp = Number(digits.slice(digits.indexOf("e") + 1));
  if (exp < -4 || exp >= (precision < 0 ? 6 : Math.max(precision, 1))) return exponent(digits.replace(/\.?0+e/, "e"));
  const fixed = Number(digits).toFixed(Math.max(precision < 0 ? 0 : precision - 1 - exp, 0));
  return precision < 0 ? String(Number(digits)) : fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** Terraform's format(): printf-style verbs, flags, width, precision and `%[n]` argument indexes. */
export function format(spec: string, ...args: unknown[]): string {
  let next = 0;
  return spec.replace(/%([ +\-0#]*)(\[\d+\])?(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (raw, flags: string, position: string | undefined, w: string | undefined, p: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    if (position) next = Number(position.slice(1, -1)) - 1;
    if (next >= args.length) throw new Error(`format: not enough arguments for ${raw}`);
    const value = args[next++];
    const width = w ? Number(w) : -1;
    const precision = p ? Number(p) : -1;
    // Padding to the width counts characters; zeroes go after a number's sign.
    const pad = (text: string, numeric = false, zeroes = flags.includes("0")) => {
      const missing = width - graphemes(text).length;
      if (missing <= 0) return text;
      if (flags.includes("-")) return text + " ".repeat(missing);
      if (zeroes && numeric && /^[+\- ]/.test(text)) return text[0] + "0".repeat(missing) + text.slice(1);
      return (zeroes ? "0" : " ").repeat(missing) + text;
    };
    const sign = (n: number, text: string) => (n < 0 || Object.is(n, -0) ? text : flags.includes("+") ? `+${text}` : flags.includes(" ") ? ` ${text}` : text);
    if (value === null || value === undefined) {
      if (verb === "v") return pad("null");
      throw new Error(`format: null value cannot be formatted with ${raw}`);
    }
    const number = (): number => {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) throw new Error(`format: ${raw} needs a number`);
      return n;
    };
    switch (verb) {
      case "v":
        if (!flags.includes("#") && typeof value === "string") return pad(value);
        if (!flags.includes("#") && typeof value === "number") return pad(value < 0 ? `-${goNumber(-value, "g", -1)}` : goNumber(value, "g", -1));
        return pad(jsonencode(value));
      case "t":
        if (value !== true && value !== false && value !== "true" && value !== "false") throw new Error(`format: ${raw} needs a bool`);
        return String(value === true || value === "true");
      case "s":
      case "q": {
        if (typeof value === "object") throw new Error(`format: ${raw} needs a string`);
        let s = String(value);
        if (precision > 0) s = graphemes(s).slice(0, precision).join("");
        return pad(verb === "q" ? jsonencode(s) : s);
      }
      case "d":
      case "b":
      case "o":
      case "x":
      case "X": {
        const n = number();
        if (!Number.isInteger(n)) throw new Error(`format: ${raw} needs an integer`);
        const radix = { d: 10, b: 2, o: 8, x: 16, X: 16 }[verb];
        let text = Math.abs(n).toString(radix);
        if (verb === "X") text = text.toUpperCase();
        if (flags.includes("#") && verb !== "d") text = (verb === "b" ? "0b" : verb === "o" ? "0" : verb === "x" ? "0x" : "0X") + text;
        if (precision >= 0) text = text.padStart(precision, "0");
        return pad(sign(n, n < 0 ? `-${text}` : text), true, precision < 0 && flags.includes("0"));
      }
      case "e":
      case "E":
      case "f":
      case "g":
      case "G": {
        const n = number();
        const lower = verb.toLowerCase() as "e" | "f" | "g";
        let text = goNumber(Math.abs(n), lower, precision < 0 && lower !== "g" ? 6 : precision);
        if (verb !== lower) text = text.toUpperCase();
        return pad(sign(n, n < 0 ? `-${text}` : text), true);
      }
      default:
        throw new Error(`format: unsupported verb ${raw}`);
    }
  });
}

/** Terraform's formatlist(): format() once per element of the list arguments, the others repeated. */
export function formatlist(spec: string, ...args: unknown[]): string[] {
  const lengths = args.filter(Array.isArray).map((a) => a.length);
  if (lengths.some((l) => l !== lengths[0])) throw new Error("formatlist: list arguments must have the same length");
  const n = lengths.length ? lengths[0]! : 1;
  return Array.from({ length: n }, (_, i) => format(spec, ...args.map((a) => (Array.isArray(a) ? a[i] : a))));
}
