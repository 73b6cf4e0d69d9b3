/**
 * The `AWS::LanguageExtensions` transform's loops, done as CloudFormation does them before a
 * template deploys, on the template as read: each `Fn::ForEach::<Loop>: [Identifier, Collection,
 * {OutputKey: OutputValue}]` in the Resources, Outputs and Conditions sections, or in any mapping
 * of a resource's properties, is replaced by one copy of its fragment per value of the
 * collection: `${Identifier}` (or `&{Identifier}`, the value's letters and digits only) in the
 * keys and in `Fn::Sub` strings, and `Ref: Identifier`, read the value. Loops nest. A collection
 * is a list written out, a `Fn::FindInMap` of the template's mappings, or a list parameter's
 * default (a warning: CloudFormation loops over the value given at deployment).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { isObj, type Obj } from "./obj.js";

export const LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";
const LOOP = /^Fn::ForEach::[A-Za-z0-9]+$/;

/** Far past what a stack holds (500 resources, 200 outputs), and bounded, where nested loops would multiply without end. */
const MAX_COPIES = 10_000;

export interface ForEachScope {
  /** Entries the loops made so far; at {@link MAX_COPIES} they stop (nested loops multiply), said once. */
  made?: number;
  stopped?: boolean;
  readonly parameters: Obj;
  readonly mappings: Obj;
  readonly diags: Diagnostic[];
  readonly locate: (path: readonly string[]) => Location;
}

export interface ForEachExpansion {
  /** The section, each loop replaced by its copies, in the order written. */
  readonly section: Obj;
  /** Each key a loop made → the path of the fragment it was made from (where it is located). */
  readonly origin: ReadonlyMap<string, readonly string[]>;
  readonly expanded: boolean;
}

/** Expands the loops of one section (`Resources`, `Outputs`, `Conditions`), and those in each entry's values. */
export function expandForEach(name: string, section: Obj, s: ForEachScope): ForEachExpansion {
  const origin = new Map<string, readonly string[]>();
  let expanded = false;
  const out = expandMap(section, [name], s, (key, from) => {
    origin.set(key, from);
    expanded = true;
    // A logical id is letters and digits: a value with others needs &{Identifier}, as the transform says.
    if (!/^[A-Za-z0-9]+$/.test(key)) s.diags.push(diagnostic("PG1003", "error", `a loop makes ${key}, which is not a logical id (letters and digits only): write &{…} in the key for values with other characters`, s.locate(from)));
  });
  for (const [k, v] of Object.entries(out)) {
    const inner = deep(v, [name, k], s, () => (expanded = true));
    out[k] = inner;
  }
  return { section: out, origin, expanded };
}

/** The loops of one mapping replaced by their copies; `made(key, path)` is told of each copy's key and the fragment entry it was made from. */
function expandMap(map: Obj, path: readonly string[], s: ForEachScope, made: (key: string, from: readonly string[]) => void): Obj {
  const out: Obj = {};
  for (const [key, value, from] of entriesOf(map, path, s)) {
    if (key in out && from.length > path.length + 1) s.diags.push(diagnostic("PG1004", "error", `a loop makes ${key}, which is already declared`, s.locate(from)));
    out[key] = value;
    if (from.length > path.length + 1) made(key, from);
  }
  return out;
}

/** A mapping's entries with each loop's copies in its place: [key, value, the path it was written at]. */
function entriesOf(map: Obj, path: readonly string[], s: ForEachScope): [string, unknown, readonly string[]][] {
  const out: [string, unknown, readonly string[]][] = [];
  for (const [k, v] of Object.entries(map)) {
    if (!LOOP.test(k)) {
      out.push([k, v, [...path, k]]);
      continue;
    }
    const at = [...path, k];
    if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== "string" || !isObj(v[2])) {
      s.diags.push(diagnostic("PG1003", "error", `${k} takes [Identifier, Collection, {OutputKey: OutputValue}]`, s.locate(at)));
      continue;
    }
    const [ident, collection, fragment] = v as [string, unknown, Obj];
    const values = collectionValues(collection, at, s);
    if (!values) continue;
    for (const value of values) {
      if ((s.made ?? 0) >= MAX_COPIES) {
        // Said once, at the innermost loop that went past (the outer ones stop with it).
        if (!s.stopped) s.diags.push(diagnostic("PG1003", "error", `${k}: the loops make more than ${MAX_COPIES} entries (a stack holds 500 resources); the rest are not made`, s.locate(at)));
        s.stopped = true;
        return out;
      }
      // The fragment's keys and values with this value read; loops in it run for each value of this one.
      const copy = Object.fromEntries(Object.entries(fragment).map(([fk, fv]) => [LOOP.test(fk) ? fk : substituteText(fk, ident, value), substitute(fv, ident, value)]));
      for (const [key, x, from] of entriesOf(copy, [...at, "2"], s)) {
        // Where it was written: the fragment's own key (before the value was read), or the inner loop's.
        const written = Object.keys(fragment).find((w) => !LOOP.test(w) && substituteText(w, ident, value) === from.at(-1));
        if (from.length === at.length + 2) s.made = (s.made ?? 0) + 1;
        out.push([substituteText(key, ident, value), x, from.length === at.length + 2 && written !== undefined ? [...at, "2", written] : from]);
      }
    }
  }
  return out;
}

/** Loops in the mappings a value holds (a resource's properties), expanded. */
function deep(v: unknown, path: readonly string[], s: ForEachScope, found: () => void): unknown {
  if (Array.isArray(v)) return v.map((x, i) => deep(x, [...path, String(i)], s, found));
  if (!isObj(v)) return v;
  const hasLoop = Object.keys(v).some((k) => LOOP.test(k));
  const map = hasLoop ? expandMap(v, path, s, () => found()) : v;
  return Object.fromEntries(Object.entries(map).map(([k, x]) => [k, deep(x, [...path, k], s, found)]));
}

/** The values a loop runs over, as strings; undefined (and a diagnostic) where they are not known before deployment. */
function collectionValues(c: unknown, at: readonly string[], s: ForEachScope): string[] | undefined {
  const strings = (xs: unknown): string[] | undefined => (Array.isArray(xs) && xs.every((x) => typeof x === "string" || typeof x === "number") ? xs.map(String) : undefined);
  const listed = strings(c);
  if (listed) return listed;
  if (isObj(c) && typeof c.Ref === "string" && isObj(s.parameters[c.Ref])) {
    const p = s.parameters[c.Ref] as Obj;
    const d = p.Default;
    const values = typeof d === "string" ? d.split(",").map((x) => x.trim()) : strings(d);
    if (values) {
      s.diags.push(diagnostic("PG2010", "warning", `${at.at(-1)} loops over parameter ${c.Ref}'s default (${values.join(", ")}): CloudFormation loops over the value given at deployment, the program declares the resources of this one`, s.locate(at)));
      return values;
    }
  }
  if (isObj(c) && Array.isArray(c["Fn::FindInMap"])) {
    const [m, k1, k2] = c["Fn::FindInMap"] as unknown[];
    const map = typeof m === "string" ? s.mappings[m] : undefined;
    const row = isObj(map) && typeof k1 === "string" ? map[k1] : undefined;
    const values = isObj(row) && typeof k2 === "string" ? strings(row[k2]) : undefined;
    if (values) return values;
  }
  s.diags.push(diagnostic("PG2005", "error", `${at.at(-1)}: its collection is not known before deployment (a list written out, a Fn::FindInMap of literal keys, or a list parameter with a default); the loop is not expanded`, s.locate([...at, "1"])));
  return undefined;
}

/** `${Identifier}` → the value, `&{Identifier}` → its letters and digits. */
function substituteText(text: string, ident: string, value: string): string {
  return text.split(`\${${ident}}`).join(value).split(`&{${ident}}`).join(value.replace(/[^A-Za-z0-9]/g, ""));
}

/** A fragment with the identifier read: in `Fn::Sub` strings and `Ref: Identifier`; a `Ref` or `Fn::GetAtt` of a `Fn::Sub` left with no variable reads the logical id it spells. */
function substitute(v: unknown, ident: string, value: string): unknown {
  if (Array.isArray(v)) return v.map((x) => substitute(x, ident, value));
  if (!isObj(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const k = keys[0]!;
    const arg = v[k];
    if (k === "Ref" && arg === ident) return value;
    if (k === "Fn::Sub") {
      if (typeof arg === "string") return { "Fn::Sub": substituteText(arg, ident, value) };
      if (Array.isArray(arg) && typeof arg[0] === "string") return { "Fn::Sub": [substituteText(arg[0], ident, value), ...arg.slice(1).map((x) => substitute(x, ident, value))] };
    }
    if (k === "Ref") {
      const id = spelled(substitute(arg, ident, value));
      if (id !== undefined) return { Ref: id };
    }
    if (k === "Fn::GetAtt" && Array.isArray(arg)) {
      const parts = arg.map((x) => substitute(x, ident, value));
      const id = spelled(parts[0]);
      return { "Fn::GetAtt": id !== undefined ? [id, ...parts.slice(1).map((p) => spelled(p) ?? p)] : parts };
    }
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, ident, value)]));
}

/** A string, or a `Fn::Sub` of a string with no variable left: the text it spells. */
function spelled(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  const sub = isObj(v) ? v["Fn::Sub"] : undefined;
  return typeof sub === "string" && !sub.includes("${") ? sub : undefined;
}
