/**
 * Stand-ins for the structured config a verified program requires and its stack does not set:
 * shaped by the type the program reads it as (`config.requireObject<{ name: string; ports:
 * number[] }>("app")` → `{ name: "verify", ports: [] }`), so that a program that reads a field
 * runs as it would with a value. An untyped variable (`requireObject<any>`) stays `{}`: a
 * string would be as often wrong (a path read as a file, a list mapped). Read from the
 * program's syntax with the TypeScript compiler the run already loads.
 */

/** The few parts of the TypeScript API read here. */
export interface TsApi {
  createSourceFile(fileName: string, text: string, target: number, setParents?: boolean): TsNode;
  readonly SyntaxKind: Readonly<Record<string, number>>;
}

export interface TsNode {
  readonly kind: number;
  forEachChild<T>(cb: (n: TsNode) => T | undefined): T | undefined;
  readonly [k: string]: unknown;
}

const READS = new Set(["requireObject", "requireSecretObject"]);

/** Config key → stand-in, for every `requireObject<T>("key")` of the program text. */
export function standIns(ts: TsApi, fileName: string, text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!text.includes("requireObject") && !text.includes("requireSecretObject")) return out;
  const K = ts.SyntaxKind;
  const source = ts.createSourceFile(fileName, text, 9, true);
  // The program names its object types (`type Settings = { … }`): a reference is read through them.
  const aliases = new Map<string, TsNode>();
  source.forEachChild((n) => {
    if (n.kind === K.TypeAliasDeclaration) aliases.set((n.name as TsNode).text as string, n.type as TsNode);
    return undefined;
  });
  const visit = (n: TsNode): undefined => {
    if (n.kind === K.CallExpression) {
      const callee = n.expression as TsNode;
      const name = callee.kind === K.PropertyAccessExpression ? ((callee.name as TsNode).text as string) : undefined;
      const [key] = (n.arguments as TsNode[] | undefined) ?? [];
      const [type] = (n.typeArguments as TsNode[] | undefined) ?? [];
      if (name && READS.has(name) && key !== undefined && key.kind === K.StringLiteral && type) out.set(key.text as string, standIn(K, type, aliases));
    }
    return n.forEachChild(visit);
  };
  visit(source);
  return out;
}

function standIn(K: Readonly<Record<string, number>>, t: TsNode, aliases: ReadonlyMap<string, TsNode>, depth = 0): unknown {
  const inner = (x: TsNode) => standIn(K, x, aliases, depth + 1);
  switch (t.kind) {
    case K.StringKeyword:
      return "verify";
    case K.NumberKeyword:
      return 1;
    case K.BooleanKeyword:
      return true;
    case K.ArrayType:
      return [];
    case K.TupleType:
      return ((t.elements as TsNode[]) ?? []).map((e) => inner(e));
    case K.ParenthesizedType:
      return inner(t.type as TsNode);
    case K.LiteralType: {
      const lit = t.literal as TsNode;
      if (lit.kind === K.StringLiteral) return lit.text;
      if (lit.kind === K.NumericLiteral) return Number(lit.text);
      if (lit.kind === K.TrueKeyword) return true;
      if (lit.kind === K.FalseKeyword) return false;
      return null;
    }
    case K.UnionType: {
      const members = (t.types as TsNode[]).filter((m) => m.kind !== K.UndefinedKeyword && !(m.kind === K.LiteralType && (m.literal as TsNode).kind === K.NullKeyword));
      return members.length ? inner(members[0]!) : null;
    }
    case K.TypeLiteral: {
      const o: Record<string, unknown> = {};
      for (const m of t.members as TsNode[]) {
        if (m.kind !== K.PropertySignature || m.questionToken || !m.type) continue;
        const n = m.name as TsNode;
        o[(n.text as string) ?? ""] = inner(m.type as TsNode);
      }
      return o;
    }
    case K.TypeReference: {
      const name = (t.typeName as TsNode).text as string;
      if (name === "Array" || name === "ReadonlyArray") return [];
      const alias = aliases.get(name);
      // An alias of an alias of … (or of itself) ends somewhere.
      return alias && depth < 16 ? inner(alias) : {};
    }
    default:
      return {};
  }
}
