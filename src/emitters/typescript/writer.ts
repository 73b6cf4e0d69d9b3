import { append } from "../../model/append.js";

/** An indentation-aware line writer; sections are separate writers appended in order. */
export class Writer {
  private readonly out: string[] = [];

  line(text: string): void {
    this.out.push(text);
  }

  /** Adds one or more lines given as a block of text. */
  lines(text: string): void {
    for (const l of text.split("\n")) this.out.push(l);
  }

  /** A blank line, never two in a row and never at the start. */
  blank(): void {
    if (this.out.length && this.out[this.out.length - 1] !== "") this.out.push("");
  }

  append(other: Writer): void {
    append(this.out, other.out);
  }

  isEmpty(): boolean {
    return this.out.length === 0;
  }

  text(): string {
    const lines = [...this.out];
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    return lines.join("\n") + "\n";
  }
}
