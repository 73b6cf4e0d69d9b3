/** A template's mapping as read (YAML or JSON), and the check that a value is one (not a list, not null): shared by the CloudFormation front end's files. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
