/**
 * Terraform's collection functions that need more than one expression (see ./strings.ts). Sets
 * are arrays without duplicates in Terraform's order: numbers ascending, strings in lexical
 * order; elements of mixed primitive types become strings first, as Terraform converts them.
 */
import * as util from "util";

/** Terraform's value equality (`==`, `contains`, `distinct`): deep, and types must match. */
export function equal(a: unknown, b: unknown): boolean {
  return util.isDeepStrictEqual(a, b);
}

/** Terraform's element(): the index wraps around the end of the list. */
export function element<T = any>(list: readonly T[], position: number): T {
  if (list.length === 0) throw new Error("element: cannot use element function with an empty list");
  if (position < 0) throw new Error("element: cannot use element function with a negative index");
  return list[Math.floor(position) % list.length]!;
}

/** Terraform's index(): the position of `value` in the list, an error when it is not there. */
export function index(list: readonly unknown[], value: unknown): number {
  const i = list.findIndex((x) => equal(x, value));
  if (i < 0) throw new Error("index: item not found");
  return i;
}

/** Terraform's coalesce(): the first argument that is neither null nor an empty string. */
export function coalesce<T = any>(...candidates: (T | null | undefined)[]): T {
  for (const v of candidates) if (v !== null && v !== undefined && (v as unknown) !== "") return v;
  throw new Error("coalesce: no non-null, non-empty-string arguments");
}

/** Terraform's coalescelist(): the first list that is not empty. */
export function coalescelist<T = any>(...lists: readonly (readonly T[])[]): T[] {
  for (const l of lists) if (l.length > 0) return [...l];
  throw new Error("coalescelist: no non-empty list arguments");
}

/** Terraform's chunklist(): the list in chunks of `size` (one chunk when `size` is 0). */
export function chunklist<T = any>(list: readonly T[], size: number): T[][] {
  if (size === 0) return [[...list]];
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Terraform's distinct(): the first occurrence of each value, in order. */
export function distinct<T = any>(list: readonly T[]): T[] {
  return list.filter((v, i) => list.findIndex((x) => equal(x, v)) === i);
}

/** Terraform's flatten(): nested lists spliced in, at any depth. */
export function flatten<T = any>(list: readonly unknown[]): T[] {
  return list.flatMap((v) => (Array.isArray(v) ? flatten<T>(v) : [v as T]));
}

/** Terraform's one(): null for an empty list, the element of a one-element list. */
export function one<T = any>(list: readonly T[]): T | undefined {
  if (list.length > 1) throw new Error("one: must be a list, set, or tuple value with either zero or one elements");
  return list[0];
}

/** Terraform's range(): from `start` towards `limit` (excluded) by `step`, at most 1024 numbers. */
export function range(...args: number[]): number[] {
  const [start, limit] = args.length === 1 ? [0, args[0]!] : [args[0]!, args[1]!];
  const step = args[2] ?? (limit < start ? -1 : 1);
  if (step === 0) throw new Error("range: step must not be zero");
  const out: number[] = [];
  for (let n = start; step > 0 ? n < limit : n > limit; n += step) {
    if (out.length === 1024) throw new Error("range: more than 1024 values were generated");
    out.push(n);
  }
  return out;
}

/** Terraform's tolist(): elements of mixed primitive types become strings. */
export function tolist<T = any>(list: readonly T[]): T[] {
  const kinds = new Set(list.filter((v) => v !== null && typeof v !== "object").map((v) => typeof v));
  return kinds.size > 1 ? list.map((v) => (v !== null && typeof v !== "object" ? (String(v) as T) : v)) : [...list];
}

/** Terraform's tomap(): values of mixed primitive types become strings. */
export function tomap<T = any>(map: Readonly<Record<string, T>>): Record<string, T> {
  const converted = tolist(Object.values(map));
  return Object.fromEntries(Object.keys(map).map((k, i) => [k, converted[i]!]));
}

/** Terraform's toset(): no duplicates, in Terraform's order. */
export function toset<T = any>(list: readonly T[]): T[] {
  return distinct(tolist(list)).sort((a, b) => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    const x = typeof a === "string" ? a : JSON.stringify(a);
    const y = typeof b === "string" ? b : JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Terraform's setunion(): the elements of any of the sets. */
export function setunion<T = any>(...sets: readonly (readonly T[])[]): T[] {
  return toset(sets.flat() as T[]);
}

/** Terraform's setintersection(): the elements all the sets have. */
export function setintersection<T = any>(...sets: readonly (readonly T[])[]): T[] {
  const [first = [], ...rest] = sets.map((s) => toset(s as T[]));
  return first.filter((v) => rest.every((s) => s.some((x) => equal(x, v))));
}

/** Terraform's setsubtract(): the elements of `a` that `b` does not have. */
export function setsubtract<T = any>(a: readonly T[], b: readonly T[]): T[] {
  const [x, y] = [toset(a), toset(b)];
  return x.filter((v) => !y.some((w) => equal(w, v)));
}

/** Terraform's setproduct(): every combination of one element of each list, in order. */
export function setproduct(...lists: readonly (readonly unknown[])[]): unknown[][] {
  return lists.map((l) => tolist(l)).reduce<unknown[][]>((acc, l) => acc.flatMap((combo) => l.map((v) => [...combo, v])), [[]]);
}

/** Terraform's values(): the values of a map in the order of its sorted keys. */
export function values<T = any>(map: Readonly<Record<string, T>>): T[] {
  return Object.keys(map)
    .sort()
    .map((k) => map[k]!);
}

/** A map's entries in Terraform's order (sorted keys), for `for` expressions that make lists. */
export function entries<T = any>(map: Readonly<Record<string, T>>): [string, T][] {
  return Object.keys(map)
    .sort()
    .map((k) => [k, map[k]!]);
}

/** Terraform's matchkeys(): the values whose key at the same index is in the search set. */
export function matchkeys<T = any>(valueslist: readonly T[], keyslist: readonly unknown[], searchset: readonly unknown[]): T[] {
  if (valueslist.length !== keyslist.length) throw new Error("matchkeys: length of keys and values should be equal");
  return valueslist.filter((_, i) => searchset.some((s) => equal(s, keyslist[i])));
}

/** Terraform's transpose(): a map of lists with keys and values swapped. */
export function transpose(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(map).sort()) for (const v of map[k]!) (out[v] ??= []).push(k);
  return out;
}

/** Terraform's alltrue() and anytrue() accept `true` and the string "true". */
export function istrue(value: unknown): boolean {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new Error(`a bool is required, not ${JSON.stringify(value)}`);
}

/** A `for` expression's grouping mode (`k => v...`): the values of each key, in order. */
export function group<T = any>(pairs: readonly (readonly [string, T])[]): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const [k, v] of pairs) (out[k] ??= []).push(v);
  return out;
}

/** Where a variable's type gives defaults: its object attributes (`optional(T, default)`), those of nested objects, of elements. */
export interface Defaults {
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly fields?: Readonly<Record<string, Defaults>>;
  readonly elements?: Defaults;
}

/** Terraform's `optional(T, default)`: an attribute left out (or null) takes its default, in objects, lists and maps of them alike. */
export function withDefaults<T = any>(value: unknown, defaults: Defaults): T {
  if (value === null || value === undefined) return value as T;
  if (defaults.elements) {
    const each = (v: unknown) => withDefaults(v, defaults.elements!);
    return (Array.isArray(value) ? value.map(each) : Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, each(v)]))) as T;
  }
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [k, d] of Object.entries(defaults.attributes ?? {})) if (out[k] === undefined || out[k] === null) out[k] = d;
  for (const [k, d] of Object.entries(defaults.fields ?? {})) out[k] = withDefaults(out[k], d);
  return out as T;
}
