/** Terraform's numeric and type-conversion functions that need more than one expression (see ./strings.ts). */

/** Terraform's parseint(): digits of `base` (2 to 62: 0-9, then a-z, then A-Z above base 36). */
export function parseint(s: string, base: number): number {
  if (!Number.isInteger(base) || base < 2 || base > 62) throw new Error("parseint: base must be a whole number between 2 and 62");
  const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const negative = s.startsWith("-");
  const body = negative || s.startsWith("+") ? s.slice(1) : s;
  let n = 0n;
  for (const c of body) {
    const d = digits.indexOf(base <= 36 ? c.toLowerCase() : c);
    if (d < 0 || d >= base) throw new Error(`parseint: cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
    n = n * BigInt(base) + BigInt(d);
  }
  if (body === "") throw new Error(`parseint: cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
  return Number(negative ? -n : n);
}

/** Terraform's tobool(): a bool, the string "true" or "false", or null. */
export function tobool(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new Error(`tobool: cannot convert ${JSON.stringify(value)} to bool: only the strings "true" or "false" are allowed`);
}

/** Terraform's tonumber(): a number, a string that is a decimal number, or null. */
export function tonumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  throw new Error(`tonumber: cannot convert ${JSON.stringify(value)} to number: string must be a decimal representation of a number`);
}

/** Terraform's tostring(): a string, a number or a bool as a string, or null. */
export function tostring(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Error(`tostring: cannot convert ${Array.isArray(value) ? "tuple" : "object"} to string`);
}

/** Terraform's try(): the first alternative that evaluates without an error (or a missing attribute). */
export function tryValues<T = any>(...alternatives: (() => T)[]): T {
  const errors: string[] = [];
  for (const alternative of alternatives) {
    try {
      const value = alternative();
      if (value !== undefined) return value;
      errors.push("the value is missing");
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  throw new Error(`try: no expression succeeded: ${errors.join("; ")}`);
}

/** Terraform's can(): whether the expression evaluates without an error (or a missing attribute). */
export function can(value: () => unknown): boolean {
  try {
    return value() !== undefined;
  } catch {
    return false;
  }
}

/** A construct pulumigrate could not convert: see the TODO next to each call. */
export function notImplemented(source: string): any {
  throw new Error(`not converted by pulumigrate: ${source}`);
}
