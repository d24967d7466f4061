// What must happen if the build is interrupted (Ctrl-C, a kill): each part registers its own clean-up, which runs
// synchronously before the process exits.
const cleanups = new Set<() => void>();

/** Register a clean-up; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: (typeof SIGNALS)[number]): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      /* keep cleaning */
    }
  }
  process.stderr.write(`briefing: interrupted (${signal}); the output folder holds only complete files\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Run a command so that Ctrl-C or a kill runs every clean-up, then exits 130 or 143. The handlers are taken off when
 * it ends: a program that runs the command in its own process gets its signals back.
 */
export async function whileCleaningUpOnSignals<T>(run: () => Promise<T>): Promise<T> {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    return await run();
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}
