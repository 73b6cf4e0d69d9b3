/**
 * What a SAM REST API's definition looks like on the version it is written in: `Cors` (an OPTIONS
 * preflight on each path) and `OpenApiVersion`. The transform generates a Swagger 2.0 document
 * for an API without a DefinitionBody, an OpenAPI 3 one when OpenApiVersion says 3.x (its Globals
 * plugin renames `swagger` to `openapi` on the bodies it generated); on an OpenAPI 3 document it
 * then moves the security definitions and models under `components` and writes its preflights
 * without `consumes`/`produces`, each response header a `schema` (api_generator.py,
 * `_openapi_postprocess`). Any OpenApiVersion also turns off SAM's extra stage: without one, the
 * transform's Deployment names a stage `Stage` of its own.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { isIntrinsic, isObj, type Obj } from "./sam-definition.js";

/** The methods an `x-amazon-apigateway-any-method` answers, for a CORS preflight's Allow-Methods. */
export const ANY_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/** An API's OpenApiVersion as the transform reads it (YAML's `3.0` is a number, which it reads as "3.0"). */
function versionText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? `${v}.0` : String(v);
  return undefined;
}

/**
 * The OpenAPI 3 version the transform writes a generated body in, if the API's OpenApiVersion
 * (Globals merged) names one; a value the transform rejects is an error, and read as none.
 */
export function openApi3Version(props: Obj, diags: Diagnostic[], at: (...p: string[]) => Location, id: string): string | undefined {
  if (props.OpenApiVersion === undefined) return undefined;
  const v = versionText(props.OpenApiVersion);
  if (v === undefined || !/^[23](\.\d)(\.\d)?$/.test(v)) {
    diags.push(diagnostic("PG2004", "error", `${id}: OpenApiVersion must be a version such as 3.0.1 (the transform rejects ${JSON.stringify(props.OpenApiVersion)}); the body stays Swagger 2.0`, at("Properties", "OpenApiVersion")));
    return undefined;
  }
  return /^3(\.\d)(\.\d)?$/.test(v) ? v : undefined;
}

/** The note of an API's info diagnostic about SAM's extra `Stage` stage, which only an OpenApiVersion turns off. */
export function extraStageNote(props: Obj): string {
  if (props.OpenApiVersion !== undefined) return "";
  return "; the transform's Deployment also names a stage 'Stage' (SAM's extra stage, which setting OpenApiVersion turns off): it is not made here, so a deployed one stays in API Gateway outside the program";
}

/** An OpenAPI 3 document (its `openapi` field says 3.x). */
export function isOpenApi3(body: Obj): boolean {
  return typeof body.openapi === "string" && /^3\./.test(body.openapi);
}

/**
 * `Cors` as the transform writes it into an API's paths: an OPTIONS method on each path, a mock
 * integration answering the preflight with the Allow-Origin given (`Cors: "'*'"`, or the
 * `AllowOrigin` of a mapping), its `AllowHeaders`, `AllowMethods` (default: the path's own methods
 * and OPTIONS) and `MaxAge`. The values are API Gateway mapping values, quotes and all. In an
 * OpenAPI 3 document the preflight has no consumes/produces and each header a schema.
 */
export function withCors(paths: Obj, cors: unknown, openapi3: boolean, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  if (isObj(cors) && isIntrinsic(cors)) {
    diags.push(diagnostic("PG2004", "warning", "Cors written with an intrinsic function is not expanded (the transform needs it written out); write its OPTIONS methods with Pulumi classes", at("Properties", "Cors")));
    return paths;
  }
  // An origin left out is any origin, as the transform takes it.
  const given: Obj = typeof cors === "string" ? { AllowOrigin: cors } : isObj(cors) ? cors : {};
  // Each setting read by name, so that one the transform does not know is said (sam-unread.ts).
  const c: Obj = { AllowOrigin: given.AllowOrigin ?? "'*'", AllowHeaders: given.AllowHeaders, AllowMethods: given.AllowMethods, MaxAge: given.MaxAge, AllowCredentials: given.AllowCredentials };
  const header = (name: string) => `method.response.header.Access-Control-${name}`;
  const out: Obj = {};
  for (const [path, methods] of Object.entries(paths)) {
    // A path that has its own OPTIONS method keeps it, as the transform leaves it; a path item's other keys (`parameters`) are no methods.
    if (!isObj(methods) || methods.options !== undefined) {
      out[path] = methods;
      continue;
    }
    const own = Object.keys(methods).flatMap((m) => (m === "x-amazon-apigateway-any-method" ? ANY_METHODS : ANY_METHODS.includes(m.toUpperCase()) ? [m.toUpperCase()] : []));
    const allowMethods = c.AllowMethods ?? `'${[...new Set([...own, "OPTIONS"])].sort().join(",")}'`;
    const params: Obj = {
      ...(c.AllowHeaders !== undefined ? { [header("Allow-Headers")]: c.AllowHeaders } : {}),
      [header("Allow-Methods")]: allowMethods,
      [header("Allow-Origin")]: c.AllowOrigin,
      ...(c.MaxAge !== undefined ? { [header("Max-Age")]: c.MaxAge } : {}),
      ...(c.AllowCredentials === true ? { [header("Allow-Credentials")]: "'true'" } : {}),
    };
    // Each header's type as the transform declares it: Max-Age a number, the others text.
    const headers = Object.fromEntries(Object.keys(params).map((k) => {
      const type = { type: k === header("Max-Age") ? "integer" : "string" };
      return [k.replace("method.response.header.", ""), openapi3 ? { schema: type } : type];
    }));
    out[path] = {
      ...(methods as Obj),
      options: {
        summary: "CORS support",
        ...(openapi3 ? {} : { consumes: ["application/json"], produces: ["application/json"] }),
        "x-amazon-apigateway-integration": {
          type: "mock",
          requestTemplates: { "application/json": '{\n  "statusCode" : 200\n}\n' },
          responses: { default: { statusCode: "200", responseParameters: params, responseTemplates: { "application/json": "{}\n" } } },
        },
        responses: { "200": { description: "Default response for CORS method", headers } },
      },
    };
  }
  return out;
}
