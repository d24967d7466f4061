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

interface Op {
  name: string;
  operands: string[];
  source: string;
}

// One token of a content stream: space, a comment, a name, a dictionary bracket, a hex string, an array bracket, a
// number, an operator, or the start of a literal string (read on by hand: it may nest and escape parentheses).
const TOKEN = /\s+|%[^\n]*|\/[^\s/<>[\]()%{}]*|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|[-+.\d]+|([A-Za-z'"*]+)|\(/y;

/** A content stream as operators with their operands and source text; null when it is not one this reader knows. */
export function operators(content: string): Op[] | null {
  const ops: Op[] = [];
  let operands: string[] = [];
  let opStart = -1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < content.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(content);
    if (!m) return null;
    const token = m[0];
    if (token[0] === '%' || /^\s/.test(token)) continue;
    if (opStart < 0) opStart = at;
    if (token === '(') {
      let depth = 1;
      let j = TOKEN.lastIndex;
      for (; j < content.length && depth > 0; j++) {
        const c = content[j];
        if (c === '\\') j++;
        else if (c === '(') depth++;
        else if (c === ')') depth--;
      }
      TOKEN.lastIndex = j;
      operands.push(content.slice(at, j));
    } else if (m[1] !== undefined) {
      if (token === 'BI') return null; // inline images hold binary data
      ops.push({ name: token, operands, source: content.slice(opStart, TOKEN.lastIndex) });
      operands = [];
      opStart = -1;
    } else operands.push(token);
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
  const out: string[] = [];
  let depth = 0;
  let run: Op[] = [];
  const flush = () => {
    if (run.some((op) => PAINTS.has(op.name))) out.push('/Artifact BMC', ...run.map((op) => op.source), 'EMC');
    else out.push(...run.map((op) => op.source));
    run = [];
  };
  for (const op of ops) {
    if (depth > 0) {
      out.push(op.source);
      if (op.name === 'BDC' || op.name === 'BMC') depth++;
      else if (op.name === 'EMC') depth--;
      continue;
    }
    if (op.name === 'BDC' || op.name === 'BMC') {
      flush();
      out.push(op.source);
      depth++;
    } else if (NESTS.has(op.name) || op.name === 'EMC' || (op.name === 'Do' && tagged.has(op.operands[0] ?? ''))) {
      flush();
      out.push(op.source);
    } else run.push(op);
  }
  flush();
  return `${out.join('\n')}\n`;
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
