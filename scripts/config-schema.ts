// Writes schema/briefing.config.schema.json, the JSON Schema of briefing.config.yaml, from the zod schema the build
// validates with (npm run schema). Editors use it to complete and check the file ($schema, or yaml.schemas in VS Code);
// a test fails when the committed file and the zod schema part.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { configJsonSchema } from '../pipeline/app/config/config-schema.ts';

const file = path.join(import.meta.dirname, '..', 'schema', 'briefing.config.schema.json');
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
