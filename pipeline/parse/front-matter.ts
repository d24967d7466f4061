// A Markdown essay's YAML front matter, read into file.data.matter and checked: keys it does not know warn with a
// did-you-mean, an impossible `date:` is an error at its line, `lang:` must be a language tag.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { didYouMean } from '../core/did-you-mean.ts';
import { matterSettingKeys } from '../core/settings.ts';
import { yamlWarnings } from '../core/yaml-warnings.ts';
import { firstDate } from '../dates/timex/index.ts';

const ESSAY_KEYS = ['title', 'subtitle', 'date', 'lang', 'bibliography', 'csl', 'number-sections'] as const;
/** Keys other tools write into front matter, known to be harmless here. */
const FOREIGN_KEYS = [
  'tags',
  'keywords',
  'description',
  'abstract',
  'summary',
  'categories',
  'draft',
  'slug',
  'layout',
  'id',
  // Pandoc's and Quarto's, which say how their own tools print.
  'format',
  'toc',
  'link-citations',
  'crossref',
  'editor',
];
const KNOWN = [...ESSAY_KEYS, ...matterSettingKeys];

export default function frontMatter() {
  return (tree: Root, file: VFile) => {
    const node = tree.children[0];
    if (node?.type !== 'yaml') return;
    // The line of a top-level key in the file (the front matter's first line is the "---" fence).
    const lineOf = (key: string) => {
      const index = node.value.split(/\r?\n/).findIndex((line) => line.startsWith(`${key}:`));
      return (node.position?.start.line ?? 1) + 1 + Math.max(index, 0);
    };
    const at = (key: string) => ({ line: lineOf(key), column: 1 });
    let matter: Record<string, unknown>;
    try {
      // YAML's own warnings (an unknown tag) become the essay's, with their line, instead of a stack on stderr.
      const parsed: unknown = parseYaml(node.value, { schema: 'core', logLevel: 'error', prettyErrors: false }) ?? {};
      for (const warning of yamlWarnings(node.value)) {
        file.message(`Front matter: ${warning.message}`, {
          place: { line: (node.position?.start.line ?? 1) + warning.line, column: warning.column },
          ruleId: 'front-matter',
          source: 'briefing',
        });
      }
      if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('front matter is not a mapping');
      matter = parsed as Record<string, unknown>;
    } catch (error) {
      file.fail(`Invalid front matter: ${(error as Error).message.split('\n')[0]}`, {
        place: node.position,
        ruleId: 'front-matter',
        source: 'briefing',
      });
    }
    for (const key of Object.keys(matter)) {
      if ((KNOWN as readonly string[]).includes(key) || FOREIGN_KEYS.includes(key)) continue;
      const near = didYouMean(key, KNOWN);
      file.message(`Front matter: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}; it is ignored`, {
        place: at(key),
        ruleId: 'front-matter',
        source: 'briefing',
      });
    }
    if (matter.date !== undefined && matter.date !== null && !validDate(matter.date)) {
      file.fail(`Front matter: date: ${JSON.stringify(String(matter.date))} is not a date (write it as 2006-05-25)`, {
        place: at('date'),
        ruleId: 'front-matter',
        source: 'briefing',
      });
    }
    if (matter.lang !== undefined && !validLanguage(matter.lang)) {
      file.message(
        `Front matter: lang: ${JSON.stringify(String(matter.lang))} is not a language tag (such as en, fr or en-GB); English is assumed`,
        { place: at('lang'), ruleId: 'front-matter', source: 'briefing' },
      );
      delete matter.lang;
    }
    file.data.matter = matter;
    tree.children.shift();
  };
}

/** An ISO day that exists (2006-02-30 does not), or words a reader takes for a date ("25 May 2006"). */
function validDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (iso) {
    const day = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    return day.getUTCMonth() === Number(iso[2]) - 1 && day.getUTCDate() === Number(iso[3]);
  }
  return firstDate(value) !== null;
}

function validLanguage(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[a-z]{2,3}(?:-[a-z\d]{2,8})*$/i.test(value.trim())) return false;
  try {
    return Intl.getCanonicalLocales(value.trim()).length === 1;
  } catch {
    return false;
  }
}
