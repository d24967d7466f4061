// What `briefing --help` and each command's --help print, the version, and the shells' tab completion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../core/paths.ts';
import { productNames } from '../../products/index.ts';
import { COMMAND_OPTIONS, DEFAULT_PORT } from './options.ts';

const COMMON = `Options for build, lint and watch:
  --out DIR                    where packs go (default: output)
  --formats LIST               comma-separated: ${productNames().join(',')} (default: all but docx)
  --reference-date YYYY-MM-DD  what "today" means for an essay that gives no date of its own
  --paper A4|Letter            paper size of the briefing and fact sheet (default: A4)
  --templates DIR              a folder of templates that replace the defaults file by file
  --config FILE                the configuration file (default: briefing.config.yaml here, if any)
  --max-size MB                refuse essays larger than this (default: 10)`;

export const HELP: Record<string, string> = {
  main: `Usage: briefing <command> [options]

Commands:
  build [FILES_OR_DIRS...]     make the packs (default: every essay in source/, into output/)
  lint [FILES_OR_DIRS...]      print what the build would warn about, build nothing
  watch [FILES_OR_DIRS...]     rebuild on every save, with a live preview in the browser
  new NAME                     start a new essay: source/NAME.md from a skeleton
  templates eject [NAME...]    copy default templates into a folder of your own
  completion [bash|zsh]        print a tab-completion script: source <(briefing completion)

Run briefing <command> --help for its options and examples; briefing --version for the version.

Environment:
  BRIEFING_CHROME              the Chromium or Chrome to print with (default: chromium on the PATH)
  BRIEFING_TIMEOUT             seconds a browser launch or a print may take (default: 60)
  BRIEFING_CHROME_ARGS         extra Chromium flags, separated by spaces
  SOURCE_DATE_EPOCH            the date written into the PDFs (default: the essay's own date)
  NO_COLOR, FORCE_COLOR        no colour in warnings on a terminal; colour even in a pipe
`,
  build: `Usage: briefing build [FILES_OR_DIRS...] [options]

Makes a pack for each essay (.txt or .md) in OUT/<essay name>/: briefing.pdf, slides.pdf, slides.html, slides.pptx,
factsheet.pdf, chronology.json and the HTML each PDF was printed from. Products whose inputs (essay, settings,
templates, fonts, tool version) did not change are skipped.

  --check                      list what is out of date and exit 1 if anything is; build nothing
  --force                      rebuild everything, up to date or not
  --jobs N                     essays built at once (default: cores, at most 4)
  --shard I/N                  build only the I-th of N stable shares of the essays (for CI matrices)
  --quiet | --verbose | --json print only errors | also each product's time | one JSON object a line

${COMMON}

Examples:
  briefing build
  briefing build source/azerbaijan-nato.txt --formats briefing,json --out /tmp/pack
  briefing build --check                        in CI, when the packs are committed
  briefing build --shard 2/4 --jobs 2 --json    one machine of four, machine-readable
`,
  lint: `Usage: briefing lint [FILES_OR_DIRS...] [--strict]

Prints the warnings a build would give (doubtful spellings, dates it cannot place, no dated events), in the
file:line:column reporter format, without building anything.

  --strict                     exit 1 when there are any warnings

Examples:
  briefing lint
  briefing lint source/azerbaijan-nato.txt --strict
`,
  watch: `Usage: briefing watch [FILES_OR_DIRS...] [--port N] [options]

Builds, then rebuilds what changed whenever an essay, a template, a stylesheet or the configuration is saved, and
serves a live preview at http://localhost:PORT/ (an index of the essays, each product's HTML and PDF) that reloads
itself after each rebuild. A broken essay or template shows its error in the page and here; the next good save
recovers. Ctrl-C stops.

  --port N                     the preview's port (default: ${DEFAULT_PORT}, or the next free one; 0 picks any free one)
  --open                       open the preview in the default browser
  --host ADDRESS               listen on ADDRESS as well as this machine (default: 127.0.0.1 only); requests must
                               then name it, or localhost, as their Host

${COMMON}

Example:
  briefing watch source/azerbaijan-nato.txt --formats briefing,factsheet
`,
  new: `Usage: briefing new NAME [--author NAME]

Starts a new essay in source/ from a short Markdown skeleton with front matter: the title as typed, today's date, the
author when given. Its guidance is in comments, which the build ignores.

  --author NAME                the author to write into the front matter (default: none; the configuration's applies)

Examples:
  briefing new "Georgia and NATO"
  briefing new georgia-nato --author "Policy Unit"
`,
  templates: `Usage: briefing templates eject [NAME...] [--to DIR] [--force]

Copies default templates into DIR (default: the configuration's templates folder, else briefing-templates) to edit.
NAME is a layout (briefing, slides, factsheet), a partial (cover, head, chronology-table, run) or a stylesheet
(base.css, briefing.css, slides.css, factsheet.css); no NAME copies them all. Existing files are kept unless --force.

Examples:
  briefing templates eject cover --to my-templates
  briefing templates eject
`,
};

/**
 * Tab completion of commands, each command's own options, and the fixed values of some (`--formats`, `--paper`),
 * for bash (`source <(briefing completion)`) or zsh (through bashcompinit).
 */
export function completionScript(shell: 'bash' | 'zsh'): string {
  const commands = Object.keys(COMMAND_OPTIONS);
  const cases = Object.entries(COMMAND_OPTIONS)
    .map(([command, names]) => `    ${command}) opts="${names.map((n) => `--${n}`).join(' ')} --help";;`)
    .join('\n');
  return `${shell === 'zsh' ? 'autoload -U +X bashcompinit && bashcompinit\n' : ''}# briefing completion: source <(briefing completion ${shell})
_briefing() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command=\${COMP_WORDS[1]} opts
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${commands.join(' ')} completion --version --help" -- "$cur")); return; fi
  case "$prev" in
    --formats) COMPREPLY=($(compgen -W "${productNames().join(' ')}" -- "$cur")); return;;
    --paper) COMPREPLY=($(compgen -W "A4 Letter" -- "$cur")); return;;
    --out|--templates|--to|--config) COMPREPLY=($(compgen -d -- "$cur")); return;;
  esac
  case "$command" in
${cases}
    *) opts="";;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o filenames -F _briefing briefing
`;
}

/** The tool's version, from its package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
