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

/** The 1-based line and column of an offset into a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
