/**
 * Terraform's regular expressions are RE2; these helpers translate them to JavaScript's (see
 * ./strings.ts). The converter runs the same translation on literal patterns when it converts,
 * so a program carries a `RegExp` literal and calls these only for patterns known at run time.
 */

const POSIX: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/**
 * An RE2 pattern as JavaScript `RegExp` source and flags, or the reason it cannot be one. Named
 * groups `(?P<n>…)`, `\A`, `\z`, `\Q…\E`, POSIX classes, `\pL`, `\s` (ASCII in RE2) and leading
 * flags `(?ims)` translate; `(?U)` and flags inside the pattern do not.
 */
export function re2(pattern: string): { source: string; flags: string } | { error: string } {
  let flags = "";
  let p = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(p);
  if (lead) {
    if (lead[1]!.includes("U")) return { error: "the (?U) flag (ungreedy by default) has no JavaScript equivalent" };
    flags = [...new Set(lead[1])].join("");
    p = p.slice(lead[0].length);
  }
  let out = "";
  let unicode = false;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\") {
      const n = p[i + 1];
      if (n === undefined) return { error: "trailing backslash" };
      if (n === "Q") {
        const end = p.indexOf("\\E", i + 2);
        const text = p.slice(i + 2, end < 0 ? undefined : end);
        out += text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      if (n === "A" && !inClass) out += "(?<![\\s\\S])";
      else if (n === "z" && !inClass) out += "(?![\\s\\S])";
      else if (n === "s") out += inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
      else if (n === "S") out += inClass ? "\\S" : "[^\\t\\n\\f\\r ]";
      else if (n === "p" || n === "P") {
        unicode = true;
        if (p[i + 2] === "{") {
          const end = p.indexOf("}", i + 2);
          out += `\\${n}${p.slice(i + 2, end + 1)}`;
          i = end;
          continue;
        }
        out += `\\${n}{${p[i + 2] ?? ""}}`;
        i += 2;
        continue;
      } else out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
      if (posix) {
        const set = POSIX[posix[2]!];
        if (!set) return { error: `unknown character class [:${posix[2]}:]` };
        if (posix[1]) return { error: "negated POSIX classes have no JavaScript equivalent inside a set" };
        out += set;
        i += posix[0].length - 1;
        continue;
      }
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (p[i + 1] === "^") (out += "^"), i++;
      if (p[i + 1] === "]") (out += "\\]"), i++;
      continue;
    }
    if (c === "(" && p[i + 1] === "?") {
      if (p[i + 2] === "P" && p[i + 3] === "<") {
        out += "(?<";
        i += 3;
        continue;
      }
      if (/^[imsU-]/.test(p[i + 2] ?? "")) return { error: "flags inside a pattern ((?i:…), (?s)…) have no JavaScript equivalent" };
    }
    if (c === "/") {
      out += "\\/";
      continue;
    }
    out += c;
  }
  return { source: out, flags: flags + (unicode ? "u" : "") };
}

/** A RegExp for an RE2 pattern known only at run time. */
export function re2RegExp(pattern: string, global = false): RegExp {
  const r = re2(pattern);
  if ("error" in r) throw new Error(`regular expression ${JSON.stringify(pattern)}: ${r.error}`);
  return new RegExp(r.source, r.flags + (global ? "g" : ""));
}

/** What Terraform's regex() returns for one match: the match, its groups, or its named groups. */
function captures(m: RegExpExecArray): string | string[] | Record<string, string> {
  if (m.groups) return Object.fromEntries(Object.keys(m.groups).sort().map((k) => [k, m.groups![k] ?? ""]));
  if (m.length > 1) return m.slice(1).map((g) => g ?? "");
  return m[0];
}

/** Terraform's regex(): the first match (or its groups); an error when nothing matches. */
export function regex(pattern: RegExp | string, s: string): any {
  const m = (typeof pattern === "string" ? re2RegExp(pattern) : pattern).exec(s);
  if (!m) throw new Error("regex: pattern did not match any part of the given string");
  return captures(m);
}

/** Terraform's regexall(): every match (or its groups). */
export function regexall(pattern: RegExp | string, s: string): any[] {
  const re = typeof pattern === "string" ? re2RegExp(pattern, true) : new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
  return Array.from(s.matchAll(re), captures);
}

/** A Go regexp replacement (`$1`, `${1}`, `$name`, `${name}`, `$$`) as a replacer function. */
export function goReplacement(template: string): (match: string, ...rest: unknown[]) => string {
  return (match, ...rest) => {
    const last = rest[rest.length - 1];
    const named = last !== null && typeof last === "object" ? (last as Record<string, string | undefined>) : undefined;
    const groups = rest.slice(0, named ? -3 : -2) as (string | undefined)[];
    return template.replace(/\$(\$|\{(\w+)\}|(\w+))/g, (_, all: string, braced?: string, bare?: string) => {
      if (all === "$") return "$";
      const name = braced ?? bare!;
      if (/^\d+$/.test(name)) return Number(name) === 0 ? match : (groups[Number(name) - 1] ?? "");
      return named?.[name] ?? "";
    });
  };
}

/** Terraform's replace(): a `/regular expression/` or a plain substring, every occurrence. */
export function replace(s: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
    return s.replace(re2RegExp(search.slice(1, -1), true), goReplacement(replacement));
  }
  return s.split(search).join(replacement);
}
