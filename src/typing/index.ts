/**
 * The typing pass, between mapping and printing: untyped config values take the type of their
 * uses, values are converted to the types the schema asks for, and every expression can be
 * asked its type (see infer.ts). The printer reads those types instead of guessing.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import type { PulumiProgram } from "../model/pulumi.js";
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
export function typeProgram(program: PulumiProgram, diags: Diagnostic[], components: ReadonlyMap<string, Type> = new Map()): TypedProgram {
  const typedConfig = typeUntypedConfig(program.decls, components);
  const coercer = new Coercer(new TypeTable(typedConfig, components), diags);
  const decls = typedConfig.map((d) => coercer.decl(d));
  return { program: { ...program, decls }, types: new TypeTable(decls, components) };
}
export { componentProperty, componentType, holdsResource } from "./component.js";
