// The report JSON Schema (docs/report.schema.json) compiled once for the tests.

import Ajv from 'ajv';
import { readFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync(new URL('../docs/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv.default({ allErrors: true, strict: true, validateFormats: false });
export const validateReport = ajv.compile(schema);

export function schemaErrors(): string {
  return ajv.errorsText(validateReport.errors, { separator: '\n' });
}
