// Preloaded into each whole process the bench times (through NODE_OPTIONS, which leaves
// process.execArgv, and so the code cache's keys, as in a normal run): its peak resident memory
// in KB, written to file descriptor 3 as it exits. Nothing is written where fd 3 is not open.
process.on("exit", () => {
  try {
    require("node:fs").writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // Not run by the bench.
  }
});
