import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';

/**
 * The official Iamport V1 API description (swagger 2.0), billing-key part, vendored under its MIT
 * licence: see `fixtures/iamport-openapi/README.md` for where it comes from and what it lacks.
 */
export const OPENAPI_PATH = fileURLToPath(new URL('./fixtures/iamport-openapi/v1.billing.json', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface SwaggerResponse {
  schema?: JsonObject;
}
interface SwaggerDocument {
  swagger: string;
  paths: Record<string, Record<string, { responses?: Record<string, SwaggerResponse> }>>;
  definitions: Record<string, JsonObject>;
}

const SCHEMA_ID = 'iamport-v1.openapi.billing.json';
const NUMERIC_KEYWORDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maximum', 'minimum'];

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the document, or fails loudly: the conformance tests must never pass without it. */
export function readOpenApi(path = OPENAPI_PATH): SwaggerDocument {
  if (!existsSync(path)) {
    throw new Error(
      `OpenAPI document not found at ${path}. The sandbox conformance tests validate every answer against ` +
        'it; it is vendored in lib/testing/fixtures/iamport-openapi.',
    );
  }
  const doc = JSON.parse(readFileSync(path, 'utf8')) as SwaggerDocument;
  if (doc.swagger !== '2.0' || !isObject(doc.definitions as unknown as Json)) {
    throw new Error(`${path} is not the swagger 2.0 document with definitions that the tests expect`);
  }
  return withNewerFields(doc).doc;
}

/**
 * The vendored copy predates fields Iamport added later (docs/iamport.md): the issuance's
 * `channel_key` parameter (2026-05; optional here, as enforcement is unconfirmed) and the answer's
 * `sandbox` flag (2026-01; required, as the newer description has it). Each is added when absent;
 * `added` says which were.
 */
export function withNewerFields(source: SwaggerDocument): { doc: SwaggerDocument; added: string[] } {
  const doc = structuredClone(source);
  const added: string[] = [];
  const issue = doc.paths['/subscribe/customers/{customer_uid}']?.post as { parameters?: JsonObject[] } | undefined;
  if (issue && !issue.parameters?.some((parameter) => parameter.name === 'channel_key')) {
    issue.parameters = [
      ...(issue.parameters ?? []),
      { name: 'channel_key', in: 'formData', required: false, type: 'string', maxLength: 55 },
    ];
    added.push('POST /subscribe/customers/{customer_uid} channel_key');
  }
  const customer = doc.definitions.CustomerAnnotation;
  if (customer && isObject(customer.properties) && !('sandbox' in customer.properties)) {
    customer.properties.sandbox = { type: 'boolean', description: '테스트 채널에서 발급된 빌링키 여부' };
    customer.required = [...(Array.isArray(customer.required) ? customer.required : []), 'sandbox'];
    added.push('CustomerAnnotation.sandbox');
  }
  return { doc, added };
}

/** Every `$ref: '#/definitions/X'` under a schema, as X. */
function refsUnder(value: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => refsUnder(item, found));
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.add(item.replace('#/definitions/', ''));
      else refsUnder(item, found);
    }
  }
  return found;
}

export interface Normalization {
  /** `maxLength: "80"` and the like, turned into numbers (the document types them as strings). */
  numericStrings: string[];
  /** Properties made nullable (not in `required`). */
  nullable: number;
  /** Object schemas closed with `additionalProperties: false`. */
  closed: string[];
  /** Names in `required` but not in `properties` (declared as anything before closing). */
  requiredUndeclared: string[];
}

/**
 * Turns swagger 2.0 definitions into draft-04 JSON Schema that says what the real API sends:
 * - numeric keywords written as strings (`"maxLength": "80"`) become numbers (draft-04 wants integers);
 * - a property not in `required` may be `null`: Iamport sends `null` for absent optional fields
 *   (docs/iamport.md §3 "string or null", `card_type` null, `message` null on success), and swagger 2.0 has
 *   no `nullable`;
 * - every object schema that is not part of an `allOf` is closed (`additionalProperties: false`), so a
 *   field the document does not declare (a typo in the sandbox) fails; a name that is `required` but
 *   missing from `properties` (SucceededChannelAnnotation's `update`) is declared first. Envelopes (`allOf` of
 *   ResponseAnnotation and `{response}`) are checked for exactly `code`, `message`, `response` separately.
 * `x-…` keywords stay and are registered as annotations.
 */
export function normalizeDefinitions(doc: SwaggerDocument): {
  definitions: Record<string, JsonObject>;
  normalization: Normalization;
} {
  const definitions = structuredClone(doc.definitions);
  const normalization: Normalization = { numericStrings: [], nullable: 0, closed: [], requiredUndeclared: [] };
  const inAllOf = new Set<string>();
  // Definitions that are themselves members of an allOf (ResponseAnnotation): closing them would refuse
  // the other members' properties.
  for (const schema of Object.values(definitions)) {
    if (!Array.isArray(schema.allOf)) continue;
    for (const member of schema.allOf) {
      if (isObject(member) && typeof member.$ref === 'string') inAllOf.add(member.$ref.replace('#/definitions/', ''));
    }
  }

  const visit = (schema: JsonObject, where: string, closable: boolean) => {
    for (const keyword of NUMERIC_KEYWORDS) {
      const value = schema[keyword];
      if (typeof value === 'string' && /^\d+$/.test(value)) {
        schema[keyword] = Number(value);
        normalization.numericStrings.push(`${where}.${keyword}`);
      }
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((member, index) => {
        if (isObject(member)) visit(member, `${where}.allOf[${index}]`, false);
      });
    }
    if (isObject(schema.items)) visit(schema.items, `${where}.items`, true);
    if (isObject(schema.properties)) {
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      for (const [name, property] of Object.entries(schema.properties)) {
        if (!isObject(property)) continue;
        visit(property, `${where}.${name}`, true);
        if (!required.has(name)) {
          schema.properties[name] = { anyOf: [{ type: 'null' }, property] };
          normalization.nullable += 1;
        }
      }
      if (closable && schema.additionalProperties === undefined) {
        // A required name the properties forget (SucceededChannelAnnotation requires `update` but declares
        // `updated`) is declared as anything, so closing does not make the schema unsatisfiable.
        for (const name of required) {
          if (typeof name === 'string' && !(name in schema.properties)) {
            schema.properties[name] = {};
            normalization.requiredUndeclared.push(`${where}.${name}`);
          }
        }
        schema.additionalProperties = false;
        normalization.closed.push(where);
      }
    }
  };
  for (const [name, schema] of Object.entries(definitions)) visit(schema, name, !inAllOf.has(name));
  return { definitions, normalization };
}

/** Every `x-…` keyword (and swagger's `example`) used in the definitions, to register with Ajv. */
function annotationKeywords(value: Json, found = new Set<string>(['example'])): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => annotationKeywords(item, found));
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      annotationKeywords(item, found);
    }
  }
  return found;
}

export interface ValidationResult {
  /** The definition the body matched (e.g. `CustomerResponse`), or `envelope` for a status without schema. */
  matched: string;
}

export interface ConformanceChecker {
  normalization: Normalization;
  /** The compiled validator of one definition (for negative controls). */
  definition(name: string): ValidateFunction;
  /**
   * Validates one answer against what the document says for `method path` and this status.
   * `undocumented` must explain (from docs/iamport.md) why a status the document does not list is fine.
   */
  check(answer: {
    method: 'GET' | 'POST' | 'DELETE';
    path: string;
    status: number;
    body: unknown;
    undocumented?: string;
  }): ValidationResult;
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 8)
    .map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
    .join('\n  ');
}

/** The response definitions the document lists for one operation and status. */
function candidates(
  doc: SwaggerDocument,
  method: string,
  path: string,
  status: number,
  undocumented?: string,
): string[] {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const response = operation.responses?.[String(status)];
  if (!response) {
    if (undocumented) return [];
    throw new Error(
      `HTTP ${status} for ${method} ${path} is not in the OpenAPI document (documented: ` +
        `${Object.keys(operation.responses ?? {}).join(', ')})`,
    );
  }
  const schema = response.schema;
  if (!schema) return [];
  if (typeof schema.$ref === 'string') return [schema.$ref.replace('#/definitions/', '')];
  // `{properties: {CustomerResponse: {$ref}, SuperBillingKeyResponse: {$ref}}}`: the document's way of
  // saying "one of these" for get / issue / delete.
  if (isObject(schema.properties)) return [...refsUnder(schema.properties)];
  throw new Error(`unexpected response schema for ${method} ${path} ${status}: ${JSON.stringify(schema)}`);
}

export function createConformanceChecker(doc: SwaggerDocument = readOpenApi()): ConformanceChecker {
  const { definitions, normalization } = normalizeDefinitions(doc);
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  ajv.addVocabulary([...annotationKeywords(definitions as unknown as Json)]);
  ajv.addSchema({ id: SCHEMA_ID, definitions } as unknown as object);
  const validators = new Map<string, ValidateFunction>();
  const definition = (name: string): ValidateFunction => {
    let validate = validators.get(name);
    if (!validate) {
      if (!definitions[name]) throw new Error(`no definition ${name} in the OpenAPI document`);
      validate = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${name}` });
      validators.set(name, validate);
    }
    return validate;
  };

  return {
    normalization,
    definition,
    check({ method, path, status, body, undocumented }) {
      const where = `${method} ${path} → HTTP ${status}`;
      if (!isObject(body as Json)) throw new Error(`${where}: the body is not a JSON object`);
      const envelope = body as Record<string, unknown>;
      const keys = Object.keys(envelope).sort();
      if (keys.join(',') !== 'code,message,response') {
        throw new Error(`${where}: the envelope has keys ${keys.join(', ')} instead of code, message, response`);
      }
      if (!Number.isInteger(envelope.code)) throw new Error(`${where}: code is not an integer`);
      if (envelope.code !== 0) {
        if (envelope.response !== null) throw new Error(`${where}: a failure (code ${envelope.code}) with a response`);
        if (typeof envelope.message !== 'string' || envelope.message === '') {
          throw new Error(`${where}: a failure (code ${envelope.code}) without a message`);
        }
      }

      const names = candidates(doc, method, path, status, undocumented);
      if (names.length === 0) {
        if (envelope.code === 0) throw new Error(`${where}: code 0 on a status the document gives no schema`);
        const validate = definition('ResponseAnnotation');
        if (!validate(body)) throw new Error(`${where}: not a ResponseAnnotation:\n  ${describeErrors(validate)}`);
        return { matched: 'envelope' };
      }
      const failures: string[] = [];
      for (const name of names) {
        const validate = definition(name);
        if (validate(body)) return { matched: name };
        failures.push(`${name}:\n  ${describeErrors(validate)}`);
      }
      throw new Error(`${where}: matches none of ${names.join(', ')}\n${failures.join('\n')}`);
    },
  };
}
