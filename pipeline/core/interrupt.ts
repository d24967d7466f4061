// What must happen if the build is interrupted (Ctrl-C, a kill): each part registers its own clean-up, which runs
// synchronously before the process exits.
const cleanups = new Set<() => void>();

/** Register a clean-up; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function exitCleanlyOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const cleanup of [...cleanups]) {
        try {
          cleanup();
        } catch {
          /* keep cleaning */
        }
      }
      process.stderr.write(`briefing: interrupted (${signal}); the output folder holds only complete files\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}
