/**
 * Line layout shared by the declaration printers: statements broken as prettier breaks them,
 * trailing comments.
 */
import type { Comments } from "../../model/expr.js";
import { commentText } from "./escape.js";
import { WIDTH } from "./expr.js";

export function trailing(c: Comments | undefined): string {
  return c?.trailing !== undefined ? ` // ${commentText(c.trailing)}` : "";
}

/**
 * `const x = value;`, with a call that does not fit on the line broken into one argument a
 * line, as prettier breaks it.
 */
export function statement(head: string, value: string, tail: string): string {
  const line = `${head}${value};`;
  if (value.includes("\n") || line.length <= WIDTH) return line + tail;
  const call = splitCall(value);
  if (!call) return line + tail;
  return `${head}${call.callee}(\n${call.args.map((a) => `  ${a},`).join("\n")}\n);${tail}`;
}

/** `f(a, b)` → callee `f` and its top-level arguments; undefined when `value` is not one call. */
function splitCall(value: string): { callee: string; args: string[] } | undefined {
  let depth = 0;
  let open = -1;
  const args: string[] = [];
  let argStart = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const q = c;
      for (i++; i < value.length && value[i] !== q; i++) if (value[i] === "\\") i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{" || c === "<") {
      if (c === "(" && depth === 0 && open < 0) {
        open = i;
        argStart = i + 1;
      }
      depth++;
    } else if (c === ")" || c === "]" || c === "}" || (c === ">" && value[i - 1] !== "=")) {
      depth--;
      if (depth === 0 && c === ")" && open >= 0) {
        if (i !== value.length - 1) return undefined;
        args.push(value.slice(argStart, i).trim());
      }
    } else if (c === "," && depth === 1 && open >= 0) {
      args.push(value.slice(argStart, i).trim());
      argStart = i + 1;
    }
  }
  if (open < 0 || args.length === 0 || args.some((a) => a === "")) return undefined;
  return { callee: value.slice(0, open), args };
}
