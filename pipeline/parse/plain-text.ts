// A unified parser for plain-text essays: prose, not Markdown. Backticks, asterisks, underscores, "#" and "1997." at
// the start of a line stay text. The first line is the title; a short line standing alone between paragraphs is a
// section heading. Offsets into the text are kept exactly, so mentions can point back at the source.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { dateLanguagesFor } from '../dates/timex/index.ts';
import { dateLineOf } from './dateline.ts';
import { detectLanguage } from './language.ts';

/** A block of consecutive non-blank lines. Lines of only whitespace (a no-break space too) separate blocks. */
interface Block {
  start: number;
  end: number;
  lines: number;
}

function blocks(text: string, dropped: string[] = []): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = line.exec(text); m && m[0] !== ''; m = line.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '');
    const leftover = content.trim() !== '' && isWebLeftover(content);
    if (leftover) dropped.push(content.trim());
    const blank = content.trim() === '' || leftover;
    if (blank) {
      current = null;
      continue;
    }
    const lead = content.length - content.trimStart().length;
    const end = m.index + content.trimEnd().length;
    if (current) {
      current.end = end;
      current.lines++;
    } else {
      current = { start: m.index + lead, end, lines: 1 };
      out.push(current);
    }
  }
  return out.flatMap((block) => linesApart(text, block));
}

/** A line that ends a sentence: its last character a full stop, question or exclamation mark (a quote may follow). */
const ENDS_SENTENCE = /[.!?]["'\u201d\u2019)]*$/;

/**
 * A speech or a note typed without blank lines, one paragraph a line: three lines or more, each but the first (a
 * title) ending a sentence, are paragraphs apart. Prose wrapped at a width ends lines mid-sentence, and stays one.
 */
function linesApart(text: string, block: Block): Block[] {
  if (block.lines < 3) return [block];
  const lines: Block[] = [];
  const line = /[^\r\n]+/g;
  const body = text.slice(block.start, block.end);
  for (let m = line.exec(body); m; m = line.exec(body)) {
    const lead = m[0].length - m[0].trimStart().length;
    lines.push({ start: block.start + m.index + lead, end: block.start + m.index + m[0].trimEnd().length, lines: 1 });
  }
  const ended = lines.slice(1).every((l) => ENDS_SENTENCE.test(text.slice(l.start, l.end)));
  return ended ? lines : [block];
}

/**
 * What a copy of a web page brings along: navigation and widget labels on lines of their own ("Accessibility links",
 * "Breaking News", "Skip to content", lone size buttons "XS" / "SM"). Such lines are dropped, never made the title.
 */
const WEB_LEFTOVER =
  /^(?:XXS|XS|SM|MD|LG|XL|XXL|A[-+]|Accessibility links|Skip to (?:main )?(?:content|navigation)|Breaking News|Live|Menu|Search|Sign in|Sign up|Log in|Log out|Subscribe|Advertisement|Advert|Share|Share this|Share this article|Close|Home|More|Next|Previous|Back to top|Print|Email|Follow us|Related|Related (?:articles|topics|stories)|Read more|Most read|Cookies?(?: (?:settings|policy))?|Accept(?: all)?(?: cookies)?|Top stories|Image (?:source|caption),?.*|Copyright.*|\u00a9.*)$/i;

export const isWebLeftover = (line: string) => WEB_LEFTOVER.test(line.trim());

/** The marks that end a press release or a wire story: "###", "# # #", "-30-". */
const END_MARK = /^(?:#{3}|# # #|[-\u2013\u2014] ?30 ?[-\u2013\u2014])$/;

/** Short, unpunctuated, capitalised, and on its own: "Course of the war"; a line that is only a date dates the text. */
function looksLikeHeading(text: string, block: Block, languages: string[]): boolean {
  return (
    block.lines === 1 &&
    text.length <= 80 &&
    /^[\p{Lu}\p{N}]/u.test(text) &&
    !/[.!?:;,"\u201d]$/.test(text) &&
    text.split(/\s+/).length <= 12 &&
    !dateLineOf(text, languages)
  );
}

/** The backtick typed for an apostrophe ("NATO`s") becomes one; the length is unchanged so offsets still hold. */
export const plainProse = (text: string) => text.replace(/(?<=\p{L})`(?=\p{L})/gu, '\u2019').replace(/[\r\n]/g, ' ');

export default function plainText(this: Processor) {
  this.parser = (document: string, file?: VFile): Root => {
    const place = location(file ?? document);
    const position = (start: number, end: number) => ({ start: place.toPoint(start)!, end: place.toPoint(end)! });
    const children: RootContent[] = [];
    const dropped: string[] = [];
    const all = blocks(document, dropped);
    const languages = dateLanguagesFor(detectLanguage(document));
    // "###" or "-30-" on a line of its own ends a press release: what follows (contacts, "About us") is not the story.
    const end = all.findIndex((b, i) => i > 0 && END_MARK.test(document.slice(b.start, b.end)));
    const list = end > 0 ? all.slice(0, end) : all;
    if (end > 0 && end < all.length - 1 && file) {
      file.info(
        `The text ends at \u201c${document.slice(all[end]!.start, all[end]!.end)}\u201d: the lines after it are not read`,
        {
          place: position(all[end]!.start, all[end]!.end),
          ruleId: 'end-mark',
          source: 'briefing',
        },
      );
    }
    if (dropped.length && file) {
      file.message(
        `Dropped ${dropped.length} line${dropped.length === 1 ? '' : 's'} of web-page leftovers: ${dropped
          .slice(0, 4)
          .map((d) => `\u201c${d}\u201d`)
          .join(', ')}${dropped.length > 4 ? ', \u2026' : ''}`,
        { ruleId: 'web-leftovers', source: 'briefing' },
      );
    }
    list.forEach((block, index) => {
      const raw = document.slice(block.start, block.end);
      const value = plainProse(raw);
      const text = { type: 'text' as const, value, position: position(block.start, block.end) };
      const isTitle = index === 0 && block.lines === 1 && list.length > 1;
      const isHeading = !isTitle && index < list.length - 1 && looksLikeHeading(raw, block, languages);
      if (isTitle || isHeading) {
        children.push({
          type: 'heading',
          depth: isTitle ? 1 : 2,
          children: [text],
          position: text.position,
        } as Heading);
      } else {
        children.push({ type: 'paragraph', children: [text], position: text.position } as Paragraph);
      }
    });
    return { type: 'root', children, position: position(0, document.length) };
  };
}
