// YAML's own warnings (an unknown tag), as one line each with its place, for the config file and front matter.
import { parseDocument } from 'yaml';

/** The warnings YAML would print, as one line each with its place in the text. */
export function yamlWarnings(text: string): { message: string; line: number; column: number }[] {
  return parseDocument(text, { schema: 'core', logLevel: 'silent', prettyErrors: true }).warnings.map((w) => ({
    message: w.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    line: w.linePos?.[0].line ?? 1,
    column: w.linePos?.[0].col ?? 1,
  }));
}
