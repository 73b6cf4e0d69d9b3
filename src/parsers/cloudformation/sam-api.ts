/**
 * The APIs of the SAM transform (sam.ts): an `AWS::Serverless::Api`, or the implicit
 * `ServerlessRestApi`, becomes its RestApi (the body written, or an OpenAPI document of the
 * paths its events give it, with `Cors` an OPTIONS preflight on each), a Deployment and its
 * stage, as the transform writes them; an `AWS::Serverless::HttpApi` (or the implicit
 * `ServerlessHttpApi`) its ApiGatewayV2 Api and auto-deployed stage (their definitions as the
 * transform takes them: sam-definition.ts).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { CALL, SHA1 } from "./intrinsics.js";
import { decodedFile, definitionFile, fileText, getAtt, isIntrinsic, isObj, noEventsYet, pick, withEventPaths, type ApiPaths, type Obj } from "./sam-definition.js";
import { withDefinitionParts } from "./sam-models.js";
import { httpApiDomain, restApiDomain, type RecordSetGroups } from "./sam-domain.js";
import { plans, type SharedPlan } from "./sam-plans.js";
import { ANY_METHODS, extraStageNote, isOpenApi3, openApi3Version, withCors } from "./sam-openapi.js";

export { usagePlan, type SharedPlan } from "./sam-plans.js";

export { getAtt, isIntrinsic, isObj, pick, type ApiPaths, type Obj } from "./sam-definition.js";

/** The permission for API Gateway to call a Lambda authorizer of the API `id`. */
const authorizerPermission = (id: string, functionArn: unknown): Obj => ({
  Type: "AWS::Lambda::Permission",
  Properties: { Action: "lambda:InvokeFunction", FunctionName: functionArn, Principal: "apigateway.amazonaws.com", SourceArn: { "Fn::Sub": ["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*", { __ApiId__: { Ref: id } }] } },
});

/** A Lambda authorizer's URI, as API Gateway invokes the function. */
const invocationUri = (functionArn: unknown): Obj => ({ "Fn::Sub": ["arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations", { __FunctionArn__: functionArn }] });

/** `Auth` settings beside the authorizers that the transform turns into more: each a warning. */
const AUTH_NOT_EXPANDED = ["DefaultAuthorizerScopes"];

/** The security definition of an API key, as the transform names it. */
const API_KEY = { type: "apiKey", name: "x-api-key", in: "header" };

/** The security definition of AWS_IAM (requests signed with Signature Version 4), as the transform writes it. */
const AWS_IAM = { "x-amazon-apigateway-authtype": "awsSigv4", type: "apiKey", name: "Authorization", in: "header" };

/** An authorizer's own AuthorizationScopes (a Cognito authorizer's), if it names any. */
function authorizerScopes(auth: Obj, name: string): unknown {
  const a = isObj(auth.Authorizers) ? auth.Authorizers[name] : undefined;
  return isObj(a) ? a.AuthorizationScopes : undefined;
}

/**
 * An API's `Auth` as the transform writes it: each authorizer a security definition (a Cognito
 * user pool, or a Lambda function, TOKEN or REQUEST, with the function's permission for API
 * Gateway to call it), and each method secured by the authorizer its event names, else the
 * `DefaultAuthorizer` (`NONE`: open), with the scopes a token must carry (the event's
 * `AuthorizationScopes` where the event names the authorizer, else the authorizer's own); CORS preflights too unless `AddDefaultAuthorizerToCorsPreflight`
 * is false, as the transform does. A method whose event asks for an API key (`ApiKeyRequired`),
 * or every method where the API does (preflights unless `AddApiKeyRequiredToCorsPreflight` is
 * false), also requires the `api_key` definition.
 */
function withAuth(id: string, paths: Obj, auth: unknown, api: ApiPaths, diags: Diagnostic[], at: (...p: string[]) => Location): { paths: Obj; definitions: Obj; permissions: Obj } | undefined {
  if (!isObj(auth) || isIntrinsic(auth)) {
    diags.push(diagnostic("PG2004", "warning", `${id}: Auth is not expanded where it is not written out (the transform writes security definitions into the API's definition); write them with Pulumi classes`, at("Properties", "Auth")));
    return undefined;
  }
  for (const k of AUTH_NOT_EXPANDED) {
    if (auth[k] !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: Auth ${k} is not expanded; write it with Pulumi classes`, at("Properties", "Auth", k)));
  }
  const definitions: Obj = {};
  const permissions: Obj = {};
  for (const [name, a] of Object.entries(isObj(auth.Authorizers) ? auth.Authorizers : {})) {
    const d = isObj(a) ? a : {};
    const identity = isObj(d.Identity) ? d.Identity : {};
    const header = typeof identity.Header === "string" ? identity.Header : "Authorization";
    // A validation expression the token must match: a Cognito or a TOKEN Lambda authorizer's.
    const validation = identity.ValidationExpression !== undefined ? { identityValidationExpression: identity.ValidationExpression } : {};
    if (d.UserPoolArn !== undefined) {
      definitions[name] = { type: "apiKey", name: header, in: "header", "x-amazon-apigateway-authtype": "cognito_user_pools", "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: Array.isArray(d.UserPoolArn) ? d.UserPoolArn : [d.UserPoolArn], ...validation } };
    } else if (d.FunctionArn !== undefined) {
      const request = d.FunctionPayloadType === "REQUEST";
      // A REQUEST authorizer's identity: headers, query strings, stage variables and context values, in that order.
      const sources = ([["Headers", "method.request.header."], ["QueryStrings", "method.request.querystring."], ["StageVariables", "stageVariables."], ["Context", "context."]] as const).flatMap(([k, prefix]) => (Array.isArray(identity[k]) ? (identity[k] as unknown[]).map((v) => `${prefix}${String(v)}`) : []));
      const role = d.FunctionInvokeRole !== undefined && d.FunctionInvokeRole !== "NONE" && d.FunctionInvokeRole !== "" && d.FunctionInvokeRole !== null ? { authorizerCredentials: d.FunctionInvokeRole } : {};
      definitions[name] = {
        type: "apiKey",
        name: request ? "Unused" : header,
        in: "header",
        "x-amazon-apigateway-authtype": "custom",
        "x-amazon-apigateway-authorizer": {
          type: request ? "request" : "token",
          authorizerUri: invocationUri(d.FunctionArn),
          ...(identity.ReauthorizeEvery !== undefined ? { authorizerResultTtlInSeconds: identity.ReauthorizeEvery } : {}),
          ...role,
          ...(request && sources.length ? { identitySource: sources.join(", ") } : {}),
          ...(request ? {} : validation),
        },
      };
      // The function's permission for API Gateway, unless DisableFunctionDefaultPermissions says the template grants it.
      if (d.DisableFunctionDefaultPermissions !== true) permissions[`${id}${name}AuthorizerPermission`] = authorizerPermission(id, d.FunctionArn);
    } else diags.push(diagnostic("PG2004", "warning", `${id}: authorizer ${name} names neither a UserPoolArn nor a FunctionArn; it is not expanded`, at("Properties", "Auth", "Authorizers", name)));
  }
  const preflight = auth.AddDefaultAuthorizerToCorsPreflight !== false;
  // The API's defaults, read whether or not a method takes them (an API without events has none to secure).
  const [defaultAuthorizer, keyRequired, keyOnPreflight] = [auth.DefaultAuthorizer, auth.ApiKeyRequired, auth.AddApiKeyRequiredToCorsPreflight !== false];
  const out: Obj = {};
  for (const [path, methods] of Object.entries(paths)) {
    if (!isObj(methods)) {
      out[path] = methods;
      continue;
    }
    const secured: Obj = {};
    for (const [method, op] of Object.entries(methods as Obj)) {
      // A path item's other keys (`parameters`) and a method that declares its own security are as written.
      if (!(method === "x-amazon-apigateway-any-method" || ANY_METHODS.includes(method.toUpperCase())) || !isObj(op) || op.security !== undefined) {
        secured[method] = op;
        continue;
      }
      const own = api.auth.get(`${path} ${method}`);
      const named = own?.authorizer ?? (method === "options" && !preflight ? undefined : defaultAuthorizer);
      const keyed = own?.apiKey ?? (method === "options" && !keyOnPreflight ? false : keyRequired);
      // The scopes a token must carry: the event's AuthorizationScopes where the event names the authorizer, else the authorizer's own.
      const scopes = typeof named === "string" ? ((own?.authorizer !== undefined ? own.scopes : undefined) ?? authorizerScopes(auth, named) ?? []) : [];
      // AWS_IAM: signed requests (Signature Version 4), with a security definition of its own.
      if (named === "AWS_IAM") definitions.AWS_IAM = AWS_IAM;
      const security = [...(typeof named === "string" && named !== "NONE" && named in definitions ? [{ [named]: named === "AWS_IAM" ? [] : scopes }] : []), ...(keyed === true ? [{ api_key: [] }] : [])];
      if (keyed === true) definitions.api_key = API_KEY;
      secured[method] = security.length ? { ...(op as Obj), security } : op;
    }
    out[path] = secured;
  }
  return { paths: out, definitions, permissions };
}


/**
 * A REST API's DefinitionBody written out, with its events' paths and then, on each of its paths,
 * the `Cors` preflight and `Auth`'s security (its authorizers and API key in the body's security
 * definitions: `securityDefinitions`, or OpenAPI 3's `components.securitySchemes`), as the
 * transform adds them; a method that declares its own `security` keeps it. A body written with
 * an intrinsic function takes none of them (a warning each); the authorizers' permissions are
 * made either way.
 */
function writtenBody(id: string, props: Obj, api: ApiPaths, keyed: boolean, diags: Diagnostic[], at: (...p: string[]) => Location): { body: unknown; permissions?: Obj } {
  const body = withEventPaths(id, props.DefinitionBody, api, "paths", diags, at);
  const secured = props.Auth !== undefined || keyed;
  if (!isObj(body) || isIntrinsic(body) || (body.paths !== undefined && (!isObj(body.paths) || isIntrinsic(body.paths)))) {
    for (const k of ["Cors", "Auth"]) {
      if (props[k] !== undefined) diags.push(diagnostic("PG2004", "warning", `${id}: ${k} is not added to a DefinitionBody written with an intrinsic function (the transform adds it to each path of one written out): add it there`, at("Properties", k)));
    }
    const auth = secured ? withAuth(id, api.paths, props.Auth ?? {}, api, diags, at) : undefined;
    return { body, ...(auth ? { permissions: auth.permissions } : {}) };
  }
  if (body.paths === undefined) return { body };
  let paths = props.Cors !== undefined ? withCors(body.paths as Obj, props.Cors, isOpenApi3(body), diags, at) : (body.paths as Obj);
  const auth = secured ? withAuth(id, paths, props.Auth ?? {}, api, diags, at) : undefined;
  if (!auth) return { body: { ...body, paths } };
  paths = auth.paths;
  if (!Object.keys(auth.definitions).length) return { body: { ...body, paths }, permissions: auth.permissions };
  const openapi3 = body.openapi !== undefined;
  const components = isObj(body.components) ? body.components : {};
  const definitions = openapi3
    ? { components: { ...components, securitySchemes: { ...(isObj(components.securitySchemes) ? components.securitySchemes : {}), ...auth.definitions } } }
    : { securityDefinitions: { ...(isObj(body.securityDefinitions) ? body.securityDefinitions : {}), ...auth.definitions } };
  return { body: { ...body, paths, ...definitions }, permissions: auth.permissions };
}

/**
 * An API of the transform (an `AWS::Serverless::Api`, or the implicit one): its RestApi (the
 * body written, or an OpenAPI document of its events' paths), a Deployment and the stage named.
 */
export function serverlessApi(id: string, r: Obj, props: Obj, api: ApiPaths, sharedPlan: SharedPlan, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  // The transform names the deployment after a hash of the definition, so that a change deploys anew: here its triggers hash the body.
  diags.push(diagnostic("PG2010", "info", `${id}: an API of the transform${api.users.length ? ` (the events of ${[...new Set(api.users)].join(", ")})` : ""}, deployed to ${typeof props.StageName === "string" ? `its ${props.StageName} stage` : "its stage"}; its Deployment is made again when the API's body changes (triggers hash it, where the transform renames the deployment)${extraStageNote(props)}`, at()));
  const version = openApi3Version(props, diags, at, id);
  const file = definitionFile(id, props, ["Cors", "Auth", "GatewayResponses", "Models"], diags, at);
  // The classic RestApi's body is the definition's text, JSON or YAML.
  if (file !== undefined) {
    if (props.MergeDefinitions === true) diags.push(diagnostic("PG2004", "error", `${id}: MergeDefinitions beside a DefinitionUri (the transform rejects it: 'Cannot set MergeDefinitions to True when using DefinitionUri'); the file is taken as written`, at("Properties", "MergeDefinitions")));
    for (const [, req] of api.requests) diags.push(diagnostic("PG2004", "warning", `${id}: event ${req.event}'s RequestModel and RequestParameters are left out: the transform adds them only to a DefinitionBody`, req.at));
    for (const p of api.policies) diags.push(diagnostic("PG2004", "warning", `${id}: event ${p.event}'s Auth ResourcePolicy is left out: the transform adds it only to a DefinitionBody`, p.at));
    return restApi(id, r, props, fileText(file), undefined, sharedPlan, diags, at);
  }
  // An event may ask for an API key, or AWS_IAM, where the API's Auth says nothing.
  const keyed = [...api.auth.values()].some((a) => a.apiKey === true || a.authorizer === "AWS_IAM");
  if (props.DefinitionBody !== undefined) {
    // The transform adds the events' methods to a body written out only with MergeDefinitions.
    const events = props.MergeDefinitions === true ? api : unmerged(id, props.DefinitionBody, api, diags, at);
    const written = writtenBody(id, props, events, events === api && keyed, diags, at);
    return restApi(id, r, props, withDefinitionParts(id, written.body, props, events, diags, at), written.permissions, sharedPlan, diags, at);
  }
  // The body the transform generates: Swagger 2.0, or the OpenAPI 3 version OpenApiVersion names (sam-openapi.ts).
  const cors = props.Cors !== undefined ? withCors(api.paths, props.Cors, version !== undefined, diags, at) : api.paths;
  const auth = props.Auth === undefined && !keyed ? undefined : withAuth(id, cors, props.Auth ?? {}, api, diags, at);
  const paths = auth?.paths ?? cors;
  const security = !auth ? {} : version !== undefined && Object.keys(auth.definitions).length ? { components: { securitySchemes: auth.definitions } } : { securityDefinitions: auth.definitions };
  const body = { info: { version: "1.0", title: props.Name ?? { Ref: "AWS::StackName" } }, paths, ...(version !== undefined ? { openapi: version } : { swagger: "2.0" }), ...security };
  return restApi(id, r, props, withDefinitionParts(id, body, props, api, diags, at), auth?.permissions, sharedPlan, diags, at);
}

/**
 * A REST API's events beside a DefinitionBody written out without MergeDefinitions: the
 * transform adds an event's method (its integration, and the event's Auth, request settings and
 * resource policy) only to a body it generates or, with MergeDefinitions, merges them in; here
 * it adds none, and each event method is said (one the body does not integrate is not served).
 * What the API itself sets (Cors, Auth, Models...) still applies to the body's own methods.
 */
function unmerged(id: string, body: unknown, api: ApiPaths, diags: Diagnostic[], at: (...p: string[]) => Location): ApiPaths {
  if (!Object.keys(api.paths).length) return api;
  const paths = isObj(body) && !isIntrinsic(body) && isObj(body.paths) && !isIntrinsic(body.paths) ? body.paths : undefined;
  const by = [...new Set(api.users)].join(", ");
  for (const [path, methods] of Object.entries(api.paths)) {
    for (const method of Object.keys(isObj(methods) ? methods : {})) {
      const own = paths && isObj(paths[path]) ? (paths[path] as Obj)[method] : undefined;
      const served = isObj(own) && own["x-amazon-apigateway-integration"] !== undefined;
      const name = `${method === "x-amazon-apigateway-any-method" ? "ANY" : method.toUpperCase()} ${path}`;
      const what = served ? "the body's own integration serves it" : paths ? "the body does not integrate it, so the API does not serve it (only the function's permission is made)" : "the body is not written out, so what it holds is the API's";
      diags.push(diagnostic("PG2004", "warning", `${id}: the event of ${by} on ${name} is not added to the DefinitionBody, as the transform adds an event's method (and its Auth and request settings) only to a body it generates, or with MergeDefinitions: true: ${what}`, at("Properties", "DefinitionBody")));
    }
  }
  return noEventsYet(api.users);
}

/** An HTTP API's stage RouteSettings: the API's, each route's updated with what its event sets, as the transform merges them. */
function routeSettings(own: unknown, api: ApiPaths): Obj {
  if (!api.routeSettings.size || (own !== undefined && (!isObj(own) || isIntrinsic(own)))) return own === undefined ? {} : { RouteSettings: own };
  const merged: Obj = { ...(own as Obj | undefined) };
  for (const [route, settings] of api.routeSettings) merged[route] = isObj(settings) && isObj(merged[route]) ? { ...(merged[route] as Obj), ...settings } : settings;
  return { RouteSettings: merged };
}

/** An API's Tags on its stage, as the transform writes them: a list of Key and Value, an empty value as "". */
function stageTags(tags: unknown): Obj {
  if (tags === undefined) return {};
  if (!isObj(tags) || isIntrinsic(tags)) return { Tags: tags };
  return { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value: Value || "" })) };
}

/** The RestApi of an API of the transform with its body (and its authorizers' permissions), its Deployment, stage and usage plans. */
function restApi(id: string, r: Obj, props: Obj, body: unknown, permissions: Obj | undefined, sharedPlan: SharedPlan, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  const endpoint = props.EndpointConfiguration;
  const shared = { ...(r.Condition !== undefined ? { Condition: r.Condition } : {}) };
  const stage = props.StageName;
  const stageId = `${id}${typeof stage === "string" ? stage.replace(/[^A-Za-z0-9]/g, "") : ""}Stage`;
  if (props.AlwaysDeploy === true) diags.push(diagnostic("PG2010", "info", `${id}: AlwaysDeploy: the Deployment's triggers hold the time the program runs, so that every pulumi up deploys the API anew, as the transform names a new deployment on every deploy`, at("Properties", "AlwaysDeploy")));
  return propagateTags(props, {
    [id]: {
      ...r,
      Type: "AWS::ApiGateway::RestApi",
      Properties: {
        ...pick(props, ["Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "DisableExecuteApiEndpoint", "ApiKeySourceType"]),
        Body: body,
        ...(typeof endpoint === "string" ? { EndpointConfiguration: { Types: [endpoint] } } : isObj(endpoint) && endpoint.Type !== undefined ? { EndpointConfiguration: { Types: [endpoint.Type], ...(endpoint.VPCEndpointIds !== undefined ? { VpcEndpointIds: endpoint.VPCEndpointIds } : {}) } } : {}),
      },
    },
    ...permissions,
    // AlwaysDeploy: the transform names the deployment anew on every deployment; here a trigger that changes on every run.
    [`${id}Deployment`]: { Type: "AWS::ApiGateway::Deployment", ...shared, Properties: { RestApiId: { Ref: id }, Triggers: { redeployment: { [SHA1]: getAtt(id, "Body") }, ...(props.AlwaysDeploy === true ? { alwaysDeploy: { [CALL]: { name: "timestamp", args: [] } } } : {}) } } },
    [stageId]: {
      Type: "AWS::ApiGateway::Stage",
      ...shared,
      Properties: { DeploymentId: { Ref: `${id}Deployment` }, RestApiId: { Ref: id }, StageName: stage, ...pick(props, ["Variables", "TracingEnabled", "MethodSettings", "AccessLogSetting", "CacheClusterEnabled", "CacheClusterSize", "CanarySetting"]), ...stageTags(props.Tags) },
    },
    ...plans(id, props.Auth, { ApiId: { Ref: id }, Stage: { Ref: stageId } }, sharedPlan, shared, diags, at),
    ...(props.Domain !== undefined ? restApiDomain(id, props.Domain, stageId, shared, sharedPlan.recordSets, diags, at) : {}),
  });
}

/** The types of what an API makes that the transform tags with its Tags under PropagateTags (the stage takes them either way). */
const TAGGED = new Set(["AWS::ApiGateway::RestApi", "AWS::ApiGateway::DomainName", "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey"]);

/** `PropagateTags: true`: the API's Tags on each resource it makes that takes tags, as the transform assigns them. */
function propagateTags(props: Obj, made: Obj): Obj {
  if (props.PropagateTags !== true || props.Tags === undefined) return made;
  const { Tags } = stageTags(props.Tags);
  return Object.fromEntries(Object.entries(made).map(([k, v]) => [k, isObj(v) && TAGGED.has(String(v.Type)) ? { ...v, Properties: { ...(isObj(v.Properties) ? v.Properties : {}), Tags } } : v]));
}

/** The implicit HTTP API of the functions whose HttpApi events name none. */
export const IMPLICIT_HTTP_API = "ServerlessHttpApi";


/**
 * An HTTP API's `Auth` as the transform writes it: each authorizer a security scheme of the
 * OpenAPI 3 body (a JWT authorizer's issuer and audience, or a Lambda authorizer's function,
 * payload format and identity headers, with its permission for API Gateway to call it), and
 * each route secured by the authorizer its event names (with the scopes it asks), else the
 * `DefaultAuthorizer`.
 */
function withHttpAuth(id: string, paths: Obj, auth: unknown, api: ApiPaths, diags: Diagnostic[], at: (...p: string[]) => Location): { paths: Obj; schemes: Obj; permissions: Obj } | undefined {
  if (!isObj(auth) || isIntrinsic(auth)) {
    diags.push(diagnostic("PG2004", "warning", `${id}: Auth written with an intrinsic function is not expanded (the transform needs it written out); write the authorizers with Pulumi classes`, at("Properties", "Auth")));
    return undefined;
  }
  // The IAM authorizer, built in, which EnableIamAuthorizer turns on: requests signed with Signature Version 4.
  const schemes: Obj = auth.EnableIamAuthorizer === true ? { AWS_IAM } : {};
  const permissions: Obj = {};
  for (const [name, a] of Object.entries(isObj(auth.Authorizers) ? auth.Authorizers : {})) {
    const d = isObj(a) ? a : {};
    if (d.JwtConfiguration !== undefined) {
      const jwt = isObj(d.JwtConfiguration) && !isIntrinsic(d.JwtConfiguration) ? Object.fromEntries(Object.entries(d.JwtConfiguration).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v])) : d.JwtConfiguration;
      schemes[name] = { type: "oauth2", "x-amazon-apigateway-authorizer": { type: "jwt", jwtConfiguration: jwt, identitySource: d.IdentitySource ?? "$request.header.Authorization" } };
    } else if (d.FunctionArn !== undefined) {
      const identity = isObj(d.Identity) ? d.Identity : {};
      const headers = Array.isArray(identity.Headers) ? identity.Headers.map((h) => `$request.header.${String(h)}`) : [];
      schemes[name] = {
        type: "apiKey",
        name: "Unused",
        in: "header",
        "x-amazon-apigateway-authorizer": {
          type: "request",
          authorizerUri: invocationUri(d.FunctionArn),
          ...(d.AuthorizerPayloadFormatVersion !== undefined ? { authorizerPayloadFormatVersion: d.AuthorizerPayloadFormatVersion } : {}),
          ...(d.EnableSimpleResponses !== undefined ? { enableSimpleResponses: d.EnableSimpleResponses } : {}),
          ...(headers.length ? { identitySource: headers.join(", ") } : {}),
          ...(identity.ReauthorizeEvery !== undefined ? { authorizerResultTtlInSeconds: identity.ReauthorizeEvery } : {}),
          ...(d.FunctionInvokeRole !== undefined ? { authorizerCredentials: d.FunctionInvokeRole } : {}),
        },
      };
      if (d.FunctionInvokeRole === undefined) permissions[`${id}${name}AuthorizerPermission`] = authorizerPermission(id, d.FunctionArn);
    } else diags.push(diagnostic("PG2004", "warning", `${id}: authorizer ${name} has neither a JwtConfiguration nor a FunctionArn; it is not expanded`, at("Properties", "Auth", "Authorizers", name)));
  }
  const out: Obj = {};
  for (const [path, methods] of Object.entries(paths)) {
    if (!isObj(methods)) {
      out[path] = methods;
      continue;
    }
    const secured: Obj = {};
    for (const [method, op] of Object.entries(methods as Obj)) {
      // A path item's other keys (`parameters`) and a method that declares its own security are as written.
      if (!(method === "x-amazon-apigateway-any-method" || ANY_METHODS.includes(method.toUpperCase())) || !isObj(op) || op.security !== undefined) {
        secured[method] = op;
        continue;
      }
      const own = api.auth.get(`${path} ${method}`);
      const named = own?.authorizer ?? auth.DefaultAuthorizer;
      if (named === "AWS_IAM" && !("AWS_IAM" in schemes)) {
        diags.push(diagnostic("PG2004", "error", `${id}: ${method.toUpperCase()} ${path} names AWS_IAM, the IAM authorizer, which the API's Auth turns on with EnableIamAuthorizer: true (the transform rejects it otherwise)`, own?.authorizer !== undefined && own.at ? own.at : at("Properties", "Auth", "DefaultAuthorizer")));
      }
      const scopes = named === "AWS_IAM" ? [] : own?.scopes ?? authorizerScopes(auth, String(named));
      secured[method] = typeof named === "string" && named in schemes ? { ...(op as Obj), security: [{ [named]: Array.isArray(scopes) ? scopes : [] }] } : op;
    }
    out[path] = secured;
  }
  return { paths: out, schemes, permissions };
}

/**
 * An HTTP API's definition with what the transform adds to it: the routes secured by `Auth` and
 * its security schemes beside the definition's own, `CorsConfiguration` as
 * `x-amazon-apigateway-cors`, and the tags (a tag the definition names takes the API's value).
 */
function httpDefinition(body: Obj, auth: { paths: Obj; schemes: Obj } | undefined, cors: Obj | undefined, tags: Obj): Obj {
  const components = isObj(body.components) ? body.components : {};
  const schemes = auth && Object.keys(auth.schemes).length ? { components: { ...components, securitySchemes: { ...(isObj(components.securitySchemes) ? components.securitySchemes : {}), ...auth.schemes } } } : {};
  const own = Array.isArray(body.tags) ? body.tags.map((t) => (isObj(t) && typeof t.name === "string" && t.name in tags ? { ...t, "x-amazon-apigateway-tag-value": tags[t.name] } : t)) : [];
  const named = new Set(own.flatMap((t) => (isObj(t) && typeof t.name === "string" ? [t.name] : [])));
  const added = Object.entries(tags).filter(([name]) => !named.has(name)).map(([name, value]) => ({ name, "x-amazon-apigateway-tag-value": value }));
  // CORS set in the body too: the transform merges the two, CorsConfiguration's settings winning.
  const ownCors = isObj(body["x-amazon-apigateway-cors"]) ? body["x-amazon-apigateway-cors"] : {};
  return { ...body, ...(auth ? { paths: auth.paths } : {}), ...schemes, ...(cors ? { "x-amazon-apigateway-cors": { ...ownCors, ...cors } } : {}), tags: [...own, ...added] };
}

/** HTTP API `CorsConfiguration` keys → the OpenAPI extension's (`true`: every origin, header and method). */
function httpCors(cors: unknown): Obj | undefined {
  if (cors === true) return { allowOrigins: ["*"], allowHeaders: ["*"], allowMethods: ["*"] };
  if (!isObj(cors) || isIntrinsic(cors)) return undefined;
  return Object.fromEntries(Object.entries(cors).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
}

/**
 * An HTTP API of the transform (an `AWS::Serverless::HttpApi`, or the implicit
 * `ServerlessHttpApi`): its ApiGatewayV2 Api (the body written, or an OpenAPI 3 document of its
 * events' routes, `CorsConfiguration` as `x-amazon-apigateway-cors`) and its stage, `$default`
 * unless it names one, deployed automatically (so a change deploys, as the transform makes it).
 */
export function serverlessHttpApi(id: string, r: Obj, props: Obj, api: ApiPaths, recordSets: RecordSetGroups, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  const file = definitionFile(id, props, ["CorsConfiguration", "Auth"], diags, at);
  // The definition the transform adds to: its own (the events' routes), or one written out in the template (the routes merged in).
  const merged = file === undefined && props.DefinitionBody !== undefined ? withEventPaths(id, props.DefinitionBody, api, "routes", diags, at) : undefined;
  const editable = file === undefined && (merged === undefined || (isObj(merged) && !isIntrinsic(merged) && (merged.paths === undefined || (isObj(merged.paths) && !isIntrinsic(merged.paths)))));
  const cors = editable ? httpCors(props.CorsConfiguration) : undefined;
  if (props.CorsConfiguration !== undefined && cors === undefined && file === undefined) diags.push(diagnostic("PG2004", "warning", `${id}: CorsConfiguration is not expanded here; give the API its CORS settings with Pulumi classes`, at("Properties", "CorsConfiguration")));
  if (props.Auth !== undefined && !editable && file === undefined) {
    diags.push(diagnostic("PG2004", "warning", `${id}: Auth is not added to a DefinitionBody written with an intrinsic function (the transform writes security schemes into one written out); write them there`, at("Properties", "Auth")));
  }
  const routes = isObj(merged) && isObj(merged.paths) ? merged.paths : merged === undefined ? api.paths : {};
  const auth = props.Auth !== undefined && editable ? withHttpAuth(id, routes, props.Auth, api, diags, at) : undefined;
  // The transform's tag (`httpapi:createdBy: SAM`) and the API's Tags: in the OpenAPI body for the API, on the stage.
  const tags: Obj = { "httpapi:createdBy": "SAM", ...(isObj(props.Tags) && !isIntrinsic(props.Tags) ? props.Tags : {}) };
  // The ApiGatewayV2 Api's body is the definition as an object: the file's text decoded.
  const body = file !== undefined ? decodedFile(file) : editable ? httpDefinition(isObj(merged) ? merged : { openapi: "3.0.1", info: { title: { Ref: "AWS::StackName" }, version: "1.0" }, paths: api.paths }, auth, cors, tags) : merged;
  const stage = props.StageName ?? "$default";
  const stageId = stage === "$default" ? `${id}ApiGatewayDefaultStage` : `${id}${typeof stage === "string" ? stage.replace(/[^A-Za-z0-9]/g, "") : ""}Stage`;
  const shared = { ...(r.Condition !== undefined ? { Condition: r.Condition } : {}) };
  return {
    [id]: { ...r, Type: "AWS::ApiGatewayV2::Api", Properties: { Body: body, ...pick(props, ["Description", "DisableExecuteApiEndpoint", "FailOnWarnings"]) } },
    ...auth?.permissions,
    [stageId]: {
      Type: "AWS::ApiGatewayV2::Stage",
      ...shared,
      Properties: { ApiId: { Ref: id }, StageName: stage, AutoDeploy: true, ...pick(props, ["StageVariables", "DefaultRouteSettings", "AccessLogSettings"]), ...routeSettings(props.RouteSettings, api), Tags: tags },
    },
    ...(props.Domain !== undefined ? httpApiDomain(id, props.Domain, stageId, tags, shared, recordSets, diags, at) : {}),
  };
}
