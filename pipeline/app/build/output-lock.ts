// One build at a time per output folder: a lock file holding the builder's pid and when that process started. A
// lock whose process is gone, or whose pid now belongs to another process (pids are reused), is stale and taken
// over. Staging folders a killed build left behind are swept once the lock is held, and again if this build is
// interrupted. Not proper-lockfile: it calls a lock stale when a timer has not refreshed it for 10 s, and a build of
// 5,000 paragraphs holds the event loop 11-12 s (bench/stall.ts), so a second build would take a live build's lock.
// Where /proc does not say when a process started (macOS, Windows), a live pid is taken to be the builder.
import { readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../../core/errors.ts';
import { onInterrupt } from '../../core/interrupt.ts';

export class LockedError extends BriefingError {
  constructor(message: string) {
    super('locked', message);
  }
}

const LOCK = '.briefing.lock';
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started, in clock ticks since boot (Linux); null where /proc does not say. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export function lockOutput(outDir: string): () => void {
  const file = path.join(outDir, LOCK);
  // Two builds of one process (two build() calls of the API) exclude each other as two processes do.
  if (held.has(file))
    throw new LockedError(`${outDir} is being built by another build of this process; wait for it to finish`);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid} ${startTime(process.pid) ?? ''}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      let holder: string;
      try {
        holder = readFileSync(file, 'utf8');
      } catch {
        continue; // released between the two calls: try again
      }
      const [pidText, started] = holder.trim().split(/\s+/);
      const pid = Number(pidText);
      const same = !started || !startTime(pid) || startTime(pid) === started; // the pid is still the builder's
      if (pid && pid !== process.pid && alive(pid) && same) {
        throw new LockedError(
          `${outDir} is being built by another process (pid ${pid}); wait for it to finish, or delete ${file} if it is gone`,
        );
      }
      try {
        unlinkSync(file); // stale: its builder is gone
      } catch {
        /* another build took it over first: the next attempt sees its lock */
      }
    }
  }
  held.add(file);
  sweep(outDir);
  const forget = onInterrupt(() => {
    sweep(outDir);
    release(file);
  });
  return () => {
    forget();
    release(file);
  };
}

/** Remove staging folders: safe while the lock is held, because they can only be ours or a dead build's. */
function sweep(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (/^\..+\.partial-/.test(name)) rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

function release(file: string): void {
  if (!held.delete(file)) return;
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}
