/** TypeScript's parser (no type checking) over a program: its syntax errors, if any, labelled. */
import ts from "typescript";

export function syntaxErrors(code: string, label = "index.ts"): string[] {
  const out = ts.transpileModule(code, { fileName: "index.ts", reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  return (out.diagnostics ?? []).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${label}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
