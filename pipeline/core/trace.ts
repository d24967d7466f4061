// Where a build's time goes, as users run it: with BRIEFING_TRACE=1 every step of note writes one line to stderr, the
// milliseconds since the process started and what happened (npm run profile reads them). Off, it costs one check.

const tracing = !!process.env.BRIEFING_TRACE;

/** Notes a step of the build (a no-op unless BRIEFING_TRACE is set). */
export function trace(what: string): void {
  if (tracing) process.stderr.write(`trace ${performance.now().toFixed(0)} ${what}\n`);
}
