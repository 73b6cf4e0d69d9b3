/**
 * The properties of a SAM resource that its expansion never read: each is one the conversion
 * would drop without a word, so each is a located warning instead. The expansion reads the
 * properties through a proxy that records every key asked for (a key only checked for, as the
 * lists of settings that are warned about are, counts as read: those say so themselves).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import type { Obj } from "./obj.js";

export interface Tracked {
  /** The properties, as the expansion is to read them. */
  readonly props: Obj;
  /** Warns for each property nothing read (written under the resource's Properties, or under Globals). */
  report(id: string, diags: Diagnostic[], where: (key: string) => Location): void;
}

export function tracked(props: Obj): Tracked {
  const read = new Set<string>();
  const proxy = new Proxy(props, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === "string") read.add(key);
      return Reflect.has(target, key);
    },
  });
  return {
    props: proxy,
    report(id, diags, where) {
      for (const k of Object.keys(props)) {
        if (!read.has(k)) diags.push(diagnostic("PG2004", "warning", `${id}: ${k} is not expanded (this conversion does not write what the transform makes of it): it is left out`, where(k)));
      }
    },
  };
}
