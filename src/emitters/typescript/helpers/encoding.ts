/** Terraform's encoding functions that need more than one expression (see ./strings.ts). */

/** Terraform's jsonencode(): map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function jsonencode(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
      );
    }
    return v === undefined ? null : v;
  };
  const escapes: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };
  return JSON.stringify(sorted(value)).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c]!);
}

/** Terraform's yamlencode(): block style, keys sorted, strings double-quoted. */
export function yamlencode(value: unknown): string {
  const scalar = (v: unknown): string => {
    if (v === null || v === undefined) return "null";
    if (typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) >= 1e21 ? BigInt(v).toString() : String(v);
    return String(v);
  };
  const isBlock = (v: unknown) => v !== null && typeof v === "object" && Object.keys(v).length > 0;
  const lines = (v: unknown, indent: string): string[] => {
    if (Array.isArray(v)) {
      return v.flatMap((item) => {
        if (!isBlock(item)) return [`${indent}- ${scalar(item)}`];
        const [first, ...rest] = lines(item, `${indent}  `);
        return [`${indent}- ${first!.trimStart()}`, ...rest];
      });
    }
    const o = v as Record<string, unknown>;
    return Object.keys(o)
      .sort()
      .flatMap((k) => {
        const item = o[k];
        if (!isBlock(item)) return [`${indent}${JSON.stringify(k)}: ${Array.isArray(item) ? "[]" : typeof item === "object" && item !== null ? "{}" : scalar(item)}`];
        return [`${indent}${JSON.stringify(k)}:`, ...lines(item, Array.isArray(item) ? indent : `${indent}  `)];
      });
  };
  if (!isBlock(value)) return `${Array.isArray(value) ? "[]" : typeof value === "object" && value !== null ? "{}" : scalar(value)}\n`;
  return lines(value, "").join("\n") + "\n";
}

/** Terraform's urlencode(): query-string escaping, space as `+` (Go's url.QueryEscape). */
export function urlencode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/** Terraform's csvdecode(): RFC 4180 rows as maps keyed by the header row. */
export function csvdecode(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      endRow();
    } else field += c;
  }
  if (quoted) throw new Error("csvdecode: unterminated quoted field");
  if (field !== "" || row.length) endRow();
  const [header, ...data] = rows;
  if (!header) return [];
  return data.map((r, n) => {
    if (r.length !== header.length) throw new Error(`csvdecode: row ${n + 2} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j]!]));
  });
}

/** Terraform's textencodebase64(): the string in the named character encoding, as Base64. */
export function textencodebase64(s: string, encoding: string): string {
  const name = encoding.toLowerCase().replace(/[^a-z0-9]/g, "");
  const swap = (b: Buffer) => Buffer.from(b.map((_, i) => b[i ^ 1]!));
  const codecs: Record<string, () => Buffer> = {
    utf8: () => Buffer.from(s, "utf8"),
    utf16le: () => Buffer.from(s, "utf16le"),
    utf16be: () => swap(Buffer.from(s, "utf16le")),
    iso88591: () => Buffer.from(s, "latin1"),
    latin1: () => Buffer.from(s, "latin1"),
    usascii: () => Buffer.from(s, "ascii"),
    ascii: () => Buffer.from(s, "ascii"),
  };
  const codec = codecs[name];
  if (!codec) throw new Error(`textencodebase64: encoding ${encoding} is not supported here`);
  return codec().toString("base64");
}

/** Terraform's textdecodebase64(): Base64 bytes read in the named character encoding. */
export function textdecodebase64(s: string, encoding: string): string {
  return new TextDecoder(encoding, { fatal: true }).decode(Buffer.from(s, "base64"));
}
