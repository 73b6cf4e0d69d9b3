/**
 * What the SAM transform writes into a REST API's definition beside its paths, as it writes it:
 * the API's `Models` (the body's `definitions`, OpenAPI 3's `components.schemas`, each name in
 * lower case), its `GatewayResponses` (`x-amazon-apigateway-gateway-responses`, parameters
 * prefixed `gatewayresponse.header.` / `.path.` / `.querystring.`), and each `Api` event's
 * `RequestModel` (a body parameter or `requestBody` naming the model, and a request validator
 * when it asks for one) and `RequestParameters` (a parameter each, with its cache key). What the
 * transform rejects is a located error here, and that part is left out.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { isIntrinsic, isObj, type ApiPaths, type Obj } from "./sam-definition.js";
import { spokenFor } from "./sam-unread.js";

/** An `Api` event's request settings, for its method. */
export interface EventRequest {
  readonly event: string;
  readonly model?: unknown;
  readonly parameters?: unknown;
  readonly at: Location;
}

/** An `Api` event's own `Auth.ResourcePolicy`, with the methods (the event's own and those of earlier events) its path had when the transform read it. */
export interface EventPolicy {
  readonly event: string;
  readonly path: string;
  readonly methods: readonly string[];
  readonly policy: unknown;
  readonly at: Location;
}

const PARAMETER = /^method\.request\.(querystring|path|header)\.(.+)$/;

/** The validator the transform names for a pair of settings, and the settings. */
function validator(body: boolean, params: boolean): string {
  return body && params ? "body-and-params" : body ? "body-only" : params ? "params-only" : "no-validation";
}

/** A method of `paths` changed by `edit` (on a copy of its operation, written back with a copy of its path item); nothing where the path or the method is not there. */
function editOperation(paths: Obj, path: string, method: string, edit: (op: Obj) => void): void {
  const item = paths[path];
  const op = isObj(item) ? item[method] : undefined;
  if (!isObj(item) || !isObj(op)) return;
  const copy = { ...op };
  edit(copy);
  paths[path] = { ...item, [method]: copy };
}

/** Each event's RequestModel and RequestParameters on its method of `body` (paths already merged). */
export function withRequests(id: string, body: Obj, api: ApiPaths, models: unknown, diags: Diagnostic[]): Obj {
  if (!api.requests.size || !isObj(body.paths)) return body;
  const openapi3 = typeof body.openapi === "string" && /^3\./.test(body.openapi);
  const paths: Obj = { ...body.paths };
  let validators: Obj | undefined = isObj(body["x-amazon-apigateway-request-validators"]) ? { ...body["x-amazon-apigateway-request-validators"] } : undefined;
  for (const [key, req] of api.requests) {
    const at = key.lastIndexOf(" ");
    const [path, method] = [key.slice(0, at), key.slice(at + 1)];
    editOperation(paths, path, method, (op) => {
      if (req.model !== undefined) {
        const m = isObj(req.model) ? req.model : {};
        const name = m.Model;
        if (typeof name !== "string" || !isObj(models) || isIntrinsic(models) || models[name] === undefined) {
          spokenFor(req.model);
          diags.push(diagnostic("PG2004", "error", `${id}: event ${req.event}'s RequestModel ${typeof name === "string" ? name : "(not a name)"} is not among the API's Models (the transform rejects it: 'it wasn't defined in the API's Models'); left out`, req.at));
        } else {
          const lower = name.toLowerCase();
          if (openapi3) op.requestBody = { content: { "application/json": { schema: { $ref: `#/components/schemas/${lower}` } } }, ...(m.Required !== undefined ? { required: m.Required } : {}) };
          else op.parameters = [...(Array.isArray(op.parameters) ? op.parameters : []), { in: "body", name: lower, schema: { $ref: `#/definitions/${lower}` }, ...(m.Required !== undefined ? { required: m.Required } : {}) }];
          if (m.ValidateBody !== undefined || m.ValidateParameters !== undefined) {
            const [b, p] = [m.ValidateBody ?? false, m.ValidateParameters ?? false];
            if (typeof b !== "boolean" || typeof p !== "boolean") {
              diags.push(diagnostic("PG2004", "error", `${id}: event ${req.event}'s ValidateBody and ValidateParameters must be true or false (the transform rejects anything else); no validator is set`, req.at));
            } else {
              const v = validator(b, p);
              validators ??= {};
              validators[v] ??= { validateRequestBody: b, validateRequestParameters: p };
              op["x-amazon-apigateway-request-validator"] = v;
            }
          }
        }
      }
      if (req.parameters !== undefined) {
        const params = requestParameters(id, req, diags);
        if (params.length) {
          op.parameters = [...(Array.isArray(op.parameters) ? op.parameters : []), ...params.map((p) => ({ in: p.location === "querystring" ? "query" : p.location, name: p.name, required: p.required, type: "string" }))];
          const cached = params.filter((p) => p.caching === true).map((p) => p.full);
          const integration = op["x-amazon-apigateway-integration"];
          if (cached.length && isObj(integration)) {
            op["x-amazon-apigateway-integration"] = { ...integration, cacheKeyParameters: [...(Array.isArray(integration.cacheKeyParameters) ? integration.cacheKeyParameters : []), ...cached] };
          }
        }
      }
    });
  }
  return { ...body, paths, ...(validators ? { "x-amazon-apigateway-request-validators": validators } : {}) };
}

/** RequestParameters as the transform reads them: names, or `{ name: { Required, Caching } }`, each `method.request.<where>.<name>`. */
function requestParameters(id: string, req: EventRequest, diags: Diagnostic[]): { full: string; location: string; name: string; required: unknown; caching: unknown }[] {
  const out: { full: string; location: string; name: string; required: unknown; caching: unknown }[] = [];
  const bad = (why: string) => diags.push(diagnostic("PG2004", "error", `${id}: event ${req.event}'s RequestParameters: ${why} (the transform rejects it); left out`, req.at));
  if (!Array.isArray(req.parameters)) {
    bad("a list of parameter names or { name: { Required, Caching } } is expected");
    return out;
  }
  for (const p of req.parameters) {
    const [full, settings] = typeof p === "string" ? [p, {}] : isObj(p) && Object.keys(p).length >= 1 ? [Object.keys(p)[0]!, p[Object.keys(p)[0]!]] : [undefined, undefined];
    const m = full !== undefined ? PARAMETER.exec(full) : null;
    if (!m) {
      bad(`each name is method.request.querystring|path|header.<name> (got ${JSON.stringify(full ?? p)})`);
      continue;
    }
    if (!isObj(settings) || Object.keys(settings).some((k) => k !== "Required" && k !== "Caching")) {
      bad(`${full}'s settings are { Required, Caching }`);
      continue;
    }
    out.push({ full: full!, location: m[1]!, name: m[2]!, required: settings.Required ?? false, caching: settings.Caching ?? false });
  }
  return out;
}

/** The API's GatewayResponses into the body (merged with its own), as the transform writes them. */
export function withGatewayResponses(id: string, body: Obj, responses: unknown, diags: Diagnostic[], at: Location): Obj {
  if (!isObj(responses) || isIntrinsic(responses)) {
    diags.push(diagnostic("PG2004", "error", `${id}: GatewayResponses must be written out, a response type to each response (the transform rejects intrinsic functions here); left out`, at));
    return body;
  }
  const own = isObj(body["x-amazon-apigateway-gateway-responses"]) ? (body["x-amazon-apigateway-gateway-responses"] as Obj) : {};
  const out: Obj = { ...own };
  for (const [type, r] of Object.entries(responses)) {
    if (!isObj(r) || isIntrinsic(r) || Object.keys(r).some((k) => !["ResponseParameters", "ResponseTemplates", "StatusCode"].includes(k))) {
      diags.push(diagnostic("PG2004", "error", `${id}: GatewayResponses ${type} takes ResponseParameters, ResponseTemplates and StatusCode, written out (the transform rejects anything else); left out`, at));
      continue;
    }
    const params = isObj(r.ResponseParameters) ? r.ResponseParameters : {};
    const prefixed: Obj = {};
    for (const [group, where] of [["Headers", "header"], ["Paths", "path"], ["QueryStrings", "querystring"]] as const) {
      const g = params[group];
      if (isObj(g)) for (const [k, v] of Object.entries(g)) prefixed[`gatewayresponse.${where}.${k}`] = v;
    }
    const status = r.StatusCode === undefined || r.StatusCode === null ? undefined : typeof r.StatusCode === "number" ? String(r.StatusCode) : r.StatusCode;
    if (typeof status === "string" && !/^[0-9]{1,3}$/.test(status)) {
      diags.push(diagnostic("PG2004", "error", `${id}: GatewayResponses ${type}'s StatusCode must be numeric (the transform rejects ${status}); left out`, at));
      continue;
    }
    out[type] = { responseParameters: prefixed, responseTemplates: isObj(r.ResponseTemplates) ? r.ResponseTemplates : {}, ...(status !== undefined && status !== "" ? { statusCode: status } : {}) };
  }
  return { ...body, "x-amazon-apigateway-gateway-responses": out };
}

/** The API's Models into the body's definitions (OpenAPI 3: components.schemas), each under its name in lower case. */
export function withModels(id: string, body: Obj, models: unknown, diags: Diagnostic[], at: Location): Obj {
  if (!isObj(models) || isIntrinsic(models) || !Object.values(models).every((m) => isObj(m))) {
    diags.push(diagnostic("PG2004", "error", `${id}: Models must be written out, a name to each JSON schema (the transform rejects anything else); left out`, at));
    return body;
  }
  const schemas: Obj = {};
  for (const [name, schema] of Object.entries(models)) {
    // The schema as written, handed on whole (or rejected whole, below).
    spokenFor(schema);
    if ((schema as Obj).type === undefined) {
      diags.push(diagnostic("PG2004", "error", `${id}: model ${name} has no type (the transform rejects it: 'Models' schema is missing 'type'); left out`, at));
      continue;
    }
    schemas[name.toLowerCase()] = schema;
  }
  if (typeof body.openapi === "string" && /^3\./.test(body.openapi)) {
    const components = isObj(body.components) ? body.components : {};
    return { ...body, components: { ...components, schemas: { ...(isObj(components.schemas) ? components.schemas : {}), ...schemas } } };
  }
  return { ...body, definitions: { ...(isObj(body.definitions) ? body.definitions : {}), ...schemas } };
}

/** What the transform writes into an API's definition beside its paths: the events' request settings, GatewayResponses, Models (a body written with an intrinsic function takes none: a warning each). */
export function withDefinitionParts(id: string, body: unknown, props: Obj, api: ApiPaths, diags: Diagnostic[], at: (...p: string[]) => Location): unknown {
  if (!isObj(body) || isIntrinsic(body)) {
    if (isObj(props.Auth) && props.Auth.ResourcePolicy !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: Auth ResourcePolicy is not added to a DefinitionBody written with an intrinsic function (the transform adds it to one written out): add it there`, at("Properties", "Auth", "ResourcePolicy")));
    for (const k of ["GatewayResponses", "Models"]) {
      if (props[k] !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: ${k} is not added to a DefinitionBody written with an intrinsic function (the transform adds it to one written out): add it there`, at("Properties", k)));
    }
    if (api.requests.size) diags.push(diagnostic("PG2004", "warning", `${id}: the events' RequestModel and RequestParameters are not added to a DefinitionBody written with an intrinsic function: add them there`, at("Properties", "DefinitionBody")));
    for (const p of api.policies) diags.push(diagnostic("PG2004", "warning", `${id}: event ${p.event}'s Auth ResourcePolicy is not added to a DefinitionBody written with an intrinsic function: add it there`, p.at));
    return body;
  }
  let out = withInvokeRoles(id, withRequests(id, body, api, props.Models, diags), api, props.Auth, diags, at);
  // The events' own policies first, as the transform reads the events before the API: each on its path's methods of that time (those the body wrote, and the events' up to it).
  const written = isObj(props.DefinitionBody) && isObj(props.DefinitionBody.paths) ? props.DefinitionBody.paths : {};
  for (const p of api.policies) {
    const own = isObj(written[p.path]) ? Object.keys(written[p.path] as Obj) : [];
    out = withResourcePolicy(id, out, p.policy, props.StageName, diags, p.at, { path: p.path, methods: [...own, ...p.methods] });
  }
  const policy = isObj(props.Auth) ? props.Auth.ResourcePolicy : undefined;
  if (policy !== undefined) out = withResourcePolicy(id, out, policy, props.StageName, diags, at("Properties", "Auth", "ResourcePolicy"));
  if (props.GatewayResponses !== undefined) out = withGatewayResponses(id, out, props.GatewayResponses, diags, at("Properties", "GatewayResponses"));
  if (props.Models !== undefined) out = withModels(id, out, props.Models, diags, at("Properties", "Models"));
  return out;
}

/**
 * `Auth.ResourcePolicy` as the transform writes it into the definition
 * (`x-amazon-apigateway-policy`): for each path, statements on `execute-api:/<stage>/<METHOD><path>`
 * of each of its methods (path parameters as `*`, ANY as `*`): accounts allowed or denied, IP
 * ranges and VPCs or VPC endpoints allowed (an allow and a deny whose condition excludes the rest)
 * or denied, in the transform's order; then its CustomStatements, each once. An event's own
 * policy (`only`) is written on its path alone, on the methods the path had when it was read.
 */
export function withResourcePolicy(id: string, body: Obj, policy: unknown, stage: unknown, diags: Diagnostic[], at: Location, only?: { readonly path: string; readonly methods: readonly string[] }): Obj {
  if (!isObj(policy) || isIntrinsic(policy)) {
    diags.push(diagnostic("PG2004", "error", `${id}: Auth ResourcePolicy must be written out (the transform rejects anything else); left out`, at));
    return body;
  }
  if (!isObj(body.paths)) return body;
  const doc: Obj = isObj(body["x-amazon-apigateway-policy"]) ? { ...body["x-amazon-apigateway-policy"] } : {};
  const add = (statements: Obj[], unique: boolean) => {
    doc.Version = "2012-10-17";
    if (doc.Statement === undefined) {
      doc.Statement = statements.length === 1 && !unique ? statements[0] : statements;
      return;
    }
    const list = Array.isArray(doc.Statement) ? [...doc.Statement] : [doc.Statement];
    for (const s of statements) if (!unique || !list.some((x) => JSON.stringify(x) === JSON.stringify(s))) list.push(s);
    doc.Statement = list;
  };
  const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  // An event's policy: its path alone, on the methods it had then.
  const paths = only ? (body.paths[only.path] !== undefined ? [[only.path, body.paths[only.path]] as const] : []) : Object.entries(body.paths);
  for (const [path, item] of paths) {
    const methods = isObj(item) ? Object.keys(item).filter((m) => !only || only.methods.includes(m)) : [];
    // Path parameters (`{id}`, `{proxy+}`) as wildcards, as the transform writes the resource.
    const resourcePath = path.replace(/\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\}/g, "*");
    const resources = methods.map((m) => ({ "Fn::Sub": [`execute-api:/\${__Stage__}/${m.toLowerCase() === "x-amazon-apigateway-any-method" || m.toLowerCase() === "any" ? "*" : m.toUpperCase()}${resourcePath}`, { __Stage__: stage }] }));
    const statement = (effect: string, extra: Obj = {}, principal: unknown = "*"): Obj => ({ Effect: effect, Action: "execute-api:Invoke", Resource: resources, Principal: principal, ...extra });
    for (const [key, effect] of [["AwsAccountWhitelist", "Allow"], ["AwsAccountBlacklist", "Deny"]] as const) {
      if (policy[key] !== undefined && policy[key] !== null && !(Array.isArray(policy[key]) && !(policy[key] as unknown[]).length)) add([statement(effect, {}, { AWS: asList(policy[key]) })], false);
    }
    for (const [key, conditional] of [["IpRangeWhitelist", "NotIpAddress"], ["IpRangeBlacklist", "IpAddress"]] as const) {
      const ips = policy[key];
      if (ips !== undefined && ips !== null && !(Array.isArray(ips) && !ips.length)) add([statement("Allow"), statement("Deny", { Condition: { [conditional]: { "aws:SourceIp": asList(ips) } } })], true);
    }
    for (const [strings, vpcs, vpces, conditional] of [["SourceVpcBlacklist", "IntrinsicVpcBlacklist", "IntrinsicVpceBlacklist", "StringEquals"], ["SourceVpcWhitelist", "IntrinsicVpcWhitelist", "IntrinsicVpceWhitelist", "StringNotEquals"]] as const) {
      const condition: Obj = {};
      const listed = Array.isArray(policy[strings]) ? (policy[strings] as unknown[]).filter((e): e is string => typeof e === "string") : [];
      const vpc = [...listed.filter((e) => /^vpc-/.test(e)), ...(Array.isArray(policy[vpcs]) ? (policy[vpcs] as unknown[]) : [])];
      const vpce = [...listed.filter((e) => /^vpce-/.test(e)), ...(Array.isArray(policy[vpces]) ? (policy[vpces] as unknown[]) : [])];
      if (vpc.length) condition["aws:SourceVpc"] = vpc;
      if (vpce.length) condition["aws:SourceVpce"] = vpce;
      if (Object.keys(condition).length) add([statement("Allow"), statement("Deny", { Condition: { [conditional]: condition } })], true);
    }
  }
  // CustomStatements: as written where nothing else made a statement, else each once after them.
  if (policy.CustomStatements !== undefined) {
    if (doc.Statement === undefined) Object.assign(doc, { Version: "2012-10-17", Statement: policy.CustomStatements });
    else add(asList(policy.CustomStatements) as Obj[], true);
  }
  return Object.keys(doc).length ? { ...body, "x-amazon-apigateway-policy": doc } : body;
}

/**
 * The credentials API Gateway calls each event's function with, on the methods AWS_IAM
 * authorizes (the event names it, or it is the API's DefaultAuthorizer and the event has no Auth
 * of its own), as the transform sets the integration's `credentials`: the event's InvokeRole,
 * else the API's, else the caller's own; a role's ARN as written, `CALLER_CREDENTIALS` the
 * caller's (`arn:<partition>:iam::*:user/*`), `NONE` (or an empty value) none. The transform
 * reads InvokeRole nowhere else: one written where AWS_IAM authorizes no method is an info.
 * Methods the body wrote itself are as written.
 */
function withInvokeRoles(id: string, body: Obj, api: ApiPaths, auth: unknown, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  if (!isObj(body.paths)) return body;
  const apiAuth = isObj(auth) ? auth : {};
  const apiRole = "InvokeRole" in apiAuth ? apiAuth.InvokeRole || "NONE" : undefined;
  let paths: Obj | undefined;
  let used = false;
  for (const [path, methods] of Object.entries(api.paths)) {
    for (const method of Object.keys(isObj(methods) ? methods : {})) {
      const own = api.auth.get(`${path} ${method}`);
      const iam = own?.authorizer === "AWS_IAM" || (own === undefined && apiAuth.DefaultAuthorizer === "AWS_IAM");
      if (!iam) {
        if (own !== undefined && "invokeRole" in own) diags.push(diagnostic("PG2010", "info", `${id}: the InvokeRole of the event on ${method.toUpperCase()} ${path} has no effect: the transform sets it only on a method AWS_IAM authorizes`, own.at ?? at("Properties")));
        continue;
      }
      used = true;
      const role = (own && "invokeRole" in own ? own.invokeRole || "NONE" : undefined) ?? apiRole;
      if (role === "NONE") continue;
      paths ??= { ...body.paths };
      editOperation(paths, path, method, (op) => {
        const integration = op["x-amazon-apigateway-integration"];
        // A function's integration (a state machine's carries its own role).
        if (isObj(integration) && integration.type === "aws_proxy") op["x-amazon-apigateway-integration"] = { ...integration, credentials: role === undefined || role === "CALLER_CREDENTIALS" ? { "Fn::Sub": "arn:${AWS::Partition}:iam::*:user/*" } : role };
      });
    }
  }
  if (apiRole !== undefined && !used) diags.push(diagnostic("PG2010", "info", `${id}: Auth InvokeRole has no effect: the transform sets it only on the methods AWS_IAM authorizes, and none of this API's events is`, at("Properties", "Auth", "InvokeRole")));
  return paths ? { ...body, paths } : body;
}
