// The result schema, compiled once with a real JSON Schema validator (Ajv, draft
// 2020-12, with formats). Every test that checks a jae-ocr result uses this.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schemaPath = fileURLToPath(new URL('../../../schema/result.schema.json', import.meta.url));
// strict mode would refuse the contract's (valid) if/then with `required` of outer properties.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// Returns null when `result` is valid, else a readable list of the errors.
export function resultErrors(result) {
  if (validate(result)) return null;
  return ajv.errorsText(validate.errors, { separator: '\n  ' });
}
