// Between the essays of a batch, collect the garbage V8 would otherwise let grow to ~150 MB before collecting it
// itself: a 20-essay batch kept Node at ~180 MB instead of ~250 MB (PSS), with two or three full collections of
// ~50 ms. The collector is reached as `--expose-gc` allows, set at run time: no flag for the user to pass. Only the
// CLI asks for it (BuildRequest.trimHeap): a program that builds through the API keeps its own collector's schedule.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collect when the heap holds more than this: the language model and the build's own data come to ~55 MB. */
const LIMIT = 80 * 1024 * 1024;

let collect: (() => void) | null | undefined;

export function trimHeap(): void {
  if (getHeapStatistics().used_heap_size < LIMIT) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null; // a runtime without it: V8 collects on its own schedule
    }
  }
  collect?.();
}
