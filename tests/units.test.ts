// Units with no browser and no CLI: the configuration, the fingerprints that decide what is stale, and each
// product's view model on real essays.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import JSZip from 'jszip';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { essayInputs, Fingerprints, templateFiles } from '../pipeline/app/build/fingerprint.ts';
import { applyConfig } from '../pipeline/app/config/config.ts';
import { validateConfig } from '../pipeline/app/config/config-schema.ts';
import type { Chronology, Essay } from '../pipeline/core/model.ts';
import { defaultSettings, type Settings } from '../pipeline/core/settings.ts';
import { extractChronology } from '../pipeline/extract/index.ts';
import { englishModel, loadCoreModel } from '../pipeline/extract/language-model.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { briefingPage } from '../pipeline/products/briefing/view.ts';
import { factsheetView } from '../pipeline/products/factsheet/view.ts';
import { slidesView } from '../pipeline/products/slides/view.ts';
import { PRECOMPILED_FILE, precompiled, writePrecompiled } from '../pipeline/render/precompiled.ts';
import { readTemplate, TemplateDirs } from '../pipeline/render/template-dirs.ts';
import { COMPILE_OPTIONS } from '../pipeline/render/templates.ts';
import { zipOf } from '../pipeline/render/zip.ts';
import { formatDate, plural } from '../pipeline/views/format.ts';
import { root, seed, temp } from './helpers.ts';

describe('the configuration', () => {
  it('says every problem at once, each with its key, and reads enums in any case', () => {
    expect(() => validateConfig({ paper: 'A5', colours: { acent: '#fff' }, marknig: 'x' }, 'c.yaml')).toThrow(
      /paper[\s\S]*acent[\s\S]*accent[\s\S]*marknig[\s\S]*marking/,
    );
    expect(validateConfig({ paper: 'letter', dates: 'MONTH-DAY' }, 'c.yaml')).toEqual({
      paper: 'Letter',
      dates: 'month-day',
    });
  });

  it('is laid over the settings: colours and fonts merged, sizes in bytes, products as formats', () => {
    const base: Settings = { ...defaultSettings, colours: { ink: '#111111' } };
    const settings = applyConfig(base, {
      colours: { accent: '#1f4e79' },
      fonts: { body: '@fontsource/source-sans-3' },
      'max-size': 2,
      products: ['json'],
    });
    expect(settings.colours).toEqual({ ink: '#111111', accent: '#1f4e79' });
    expect(settings.fonts.headings).toBe(defaultSettings.fonts.headings);
    expect(settings.fonts.body).toBe('@fontsource/source-sans-3');
    expect(settings.maxBytes).toBe(2 * 1024 * 1024);
    expect(settings.formats).toEqual(['json']);
  });
});

describe('the fingerprints', () => {
  const bytes = Buffer.from('Title\n\nIn May 1994 NATO met.\n');
  const of = (settings: Settings, product: string, essay = bytes, templates?: string) =>
    new Fingerprints(settings, templates).of(product, essay);

  it('change with what a product is made from, and only with that', () => {
    const marked = { ...defaultSettings, marking: 'RESTRICTED' };
    expect(of(defaultSettings, 'briefing')).toBe(of(defaultSettings, 'briefing'));
    expect(of(defaultSettings, 'briefing', Buffer.from('Other\n'))).not.toBe(of(defaultSettings, 'briefing'));
    expect(of(marked, 'briefing')).not.toBe(of(defaultSettings, 'briefing'));
    // The chronology reads the essay and the reference date, not the marking or the products asked for.
    expect(of(marked, 'json')).toBe(of(defaultSettings, 'json'));
    expect(of({ ...defaultSettings, formats: ['json'] }, 'json')).toBe(of(defaultSettings, 'json'));
    expect(of({ ...defaultSettings, referenceDate: '2001-01-01' }, 'json')).not.toBe(of(defaultSettings, 'json'));
  });

  it('follow the templates a layout uses: a changed partial rebuilds the products that include it', async () => {
    const dir = await temp('fp-templates');
    await mkdir(path.join(dir, 'partials'));
    const cover = templateFiles(new TemplateDirs(), 'briefing').find((f) => f.endsWith('partials/cover.hbs'))!;
    expect(cover).toBeDefined();
    expect(templateFiles(new TemplateDirs(), 'slides').some((f) => f.endsWith('partials/cover.hbs'))).toBe(false);
    await writeFile(path.join(dir, 'partials', 'cover.hbs'), `${await readFile(cover, 'utf8')}<!-- mine -->\n`);
    expect(of(defaultSettings, 'briefing', bytes, dir)).not.toBe(of(defaultSettings, 'briefing'));
    expect(of(defaultSettings, 'slides', bytes, dir)).toBe(of(defaultSettings, 'slides'));
  });

  it('count the local images a Markdown essay shows, and nothing outside its folder', async () => {
    const dir = await temp('fp-images');
    const essay = path.join(dir, 'e.md');
    const text = Buffer.from('# T\n\n![Map](map.png) and ![Far](../far.png)\n');
    await writeFile(path.join(dir, 'map.png'), 'one');
    const before = await essayInputs(essay, text);
    await writeFile(path.join(dir, 'map.png'), 'two');
    expect((await essayInputs(essay, text)).equals(before)).toBe(false);
    expect((await essayInputs(path.join(dir, 'e.txt'), text)).equals(text)).toBe(true);
  });
});

describe('the product views', () => {
  const essays: Record<string, { essay: Essay; chronology: Chronology }> = {};
  beforeAll(async () => {
    const files = {
      seed,
      note: path.join(root, 'tests', 'fixtures', 'shapes', 'note-svalbard.txt'),
      news: path.join(root, 'tests', 'fixtures', 'shapes', 'news-ceasefire.txt'),
    };
    for (const [name, file] of Object.entries(files)) {
      const essay = await parseEssay(new VFile({ path: file, value: await readFile(file, 'utf8') }));
      essays[name] = { essay, chronology: extractChronology(essay, { referenceDate: null, spelling: false }) };
    }
  });

  it("briefing: contents point at the essay's sections, with the pages they were printed on", () => {
    const { essay, chronology } = essays.seed!;
    const page = briefingPage(essay, chronology, defaultSettings, new Map([['key-points', 2]]));
    expect(page.contents.length).toBeGreaterThan(3);
    expect(new Set(page.contents.map((c) => c.id)).size).toBe(page.contents.length);
    expect(page.contents.find((c) => c.id === 'key-points')?.page).toBe(2);
    expect(page.keyPoints.length).toBeGreaterThan(2);
    expect(page.headerTitle).not.toMatch(/["<>]/);
  });

  it('briefing: a note has neither key points nor contents', () => {
    const { essay, chronology } = essays.note!;
    const page = briefingPage(essay, chronology, defaultSettings);
    expect(page.keyPoints).toEqual([]);
    expect(page.contents).toEqual([]);
  });

  it('fact sheet: never more than the limits it is given, milestones numbered as on the timeline', () => {
    const { essay, chronology } = essays.seed!;
    const limits = { milestones: 3, people: 1, keyPoints: 2, quotation: false, excerpt: 0 };
    const view = factsheetView(essay, chronology, defaultSettings, limits);
    expect([view.milestones.length, view.people.length, view.brief.length, view.quotation]).toEqual([3, 1, 2, null]);
    const numbers = new Map(chronology.events.map((e, i) => [e.id, i + 1]));
    for (const m of view.milestones) expect(m.number).toBe(numbers.get(m.id));
  });

  it('slides: a title slide, an agenda that names the parts of the deck, and a source slide', () => {
    const deck = slidesView(essays.seed!.essay, essays.seed!.chronology, defaultSettings);
    const kinds = deck.slides.map((s) => s.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds.at(-1)).toBe('source');
    const agenda = deck.slides.find((s) => s.kind === 'agenda')!.bullets.map((b) => b.text);
    const parts = new Set(deck.slides.slice(2, -1).map((s) => s.title.replace(/ \(\d+(?: of |\/)\d+\)$/, '')));
    expect(agenda).toEqual([...parts]);
  });
});

describe("each layout's data contract", () => {
  it('is the JSON Schema made from the types, committed (npm run schema), and every field is in the README', async () => {
    const { schemaFile, viewSchemas } = await import('../scripts/view-schemas.ts');
    const schemas = viewSchemas();
    expect([...schemas.keys()].sort()).toEqual(['briefing', 'factsheet', 'slides']);
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const contract = readme.slice(readme.indexOf("Each layout's data"), readme.indexOf('Helpers: '));
    for (const [product, schema] of schemas) {
      expect(JSON.parse(await readFile(schemaFile(product), 'utf8')), product).toEqual(schema);
      const fields = Object.keys((schema as { properties: object }).properties);
      expect(fields.length, product).toBeGreaterThan(8);
      expect(
        fields.filter((field) => !contract.includes(`\`${field}\``)),
        product,
      ).toEqual([]);
    }
  }, 60_000);
});

describe("the PowerPoint's zip", () => {
  it('holds every part as given, deflated or stored, each with the one date, and the same bytes twice', async () => {
    const date = new Date('2006-05-25T13:45:10Z');
    const entries = [
      { name: 'ppt/', data: Buffer.alloc(0) },
      { name: 'ppt/slides/slide1.xml', data: Buffer.from('<p:sld>'.repeat(500)) },
      { name: 'docProps/tiny.xml', data: Buffer.from('<a/>') },
      { name: 'ppt/media/café.bin', data: Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 97) % 256)) },
    ];
    const bytes = zipOf(entries, date);
    expect(zipOf(entries, date).equals(bytes)).toBe(true);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const { name, data } of entries) {
      const file = zip.file(name) ?? zip.files[name]!;
      expect((await file.async('nodebuffer')).equals(data), name).toBe(true);
      expect(file.date.getTime() - file.date.getTimezoneOffset() * 60_000, name).toBe(date.getTime());
    }
    expect(bytes.length).toBeLessThan(3500 / 2); // the repeated slide is deflated
  });
});

describe('templates compiled ahead', () => {
  it('render what the compiler renders, and only for the very text they were compiled from', async () => {
    const { default: Handlebars } = await import('handlebars');
    const file = path.join(await temp('precompiled'), 'templates.json');
    const text = '<h1>{{title}}</h1>{{#each items}}<li>{{plural this "day" "days"}}</li>{{/each}}';
    const options = { ...COMPILE_OPTIONS };
    writePrecompiled([text], options, file);
    expect(options).toEqual(COMPILE_OPTIONS); // Handlebars wrote into a copy
    const hb = Handlebars.create();
    hb.registerHelper('plural', (n: number, one: string, many: string) => (n === 1 ? one : many));
    const view = { title: 'Days', items: [1, 2] };
    const ahead = precompiled(text, COMPILE_OPTIONS, file);
    expect(ahead).not.toBeNull();
    expect(hb.template(ahead!)(view)).toBe(hb.compile(text, { ...COMPILE_OPTIONS })(view));
    expect(precompiled(`${text} `, COMPILE_OPTIONS, file)).toBeNull();
    expect(precompiled(text, { ...COMPILE_OPTIONS, strict: false }, file)).toBeNull();
  });

  it('are in the bundle for every default layout and partial, so a cold build compiles none', () => {
    const dirs = new TemplateDirs();
    const texts = [
      ...dirs.list('', '.hbs').map((name) => readTemplate(dirs.find(name)!)),
      ...dirs
        .list('partials', '.hbs')
        .map((name) => readTemplate(dirs.find(`partials/${name}`)!).replace(/\r?\n$/, '')),
    ];
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(precompiled(text, COMPILE_OPTIONS, PRECOMPILED_FILE)).not.toBeNull();
  });
});

describe("the tagger's model", () => {
  it("loads, by the faster way, into the very object the package's own loader makes", () => {
    const packageLoader = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/load-core-model.js');
    expect(isDeepStrictEqual(loadCoreModel(), packageLoader())).toBe(true);
  });

  it("is put together as the package's own index puts it, from the very same parts", () => {
    const packageModel = createRequire(import.meta.url)('wink-eng-lite-web-model');
    expect(Object.keys(englishModel).sort()).toEqual(Object.keys(packageModel).sort());
    for (const key of Object.keys(packageModel).filter((k) => k !== 'core' && k !== 'addons'))
      expect((englishModel as unknown as Record<string, unknown>)[key], key).toBe(packageModel[key]);
    expect({ ...englishModel.addons }).toEqual({ ...packageModel.addons });
    expect(englishModel.core).toBe(loadCoreModel);
  });
});

describe('colours for the PowerPoint', () => {
  it('reads every colour CSS names: navy, hsl(), rgb(), #rgb; what is none keeps the default', async () => {
    const { pptxColour } = await import('../pipeline/render/colours.ts');
    expect(
      ['navy', 'hsl(210, 50%, 40%)', 'rgb(10, 20, 30)', '#abc', '#8a1c2bcc', 'nonsense'].map((c) =>
        pptxColour(c, 'DEFAULT'),
      ),
    ).toEqual(['000080', '336699', '0A141E', 'AABBCC', '8A1C2B', 'DEFAULT']);
  });
});

describe('dates in words', () => {
  it('writes ranges of days and months by Intl in the essay language, closed up as the house style has it', () => {
    const range = (value: string, style: 'day-month' | 'month-day' = 'day-month', lang = 'en') =>
      formatDate({ value }, style, lang);
    expect(range('1997-07-02/1997-07-04')).toBe('2\u20134 July 1997');
    expect(range('1997-07-02/1997-08-04')).toBe('2 July \u2013 4 August 1997');
    expect(range('1997-12-30/1998-01-02')).toBe('30 December 1997 \u2013 2 January 1998');
    expect(range('1997-07/1997-08')).toBe('July\u2013August 1997');
    expect(range('1997-07-02/1997-07-04', 'month-day')).toBe('July 2\u20134, 1997');
    expect(range('1997-07-02/1997-07-04', 'day-month', 'es')).toBe('2\u20134 de julio de 1997');
    expect(range('1997-07-02/1997-07-04', 'day-month', 'de')).toBe('2.\u20134. Juli 1997');
    expect(range('1997-07/1997-08', 'day-month', 'fr')).toBe('juillet\u2013ao\u00fbt 1997');
    expect(range('0490-05-04/0490-05-06')).toBe('4\u20136 May 490');
    expect(range('2002/2003')).toBe('2002\u20132003');
    expect(range('1998-SP/1998-SU')).toBe('Spring 1998 \u2013 Summer 1998');
  });

  it('takes the singular or plural a number needs in the language', () => {
    expect([0, 1, 2].map((n) => plural(n, 'en', 'event', 'events'))).toEqual(['events', 'event', 'events']);
    expect([0, 1, 2].map((n) => plural(n, 'fr', 'événement', 'événements'))).toEqual([
      'événement',
      'événement',
      'événements',
    ]);
  });
});
