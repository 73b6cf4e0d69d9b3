/**
 * Appends every element of `from` to `into`, in order. `into.push(...from)` passes each element
 * as an argument, which overflows the stack past about a hundred thousand (a program's lines, a
 * large file's items or diagnostics).
 */
export function append<T>(into: T[], from: Iterable<T>): void {
  for (const x of from) into.push(x);
}
