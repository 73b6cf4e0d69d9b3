/**
 * What a file's text says about its bytes, before any parser sees it: NUL characters mean a
 * binary file or text saved as UTF-16 (one error, instead of one syntax error for each byte);
 * U+FFFD (�), what reading decodes a byte that is not UTF-8 into, means the file was saved in
 * another encoding (Latin-1, Windows-1252) and the program would carry � where those characters
 * were (a warning at the first one; a file that holds the character � itself is warned about too).
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import { lineColumnAt } from "../model/location.js";

export function textProblems(file: string, text: string): Diagnostic[] {
  const nul = text.indexOf("\0");
  if (nul >= 0) return [diagnostic("PG1005", "error", "not a text file: it holds NUL bytes (a binary file, or text saved as UTF-16; save it as UTF-8); nothing of it is converted", { file, ...lineColumnAt(text, nul) })];
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    const count = text.split("\uFFFD").length - 1;
    return [diagnostic("PG1005", "warning", `${count === 1 ? "a byte" : `${count} bytes`} that ${count === 1 ? "is" : "are"} not UTF-8, read as U+FFFD (�), which the program now carries: save the file as UTF-8 and convert it again`, { file, ...lineColumnAt(text, bad) })];
  }
  return [];
}
