/**
 * A SAM REST API's `Domain`, as the transform expands it: the custom domain name
 * (`ApiGatewayDomainName<hash of the name>`, its certificate regional or not by the endpoint),
 * a base path mapping to the API's stage for each `BasePath` (`<Api><path>BasePathMapping`, or
 * `<Api>BasePathMapping` without one), and with `Route53` the alias records in a record set group
 * per hosted zone (`RecordSetGroup<hash of the zone>`, shared by the APIs of one zone; one of
 * its own with `SeparateRecordSetGroup`). What the transform rejects is a located error.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Location } from "../../model/location.js";
import { getAtt, isObj, logicalIdHash as idHash, type Obj } from "./sam-definition.js";

/** The record set groups made so far in the template, by logical id (the APIs of one hosted zone share one). */
export type RecordSetGroups = Map<string, Obj>;

/** Whether a Domain has what the transform requires (a DomainName and a CertificateArn); a located error if not. */
function named(id: string, domain: unknown, diags: Diagnostic[], where: Location): domain is Obj {
  if (isObj(domain) && domain.DomainName !== undefined && domain.CertificateArn !== undefined) return true;
  diags.push(diagnostic("PG2004", "error", `${id}: a Domain needs a DomainName and a CertificateArn (the transform rejects it without them); not expanded`, where));
  return false;
}

/** The base paths a Domain names (one, or a list), or undefined for none (the whole domain maps to the API). */
function basePaths(domain: Obj): unknown[] | undefined {
  const p = domain.BasePath;
  return typeof p === "string" && p ? [p] : Array.isArray(p) && p.length ? p : undefined;
}

/** A REST API's domain: its DomainName, base path mappings and records. */
export function restApiDomain(id: string, domain: unknown, stageId: string, shared: Obj, groups: RecordSetGroups, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  const where = at("Properties", "Domain");
  if (!named(id, domain, diags, where)) return {};
  const endpoint = domain.EndpointConfiguration ?? "REGIONAL";
  if (endpoint !== "REGIONAL" && endpoint !== "EDGE" && endpoint !== "PRIVATE") {
    diags.push(diagnostic("PG2004", "error", `${id}: a Domain's EndpointConfiguration is REGIONAL, EDGE or PRIVATE (the transform rejects ${JSON.stringify(endpoint)}); not expanded`, where));
    return {};
  }
  const domainId = `ApiGatewayDomainName${idHash(domain.DomainName)}`;
  const out: Obj = {
    [domainId]: {
      Type: "AWS::ApiGateway::DomainName",
      ...shared,
      Properties: {
        DomainName: domain.DomainName,
        [endpoint === "REGIONAL" ? "RegionalCertificateArn" : "CertificateArn"]: domain.CertificateArn,
        EndpointConfiguration: { Types: [endpoint] },
        ...(isObj(domain.MutualTlsAuthentication) ? { MutualTlsAuthentication: domain.MutualTlsAuthentication } : {}),
        ...(domain.SecurityPolicy ? { SecurityPolicy: domain.SecurityPolicy } : {}),
        ...(domain.OwnershipVerificationCertificateArn ? { OwnershipVerificationCertificateArn: domain.OwnershipVerificationCertificateArn } : {}),
      },
    },
  };
  const mapping = (basePath?: unknown): Obj => ({ Type: "AWS::ApiGateway::BasePathMapping", ...shared, Properties: { DomainName: { Ref: domainId }, RestApiId: { Ref: id }, Stage: { Ref: stageId }, ...(basePath !== undefined ? { BasePath: basePath } : {}) } });
  const paths = basePaths(domain);
  if (!paths) out[`${id}BasePathMapping`] = mapping();
  else {
    for (const p of paths) {
      if (typeof p !== "string") {
        diags.push(diagnostic("PG2004", "error", `${id}: a Domain's BasePath is a list of names (the transform rejects anything else); that one is left out`, where));
        continue;
      }
      // Letters and digits only in the logical id (and in the path itself, unless NormalizeBasePath is false).
      const alnum = [...p].filter((c) => /[\p{L}\p{N}]/u.test(c)).join("");
      out[`${id}${alnum}BasePathMapping`] = mapping(domain.NormalizeBasePath === false ? p : alnum);
    }
  }
  return { ...out, ...aliasRecords(id, domain, domainId, endpoint === "REGIONAL", shared, groups, diags, at) };
}

/** With `Route53`, the domain's alias records (A, and AAAA with IpV6) in its hosted zone's record set group. */
function aliasRecords(id: string, domain: Obj, domainId: string, regional: boolean, shared: Obj, groups: RecordSetGroups, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  const out: Obj = {};
  const route53 = domain.Route53;
  if (route53 === undefined) return out;
  if (!isObj(route53) || (route53.HostedZoneId === undefined && route53.HostedZoneName === undefined)) {
    diags.push(diagnostic("PG2004", "error", `${id}: a Domain's Route53 needs a HostedZoneId or HostedZoneName (the transform rejects it without one); no records are made`, at("Properties", "Domain", "Route53")));
    return out;
  }
  const target: Obj = {
    ...(route53.EvaluateTargetHealth !== undefined ? { EvaluateTargetHealth: route53.EvaluateTargetHealth } : {}),
    ...(regional
      ? { HostedZoneId: getAtt(domainId, "RegionalHostedZoneId"), DNSName: getAtt(domainId, "RegionalDomainName") }
      : // CloudFront's hosted zone, which every edge-optimized domain's distribution is in.
        { HostedZoneId: "Z2FDTNDATAQYW2", DNSName: route53.DistributionDomainName ?? getAtt(domainId, "DistributionDomainName") }),
  };
  const routing = { ...(route53.Region !== undefined ? { Region: route53.Region } : {}), ...(route53.SetIdentifier !== undefined ? { SetIdentifier: route53.SetIdentifier } : {}) };
  const records = [{ Name: domain.DomainName, Type: "A", AliasTarget: target, ...routing }, ...(route53.IpV6 === true ? [{ Name: domain.DomainName, Type: "AAAA", AliasTarget: target, ...routing }] : [])];
  const zone = route53.HostedZoneId ?? route53.HostedZoneName;
  const zoneProps = { ...(route53.HostedZoneId !== undefined ? { HostedZoneId: route53.HostedZoneId } : {}), ...(route53.HostedZoneName !== undefined ? { HostedZoneName: route53.HostedZoneName } : {}) };
  if (route53.SeparateRecordSetGroup === true) {
    out[`RecordSetGroup${idHash([zone, domain.DomainName])}`] = { Type: "AWS::Route53::RecordSetGroup", ...shared, Properties: { ...zoneProps, RecordSets: records } };
    return out;
  }
  const groupId = `RecordSetGroup${idHash(zone)}`;
  const group = groups.get(groupId);
  if (group) ((group.Properties as Obj).RecordSets as unknown[]).push(...records);
  else {
    const made = { Type: "AWS::Route53::RecordSetGroup", ...shared, Properties: { ...zoneProps, RecordSets: records } };
    groups.set(groupId, made);
    out[groupId] = made;
  }
  return out;
}

/**
 * An HTTP API's `Domain`: an ApiGatewayV2 DomainName (`ApiGatewayDomainNameV2<hash of the name>`,
 * REGIONAL only), an ApiMapping per `BasePath` (`<Api><path without -, _ and />ApiMapping`, the
 * key the path without its outer slashes; `<Api>ApiMapping` without one), and the records.
 */
export function httpApiDomain(id: string, domain: unknown, stageId: string, tags: unknown, shared: Obj, groups: RecordSetGroups, diags: Diagnostic[], at: (...p: string[]) => Location): Obj {
  const where = at("Properties", "Domain");
  if (!named(id, domain, diags, where)) return {};
  if ((domain.EndpointConfiguration ?? "REGIONAL") !== "REGIONAL") {
    diags.push(diagnostic("PG2004", "error", `${id}: an HTTP API's Domain is REGIONAL (the transform rejects ${JSON.stringify(domain.EndpointConfiguration)}); not expanded`, where));
    return {};
  }
  const domainId = `ApiGatewayDomainNameV2${idHash(domain.DomainName)}`;
  const config = { CertificateArn: domain.CertificateArn, EndpointType: "REGIONAL", ...(domain.OwnershipVerificationCertificateArn ? { OwnershipVerificationCertificateArn: domain.OwnershipVerificationCertificateArn } : {}), ...(domain.SecurityPolicy ? { SecurityPolicy: domain.SecurityPolicy } : {}) };
  const out: Obj = {
    [domainId]: {
      Type: "AWS::ApiGatewayV2::DomainName",
      ...shared,
      Properties: { DomainName: domain.DomainName, DomainNameConfigurations: [config], ...(isObj(domain.MutualTlsAuthentication) ? { MutualTlsAuthentication: domain.MutualTlsAuthentication } : {}), ...(tags !== undefined ? { Tags: tags } : {}) },
    },
  };
  const mapping = (key?: string): Obj => ({ Type: "AWS::ApiGatewayV2::ApiMapping", ...shared, Properties: { DomainName: { Ref: domainId }, ApiId: { Ref: id }, Stage: { Ref: stageId }, ...(key !== undefined ? { ApiMappingKey: key } : {}) } });
  const paths = basePaths(domain);
  if (!paths) out[`${id}ApiMapping`] = mapping();
  else {
    for (const p of paths) {
      if (typeof p !== "string" || /[^0-9a-zA-Z/_-]/.test(p)) {
        diags.push(diagnostic("PG2004", "error", `${id}: a Domain's BasePath holds letters, digits, -, _ and / only (the transform rejects ${JSON.stringify(p)}); that one is left out`, where));
        continue;
      }
      out[`${id}${p.replace(/[-_/]+/g, "")}ApiMapping`] = mapping(p.replace(/^\/+|\/+$/g, ""));
    }
  }
  return { ...out, ...aliasRecords(id, domain, domainId, true, shared, groups, diags, at) };
}
