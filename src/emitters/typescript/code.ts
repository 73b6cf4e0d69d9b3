/**
 * Printed TypeScript with its precedence, so that an expression is parenthesised exactly where
 * its context needs it (`(a + b).toString()`, `(x ?? y) || z`). Prettier formats the program
 * afterwards; this only keeps the printed text correct.
 */

export interface Code {
  readonly text: string;
  readonly prec: number;
}

/** Operator precedence, higher binds tighter. */
export const PREC = {
  primary: 20,
  /** A numeric literal: primary, but `1.toString()` needs parentheses. */
  number: 19,
  unary: 15,
  exponent: 14,
  multiply: 13,
  add: 12,
  relational: 10,
  equality: 9,
  and: 5,
  or: 4,
  coalesce: 3,
  conditional: 2,
  arrow: 2,
  spread: 0,
} as const;

export function code(text: string, prec: number = PREC.primary): Code {
  return { text, prec };
}

/** The text, parenthesised unless it binds at least as tightly as `min`. */
export function at(c: Code, min: number): string {
  return c.prec >= min ? c.text : `(${c.text})`;
}

/** As the object of a member access or the callee of a call. */
export function primary(c: Code): string {
  return at(c, PREC.primary);
}

/** As an argument, an array element or an object value. */
export function arg(c: Code): string {
  return at(c, PREC.conditional);
}

/** `f(a, b)`. */
export function call(fn: string, args: readonly (Code | string)[]): Code {
  return code(`${fn}(${args.map((a) => (typeof a === "string" ? a : arg(a))).join(", ")})`);
}

/** `x.name(args)`. */
export function method(target: Code, name: string, args: readonly (Code | string)[] = []): Code {
  return call(`${primary(target)}.${name}`, args);
}

const BINARY_PREC: Readonly<Record<string, number>> = {
  "**": PREC.exponent,
  "*": PREC.multiply,
  "/": PREC.multiply,
  "%": PREC.multiply,
  "+": PREC.add,
  "-": PREC.add,
  "<": PREC.relational,
  "<=": PREC.relational,
  ">": PREC.relational,
  ">=": PREC.relational,
  "===": PREC.equality,
  "!==": PREC.equality,
  "&&": PREC.and,
  "||": PREC.or,
  "??": PREC.coalesce,
};

/** `a op b`, left-associative (`**` right-associative; `??` never mixed with `&&`/`||` unparenthesised). */
export function binary(op: string, left: Code, right: Code): Code {
  const p = BINARY_PREC[op]!;
  if (op === "**") return code(`${at(left, PREC.unary + 1)} ** ${at(right, p)}`, p);
  if (op === "??") return code(`${at(left, PREC.and + 2)} ?? ${at(right, PREC.and + 2)}`, p);
  const mixed = (c: Code) => (c.prec === PREC.coalesce ? `(${c.text})` : undefined);
  return code(`${mixed(left) ?? at(left, p)} ${op} ${mixed(right) ?? at(right, p + 1)}`, p);
}

/** `!x`, `-x`. */
export function unary(op: "!" | "-", operand: Code): Code {
  return code(`${op}${at(operand, PREC.unary + 1)}`, PREC.unary);
}

/** `c ? a : b`. */
export function conditional(c: Code, a: Code, b: Code): Code {
  return code(`${at(c, PREC.coalesce)} ? ${arg(a)} : ${arg(b)}`, PREC.conditional);
}

/** `(params) => body`, or `(params): returns => body`; an object literal body is parenthesised. */
export function arrow(params: string, body: Code, returns?: string): Code {
  const text = body.text.startsWith("{") ? `(${body.text})` : arg(body);
  return code(`(${params})${returns ? `: ${returns}` : ""} => ${text}`, PREC.arrow);
}
