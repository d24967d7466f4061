// What a build shows while it runs and when it ends: a live line on a terminal, plain stable lines in CI logs, one
// JSON object a line with --json, nothing but errors with --quiet. Warnings go to stderr in the vfile reporter's
// file:line:column format (in JSON mode, as objects).
import type { BuildEvent, EssayResult } from './request.ts';

export type OutputMode = 'terminal' | 'plain' | 'json' | 'quiet';

/**
 * Whether to colour what goes to `stream`: FORCE_COLOR (not 0) says yes, NO_COLOR (any value, no-color.org) says no,
 * otherwise a terminal gets colour and a file or a pipe does not.
 */
export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export class Progress {
  private total = 0;
  private done = 0;
  private made = 0;
  private skipped = 0;
  private failed = 0;
  private warnings = 0;
  private notes = 0;
  private live = false;

  constructor(
    private readonly mode: OutputMode,
    private readonly verbose = false,
    private readonly out = process.stdout,
    private readonly err = process.stderr,
  ) {}

  event(event: BuildEvent): void {
    if (event.type === 'plan') {
      this.total = event.essays;
      this.emit({ event: 'plan', essays: event.essays, stale: event.stale });
    } else if (event.type === 'essay') {
      this.emit({ event: 'start', essay: event.slug, products: event.products });
      this.status(`[${this.done + 1}/${this.total}] ${event.slug}: making ${event.products.join(', ')}\u2026`);
    } else {
      this.emit({ event: 'product', essay: event.slug, product: event.product, seconds: round(event.ms / 1000) });
      if (this.verbose && this.mode !== 'json')
        this.line(`  ${event.slug}: ${event.product} in ${(event.ms / 1000).toFixed(2)} s`);
    }
  }

  async result(result: EssayResult): Promise<void> {
    this.done++;
    this.made += result.built.length;
    this.skipped += result.skipped.length;
    const messages = result.file?.messages ?? [];
    this.warnings += messages.filter((m) => m.fatal === false).length; // notes ("info") are not warnings
    if (this.mode === 'json') {
      for (const m of messages)
        this.emit({
          event: m.fatal === false ? 'warning' : 'info',
          file: result.source,
          line: m.line ?? null,
          column: m.column ?? null,
          rule: m.ruleId ?? null,
          message: m.reason,
        });
    } else if (this.mode !== 'quiet') {
      // Notes ("events out of order", "told before") are for --verbose; by default they are only counted.
      const shown = this.verbose ? messages : messages.filter((m) => m.fatal === false);
      this.notes += messages.length - shown.length;
      if (shown.length) {
        // The reporter is loaded only when there is something to report: a no-change build never needs it.
        const [{ reporter }, { VFile }] = await Promise.all([import('vfile-reporter'), import('vfile')]);
        const file = Object.assign(new VFile({ path: result.file!.path }), { messages: shown });
        this.clear();
        this.err.write(`${reporter([file], { quiet: true, color: useColour(this.err as NodeJS.WriteStream) })}\n`);
      }
    }
    if (result.error) {
      this.failed++;
      if (this.mode === 'json') this.emit({ event: 'error', file: result.source, message: result.error });
      else {
        this.clear();
        this.err.write(`briefing: ${result.source}: ${result.error}\n`);
      }
      return;
    }
    this.emit({ event: 'done', essay: result.slug, built: result.built, skipped: result.skipped });
    const text = result.built.length
      ? `built ${result.slug}: ${result.built.join(', ')}${result.skipped.length ? ` (up to date: ${result.skipped.join(', ')})` : ''}`
      : `up to date ${result.slug}`;
    if (this.mode === 'plain' || (this.mode === 'terminal' && (this.verbose || result.built.length))) this.line(text);
  }

  summary(seconds: number, outDir: string): void {
    const text =
      `${this.total - this.failed} of ${this.total} essays built into ${outDir.endsWith('/') ? outDir : `${outDir}/`}: ${this.made} products made, ${this.skipped} up to date` +
      `${this.warnings ? `, ${this.warnings} warning${this.warnings === 1 ? '' : 's'}` : ''}` +
      `${this.notes ? `, ${this.notes} note${this.notes === 1 ? '' : 's'} (--verbose)` : ''}, in ${seconds.toFixed(1)} s`;
    this.emit({
      event: 'summary',
      essays: this.total,
      failed: this.failed,
      made: this.made,
      upToDate: this.skipped,
      warnings: this.warnings,
      seconds: round(seconds),
    });
    if (this.mode === 'terminal' || this.mode === 'plain') this.line(text);
  }

  private emit(object: Record<string, unknown>): void {
    if (this.mode === 'json') this.out.write(`${JSON.stringify(object)}\n`);
  }

  private line(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  /** The live line, on a terminal only: rewritten in place, cleared before anything else is printed. */
  private status(text: string): void {
    if (this.mode !== 'terminal') return;
    const width = (this.out as NodeJS.WriteStream).columns ?? 100;
    this.out.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
    this.live = true;
  }

  private clear(): void {
    if (this.live) this.out.write('\r\x1b[2K');
    this.live = false;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
