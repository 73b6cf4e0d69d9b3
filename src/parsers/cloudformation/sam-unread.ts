/**
 * The properties of a SAM resource that its expansion never read: each is one the conversion
 * would drop without a word, so each is a located warning instead. The expansion reads the
 * properties through a proxy that records every key asked for (a key only checked for, as the
 * lists of settings that are warned about are, counts as read: those say so themselves).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { isIntrinsic, isObj, type Obj } from "./obj.js";

export interface Tracked {
  /** The properties, as the expansion is to read them. */
  readonly props: Obj;
  /** Warns for each property nothing read (written under the resource's Properties, or under Globals), by its path. */
  report(id: string, diags: Diagnostic[], where: (path: readonly string[]) => Location): void;
}

/** What the expansion asked of one mapping: the keys it read, and the mappings under them it read into. */
interface Reads {
  readonly keys: Set<string>;
  readonly under: Map<string, { readonly reads: Reads; readonly proxy: Obj }>;
}

/** A mapping of settings (not a list, nor an intrinsic function, whose keys are no settings). */
const settings = (v: unknown): v is Obj => isObj(v) && !isIntrinsic(v);

function watch(target: Obj, reads: Reads): Obj {
  return new Proxy(target, {
    get(t, key, receiver) {
      const v = Reflect.get(t, key, receiver) as unknown;
      if (typeof key !== "string") return v;
      reads.keys.add(key);
      if (!settings(v)) return v;
      // The same proxy each time, so that a mapping read twice is one mapping.
      let under = reads.under.get(key);
      if (!under) {
        const inner: Reads = { keys: new Set(), under: new Map() };
        reads.under.set(key, (under = { reads: inner, proxy: watch(v, inner) }));
      }
      return under.proxy;
    },
    has(t, key) {
      if (typeof key === "string") reads.keys.add(key);
      return Reflect.has(t, key);
    },
  });
}

/**
 * A SAM resource's properties read through proxies, to any depth: a key never read is a warning.
 * A mapping read but none of whose keys was (handed on whole: `Variables`, a policy document) is
 * read whole; one of whose keys some were read has each other key said.
 */
export function tracked(props: Obj): Tracked {
  const root: Reads = { keys: new Set(), under: new Map() };
  return {
    props: watch(props, root),
    report(id, diags, where) {
      const walk = (target: Obj, reads: Reads, path: readonly string[]) => {
        for (const k of Object.keys(target)) {
          const at = [...path, k];
          if (!reads.keys.has(k)) {
            diags.push(diagnostic("PG2004", "warning", `${id}: ${at.join(".")} is not expanded (this conversion does not write what the transform makes of it): it is left out`, where(at)));
            continue;
          }
          const under = reads.under.get(k);
          const value = target[k];
          if (under && under.reads.keys.size > 0 && settings(value)) walk(value, under.reads, at);
        }
      };
      walk(props, root, []);
    },
  };
}

/** Marks every key of a mapping read, to any depth: one a diagnostic already speaks for, or one handed on whole. */
export function spokenFor(v: unknown): void {
  if (settings(v)) for (const k of Object.keys(v)) spokenFor(v[k]);
}

/** The keys of a mapping beside the known ones, each marked read (the caller says what becomes of them). */
export function othersThan(v: Obj, known: readonly string[]): string[] {
  const others = Object.keys(v).filter((k) => !known.includes(k));
  for (const k of others) void v[k];
  return others;
}
