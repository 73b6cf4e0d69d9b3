/** A line writer; sections are separate writers, the text of one followed by another's ({@link Writer.textWith}). */
export class Writer {
  private readonly out: string[] = [];

  line(text: string): void {
    this.out.push(text);
  }

  /** Adds one or more lines given as a block of text. */
  lines(text: string): void {
    if (!text.includes("\n")) this.out.push(text);
    else for (const l of text.split("\n")) this.out.push(l);
  }

  /** A blank line, never two in a row and never at the start. */
  blank(): void {
    if (this.out.length && this.out[this.out.length - 1] !== "") this.out.push("");
  }

  isEmpty(): boolean {
    return this.out.length === 0;
  }

  text(): string {
    let end = this.out.length;
    while (end > 0 && this.out[end - 1] === "") end--;
    return (end === this.out.length ? this.out : this.out.slice(0, end)).join("\n") + "\n";
  }

  /**
   * The text of this writer's lines followed by another writer's, given as its `text()` (so that
   * its lines, most of a program, are not joined a second time): trailing blank lines dropped,
   * as `text()` drops them. A writer with no line but blank ones has the text "\n".
   */
  textWith(bodyText: string): string {
    if (bodyText === "\n") return this.text();
    return this.out.length ? this.out.join("\n") + "\n" + bodyText : bodyText;
  }
}
