/**
 * Prettier, loaded once per process on first use (its import and its plugins cost over 100 ms),
 * or early, in the background, by a caller that knows formatting is coming.
 */
let loaded: Promise<typeof import("prettier")> | undefined;

export function prettierModule(): Promise<typeof import("prettier")> {
  loaded ??= import("prettier");
  return loaded;
}

/** Starts loading prettier and the plugins that format TypeScript, without waiting for them. */
export function startFormatter(): void {
  prettierModule()
    .then((p) => p.format(";", { parser: "babel-ts" }))
    .catch(() => undefined);
}
