/** Terraform's file-system and template functions (see ./strings.ts). */
import * as fs from "fs";
import * as path from "path";

/**
 * Renders a Terraform template: `${expr}` interpolations and `%{ if }`/`%{ for }` directives
 * (with `~` whitespace stripping) over the given variables. An expression is a variable, an
 * attribute or index path into one (`a.b[0]`), a literal, or a comparison (`==`, `!=`, `!`) of
 * those; anything else (function calls) is an error that names it.
 */
export function templatestring(template: string, vars: Record<string, unknown>): string {
  type Node = string | { expr: string } | { if: string; then: Node[]; else: Node[] } | { for: [string | undefined, string, string]; body: Node[] };
  const tokens = template.split(/(\$\{~?[\s\S]*?~?\}|%\{~?[\s\S]*?~?\})/);
  // Strip markers remove the white space next to them.
  for (let i = 1; i < tokens.length; i += 2) {
    if (/^[$%]\{~/.test(tokens[i]!)) tokens[i - 1] = tokens[i - 1]!.replace(/\s+$/, "");
    if (/~\}$/.test(tokens[i]!)) tokens[i + 1] = tokens[i + 1]!.replace(/^\s+/, "");
  }
  let pos = 0;
  // Text sits at even positions of `tokens`, interpolations and directives at odd ones.
  const parse = (until: readonly string[]): { nodes: Node[]; end?: string } => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const i = pos++;
      const t = tokens[i]!;
      if (i % 2 === 0) {
        if (t) nodes.push(t.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"));
        continue;
      }
      const body = t.replace(/^[$%]\{~?/, "").replace(/~?\}$/, "").trim();
      if (t.startsWith("$")) {
        nodes.push({ expr: body });
        continue;
      }
      const word = body.split(/\s+/)[0]!;
      if (until.includes(word)) return { nodes, end: word };
      if (word === "if") {
        const then = parse(["else", "endif"]);
        const otherwise = then.end === "else" ? parse(["endif"]).nodes : [];
        nodes.push({ if: body.slice(2).trim(), then: then.nodes, else: otherwise });
      } else if (word === "for") {
        const m = /^for\s+(\w+)\s*(?:,\s*(\w+))?\s+in\s+([\s\S]+)$/.exec(body);
        if (!m) throw new Error(`template: cannot read %{ ${body} }`);
        nodes.push({ for: m[2] ? [m[1], m[2], m[3]!] : [undefined, m[1]!, m[3]!], body: parse(["endfor"]).nodes });
      } else throw new Error(`template: unexpected directive %{ ${body} }`);
    }
    return { nodes };
  };
  const evaluate = (expr: string, scope: Record<string, unknown>): unknown => {
    const e = expr.trim();
    const cmp = /^([\s\S]+?)\s*(==|!=)\s*([\s\S]+)$/.exec(e);
    if (cmp) {
      const [a, b] = [evaluate(cmp[1]!, scope), evaluate(cmp[3]!, scope)];
      return cmp[2] === "==" ? JSON.stringify(a) === JSON.stringify(b) : JSON.stringify(a) !== JSON.stringify(b);
    }
    if (e.startsWith("!")) return !evaluate(e.slice(1), scope);
    if (/^"(?:[^"\\]|\\.)*"$/.test(e)) return JSON.parse(e);
    if (/^-?\d+(\.\d+)?$/.test(e)) return Number(e);
    if (e === "true" || e === "false") return e === "true";
    if (e === "null") return null;
    const steps = /^[A-Za-z_][\w-]*((\.[A-Za-z_][\w-]*)|\[(\d+|"[^"]*")\])*$/.test(e) ? e.match(/[A-Za-z_][\w-]*|\[(\d+|"[^"]*")\]/g)! : undefined;
    if (!steps) throw new Error(`template: the expression \${${e}} is not supported here; render it in the program instead`);
    let value: unknown = scope;
    for (const s of steps) {
      const key = s.startsWith("[") ? JSON.parse(s.slice(1, -1).replace(/^(\d+)$/, "$1")) : s;
      if (value === null || typeof value !== "object" || !(key in value)) throw new Error(`template: ${e} is not defined`);
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
  const render = (nodes: Node[], scope: Record<string, unknown>): string =>
    nodes
      .map((n) => {
        if (typeof n === "string") return n;
        if ("expr" in n) {
          const v = evaluate(n.expr, scope);
          return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
        }
        if ("if" in n) return render(evaluate(n.if, scope) ? n.then : n.else, scope);
        const [k, v, coll] = n.for;
        const items = evaluate(coll, scope);
        const pairs: [unknown, unknown][] = Array.isArray(items) ? items.map((x, i) => [i, x]) : Object.keys(items as object).sort().map((key) => [key, (items as Record<string, unknown>)[key]]);
        return pairs.map(([key, value]) => render(n.body, { ...scope, [v]: value, ...(k ? { [k]: key } : {}) })).join("");
      })
      .join("");
  return render(parse([]).nodes, vars);
}

/** Terraform's templatefile(): renders a template file (see templatestring). */
export function templatefile(file: string, vars: Record<string, unknown>): string {
  return templatestring(fs.readFileSync(file, "utf8"), vars);
}

/** Terraform's fileset(): the files under `dir` matching a glob (`*`, `**`, `?`, `[…]`, `{a,b}`), sorted. */
export function fileset(dir: string, pattern: string): string[] {
  const parts = pattern.split("/");
  const glob = parts
    .map((part, i) =>
      part === "**"
        ? // Any folders; as the last part, any file under them too (`fileset(dir, "**")` is every file).
          i === parts.length - 1 ? "(?:[^/]+/)*[^/]+" : "(?:[^/]+/)*"
        : part
            .replace(/[.+^$()|\\]/g, "\\$&")
            .replace(/\*/g, "[^/]*")
            .replace(/\?/g, "[^/]")
            .replace(/\{([^}]*)\}/g, (_, alts: string) => `(?:${alts.split(",").join("|")})`) + "/",
    )
    .join("")
    .replace(/\/$/, "");
  const re = new RegExp(`^${glob}$`);
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (re.test(p)) out.push(p);
    }
  };
  walk("");
  return out.sort();
}
