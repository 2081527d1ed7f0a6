// The player-check schema, compiled once with Ajv (draft 2020-12, with formats).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schemaPath = fileURLToPath(new URL('../../../schema/check.schema.json', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// Returns null when `check` is valid, else a readable list of the errors.
export function checkErrors(check) {
  if (validate(check)) return null;
  return ajv.errorsText(validate.errors, { separator: '\n  ' });
}
