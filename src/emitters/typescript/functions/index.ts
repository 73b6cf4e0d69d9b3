/**
 * The model's functions printed as TypeScript with Terraform's meaning: inline where one
 * expression says it (`upper(x)` → `x.toUpperCase()`), else a call of a helper the program then
 * carries (see ../helpers). Arguments arrive printed over plain values (the expression printer
 * has lifted outputs already) and typed, so a printer can choose by type (`length` of a list is
 * `.length`, of a map `Object.keys(…).length`, of a string the helper that counts characters).
 */
import type { CallExpr } from "../../../model/expr.js";
import type { Type } from "../../../typing/types.js";
import type { Code } from "../code.js";
import { COLLECTION_FUNCTIONS } from "./collections.js";
import { ENCODING_FUNCTIONS } from "./encoding.js";
import { NUMBER_FUNCTIONS } from "./numbers.js";
import type { FnArg, FnContext, FnPrinter } from "./shared.js";
import { STRING_FUNCTIONS } from "./strings.js";
import { SYSTEM_FUNCTIONS } from "./system.js";

export type { FnArg, FnContext, FnPrinter } from "./shared.js";

export const PRINTERS: Readonly<Record<string, FnPrinter>> = {
  ...STRING_FUNCTIONS,
  ...NUMBER_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...SYSTEM_FUNCTIONS,
};

/** Prints a call, or answers undefined when the function (or this use of it) is not supported. */
export function printFunction(e: CallExpr, args: readonly FnArg[], ctx: FnContext): Code | undefined {
  const printer = PRINTERS[e.name];
  if (!printer) return undefined;
  // `f([a, b]...)`: a literal list expands into the arguments it holds.
  const last = args[args.length - 1];
  if (last?.spread && last.expr.kind === "list") {
    const items = last.expr.items.map((x): FnArg => ({ expr: x, type: elementType(last.type), out: last.out, spread: false, print: () => ctx.print(x) }));
    return printer([...args.slice(0, -1), ...items], ctx, e);
  }
  return printer(args, ctx, e);
}

function elementType(t: Type): Type {
  return t.k === "list" ? t.of : t.k === "tuple" ? (t.of[0] ?? { k: "any" }) : { k: "any" };
}

