/**
 * The typing pass, between mapping and printing: untyped config values take the type of their
 * uses, values are converted to the types the schema asks for, and every expression can be
 * asked its type (see infer.ts). The printer reads those types instead of guessing.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import type { PulumiProgram } from "../model/pulumi.js";
import { awaitPlanTimeInvokes } from "./await.js";
import { Coercer, typeUntypedConfig } from "./coerce.js";
import { TypeTable } from "./infer.js";
import type { Type } from "./types.js";

export { TypeTable, NO_SCOPE, configBaseType, literalKey, schemaKey, type Scope } from "./infer.js";
export { SIGNATURES, terraformFunctions, type Family, type Signature } from "./functions.js";
export * from "./types.js";

export interface TypedProgram {
  readonly program: PulumiProgram;
  readonly types: TypeTable;
}

/**
 * @param components the component classes the program's modules became (class name → a
 *   `component` type), so that reads of their properties are typed
 */
export function typeProgram(program: PulumiProgram, diags: Diagnostic[], components: ReadonlyMap<string, Type> = new Map(), options: TypeOptions = {}): TypedProgram {
  const typedConfig = typeUntypedConfig(program.decls, components);
  // A root program may await the data sources its loops count (an async entry point); a component's constructor cannot.
  const planned = options.root ? awaitPlanTimeInvokes(typedConfig, components) : typedConfig;
  const coercer = new Coercer(new TypeTable(planned, components), diags);
  const decls = planned.map((d) => coercer.decl(d));
  return { program: { ...program, decls }, types: new TypeTable(decls, components) };
}

export interface TypeOptions {
  /** A root program (not a component's): it may await data sources (typing/await.ts). */
  readonly root?: boolean;
}
export { componentProperty, componentType, holdsResource } from "./component.js";
