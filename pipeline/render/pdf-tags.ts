// What Chromium's tagged PDFs lack for PDF/UA, made good on the printed file: content it draws outside the structure
// (the running header, "Page X of Y", the marking, paragraph numbers, rules and backgrounds) marked as artifacts, so
// an assistive tool meets no untagged text; and a figure that only wraps another figure (the <figure> around an image
// or a drawing that carries the alternative text) turned into a group, so every Figure a reader meets has its /Alt.
import { deflateSync, inflateSync } from 'node:zlib';

/** A PDF read as Latin-1 text (one character per byte), with its objects found by number. */
export class PdfObjects {
  readonly text: string;
  /** Where each object's latest version starts ("N 0 obj"), found in one pass. */
  private readonly starts = new Map<number, number>();
  private readonly streams = new Map<number, string | null>();
  constructor(readonly bytes: Buffer) {
    this.text = bytes.toString('latin1');
    for (const m of this.text.matchAll(/(?:^|\n)(\d+) 0 obj\b/g))
      this.starts.set(Number(m[1]), m.index + (m[0][0] === '\n' ? 1 : 0));
  }

  /** The latest version of object `num`: its text from "N 0 obj" to "endobj", or null. */
  body(num: number): string | null {
    const start = this.starts.get(num);
    if (start === undefined) return null;
    const end = this.text.indexOf('endobj', start);
    return end < 0 ? null : this.text.slice(start, end);
  }

  /** The decoded data of stream object `num` (Flate or none), or null when it is another kind of stream. */
  stream(num: number): string | null {
    if (!this.streams.has(num)) this.streams.set(num, this.decode(num));
    return this.streams.get(num)!;
  }

  private decode(num: number): string | null {
    const start = this.starts.get(num);
    if (start === undefined) return null;
    const at = this.text.indexOf('stream', start);
    const head = this.text.slice(start, at);
    if (/\/Filter\s*(?!\/FlateDecode\b)\//.test(head) || /\/DecodeParms/.test(head)) return null;
    const from = at + 'stream'.length + (this.text[at + 6] === '\r' ? 2 : 1);
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(head)?.[1];
    const to = length ? from + Number(length) : this.text.indexOf('endstream', from);
    const raw = this.bytes.subarray(from, to);
    try {
      return (/\/FlateDecode/.test(head) ? inflateSync(raw) : raw).toString('latin1');
    } catch {
      return null;
    }
  }

  /** The numbers of every object whose dictionary holds `marker` and matches `pattern`. */
  find(marker: string, pattern: RegExp = /(?:)/): number[] {
    const found: number[] = [];
    for (const num of this.starts.keys()) {
      const start = this.starts.get(num)!;
      const head = this.text.slice(start, Math.min(this.text.indexOf('endobj', start), start + 2000));
      if (head.includes(marker) && pattern.test(head)) found.push(num);
    }
    return found;
  }
}

/** A stream object's new text: the data compressed, its dictionary saying so. */
export const streamObject = (data: string, dictionary = '') => {
  const packed = deflateSync(Buffer.from(data, 'latin1'));
  return Buffer.concat([
    Buffer.from(`<<${dictionary}/Filter /FlateDecode\n/Length ${packed.length}>> stream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream', 'latin1'),
  ]);
};

/** An operator of a content stream: its name, where its source (operands and all) starts and ends, and for Do the
 * XObject it draws. */
interface Op {
  name: string;
  start: number;
  end: number;
  drawn: string;
}

// A content stream is read a character at a time through a table of character classes (a regular expression per
// token, or a Set per character, cost a printed briefing tens of milliseconds): space and comments are skipped;
// names, dictionary and array brackets, hex strings and numbers are operands; a run of letters is an operator; a
// literal string is read to its closing parenthesis (it may nest and escape them). The text is Latin-1: every code
// is below 256.
const SPACE = 1;
const DELIMITER = 2;
const DIGIT = 4; // 0-9 + - .
const LETTER = 8; // A-Z a-z ' " *
const HEX = 16; // 0-9 A-F a-f and space
const CLASS = new Uint8Array(256);
const mark = (chars: string, kind: number) => {
  for (const c of chars) CLASS[c.charCodeAt(0)]! |= kind;
};
mark('\u0000\t\n\u000b\f\r \u00a0', SPACE | HEX);
mark('/<>[]()%{}', DELIMITER);
mark('0123456789', DIGIT | HEX);
mark('+-.', DIGIT);
mark('ABCDEFabcdef', HEX);
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\'"*', LETTER);
const is = (content: string, i: number, kind: number) => (CLASS[content.charCodeAt(i)]! & kind) !== 0;

/** Where the token that starts at `i` ends; -1 when it is none this reader knows. */
function tokenEnd(content: string, i: number): number {
  const c = content.charCodeAt(i);
  const n = content.length;
  let j = i + 1;
  if (c === 0x2f) {
    // a name: up to a space or a delimiter
    while (j < n && !is(content, j, SPACE | DELIMITER)) j++;
  } else if (c === 0x3c || c === 0x3e) {
    // << and >>, or a hex string <...>
    if (content.charCodeAt(j) === c) return j + 1;
    if (c === 0x3e) return -1;
    while (j < n && is(content, j, HEX)) j++;
    return content.charCodeAt(j) === 0x3e ? j + 1 : -1;
  } else if (c === 0x5b || c === 0x5d) return j;
  else if (is(content, i, DIGIT)) while (j < n && is(content, j, DIGIT)) j++;
  else if (is(content, i, LETTER)) while (j < n && is(content, j, LETTER)) j++;
  else if (c === 0x28) {
    for (let depth = 1; j < n && depth > 0; j++) {
      const d = content.charCodeAt(j);
      if (d === 0x5c) j++;
      else if (d === 0x28) depth++;
      else if (d === 0x29) depth--;
    }
  } else return -1;
  return j;
}

/** A content stream's operators, each with the extent of its source; null when it is not one this reader knows. */
function operators(content: string): Op[] | null {
  const ops: Op[] = [];
  let opStart = -1;
  let first = -1; // where the first operand ends, for Do's name
  for (let i = 0; i < content.length; ) {
    const c = content.charCodeAt(i);
    if (CLASS[c]! & SPACE) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // a comment, to the end of its line
      const eol = content.indexOf('\n', i);
      i = eol < 0 ? content.length : eol;
      continue;
    }
    const end = tokenEnd(content, i);
    if (end < 0) return null;
    if (opStart < 0) {
      opStart = i;
      first = end;
    }
    if (CLASS[c]! & LETTER) {
      const name = content.slice(i, end);
      if (name === 'BI') return null; // inline images hold binary data
      ops.push({ name, start: opStart, end, drawn: name === 'Do' && first < i ? content.slice(opStart, first) : '' });
      opStart = -1;
    }
    i = end;
  }
  return ops;
}

const PAINTS = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's']);
const NESTS = new Set(['BT', 'ET', 'q', 'Q']);

/**
 * The page's content with everything drawn outside marked content wrapped as /Artifact; runs never cross a text
 * object or a saved graphics state, so nesting stays valid. `tagged` names form XObjects that hold tagged content
 * of their own: drawing one is never an artifact. Null when the stream cannot be read (it is then left alone).
 */
export function markArtifacts(content: string, tagged: ReadonlySet<string> = new Set()): string | null {
  const ops = operators(content);
  if (!ops) return null;
  // The stream as it is, with "/Artifact BMC" before each run of painting operators outside marked content and
  // "EMC" after it: only the places where those go are gathered, and the text is cut there once.
  const wraps: [start: number, end: number][] = [];
  let depth = 0;
  let run: { start: number; end: number; paints: boolean } | null = null;
  const flush = () => {
    if (run?.paints) wraps.push([run.start, run.end]);
    run = null;
  };
  for (const op of ops) {
    if (depth > 0) {
      if (op.name === 'BDC' || op.name === 'BMC') depth++;
      else if (op.name === 'EMC') depth--;
    } else if (op.name === 'BDC' || op.name === 'BMC') {
      flush();
      depth++;
    } else if (NESTS.has(op.name) || op.name === 'EMC' || (op.name === 'Do' && tagged.has(op.drawn))) flush();
    else {
      run ??= { start: op.start, end: op.end, paints: false };
      run.end = op.end;
      run.paints ||= PAINTS.has(op.name);
    }
  }
  flush();
  let out = '';
  let at = 0;
  for (const [start, end] of wraps) {
    out += `${content.slice(at, start)}/Artifact BMC\n${content.slice(start, end)}\nEMC`;
    at = end;
  }
  out += content.slice(at);
  return out.endsWith('\n') ? out : `${out}\n`;
}

// Structure types of PDF 2.0 that Chromium writes and PDF 1.7 (hence PDF/UA-1) lacks, with the 1.7 type each plays.
const PDF17_ROLES: Record<string, string> = {
  Aside: 'Div',
  Em: 'Span',
  Strong: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
};

/**
 * New versions of objects: the page contents with artifacts marked, the figures that only wrap a figure, and a role
 * map for the structure types of PDF 2.0.
 */
export function accessibilityFixes(pdf: PdfObjects): Map<number, Buffer> {
  const fixed = new Map<number, Buffer>();
  for (const page of pdf.find('/Page', /\/Type\s*\/Page\b(?!s)/)) {
    const body = pdf.body(page)!;
    const contents = /\/Contents\s+(\d+) 0 R/.exec(body)?.[1];
    if (!contents) continue; // an array of streams: Chromium writes one
    // Form XObjects that carry tagged content of their own (a drawing inside a Figure).
    const tagged = new Set<string>();
    const xobjects = /\/XObject\s*<<([^>]*)>>/.exec(body)?.[1] ?? '';
    for (const [, name, num] of xobjects.matchAll(/\/(\S+)\s+(\d+) 0 R/g))
      if (pdf.stream(Number(num))?.includes('/MCID')) tagged.add(`/${name}`);
    const content = pdf.stream(Number(contents));
    const marked = content === null ? null : markArtifacts(content, tagged);
    if (marked !== null) fixed.set(Number(contents), streamObject(marked));
  }
  for (const figure of pdf.find('/Figure', /\/Type\s*\/StructElem\b/)) {
    const body = pdf.body(figure)!;
    if (/\/Alt\s*[(<]|\/ActualText/.test(body)) continue;
    const kids = [...(/\/K\s*(\[[^\]]*\]|\d+ 0 R)/.exec(body)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) =>
      Number(m[1]),
    );
    const holdsAFigure = kids.some((kid) => {
      const k = pdf.body(kid) ?? '';
      return /\/S\s*\/Figure\b/.test(k) && /\/Alt\s*[(<]/.test(k);
    });
    if (holdsAFigure) {
      const dict = body.slice(body.indexOf('<<'), body.lastIndexOf('>>') + 2).replace(/\/S\s*\/Figure\b/, '/S /Div');
      fixed.set(figure, Buffer.from(dict, 'latin1'));
    }
  }
  const root = pdf.find('/StructTreeRoot', /\/Type\s*\/StructTreeRoot\b/)[0];
  const used = new Set([...pdf.text.matchAll(/\/Type\s*\/StructElem\s*\/S\s*\/(\w+)/g)].map((m) => m[1]!));
  const map = [...used].filter((role) => PDF17_ROLES[role]).map((role) => `/${role} /${PDF17_ROLES[role]}`);
  const rootBody = root === undefined ? null : pdf.body(root);
  if (rootBody && map.length && !/\/RoleMap/.test(rootBody)) {
    const dict = rootBody.slice(rootBody.indexOf('<<'), rootBody.lastIndexOf('>>'));
    fixed.set(root!, Buffer.from(`${dict}\n/RoleMap <<${map.join(' ')}>>>>`, 'latin1'));
  }
  return fixed;
}
