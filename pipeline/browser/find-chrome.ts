// Which Chromium prints the pack: BRIEFING_CHROME or PUPPETEER_EXECUTABLE_PATH, else the first chromium /
// chromium-browser / google-chrome on the PATH. Never downloads one: CI machines often cannot.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const INSTALL_HINT = 'install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium), '
  + 'or set BRIEFING_CHROME to a Chrome or Chromium executable (npx @puppeteer/browsers install chrome-headless-shell@stable prints one)';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

const isExecutable = (file: string) => {
  try { accessSync(file, constants.X_OK); return true; } catch { return false; }
};

export class ChromeNotFound extends Error {}

export function findChrome(env: NodeJS.ProcessEnv = process.env): string {
  for (const variable of ['BRIEFING_CHROME', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[variable];
    if (!value) continue;
    if (isExecutable(value)) return value;
    throw new ChromeNotFound(`${variable}=${value} is not an executable file; ${INSTALL_HINT}`);
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new ChromeNotFound(`no Chromium found; ${INSTALL_HINT}`);
}
