// The unified transformer that reads an mdast tree (from either parser) into an Essay on file.data.essay:
// title, compile date, sections, and numbered paragraphs with their sentences and source offsets.
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { firstDate } from '../extract/timex.ts';
import type { Essay, Paragraph, Run, Section, Segment } from '../model.ts';
import { dateLineOf, datelineOf, titleDateOf } from './dateline.ts';
import { splitSentences } from './sentences.ts';
import { toSource } from './source-map.ts';

interface Draft {
  kind: Paragraph['kind'];
  runs: Run[];
  segments: Segment[];
  offset: [number, number];
  section: number;
}

/** "Brief essay was compiled on May 25, 2006.": a short closing (or opening) line that dates the essay itself. */
const COLOPHON = /\b(?:compiled|written|prepared|updated|revised|completed|finished|published|dated|current|delivered|given|filed|issued|posted)\b[^.]{0,60}\b(?:on|in|as of|at)\b/i;

export default function essay() {
  return (tree: Root, file: VFile) => {
    const matter = (file.data.matter ?? {}) as Record<string, unknown>;
    const sections: Section[] = [{ id: 's0', title: null, depth: 1, paragraphs: [], heading: null }];
    const drafts: Draft[] = [];
    let title = typeof matter.title === 'string' ? matter.title.trim() : '';

    const add = (kind: Draft['kind'], nodes: PhrasingContent[] | Nodes[], position = (nodes[0] as Nodes | undefined)?.position) => {
      const runs: Run[] = [];
      const segments: Segment[] = [];
      collectRuns(nodes as Nodes[], {}, runs, segments, { length: 0 });
      if (!runs.some((r) => r.text.trim()) || !position) return;
      // A pipe table the parser left as text ("| Country | Joined |" over "|---|---|") is data, not prose.
      if (/^\s*\|.*\|\s*$/m.test(runsText(runs)) && /\|\s*:?-{3,}/.test(runsText(runs))) kind = 'table';
      drafts.push({ kind, runs, segments, offset: [position.start.offset ?? 0, position.end.offset ?? 0], section: sections.length - 1 });
    };

    const visit = (node: RootContent, kind: Draft['kind']) => {
      switch (node.type) {
        case 'heading':
          if (node.depth === 1 && drafts.length === 0 && sections.length === 1 && (!title || title === toString(node).trim())) {
            title = toString(node).trim();
          } else {
            const runs: Run[] = [];
            const segments: Segment[] = [];
            collectRuns(node.children, {}, runs, segments, { length: 0 });
            const text = runsText(runs);
            sections.push({ id: `s${sections.length}`, title: text.trim(), depth: node.depth, paragraphs: [], heading: { text, segments } });
          }
          return;
        case 'paragraph':
          return add(kind, node.children, node.position);
        case 'blockquote':
          return node.children.forEach((child) => visit(child, 'quote'));
        case 'list':
          return node.children.forEach((item) => item.children.forEach((child) => visit(child, 'item')));
        case 'code':
        case 'html':
          // Markup and code in an essay are shown as the characters written, never interpreted.
          return add(kind, [{ type: 'text', value: node.value, position: node.position }], node.position);
        case 'table':
          return node.children.forEach((row) => add('table', [{ type: 'text', value: row.children.map((c) => toString(c)).join(' | '), position: row.position }], row.position));
        default:
          return;
      }
    };
    tree.children.forEach((node) => visit(node, 'text'));

    // The essay's own statement of its date comes first; front matter `date:` when it makes none.
    let compiled: string | null = null;
    let colophon: string | null = null;
    for (const index of [drafts.length - 1, 0]) {
      const draft = drafts[index];
      const text = draft ? runsText(draft.runs) : '';
      if (!draft || text.length > 200 || !COLOPHON.test(text)) continue;
      const date = firstDate(text);
      if (!date) continue;
      compiled = date.start;
      colophon = text.trim();
      drafts.splice(index, 1);
      break;
    }
    let compiledBy: Essay['dateSource'] = compiled ? 'colophon' : null;
    if (!compiled && (compiled = isoFromMatter(matter.date))) compiledBy = 'front matter';
    // The story's own date, which its "yesterday" counts from, comes before the date the brief was compiled.
    let dated: string | null = null;
    let dateSource: Essay['dateSource'] = null;
    // A line that is only a date, first or last ("Friday, January 4, 2019"): the text's date, not a paragraph of it.
    for (const index of [0, drafts.length - 1]) {
      const draft = drafts[index];
      const day = draft && dateLineOf(runsText(draft.runs));
      if (!draft || !day) continue;
      [dated, dateSource] = [day, 'date line'];
      colophon ??= runsText(draft.runs).trim();
      drafts.splice(index, 1);
      break;
    }
    // A news dateline opens the first paragraph ("ISTANBUL, 22 July 2022 (Agency) -"); alone, it is no paragraph.
    const lead = drafts[0] && datelineOf(runsText(drafts[0].runs));
    let datelineLength = 0;
    if (lead) {
      if (!dated && lead.date) [dated, dateSource] = [lead.date, 'dateline'];
      if (runsText(drafts[0]!.runs).slice(lead.length).trim()) datelineLength = lead.length;
      else drafts.shift();
    }
    if (!dated && (dated = titleDateOf(title))) dateSource = 'title';
    if (!dated) [dated, dateSource] = [compiled, compiledBy];

    // Drop the untitled opening section when nothing stands before the first heading, and renumber.
    const kept = sections.filter((_, i) => i > 0 || drafts.some((d) => d.section === 0));
    kept.forEach((s, i) => { s.id = `s${i + 1}`; });
    const sectionIndex = (old: number) => kept.indexOf(sections[old]!);
    const paragraphs: Paragraph[] = drafts.map((draft, i) => {
      const text = runsText(draft.runs);
      const n = i + 1;
      sections[draft.section]!.paragraphs.push(n);
      const section = sectionIndex(draft.section);
      const sentences = splitSentences(text).map((s) => ({
        ...s,
        offset: [toSource(draft.segments, s.offset[0]), toSource(draft.segments, s.offset[1])] as [number, number],
      }));
      const dateline = n === 1 && datelineLength ? { dateline: datelineLength } : {};
      return { n, id: `p${n}`, kind: draft.kind, text, runs: draft.runs, offset: draft.offset, sentences, section, segments: draft.segments, ...dateline };
    });

    const result: Essay = {
      slug: String(file.data.slug ?? file.stem ?? 'essay'),
      format: file.extname === '.md' || file.extname === '.markdown' ? 'md' : 'txt',
      title: title || String(file.stem ?? 'Untitled'),
      subtitle: typeof matter.subtitle === 'string' ? matter.subtitle : null,
      author: typeof matter.author === 'string' ? matter.author : null,
      compiled,
      dated,
      dateSource,
      colophon,
      sections: kept,
      paragraphs,
      matter,
      source: String(file.value),
    };
    file.data.essay = result;
  };
}

const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

function isoFromMatter(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return firstDate(value)?.start ?? null;
}

type Marks = Omit<Run, 'text'>;

/** Flatten inline content into runs, recording where each piece of text sits in the source. */
function collectRuns(nodes: Nodes[], marks: Marks, runs: Run[], segments: Segment[], cursor: { length: number }) {
  for (const node of nodes) {
    const literal = node.type === 'text' || node.type === 'inlineCode' || node.type === 'html' ? node.value
      : node.type === 'break' ? ' ' : node.type === 'image' ? (node.alt ?? '') : null;
    if (literal !== null) {
      const text = literal.replace(/\s*[\r\n]\s*/g, (ws) => (ws.length === 1 ? ' ' : ws.replace(/[\r\n]/g, ' ')));
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        segments.push({ text: cursor.length, source: start, length: text.length, exact: end - start === text.length });
      }
      runs.push({ text, ...marks, ...(node.type === 'inlineCode' ? { code: true } : {}) });
      cursor.length += text.length;
    } else if ('children' in node) {
      const next = node.type === 'emphasis' ? { ...marks, emphasis: true } : node.type === 'strong' ? { ...marks, strong: true } : marks;
      collectRuns(node.children as Nodes[], next, runs, segments, cursor);
    }
  }
}
