// Which Chromium prints the pack: BRIEFING_CHROME or PUPPETEER_EXECUTABLE_PATH, else the light headless shell
// (Debian's chromium-headless-shell, or Chrome's chrome-headless-shell), else a full Chromium or Chrome on the PATH or
// in the usual macOS and Windows install places. Never downloads one: CI machines often cannot. The headless shell
// launches and prints about 40% faster with half the memory, and its PDFs have the same pages, tags and outline.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../core/errors.ts';

export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium-headless-shell; macOS: brew install --cask chromium), ' +
  'or set BRIEFING_CHROME to a Chrome or Chromium executable (npx @puppeteer/browsers install chrome-headless-shell@stable prints one)';

const SHELL_NAMES = ['chromium-headless-shell', 'chrome-headless-shell'];
// Debian's /usr/bin/chromium-headless-shell is a shell script that runs the binary as its child: the browser we would
// watch and kill would be the script, and a crashed or killed script would leave Chromium running. The binary first.
const SHELL_PLACES = ['/usr/lib/chromium/chromium-headless-shell'];
const FULL_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const FULL_BINARIES = ['/usr/lib/chromium/chromium'];
const fullPlaces = (env: NodeJS.ProcessEnv) => [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ...[env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
    .filter(Boolean)
    .flatMap((dir) => [
      path.join(dir!, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(dir!, 'Chromium', 'Application', 'chrome.exe'),
    ]),
];

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export class ChromeNotFound extends BriefingError {
  constructor(message: string) {
    super('no-chromium', message);
  }
}

export interface Chrome {
  executablePath: string;
  /** The launch mode that fits the binary: the headless shell runs as puppeteer's 'shell', a full browser headless. */
  headless: true | 'shell';
}

const chrome = (executablePath: string): Chrome => ({
  executablePath,
  headless: /headless[-_]shell/i.test(path.basename(executablePath)) ? 'shell' : true,
});

export function findChrome(env: NodeJS.ProcessEnv = process.env): Chrome {
  for (const variable of ['BRIEFING_CHROME', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[variable];
    if (!value) continue;
    if (isExecutable(value)) return chrome(value);
    throw new ChromeNotFound(`${variable}=${value} is not an executable file; ${INSTALL_HINT}`);
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const onPath = (names: string[]) => dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
  const found = [
    ...SHELL_PLACES,
    ...onPath(SHELL_NAMES),
    ...FULL_BINARIES,
    ...onPath(FULL_NAMES),
    ...fullPlaces(env),
  ].find(isExecutable);
  if (found) return chrome(found);
  throw new ChromeNotFound(`no Chromium found; ${INSTALL_HINT}`);
}
