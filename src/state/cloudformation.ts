/** The JSON `aws cloudformation describe-stack-resources --stack-name S` prints: each logical id's physical id and type. */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Location } from "../model/location.js";

export interface StackResource {
  readonly logicalId: string;
  readonly physicalId: string;
  readonly type: string;
  readonly loc: Location;
}

export function readStackResources(file: { path: string; text: string }): { resources: StackResource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: { StackResources?: unknown };
  try {
    doc = JSON.parse(file.text) as { StackResources?: unknown };
  } catch (e) {
    diagnostics.push(diagnostic("PG1001", "error", `not describe-stack-resources JSON: ${(e as Error).message}`, { file: file.path, line: 1, column: 1 }));
    return { resources: [], diagnostics };
  }
  if (!Array.isArray(doc.StackResources)) {
    diagnostics.push(diagnostic("PG1003", "error", "describe-stack-resources JSON holds a StackResources list", { file: file.path, line: 1, column: 1 }));
    return { resources: [], diagnostics };
  }
  const lines = file.text.split("\n");
  const resources: StackResource[] = [];
  for (const r of doc.StackResources as Record<string, unknown>[]) {
    const logicalId = String(r.LogicalResourceId ?? "");
    const line = lines.findIndex((l) => l.includes(`"LogicalResourceId": "${logicalId}"`)) + 1 || 1;
    const loc = { file: file.path, line, column: 1 };
    if (typeof r.PhysicalResourceId !== "string" || !r.PhysicalResourceId) {
      diagnostics.push(diagnostic("PG4001", "warning", `${logicalId} has no physical id (its status: ${String(r.ResourceStatus ?? "unknown")}); it is not imported`, loc));
      continue;
    }
    resources.push({ logicalId, physicalId: r.PhysicalResourceId, type: String(r.ResourceType ?? ""), loc });
  }
  return { resources, diagnostics };
}
