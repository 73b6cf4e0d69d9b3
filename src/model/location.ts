/** Where something came from in the user's source. Lines and columns are 1-based. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** For CloudFormation: the path inside the template, e.g. `Resources/Api/Properties/Name`. */
  readonly path?: string;
}

export function formatLocation(loc: Location | undefined): string {
  if (!loc) return "<unknown>";
  return `${loc.file}:${loc.line}:${loc.column}`;
}
