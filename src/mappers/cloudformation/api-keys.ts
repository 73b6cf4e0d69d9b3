/**
 * An API key's `StageKeys`: the way, before usage plans, to give a key an API's stage. No
 * Pulumi class has it (@pulumi/aws's ApiKey has no stage argument; API Gateway itself calls it
 * deprecated for usage plans), and a key reaches a stage through a usage plan that lists the
 * stage and a UsagePlanKey that adds the key. Where the template already does that for every
 * stage the key names (the common pattern: StageKeys written next to a plan and its key), the
 * conversion loses nothing: StageKeys is left out with a note. A stage no plan gives the key
 * stays a TODO and a warning, as before.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { Resource, SourceProgram } from "../../model/program.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import { declare, type ResourceContext } from "./build.js";
import { resolveCfnType } from "./types.js";
import { entriesOf, mapEntries } from "./values.js";

/** The usage plan (and the UsagePlanKey adding the key to it) that give an API key one of its StageKeys' stages. */
export interface PlanOfStage {
  readonly plan: string;
  readonly planKey: string;
}

/** An expression as text, its locations left out: two places that write the same reference compare equal. */
function shape(e: Expr | undefined): string {
  return JSON.stringify(e ?? null, (k, v) => (k === "loc" || k === "comments" ? undefined : v));
}

const attribute = (r: Resource, name: string): Expr | undefined => {
  for (const b of r.body) if (b.kind === "attribute" && b.name === name) return b.value;
  return undefined;
};

/** `Ref X` written as it is: the logical id it names. */
function refName(e: Expr | undefined): string | undefined {
  return e?.kind === "ref" && e.target.kind === "resource" && e.path.length === 0 ? e.target.name : undefined;
}

/**
 * Per API key with StageKeys (by logical id): for each of its items, the plan that gives the key
 * that API and stage (ApiId and Stage written as the item writes RestApiId and StageName), or
 * undefined. Keys, plans and plan keys under a Condition are not counted on: a plan that may not
 * exist covers nothing.
 */
export function stageKeyPlans(program: SourceProgram): ReadonlyMap<string, readonly (PlanOfStage | undefined)[]> {
  const resources = program.items.filter((it): it is Resource => it.kind === "resource");
  const byName = new Map(resources.map((r) => [r.name, r]));
  const plansOfKey = new Map<string, PlanOfStage[]>();
  for (const r of resources) {
    if (r.type !== "AWS::ApiGateway::UsagePlanKey" || r.meta.condition) continue;
    const key = refName(attribute(r, "KeyId"));
    const plan = refName(attribute(r, "UsagePlanId"));
    const p = plan ? byName.get(plan) : undefined;
    if (!key || !plan || p?.type !== "AWS::ApiGateway::UsagePlan" || p.meta.condition) continue;
    plansOfKey.set(key, [...(plansOfKey.get(key) ?? []), { plan, planKey: r.name }]);
  }
  const out = new Map<string, (PlanOfStage | undefined)[]>();
  for (const r of resources) {
    if (r.type !== "AWS::ApiGateway::ApiKey") continue;
    const items = attribute(r, "StageKeys");
    if (items?.kind !== "list") continue;
    const plans = plansOfKey.get(r.name) ?? [];
    out.set(
      r.name,
      items.items.map((item) => {
        const fields = entriesOf(item);
        const api = shape(fields.find((f) => f.name === "RestApiId")?.value);
        const stage = shape(fields.find((f) => f.name === "StageName")?.value);
        if (api === "null" || stage === "null") return undefined;
        return plans.find(({ plan }) => {
          const stages = attribute(byName.get(plan)!, "ApiStages");
          return stages?.kind === "list" && stages.items.some((s) => {
            const sf = entriesOf(s);
            return shape(sf.find((f) => f.name === "ApiId")?.value) === api && shape(sf.find((f) => f.name === "Stage")?.value) === stage;
          });
        });
      }),
    );
  }
  return out;
}

/** `AWS::ApiGateway::ApiKey`: StageKeys a usage plan of the template already gives the key are left out, with a note; any other is a TODO saying what to write instead. */
export function apiKey(ctx: ResourceContext): ResourceDecl[] {
  const t = resolveCfnType(ctx.type);
  if (t.kind !== "classic") return [];
  const renames = t.curated.props ?? {};
  const stageKeys = ctx.entries.find((e) => e.name === "StageKeys");
  if (!stageKeys) return [declare(ctx, t.className, mapEntries(ctx.entries, t.schema.args, ctx.values, renames, t.typeKey))];
  const items = stageKeys.value.kind === "list" ? stageKeys.value.items : undefined;
  const found = ctx.table.stageKeys?.get(ctx.id);
  const plans = items && found?.length === items.length ? found : [];
  const args = mapEntries(ctx.entries.filter((e) => e !== stageKeys), t.schema.args, ctx.values, renames, t.typeKey);
  const at = stageKeys.loc ?? ctx.loc;
  const notes: ObjectEntry[] = [];
  const given = [...new Set(plans.flatMap((p) => (p ? [`${p.plan} (with ${p.planKey})`] : [])))].join(", ");
  const left = items ? items.length - plans.filter(Boolean).length : undefined;
  if (left !== 0) {
    const which = left === undefined || left === items!.length ? "StageKeys" : `${left} of its ${items!.length} StageKeys`;
    const them = left === 1 ? "that stage" : "those stages";
    ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id} (${ctx.type}): ${which} not converted: no Pulumi class gives a key a stage itself (the pre-usage-plan way), and no usage plan of the template gives this key ${them} (one under a Condition does not count): list ${left === 1 ? "it" : "them"} in a usage plan's apiStages and add the key to the plan with a UsagePlanKey`, at));
    notes.push({ key: `// TODO(pulumigrate): ${which} not converted: give the key ${left === 1 ? "that stage" : "those stages"} through a usage plan (apiStages) and a UsagePlanKey`, value: stageKeys.value });
  }
  if (given) {
    const which = left ? `${items!.length - left} of its ${items!.length} StageKeys` : "StageKeys";
    ctx.diags.push(diagnostic("PG2003", "info", `${ctx.id} (${ctx.type}): ${which} left out: the pre-usage-plan way to give a key a stage, which no Pulumi class has; usage plan ${given} already gives this key the same API and stage`, at));
    notes.push({ key: `// ${which} left out: usage plan ${given} gives this key the same API and stage`, value: { kind: "literal", value: null } });
  }
  return [declare(ctx, t.className, { ...args, entries: [...args.entries, ...notes] })];
}
