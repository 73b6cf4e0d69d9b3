/** A template's mapping as read (YAML or JSON), and the check that a value is one (not a list, not null): shared by the CloudFormation front end's files. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** An intrinsic function written as a mapping (`{ Ref: … }`, `{ "Fn::Sub": … }`, `{ Condition: … }`), whose one key is no setting. */
export const isIntrinsic = (v: Obj) => Object.keys(v).length === 1 && /^(Ref|Condition|Fn::.+)$/.test(Object.keys(v)[0]!);
