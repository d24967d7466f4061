// Scripts that run in a product's page, written as typed functions (type-checked and linted as the rest is) and
// handed to the page as the source of a call.

/**
 * A typed function as a script for the page: tsx and Vitest wrap named functions in a helper (`__name`) that exists in
 * Node but not in the page, so the page gets a stand-in.
 */
export const pageScript = <A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string =>
  pageScriptUsing([], fn, ...args);

/** The same, with the functions of this folder it calls declared before it under their own names. */
export const pageScriptUsing = <A extends unknown[]>(
  helpers: ((...args: never[]) => unknown)[],
  fn: (...args: A) => unknown,
  ...args: A
): string =>
  `(() => { const __name = (f) => f; ${helpers.map((helper) => `const ${helper.name} = ${helper};`).join(' ')} return (${fn})(...${JSON.stringify(args)}); })()`;
