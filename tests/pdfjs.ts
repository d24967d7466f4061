// pdf.js for the tests that read PDFs back (pdf.ts, pixels.ts), without the polyfill it brings.
//
// pdf.js's legacy build (its main module and its worker, which runs in this thread) gives every module of the process a
// JavaScript Uint8Array.fromBase64 (core-js), and Puppeteer decodes every PDF and screenshot through it when it exists:
// ~1.5 CPU-s per test worker, against Node's own decoder, which Puppeteer uses without it. So the worker is loaded now,
// not at the first document, and the polyfill taken out after both; pdf.js itself needs it only to edit signatures.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // a module without types
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(worker);
delete (Uint8Array as { fromBase64?: unknown }).fromBase64;

export { getDocument, OPS };
