/**
 * The boundary with `@cdktf/hcl2json`. It is loaded only when there is HCL to read (loading
 * starts its WASM runtime), and its untyped answers are checked here before anyone uses them.
 */
import type { TFExpressionSyntaxTree } from "@cdktf/hcl2json";

export type HclAst = TFExpressionSyntaxTree.ExpressionType;

type Hcl2Json = typeof import("@cdktf/hcl2json");
let loaded: Promise<Hcl2Json> | undefined;

function library(): Promise<Hcl2Json> {
  loaded ??= import("@cdktf/hcl2json");
  return loaded;
}

export interface HclSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Parses a whole file; a syntax error comes back as data with its position. */
export async function parseHcl(
  filename: string,
  text: string,
): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; errors: HclSyntaxError[] }> {
  const lib = await library();
  try {
    const json: unknown = await lib.parse(filename, text);
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      return { ok: false, errors: [{ message: "the HCL parser returned no document", line: 1, column: 1 }] };
    }
    return { ok: true, json: json as Record<string, unknown> };
  } catch (e) {
    return { ok: false, errors: syntaxErrors(e, filename) };
  }
}

/**
 * hcl2json reports `parse config: [file:2,17-3,1: Summary; Detail. file:3,2-4,1: …]` (HCL's
 * diagnostics, joined): each becomes one located error.
 */
export function syntaxErrors(e: unknown, filename: string): HclSyntaxError[] {
  const text = (e instanceof Error ? e.message : String(e)).replace(/^parse config: \[/, "").replace(/\]\s*$/, "");
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const marker = new RegExp(`${escaped}:(\\d+),(\\d+)(?:-[\\d,]+)?: `, "g");
  const found: HclSyntaxError[] = [];
  const starts = [...text.matchAll(marker)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : text.length;
    const message = text.slice(m.index + m[0].length, end).trim();
    if (!found.some((f) => f.line === Number(m[1]) && f.column === Number(m[2]))) {
      found.push({ message, line: Number(m[1]), column: Number(m[2]) });
    }
  });
  return found.length ? found : [{ message: text.trim() || "syntax error", line: 1, column: 1 }];
}

/**
 * Parses many expressions in one crossing into WASM: they are joined into one tuple
 * `[e1,\ne2,\n…]`, and the tuple's children come back in order. Ranges in the result are
 * relative to the tuple; `offsets[i]` is the byte offset at which expression i starts.
 */
export async function parseExpressions(
  filename: string,
  sources: readonly string[],
): Promise<{ asts: (HclAst | undefined)[]; tuple: Buffer; offsets: number[] } | { error: HclSyntaxError }> {
  const lib = await library();
  let text = "[\n";
  const offsets: number[] = [];
  for (const src of sources) {
    offsets.push(Buffer.byteLength(text));
    // A heredoc's closing marker must be alone on its line, so every element ends with a newline.
    text += src + "\n,\n";
  }
  text += "]";
  try {
    const ast = await lib.getExpressionAst(filename, text);
    if (!ast || ast.type !== "tuple" || ast.children.length !== sources.length) {
      return { error: { message: "the HCL expression parser returned an unexpected shape", line: 1, column: 1 } };
    }
    return { asts: ast.children, tuple: Buffer.from(text), offsets };
  } catch (e) {
    return { error: syntaxErrors(e, filename)[0]! };
  }
}
