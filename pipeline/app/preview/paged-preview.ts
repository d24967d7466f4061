// The preview of a product printed on paper (the briefing, the fact sheet) shows the pages the PDF has: Paged.js lays
// the HTML out by the same print stylesheet (page size, margins, running heads, page counters, breaks) Chromium
// prints it with. Where Paged.js lays out differently from Chromium's print, the style below makes it do as Chromium
// does: text measured without screen hinting (line breaks as printed), top margins dropped after a break the text
// flowed into; widows, orphans and tables' repeated headers by a script in the page (page-scripts/paged-corrections.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pageScriptUsing } from '../../browser/page-scripts/index.ts';
import { PAGED_HELPERS, pagedCorrections } from '../../browser/page-scripts/paged-corrections.ts';

/** Paged.js's browser build, served by the preview at PAGED_URL. */
export const PAGED_SCRIPT = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pagedjs')),
  '..',
  'dist',
  'paged.polyfill.js',
);
export const PAGED_URL = '/_preview/paged.js';

const FORCED = ['page', 'always', 'left', 'right'];
const UNFORCED = `:first-child:not(${FORCED.map((v) => `[data-break-before=${v}], [data-previous-break-after=${v}]`).join(', ')})`;
const FIRST = `.pagedjs_page:not(.pagedjs_first_page) .pagedjs_page_content > div > ${UNFORCED}`;

/** Applied as written: Paged.js rewrites a page's stylesheets for its layout, but not those marked data-pagedjs-ignore. */
const STYLE = `<style data-pagedjs-ignore>
@media screen {
  html, body { background: #5f6670; }
  .pagedjs_pages { padding: 24px 0 1px; }
  .pagedjs_page { background: #fff; margin: 0 auto 24px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.4); }
}
body { text-rendering: geometricPrecision; }
${FIRST}, ${FIRST} > :first-child, ${FIRST} > :first-child > :first-child { margin-top: 0 !important; }
</style>
<style data-pagedjs-ignore id="briefing-paged-lines" media="not all">:not([data-keep-lines]) { orphans: 1 !important; widows: 1 !important; }</style>`;

/** Runs in the page: Paged.js's configuration with its corrections (page-scripts/paged-corrections.ts), then Paged.js. */
const SCRIPT = `<script>${pageScriptUsing(PAGED_HELPERS, pagedCorrections)}</script>
<script src="${PAGED_URL}"></script>`;

/** The HTML with Paged.js and its corrections added (for the preview only, never in the files on disk). */
export const paged = (html: string) => html.replace(/<\/head>/i, () => `${STYLE}\n${SCRIPT}\n</head>`);
