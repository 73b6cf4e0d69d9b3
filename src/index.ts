/** The programmatic API: `import { convert } from "pulumigrate"`. */
export { convert, detectFormat } from "./convert.js";
export type { ConvertOptions, ConvertResult, SourceFile, SourceFormat, Timings } from "./convert.js";
export { formatDiagnostic, DIAGNOSTIC_CODES } from "./model/diagnostics.js";
export type { Diagnostic, DiagnosticCode, Severity } from "./model/diagnostics.js";
export type { Location } from "./model/location.js";
