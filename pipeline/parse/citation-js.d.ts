// The part of citation-js (which ships no types) that citations.ts uses.
declare module '@citation-js/core' {
  interface Register<T> {
    has(name: string): boolean;
    get(name: string): T;
    add(name: string, value: T): void;
    list(): string[];
  }
  interface CitationEngine {
    rebuildProcessorState(citations: object[], format: string, uncited: string[]): [string, number, string][];
    makeBibliography(): [{ entry_ids: string[][] }, string[]];
  }
  export const plugins: {
    input: { chain(input: unknown, options: { forceType?: string; generateGraph?: boolean }): unknown[] };
    config: {
      get(name: '@csl'): {
        engine(data: object[], style: string, locale: string, format: string): CitationEngine;
        templates: Register<string>;
        locales: Register<string>;
      };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
