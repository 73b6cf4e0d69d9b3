/**
 * A SAM REST API's `Auth.UsagePlan`, as the transform expands it: `PER_API` a usage plan, API key
 * and plan key of the API's own, `SHARED` one of each for every API that asks (made once, with
 * the first), `NONE` nothing.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { isObj, pick, type Obj } from "./sam-definition.js";
import type { RecordSetGroups } from "./sam-domain.js";

/** A `SHARED` usage plan's stages, gathered from every API that asks for it (the transform makes one plan, key and plan key for them all). */
export interface SharedPlan {
  readonly stages: Obj[];
  /** The Route53 record set groups the APIs' domains share, one per hosted zone (sam-domain.ts). */
  readonly recordSets: RecordSetGroups;
  /** The first API's UsagePlan settings, and that API's logical id. */
  props?: Obj;
  owner?: string;
}

/** An API key, the usage plan of `stages` it belongs to, and the plan key joining them, under the transform's logical ids (`<prefix>UsagePlan`, `<prefix>ApiKey`, `<prefix>UsagePlanKey`). */
export function usagePlan(prefix: string, plan: Obj, stages: Obj[], shared: Obj): Obj {
  return {
    [`${prefix}UsagePlan`]: { Type: "AWS::ApiGateway::UsagePlan", ...shared, Properties: { ApiStages: stages, ...pick(plan, ["Description", "Quota", "Tags", "Throttle", "UsagePlanName"]) } },
    [`${prefix}ApiKey`]: { Type: "AWS::ApiGateway::ApiKey", ...shared, DependsOn: [`${prefix}UsagePlan`], Properties: { Enabled: true } },
    [`${prefix}UsagePlanKey`]: { Type: "AWS::ApiGateway::UsagePlanKey", ...shared, Properties: { KeyId: { Ref: `${prefix}ApiKey` }, KeyType: "API_KEY", UsagePlanId: { Ref: `${prefix}UsagePlan` } } },
  };
}

/** An API's `Auth.UsagePlan`: `PER_API` a plan, key and plan key of its own; `SHARED` its stage added to the plan the APIs share (made once, by the caller); `NONE` nothing. */
export function plans(id: string, auth: unknown, stage: Obj, sharedPlan: SharedPlan, shared: Obj, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  const plan = isObj(auth) ? auth.UsagePlan : undefined;
  if (plan === undefined) return {};
  const create = isObj(plan) ? plan.CreateUsagePlan : undefined;
  if (!isObj(plan) || (create !== "PER_API" && create !== "SHARED" && create !== "NONE")) {
    diags.push(diagnostic("PG2004", "warning", `${id}: a UsagePlan whose CreateUsagePlan is not PER_API, SHARED or NONE is not expanded`, at("Properties", "Auth", "UsagePlan")));
    return {};
  }
  if (create === "PER_API") return usagePlan(id, plan, [stage], shared);
  if (create === "SHARED") {
    sharedPlan.stages.push(stage);
    sharedPlan.props ??= plan;
    sharedPlan.owner ??= id;
  }
  return {};
}
