/** What the function printers share: their arguments, their context, and small helpers. */
import type { CallExpr, Expr, ObjectEntry } from "../../../model/expr.js";
import type { Type } from "../../../typing/types.js";
import { code, PREC, type Code } from "../code.js";
import type { ProgramContext } from "../env.js";

export interface FnArg {
  readonly expr: Expr;
  /** The argument's type as a plain value. */
  readonly type: Type;
  /** Whether the value may be absent (an attribute the provider may leave unset). */
  readonly optional?: boolean;
  /** Whether it holds outputs (only structural functions see such arguments). */
  readonly out: boolean;
  /** `f(list...)`: this argument's elements are the remaining arguments. */
  readonly spread: boolean;
  print(): Code;
}

export interface FnContext extends ProgramContext {
  /** A located warning (PG2005) about this call. */
  warn(message: string): void;
  /** A located note (PG2010) about this call. */
  info(message: string): void;
  /** Prints another expression in the same place. */
  print(e: Expr): Code;
  /** Prints it as an argument of `try()`: reads through values that may be absent asserted present. */
  printAsserting(e: Expr): Code;
  /** A name for a lambda parameter, free where the call is printed. */
  fresh(name: string): string;
  /** Prints an object literal of entries (`spread` entries are `...value`). */
  object(entries: readonly (ObjectEntry & { spread?: boolean })[]): Code;
}

export type FnPrinter = (args: readonly FnArg[], ctx: FnContext, e: CallExpr) => Code | undefined;

/** An argument as printed into a call: `...x` for an expanded one. */
export function spreadable(a: FnArg): string {
  const c = a.print();
  return a.spread ? `...${c.prec >= PREC.conditional ? c.text : `(${c.text})`}` : c.prec >= PREC.conditional ? c.text : `(${c.text})`;
}

/** A call of a helper with the arguments as given. */
export const helper =
  (name: string): FnPrinter =>
  (args, ctx) =>
    code(`${ctx.helper(name)}(${args.map(spreadable).join(", ")})`);

/** A lambda parameter over the elements of `list`: typed `any` where they are of unknown type. */
export function param(name: string, list: FnArg | undefined): string {
  const t = list?.type;
  const element = t?.k === "list" ? t.of : t?.k === "tuple" ? t.of[0] : undefined;
  return !t || t.k === "any" || element?.k === "any" ? `${name}: any` : name;
}

/** The literal value of an argument, when it is one. */
export function literal(a: FnArg | undefined): string | number | boolean | null | undefined {
  return a?.expr.kind === "literal" ? a.expr.value : undefined;
}

/** Whether the argument is typed as a plain scalar of this kind. */
export function typed(a: FnArg | undefined, ...kinds: Type["k"][]): boolean {
  return a !== undefined && kinds.includes(a.type.k);
}
