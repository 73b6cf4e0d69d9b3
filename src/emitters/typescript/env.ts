/** What the expression printer prints in: the program's names, types, scope and the services a program offers its expressions. */
import type { Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { NameScope } from "../../model/names.js";
import type { Scope, TypeTable } from "../../typing/infer.js";
import type { NodeModule } from "./helpers/index.js";

/** A construct printed as `notImplemented("…")` or a TODO comment: its source text and where it was. */
export interface Placeholder {
  readonly text: string;
  readonly location?: Location;
}

/** What printing an expression can ask of the program being printed. */
export interface ProgramContext {
  /** Records a Node module import the code uses. */
  use(module: NodeModule): void;
  /** Records a helper the code calls and returns its name in this program. */
  helper(name: string): string;
  /** Records an npm package the converted project then depends on (`js-yaml`). */
  dependency(pkg: string): void;
}

export interface PrintEnv {
  readonly types: TypeTable;
  /** Declaration id → TypeScript name. */
  readonly names: ReadonlyMap<string, string>;
  /** Declarations printed so far: a reference to a later one (a cycle) becomes a placeholder. */
  readonly declared?: ReadonlySet<string>;
  /** Names taken where the code is printed (lambda parameters claim theirs here). */
  readonly scope: NameScope;
  /** Loop and lambda variables: model scope name → TypeScript name. */
  readonly locals: ReadonlyMap<string, string>;
  /** Their types. */
  readonly scopeTypes: Scope;
  readonly program: ProgramContext;
  readonly diags: Diagnostic[];
  readonly loc?: Location;
  /** Where the placeholders printed are recorded (what a person must finish). */
  readonly placeholders?: Placeholder[];
  /** Deferred Outputs standing for component properties read before the component exists: `<decl id>.<property>` → name. */
  readonly deferred?: ReadonlyMap<string, string>;
  /** Inside a component's constructor: resources are its children, named after the instance (the identifier holding its name). */
  readonly component?: { readonly nameVar: string };
}

/** The environment inside a lambda: its parameters named (`names`) and typed (`types`), by model name. */
export function withLocals(env: PrintEnv, names: Readonly<Record<string, string>>, types: Scope, scope = new NameScope(env.scope)): PrintEnv {
  return {
    ...env,
    scope,
    locals: new Map([...env.locals, ...Object.entries(names)]),
    scopeTypes: new Map([...env.scopeTypes, ...types]),
  };
}
