/**
 * Settings CloudFormation writes as a list of items that classic Pulumi spreads into arguments of
 * their own: a load balancer's `LoadBalancerAttributes` (`idle_timeout.timeout_seconds` →
 * `idleTimeout`; and its `Ipv4IpamPoolId`, classic Pulumi's `ipamPools` block), a topic's `DeliveryStatusLogging` (one item per protocol →
 * `lambdaSuccessFeedbackRoleArn`, `sqsSuccessFeedbackSampleRate`…); and a topic's inline
 * `Subscription`, a TopicSubscription each.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr } from "../../model/expr.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import { awsSchema } from "../../schema/index.js";
import { curatedArgs, declare, get, sibling, withLeading, type ResourceContext } from "./build.js";
import { entriesOf, mapEntries, type SourceEntry } from "./values.js";

type Handler = (ctx: ResourceContext) => ResourceDecl[];

const str = (value: string): Expr => ({ kind: "literal", value });
const args = (className: string) => awsSchema().resources[className]!.args;

/** `LoadBalancerAttributes` keys that are arguments of their own in classic Pulumi. */
const LB_ATTRIBUTES: Readonly<Record<string, string>> = {
  "idle_timeout.timeout_seconds": "idleTimeout",
  "deletion_protection.enabled": "enableDeletionProtection",
  "routing.http2.enabled": "enableHttp2",
  "routing.http.drop_invalid_header_fields.enabled": "dropInvalidHeaderFields",
  "load_balancing.cross_zone.enabled": "enableCrossZoneLoadBalancing",
  "routing.http.desync_mitigation_mode": "desyncMitigationMode",
  "routing.http.preserve_host_header.enabled": "preserveHostHeader",
  "waf.fail_open.enabled": "enableWafFailOpen",
  "client_keep_alive.seconds": "clientKeepAlive",
};

export const loadBalancer: Handler = (ctx) => {
  const entries: SourceEntry[] = [];
  const extra: SourceEntry[] = [];
  for (const e of ctx.entries) {
    if (e.name === "Scheme") {
      const internal: Expr = e.value.kind === "literal" ? { kind: "literal", value: e.value.value === "internal" } : { kind: "binary", op: "==", left: e.value, right: str("internal") };
      entries.push({ ...e, value: internal });
    } else if (e.name === "Ipv4IpamPoolId") {
      // The IPAM pool the load balancer's addresses come from: classic Pulumi's ipamPools block.
      extra.push({ name: "ipamPools", value: { kind: "object", entries: [{ key: "Ipv4IpamPoolId", value: e.value }] }, ...(e.loc ? { loc: e.loc } : {}), ...(e.comments ? { comments: e.comments } : {}) });
    } else if (e.name === "LoadBalancerAttributes" && e.value.kind === "list") {
      for (const a of e.value.items) {
        const kv = entriesOf(a);
        const k = get(kv, "Key");
        const v = get(kv, "Value");
        const arg = k?.kind === "literal" && typeof k.value === "string" ? LB_ATTRIBUTES[k.value] : undefined;
        if (arg && v) extra.push({ name: arg, value: v, ...(e.loc ? { loc: e.loc } : {}) });
        else ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id}: load balancer attribute ${k?.kind === "literal" ? String(k.value) : "(computed)"} is not converted; set it through the matching LoadBalancer argument`, e.loc ?? ctx.loc));
      }
    } else entries.push(e);
  }
  const lbArgs = args("lb.LoadBalancer");
  const mapped = curatedArgs(ctx, entries);
  const attrs = mapEntries(extra, lbArgs, ctx.values, Object.fromEntries(extra.map((x) => [x.name, x.name])));
  return [declare(ctx, "aws.lb.LoadBalancer", { kind: "object", entries: [...mapped.entries, ...attrs.entries] })];
};

/** `DeliveryStatusLogging` protocols → the prefix of classic Topic's arguments for them. */
const DELIVERY_PROTOCOLS: Readonly<Record<string, string>> = { "http/s": "http", http: "http", https: "http", sqs: "sqs", lambda: "lambda", firehose: "firehose", application: "application" };
const DELIVERY_FIELDS = ["SuccessFeedbackRoleArn", "SuccessFeedbackSampleRate", "FailureFeedbackRoleArn"];

/** A topic's delivery status logging, one item per protocol, as the topic's `<protocol>SuccessFeedbackRoleArn`… arguments. */
function deliveryStatus(ctx: ResourceContext, e: SourceEntry): SourceEntry[] {
  if (e.value.kind !== "list") {
    ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: DeliveryStatusLogging is not a list written out; it is not converted (set the topic's <protocol>SuccessFeedbackRoleArn… arguments)`, e.loc ?? ctx.loc));
    return [];
  }
  return e.value.items.flatMap((item) => {
    const fields = entriesOf(item);
    const protocol = get(fields, "Protocol");
    const prefix = protocol?.kind === "literal" && typeof protocol.value === "string" ? DELIVERY_PROTOCOLS[protocol.value.toLowerCase()] : undefined;
    if (!prefix) {
      ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: DeliveryStatusLogging for protocol ${protocol?.kind === "literal" ? String(protocol.value) : "(computed)"} is not converted: the topic's arguments name http, sqs, lambda, firehose and application`, e.loc ?? ctx.loc));
      return [];
    }
    for (const f of fields) if (f.name !== "Protocol" && !DELIVERY_FIELDS.includes(f.name)) ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id}: DeliveryStatusLogging ${f.name} has no counterpart on the topic; it is left out`, f.loc ?? e.loc ?? ctx.loc));
    return fields.filter((f) => DELIVERY_FIELDS.includes(f.name)).map((f) => ({ ...f, name: `${prefix}${f.name}`, ...(f.loc ?? e.loc ? { loc: (f.loc ?? e.loc)! } : {}) }));
  });
}

export const snsTopic: Handler = (ctx) => {
  const own = ctx.entries.filter((e) => e.name !== "Subscription" && e.name !== "DeliveryStatusLogging");
  const logging = ctx.entries.filter((e) => e.name === "DeliveryStatusLogging").flatMap((e) => deliveryStatus(ctx, e));
  const spread = mapEntries(logging, args("sns.Topic"), ctx.values, Object.fromEntries(logging.map((x) => [x.name, x.name])));
  const topicArgs = curatedArgs(ctx, own);
  const decls = [declare(ctx, "aws.sns.Topic", { kind: "object", entries: [...topicArgs.entries, ...spread.entries] })];
  const subs = get(ctx.entries, "Subscription");
  if (subs?.kind === "list") {
    subs.items.forEach((s, i) => {
      const mapped = mapEntries(entriesOf(s), args("sns.TopicSubscription"), ctx.values);
      decls.push(declare(ctx, "aws.sns.TopicSubscription", withLeading([{ key: "topic", value: sibling(ctx, "", ["arn"]) }], mapped), { suffix: `Subscription${i}`, withComments: false }));
    });
  }
  return decls;
};

