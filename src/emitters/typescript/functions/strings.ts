/** Terraform's string and regular-expression functions (see ./index.ts). */
import type { Expr } from "../../../model/expr.js";
import { re2 } from "../helpers/regex.js";
import { call, code, method, type Code } from "../code.js";
import { stringLiteral } from "../escape.js";
import { helper, literal, spreadable, typed, type FnContext, type FnPrinter } from "./shared.js";

/** A literal RE2 pattern as a JavaScript regular expression literal, or undefined (with a warning) when it has none. */
export function regexLiteral(pattern: string, extraFlags: string, ctx: FnContext): Code | undefined {
  const r = re2(pattern);
  if ("error" in r) {
    ctx.warn(`regular expression ${JSON.stringify(pattern)}: ${r.error}; it is translated when the program runs, where it fails`);
    return undefined;
  }
  const source = r.source.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") || "(?:)";
  return code(`/${source}/${[...new Set(r.flags + extraFlags)].sort().join("")}`);
}

/** A pattern argument: a RegExp literal when it is a literal, else the string for the helper to translate. */
function pattern(a: Parameters<FnPrinter>[0][number], ctx: FnContext): Code {
  const p = literal(a);
  return (typeof p === "string" ? regexLiteral(p, "", ctx) : undefined) ?? a.print();
}

export const STRING_FUNCTIONS: Readonly<Record<string, FnPrinter>> = {
  chomp: ([s]) => method(s!.print(), "replace", [code("/(?:\\r\\n?|\\n)*$/"), code('""')]),
  endswith: ([s, suffix]) => method(s!.print(), "endsWith", [suffix!.print()]),
  startswith: ([s, prefix]) => method(s!.print(), "startsWith", [prefix!.print()]),
  strcontains: ([s, sub]) => method(s!.print(), "includes", [sub!.print()]),
  lower: ([s]) => method(s!.print(), "toLowerCase"),
  upper: ([s]) => method(s!.print(), "toUpperCase"),
  trimspace: ([s]) => method(s!.print(), "trim"),
  title: helper("title"),
  trim: helper("trim"),
  trimprefix: helper("trimprefix"),
  trimsuffix: helper("trimsuffix"),
  substr: helper("substr"),
  strrev: helper("strrev"),
  format: helper("format"),
  formatlist: helper("formatlist"),
  templatestring: helper("templatestring"),
  indent: ([n, s]) => {
    const count = literal(n);
    const pad = typeof count === "number" ? code(stringLiteral("\n" + " ".repeat(count))) : code(`\`\\n\${" ".repeat(${n!.print().text})}\``);
    return method(s!.print(), "replaceAll", [code('"\\n"'), pad]);
  },
  join: (args) => {
    const [sep, ...lists] = args;
    if (lists.length === 1 && !lists[0]!.spread) return method(lists[0]!.print(), "join", [sep!.print()]);
    if (lists.length === 1) return method(method(lists[0]!.print(), "flat"), "join", [sep!.print()]);
    return method(code(`[${lists.map((l) => `...${spreadable({ ...l, spread: false })}`).join(", ")}]`), "join", [sep!.print()]);
  },
  split: ([sep, s]) => method(s!.print(), "split", [sep!.print()]),
  replace: ([s, sub, rep], ctx) => {
    const search = literal(sub);
    const replacement = literal(rep);
    if (typeof search !== "string") return call(ctx.helper("replace"), [s!.print(), sub!.print(), rep!.print()]);
    if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
      const re = regexLiteral(search.slice(1, -1), "g", ctx);
      if (!re) return call(ctx.helper("replace"), [s!.print(), sub!.print(), rep!.print()]);
      // Go's `$1`/`${name}` in the replacement; without a `$` it is plain text in both languages.
      const with_ = typeof replacement === "string" && !replacement.includes("$") ? rep!.print() : call(ctx.helper("goReplacement"), [rep!.print()]);
      return method(s!.print(), "replace", [re, with_]);
    }
    if (typeof replacement === "string" && !replacement.includes("$")) return method(s!.print(), "replaceAll", [sub!.print(), rep!.print()]);
    return method(method(s!.print(), "split", [sub!.print()]), "join", [rep!.print()]);
  },
  regex: ([p, s], ctx) => call(ctx.helper("regex"), [pattern(p!, ctx), s!.print()]),
  regexall: ([p, s], ctx) => call(ctx.helper("regexall"), [pattern(p!, ctx), s!.print()]),
};

/** `format("%s-%s", a, b)` that says no more than a template: the template `${a}-${b}` (the arguments' types as plain values). */
export function formatAsTemplate(e: Extract<Expr, { kind: "call" }>, typeOf: (a: Expr) => { k: string }): Expr | undefined {
  const [spec, ...rest] = e.args;
  if (spec?.kind !== "literal" || typeof spec.value !== "string" || e.expandLast) return undefined;
  const parts = formatIsTemplate(spec.value, rest.map(typeOf));
  if (!parts) return undefined;
  return { kind: "template", parts: parts.map((p) => (typeof p === "number" ? rest[p]! : p)) };
}

/** Whether a format() spec and its arguments say no more than a template does (`%s`, `%d`, `%%`). */
export function formatIsTemplate(spec: string, argTypes: readonly { k: string }[]): (string | number)[] | undefined {
  const parts: (string | number)[] = [];
  let i = 0;
  let text = "";
  for (let p = 0; p < spec.length; p++) {
    const c = spec[p]!;
    if (c !== "%") {
      text += c;
      continue;
    }
    const verb = spec[p + 1];
    p++;
    if (verb === "%") {
      text += "%";
      continue;
    }
    const t = argTypes[i];
    // `%v` of a number prints Go's %g (`1e+06`); a template prints the digits.
    const ok = (verb === "s" && t && ["string", "number", "bool"].includes(t.k)) || (verb === "d" && t?.k === "number") || (verb === "v" && t && ["string", "bool"].includes(t.k));
    if (!ok) return undefined;
    if (text) parts.push(text);
    text = "";
    parts.push(i++);
  }
  if (text) parts.push(text);
  return i === argTypes.length ? parts : undefined;
}

export { typed };
