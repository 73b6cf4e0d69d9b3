/**
 * Terraform resource and data-source types → @pulumi/aws classes and invokes, by rule:
 * `aws_<module prefix>_<snake name>` → `<module>.<PascalName>` (data sources → `get<Name>`),
 * where a module's Terraform prefix is its own name unless the table below says otherwise,
 * and EC2, the root module and a few others also take unprefixed names. The short rename
 * table holds the types no rule reaches.
 */
import { pascal } from "../../model/names.js";
import { awsSchema, randomSchema, tlsSchema, type FunctionSchema, type ResourceSchema } from "../../schema/index.js";

/** Terraform prefixes of modules whose prefix is not the module's own name. */
const MODULE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  apigateway: ["api_gateway"],
  amp: ["prometheus"],
  cfg: ["config"],
  cloudcontrol: ["cloudcontrolapi"],
  cloudhsmv2: ["cloudhsm_v2"],
  costexplorer: ["ce"],
  directconnect: ["dx"],
  directoryservice: ["directory_service", "directory"],
  ec2clientvpn: ["ec2_client_vpn"],
  ec2transitgateway: ["ec2_transit_gateway", "ec2"],
  elasticbeanstalk: ["elastic_beanstalk"],
  rds: ["db", "rds"],
  macie: ["macie2"],
  mediaconvert: ["media_convert"],
  mediapackage: ["media_package"],
  mediastore: ["media_store"],
  resourceexplorer: ["resourceexplorer2"],
  route53recoverycontrol: ["route53recoverycontrolconfig"],
  serverlessrepository: ["serverlessapplicationrepository"],
  servicediscovery: ["service_discovery"],
  lb: ["lb", "alb"],
};

/** Modules that also hold types with no module prefix (`aws_instance` → `ec2.Instance`). */
const UNPREFIXED_MODULES = ["index", "ec2", "elb", "ebs", "s3", "lb"];

/** Types that no rule reaches: Terraform type → `module.Class` (resources) or `module.getX` (data). */
export const TYPE_RENAMES: Readonly<Record<string, string>> = {
  aws_lb: "lb.LoadBalancer",
  aws_alb: "alb.LoadBalancer",
  aws_elb: "elb.LoadBalancer",
  aws_api_gateway_gateway_response: "apigateway.Response",
  aws_account_alternate_contact: "account.AlternativeContact",
  aws_appsync_datasource: "appsync.DataSource",
  aws_appsync_graphql_api: "appsync.GraphQLApi",
  aws_codedeploy_app: "codedeploy.Application",
  aws_cognito_identity_pool_roles_attachment: "cognito.IdentityPoolRoleAttachment",
  aws_dx_lag: "directconnect.LinkAggregationGroup",
  aws_ec2_host: "ec2.DedicatedHost",
  aws_iam_openid_connect_provider: "iam.OpenIdConnectProvider",
  aws_s3_object: "s3.BucketObjectv2",
  aws_network_interface_sg_attachment: "ec2.NetworkInterfaceSecurityGroupAttachment",
  aws_guardduty_ipset: "guardduty.IPSet",
  aws_guardduty_threatintelset: "guardduty.ThreatIntelSet",
  aws_waf_ipset: "waf.IpSet",
  aws_wafregional_ipset: "wafregional.IpSet",
  aws_appintegrations_event_integration: "appconfig.EventIntegration",
  aws_cloudformation_type: "cloudformation.CloudFormationType",
  aws_codeartifact_domain_permissions_policy: "codeartifact.DomainPermissions",
  aws_controltower_control: "controltower.ControlTowerControl",
  aws_datasync_location_efs: "datasync.EfsLocation",
  aws_datasync_location_fsx_openzfs_file_system: "datasync.FsxOpenZfsFileSystem",
  aws_datasync_location_fsx_lustre_file_system: "datasync.LocationFsxLustre",
  aws_datasync_location_fsx_windows_file_system: "datasync.LocationFsxWindows",
  aws_datasync_location_nfs: "datasync.NfsLocation",
  aws_datasync_location_s3: "datasync.S3Location",
  aws_dx_hosted_transit_virtual_interface_accepter: "directconnect.HostedTransitVirtualInterfaceAcceptor",
  aws_vpc_endpoint_service_allowed_principal: "ec2.VpcEndpointServiceAllowedPrinciple",
  aws_load_balancer_listener_policy: "elb.ListenerPolicy",
  aws_lb_cookie_stickiness_policy: "elb.LoadBalancerCookieStickinessPolicy",
  aws_lb_ssl_negotiation_policy: "elb.SslNegotiationPolicy",
  aws_licensemanager_grant: "licensemanager.LicenseGrant",
  aws_licensemanager_grant_accepter: "licensemanager.LicenseGrantAccepter",
  aws_lightsail_disk_attachment: "lightsail.Disk_attachment",
  aws_location_route_calculator: "location.RouteCalculation",
  aws_s3_bucket_replication_configuration: "s3.BucketReplicationConfig",
  aws_cloudtrail: "cloudtrail.Trail",
  aws_codepipeline: "codepipeline.Pipeline",
  aws_chime_voice_connector_origination: "chime.VoiceConnectorOrganization",
  aws_storagegateway_cached_iscsi_volume: "storagegateway.CachesIscsiVolume",
  aws_vpc_peering_connection_options: "ec2.PeeringConnectionOptions",
  aws_vpc_endpoint_security_group_association: "ec2.SecurityGroupAssociation",
};

/** Data sources that no rule reaches: Terraform type → `module.getX`. */
export const DATA_SOURCE_RENAMES: Readonly<Record<string, string>> = {
  aws_api_gateway_api_key: "apigateway.getKey",
  aws_autoscaling_groups: "autoscaling.getAmiIds",
  aws_cloudformation_type: "cloudformation.getCloudFormationType",
  aws_eip: "ec2.getElasticIp",
  aws_ec2_host: "ec2.getDedicatedHost",
  aws_vpc_ipam_preview_next_cidr: "ec2.getIpamPreviewNextCidr",
  aws_ec2_transit_gateway_dx_gateway_attachment: "ec2transitgateway.getDirectConnectGatewayAttachment",
  aws_licensemanager_grants: "licensemanager.getLicenseGrants",
  aws_mq_broker_instance_type_offerings: "mq.getInstanceTypeOfferings",
  aws_wafregional_rate_based_rule: "wafregional.getRateBasedMod",
  aws_lb: "lb.getLoadBalancer",
  aws_alb: "alb.getLoadBalancer",
  aws_elb: "elb.getLoadBalancer",
};

export interface ResolvedResource {
  readonly key: string;
  readonly module: string;
  readonly name: string;
  readonly schema: ResourceSchema;
  /** The class in the program: `aws.apigateway.Integration`, `random.RandomId`. */
  readonly className: string;
}

export interface ResolvedFunction {
  readonly key: string;
  readonly module: string;
  readonly name: string;
  readonly schema: FunctionSchema;
  /** The package's namespace in the program, where it is not `aws` (`tls`). */
  readonly namespace?: string;
}

let prefixIndex: { prefix: string; module: string }[] | undefined;

function prefixes(): { prefix: string; module: string }[] {
  if (prefixIndex) return prefixIndex;
  const modules = new Set<string>();
  for (const key of [...Object.keys(awsSchema().resources), ...Object.keys(awsSchema().functions)]) {
    modules.add(key.slice(0, key.indexOf(".")));
  }
  const out: { prefix: string; module: string }[] = [];
  for (const m of modules) {
    for (const p of MODULE_PREFIXES[m] ?? [m]) out.push({ prefix: p + "_", module: m });
  }
  for (const m of UNPREFIXED_MODULES) out.push({ prefix: "", module: m });
  // Longest prefix first: `ec2_transit_gateway_` before `ec2_` before ``.
  out.sort((a, b) => b.prefix.length - a.prefix.length);
  prefixIndex = out;
  return out;
}

/** Candidate `module.Name` keys for a Terraform type, best first. */
function candidates(tfType: string, dataSource: boolean): string[] {
  const renamed = dataSource ? DATA_SOURCE_RENAMES[tfType] : TYPE_RENAMES[tfType];
  const out: string[] = [];
  if (renamed) out.push(renamed);
  if (!tfType.startsWith("aws_")) return out;
  const rest = tfType.slice(4);
  const fallbacks: string[] = [];
  for (const { prefix, module } of prefixes()) {
    if (!rest.startsWith(prefix)) continue;
    const words = rest.slice(prefix.length).split("_").filter(Boolean);
    if (!words.length) continue;
    const key = (ws: string[]) => (dataSource ? `${module}.get${pascal(ws.join("_"))}` : `${module}.${pascal(ws.join("_"))}`);
    out.push(key(words));
    // Pulumi sometimes drops leading words the module name already says
    // (`aws_autoscaling_group_tag` → `autoscaling.Tag`, `aws_config_config_rule` → `cfg.Rule`),
    // only within a module the name itself names.
    if (prefix) for (let i = 1; i < words.length; i++) fallbacks.push(key(words.slice(i)));
  }
  return [...out, ...fallbacks];
}

/** The first candidate the table has (acronyms compared without case), cached per type. */
function resolve<T>(
  table: Readonly<Record<string, T>>,
  cache: Map<string, { key: string; module: string; name: string; schema: T } | undefined>,
  tfType: string,
  dataSource: boolean,
): { key: string; module: string; name: string; schema: T } | undefined {
  if (cache.has(tfType)) return cache.get(tfType);
  let found: { key: string; module: string; name: string; schema: T } | undefined;
  for (const candidate of candidates(tfType, dataSource)) {
    const key = table[candidate] ? candidate : caseInsensitiveKey(table, candidate);
    if (key) {
      const [module, name] = key.split(".") as [string, string];
      found = { key, module, name, schema: table[key]! };
      break;
    }
  }
  cache.set(tfType, found);
  return found;
}

const resourceCache = new Map<string, ResolvedResource | undefined>();
const functionCache = new Map<string, ResolvedFunction | undefined>();

export function resolveResourceType(tfType: string): ResolvedResource | undefined {
  // `random_id`, `random_password`…: the @pulumi/random classes of the same names.
  if (tfType.startsWith("random_")) {
    const name = pascal(tfType);
    const schema = randomSchema().resources[`index.${name}`];
    return schema ? { key: `index.${name}`, module: "index", name, schema, className: `random.${name}` } : undefined;
  }
  // `tls_private_key`, `tls_self_signed_cert`…: the @pulumi/tls classes without the prefix.
  if (tfType.startsWith("tls_")) {
    const name = pascal(tfType.slice(4));
    const schema = tlsSchema().resources[`index.${name}`];
    return schema ? { key: `index.${name}`, module: "index", name, schema, className: `tls.${name}` } : undefined;
  }
  const found = resolve(awsSchema().resources, resourceCache, tfType, false);
  return found && { ...found, className: `aws.${found.module === "index" ? "" : found.module + "."}${found.name}` };
}

export function resolveDataSource(tfType: string): ResolvedFunction | undefined {
  // `data "tls_certificate"` (an EKS cluster's OIDC thumbprint), `data "tls_public_key"`: @pulumi/tls's invokes.
  if (tfType.startsWith("tls_")) {
    const name = `get${pascal(tfType.slice(4))}`;
    const schema = tlsSchema().functions[`index.${name}`];
    return schema ? { key: `index.${name}`, module: "index", name, schema, namespace: "tls" } : undefined;
  }
  return resolve(awsSchema().functions, functionCache, tfType, true);
}

let lowerKeys: Map<object, Map<string, string>> | undefined;

/** Pulumi sometimes capitalises acronyms (`GraphQLApi`, `IPSet`) where the rule gives `GraphqlApi`. */
function caseInsensitiveKey(table: Readonly<Record<string, unknown>>, key: string): string | undefined {
  lowerKeys ??= new Map();
  let idx = lowerKeys.get(table);
  if (!idx) {
    idx = new Map();
    for (const k of Object.keys(table)) idx.set(k.toLowerCase(), k);
    lowerKeys.set(table, idx);
  }
  return idx.get(key.toLowerCase());
}
