// One validation for every door: a bad value gets the same words from the command line, the configuration file,
// an essay's front matter (in lint and in the build) and the API.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { command, temp } from './helpers.ts';

const api = (await import('briefing-pack')) as unknown as typeof import('../pipeline/api.ts');
const ESSAY = 'Title\n\nIn May 1994 NATO met in Brussels. In June 1995 it met again.\n';

interface Case {
  name: string;
  settings: Record<string, unknown>;
  /** The words every door must print. */
  says: string;
  /** The command-line flag that sets it, if there is one. */
  flag?: string[];
  /** Front matter may set it (the essay's own settings). */
  matter: boolean;
}

const CASES: Case[] = [
  {
    name: 'a paper',
    settings: { paper: 'A5' },
    says: 'paper: "A5" is not A4 or Letter',
    flag: ['--paper', 'A5'],
    matter: true,
  },
  {
    name: 'a colour',
    settings: { colours: { accent: 'red}</style><script>' } },
    says: 'colours.accent: "red}</style><script>" is not a CSS colour',
    matter: true,
  },
  {
    name: 'a date',
    settings: { 'reference-date': '2024-02-30' },
    says: 'reference-date: "2024-02-30" is not a day of the calendar',
    flag: ['--reference-date', '2024-02-30'],
    matter: false,
  },
  {
    name: 'an unknown key',
    settings: { colors: { accent: 'red' } },
    says: 'unknown key "colors" (did you mean "colours"?)',
    matter: true,
  },
];

describe.each(CASES)('$name that is wrong', ({ settings, says, flag, matter }) => {
  it('gets the same words from the configuration file, the API, the flag and front matter', async () => {
    const dir = await temp('doors');
    await writeFile(path.join(dir, 'e.txt'), ESSAY);

    const api_ = api.build({ cwd: dir, inputs: ['e.txt'], out: 'out', formats: ['json'], config: settings as never });
    await expect(api_).rejects.toThrow(`build() config: ${says}`);

    if (flag) {
      const { code, stderr } = await command(['build', 'e.txt', '--formats', 'json', ...flag], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toContain(`--${says}`);
    }

    if (matter) {
      await writeFile(path.join(dir, 'm.md'), `---\n${stringify(settings)}---\n\n# Title\n\n${ESSAY.slice(7)}`);
      const lint = await command(['lint', 'm.md'], { cwd: dir });
      expect(lint.stderr).toContain(says);
      const [built] = await api.build({ cwd: dir, inputs: ['m.md'], out: 'out', formats: ['json'] });
      if (says.startsWith('unknown key'))
        expect(built!.error).toBeNull(); // an essay may carry keys of its own
      else expect(built!.error).toContain(`front matter: ${says}`);
    }

    await writeFile(path.join(dir, 'briefing.config.yaml'), stringify(settings));
    const { code, stderr } = await command(['lint', 'e.txt'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain(`briefing.config.yaml: ${says}`);
  });
});
