// The data each layout is given, as JSON Schema made from the types (each product's view.ts exports TemplateData),
// so template authors and the README read one contract that cannot drift from the code. `npm run schema` writes
// schema/views/<product>.schema.json; a test fails when a committed schema and the types part.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.join(import.meta.dirname, '..');
const productsDir = path.join(root, 'pipeline', 'products');

type Schema = Record<string, unknown>;

/** What every layout gets besides its product's view (render/index.ts). */
const SHARED: Record<string, Schema> = {
  css: {
    type: 'object',
    description: 'The stylesheets of css/, by name: {{{css.briefing}}}',
    additionalProperties: { type: 'string' },
  },
  fonts: { type: 'string', description: 'The @font-face rules, fonts inlined' },
  theme: {
    type: 'string',
    description: 'CSS variables: --accent, --accent-soft, --ink, --muted, --rule, --serif, --sans, --mono',
  },
  logo: { type: ['string', 'null'], description: 'The logo as a data URL, or null' },
};

function schemaOf(checker: ts.TypeChecker, type: ts.Type, seen: ts.Type[]): Schema {
  if (seen.includes(type)) return { description: 'the same shape as the enclosing item (nested)' };
  const flags = type.getFlags();
  if (flags & ts.TypeFlags.StringLiteral) return { const: (type as ts.StringLiteralType).value };
  if (flags & ts.TypeFlags.NumberLiteral) return { const: (type as ts.NumberLiteralType).value };
  if (flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
  if (flags & ts.TypeFlags.StringLike) return { type: 'string' };
  if (flags & ts.TypeFlags.NumberLike) return { type: 'number' };
  if (flags & ts.TypeFlags.Null) return { type: 'null' };
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (type.isUnion()) {
    const members = type.types.filter((t) => !(t.getFlags() & ts.TypeFlags.Undefined));
    // true | false is boolean; "a" | "b" is an enum.
    if (members.every((t) => t.getFlags() & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (members.every((t) => t.isStringLiteral()))
      return { enum: members.map((t) => (t as ts.StringLiteralType).value) };
    const options = members.map((t) => schemaOf(checker, t, seen));
    // string | null is { type: ['string', 'null'] }; anything richer stays a list of options.
    const simple = options.every((o) => Object.keys(o).length === 1 && typeof o.type === 'string');
    if (simple) return { type: [...new Set(options.map((o) => o.type as string))] };
    return options.length === 1 ? options[0]! : { anyOf: options };
  }
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    return { type: 'array', items: item ? schemaOf(checker, item, [...seen, type]) : {} };
  }
  if (flags & ts.TypeFlags.Object || type.isIntersection()) {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      const doc = ts.displayPartsToString(property.getDocumentationComment(checker));
      properties[property.name] = {
        ...schemaOf(checker, propertyType, [...seen, type]),
        ...(doc && { description: doc }),
      };
      if (!(property.getFlags() & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    return { type: 'object', properties, required };
  }
  return {};
}

/** Each product that renders a layout, with the schema of what the layout is given. */
export function viewSchemas(): Map<string, Schema> {
  const files = readdirSync(productsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(productsDir, d.name, 'view.ts'))
    .filter((f) => ts.sys.fileExists(f));
  const program = ts.createProgram(files, {
    strict: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const schemas = new Map<string, Schema>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const symbol = checker.getSymbolAtLocation(source);
    const data = symbol && checker.getExportsOfModule(symbol).find((s) => s.name === 'TemplateData');
    if (!data) continue;
    const product = path.basename(path.dirname(file));
    const view = schemaOf(checker, checker.getDeclaredTypeOfSymbol(data), []) as {
      properties: Record<string, Schema>;
      required: string[];
    };
    schemas.set(product, {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `${product}.hbs`,
      description: `What the ${product} layout is given. Made from TemplateData in pipeline/products/${product}/view.ts by npm run schema.`,
      type: 'object',
      properties: { ...view.properties, ...SHARED },
      required: [...view.required, ...Object.keys(SHARED)],
    });
  }
  return schemas;
}

export const schemaFile = (product: string) => path.join(root, 'schema', 'views', `${product}.schema.json`);

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [product, schema] of viewSchemas()) {
    writeFileSync(schemaFile(product), `${JSON.stringify(schema, null, 2)}\n`);
    process.stdout.write(`wrote ${path.relative(process.cwd(), schemaFile(product))}\n`);
  }
}
