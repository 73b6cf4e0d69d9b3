/**
 * The values the SAM transform's files read the template with (sam-api.ts, sam-events.ts, …),
 * and an API's definition as the transform takes it: a local `DefinitionUri` read when the
 * program runs, a `DefinitionBody` written out with its events' paths merged in.
 */
import { createHash } from "node:crypto";
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { CALL } from "./intrinsics.js";
import type { EventPolicy, EventRequest } from "./sam-models.js";

import { isIntrinsic, isObj, type Obj } from "./obj.js";

export { isObj, type Obj } from "./obj.js";
/** A value written with an intrinsic function (`{ Ref: … }`, `{ "Fn::If": … }`): merged as a whole, never key by key. */
export { isIntrinsic };

/** The keys of `o` among `keys` that it sets, as they are. */
export const pick = (o: Obj, keys: readonly string[]): Obj => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

export const getAtt = (id: string, attr: string): Obj => ({ "Fn::GetAtt": [id, attr] });

/** The transform's logical id suffix for a value (its LogicalIdGenerator): the first 10 hex digits of the SHA-1 of its text (JSON, keys sorted, for a structure). */
export function logicalIdHash(v: unknown): string {
  const text = typeof v === "string" ? v : JSON.stringify(sorted(v));
  return createHash("sha1").update(text, "utf8").digest("hex").slice(0, 10);
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]));
}

/** The paths an API's events add (its OpenAPI `paths`), and the functions they call. */
export interface ApiPaths {
  readonly paths: Obj;
  readonly users: string[];
  /** `<path> <method>` → the authorizer its event names (`NONE`: none) and the scopes it asks, where it names one. */
  readonly auth: Map<string, { readonly authorizer?: unknown; readonly scopes?: unknown; readonly apiKey?: unknown; readonly invokeRole?: unknown; /** The event's Auth. */ readonly at?: Location }>;
  /** `<path> <method>` → its event's RequestModel and RequestParameters (sam-models.ts), where it sets them. */
  readonly requests: Map<string, EventRequest>;
  /** Events' own `Auth.ResourcePolicy`, in the order the transform reads them, each with the methods its path had then (sam-models.ts). */
  readonly policies: EventPolicy[];
  /** An HTTP API's events' RouteSettings, by route (`GET /items`, or the path for ANY), merged into the stage's. */
  readonly routeSettings: Map<string, unknown>;
}

/** An API of the transform that no event has given anything yet (`users`: the functions whose events name it). */
export const noEventsYet = (users: string[] = []): ApiPaths => ({ paths: {}, users, auth: new Map(), requests: new Map(), policies: [], routeSettings: new Map() });

/**
 * An API's `DefinitionUri`: a local path (the template before `sam package` uploads it) is the
 * file's text, read when the program runs, and the project carries the file; the transform
 * takes such a definition as written (the events' paths, Cors and Auth are not added to it).
 * One on S3 is a warning (the classic RestApi and Api take the body itself), and so is
 * DefinitionUri beside a DefinitionBody (the transform rejects the two together).
 */
export function definitionFile(id: string, props: Obj, added: readonly string[], diags: Diagnostic[], at: (...p: string[]) => Location): string | undefined {
  const uri = props.DefinitionUri;
  if (uri === undefined) return undefined;
  if (props.DefinitionBody !== undefined) {
    diags.push(diagnostic("PG2004", "warning", `${id}: DefinitionUri beside a DefinitionBody (the transform takes one or the other); the DefinitionBody is converted`, at("Properties", "DefinitionUri")));
    return undefined;
  }
  if (typeof uri !== "string" || /^s3:\/\//i.test(uri) || /^https?:\/\//i.test(uri)) {
    diags.push(diagnostic("PG2004", "warning", `${id}: a DefinitionUri on S3 is not read (the classic API takes its definition as a body): download it beside the template and name its path, or write it as DefinitionBody`, at("Properties", "DefinitionUri")));
    return undefined;
  }
  diags.push(diagnostic("PG2010", "info", `${id}: the definition is read from ${uri} when the program runs (the transform takes it as written: ${["the events' paths", ...added].join(", ").replace(/, (?=[^,]*$)/, " and ")} are not added to it)`, at("Properties", "DefinitionUri")));
  for (const k of added) {
    if (props[k] !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: ${k} is left out: the transform adds it only to a DefinitionBody (it rejects it beside DefinitionUri)`, at("Properties", k)));
  }
  return uri;
}

/** The text of a local file, read when the program runs (the project carries the file). */
export const fileText = (uri: string): Obj => ({ [CALL]: { name: "file", args: [uri] } });

/** The object a local JSON or YAML file holds, read and decoded when the program runs. */
export const decodedFile = (uri: string): Obj => ({ [CALL]: { name: /\.json$/i.test(uri) ? "jsondecode" : "yamldecode", args: [fileText(uri)] } });

/**
 * A DefinitionBody written out with the paths of the events that name the API merged in, as the
 * transform merges them: a path or method the body lacks is added, a method it has without an
 * integration gets the event's; one it already integrates is an error (the transform rejects
 * the template). A body or paths written with an intrinsic function cannot take them: a warning.
 */
export function withEventPaths(id: string, body: unknown, api: ApiPaths, what: string, diags: Diagnostic[], at: (...p: string[]) => Location): unknown {
  if (!Object.keys(api.paths).length) return body;
  const events = [...new Set(api.users)].join(", ");
  if (!isObj(body) || isIntrinsic(body) || (body.paths !== undefined && (!isObj(body.paths) || isIntrinsic(body.paths)))) {
    diags.push(diagnostic("PG2004", "warning", `${id}: the ${what} of ${events}'s events are not merged into the DefinitionBody, which is written with an intrinsic function (the transform merges them into one written out): add them to it`, at("Properties", "DefinitionBody")));
    return body;
  }
  const paths: Obj = { ...(body.paths as Obj | undefined) };
  for (const [path, methods] of Object.entries(api.paths)) {
    const written = isObj(paths[path]) ? (paths[path] as Obj) : {};
    const merged: Obj = { ...written };
    for (const [method, op] of Object.entries(methods as Obj)) {
      const own = written[method];
      if (isObj(own) && own["x-amazon-apigateway-integration"] !== undefined) {
        diags.push(diagnostic("PG2004", "error", `${id}: an event of ${events} adds ${method === "x-amazon-apigateway-any-method" ? "ANY" : method.toUpperCase()} ${path}, which the DefinitionBody already integrates (the transform rejects this: 'API method defined multiple times'); the body's is kept`, at("Properties", "DefinitionBody")));
        continue;
      }
      merged[method] = isObj(own) ? { ...own, "x-amazon-apigateway-integration": (op as Obj)["x-amazon-apigateway-integration"], responses: own.responses ?? (op as Obj).responses } : op;
    }
    paths[path] = merged;
  }
  return { ...body, paths };
}
