/**
 * Request generation for the OpenAPI-driven fuzz test: from one operation of the app's /docs-json, a deterministic
 * list of hostile requests (malformed and non-object JSON, deep nesting, oversize bodies, wrong types, missing
 * fields, NUL bytes, lone surrogates, huge and negative numbers, garbage path and query values).
 */
import { seededRandom } from '../../core/triage/classifier/seeded-random';

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  additionalProperties?: boolean | OpenApiSchema;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  method: string;
  /** As in the document: `/topics/{id}`. */
  template: string;
  parameters: OpenApiParameter[];
  bodySchema?: OpenApiSchema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: unknown }>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export interface FuzzRequest {
  method: string;
  /** Already percent-encoded where it has to be. */
  path: string;
  /** Sent as is with the content type below. */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** What the request tries, for the failure report. */
  summary: string;
}

export interface FuzzContext {
  /** A real id to put in each path parameter, so mutated bodies and queries reach the services. */
  pathValue(operation: OpenApiOperation, parameter: string): string;
  /** Adjusts the body sampled from the schema, e.g. to a real widget key, so mutations reach the services. */
  baseBody?(sample: Record<string, unknown>): unknown;
  bodyLimitBytes: number;
  seed: number;
}

function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Every operation in the document, with its parameters and (resolved) JSON body schema. */
export function operationsOf(document: OpenApiDocument): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const body = operation.requestBody as { content?: Record<string, { schema?: OpenApiSchema }> } | undefined;
      const schema = body?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        template,
        parameters: operation.parameters ?? [],
        bodySchema: schema ? resolve(document, schema) : undefined,
      });
    }
  }
  return operations;
}

function resolve(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) {
    return schema;
  }
  const resolved = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  return resolve(document, resolved);
}

/** A plausible value for a schema: its example, else a value of its type; nested objects are filled in. */
export function sampleOf(document: OpenApiDocument, raw: OpenApiSchema, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) {
    return schema.example;
  }
  if (schema.enum?.length) {
    return schema.enum[0];
  }
  if (schema.default !== undefined) {
    return schema.default;
  }
  if (schema.format === 'uuid') {
    return '00000000-0000-4000-8000-000000000000';
  }
  switch (schema.type) {
    case 'string':
      return schema.format === 'date-time' ? '2026-01-01T00:00:00Z' : 'fuzz'.padEnd(schema.minLength ?? 0, 'z');
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items && depth < 4 ? [sampleOf(document, schema.items, depth + 1)] : [];
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      return Object.fromEntries(
        depth < 4 ? properties.map(([name, property]) => [name, sampleOf(document, property, depth + 1)]) : [],
      );
    }
    default:
      return schema.properties ? sampleOf(document, { ...schema, type: 'object' }, depth) : 'fuzz';
  }
}

type JsonPath = (string | number)[];

/** Every node under `value` (objects, arrays and leaves, at most `maxDepth` deep), in document order. */
function nodePaths(value: unknown, maxDepth: number, prefix: JsonPath = []): JsonPath[] {
  if (prefix.length >= maxDepth || typeof value !== 'object' || value === null) {
    return [];
  }
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...nodePaths(item, maxDepth, [...prefix, key])]);
}

function withValueAt(base: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

function withoutKey(base: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = base;
  return rest;
}

const describePath = (path: JsonPath) => path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');

/** Values put in place of each body field: wrong types, unstorable text, extreme numbers and sizes. */
const HOSTILE_VALUES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['2^31', 2_147_483_648],
  ['-2^31-1', -2_147_483_649],
  ['1e21', 1e21],
  ['1e308', 1e308],
  ['NUL text', 'a\u0000b'],
  ['lone surrogate', 'x\uD800y'],
  ['empty text', ''],
  ['60k text', 'x'.repeat(60_000)],
  ['text "1e21"', '999999999999999999999'],
  ['empty array', []],
  ['NUL array', ['a\u0000b']],
  ['1001 items', new Array(1001).fill('a')],
  ['object', { nested: { deeper: 'x' } }],
  ['NUL key', { 'k\u0000': 'v' }],
];

/** Every field gets these; the others are dealt out in turn, ROTATING_PER_FIELD to a field, all at least once. */
const ALWAYS_VALUES = HOSTILE_VALUES.filter(([label]) => ['NUL text', 'lone surrogate', '1e21'].includes(label));
const ROTATING_VALUES = HOSTILE_VALUES.filter((value) => !ALWAYS_VALUES.includes(value));
const ROTATING_PER_FIELD = 2;
const FIELDS_IN_ORDER = 6;
const FIELDS_SAMPLED = 3;

/** The first fields in document order (the top-level ones come first) and a seeded sample of the rest. */
function pickPaths(paths: JsonPath[], random: () => number): JsonPath[] {
  const rest = paths.slice(FIELDS_IN_ORDER);
  const sampled: JsonPath[] = [];
  while (sampled.length < FIELDS_SAMPLED && rest.length > 0) {
    sampled.push(...rest.splice(Math.floor(random() * rest.length), 1));
  }
  return [...paths.slice(0, FIELDS_IN_ORDER), ...sampled];
}

/** Raw bodies every JSON-body operation gets. */
function rawBodies(limit: number): [string, string][] {
  return [
    ['malformed JSON', '{"a":'],
    ['trailing comma', '{"a":1,}'],
    ['JSON array', '[]'],
    ['JSON string', '"text"'],
    ['JSON number', '42'],
    ['JSON null', 'null'],
    // Within the body limit, so the depth check (not the size check) must refuse them.
    ['10,000-deep object', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['25,000-deep array', `${'['.repeat(25_000)}${']'.repeat(25_000)}`],
    ['12,000-deep mixed', `{"a":${'[{"":'.repeat(6_000)}0${'}]'.repeat(6_000)}}`],
    ['beyond the body limit', JSON.stringify({ body: 'x'.repeat(limit + 1024) })],
    ['NUL in a key', '{"\\u0000":1}'],
    ['lone surrogate in a key', '{"\\udc00":1}'],
    ['escaped lone surrogate', '{"body":"\\ud800"}'],
  ];
}

/** Garbage for path parameters, percent-encoded as they appear in the URL. */
const PATH_GARBAGE = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%',
  '%zz',
  'not-a-uuid',
  '999999999999999999999',
  '-1',
  '0',
  '1e400',
  'x'.repeat(3000),
  '..%2F..%2Fetc',
  'null',
];

/** Garbage for query parameters, percent-encoded. */
const QUERY_GARBAGE = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%uD800',
  '%',
  '999999999999999999999',
  '-1',
  '-999999999999',
  '1e400',
  'NaN',
  'abc',
  'x'.repeat(5000),
  '',
];

function pathWith(operation: OpenApiOperation, values: Record<string, string>, query = ''): string {
  const path = operation.template.replace(/\{(\w+)\}/g, (_match, name: string) => values[name]);
  return query ? `${path}?${query}` : path;
}

/** The whole list for one operation, in a fixed order. */
export function fuzzRequests(document: OpenApiDocument, operation: OpenApiOperation, context: FuzzContext) {
  const random = seededRandom(context.seed);
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path').map(({ name }) => name);
  const validPath = Object.fromEntries(pathParameters.map((name) => [name, context.pathValue(operation, name)]));
  const requests: FuzzRequest[] = [];
  const add = (summary: string, extra: Partial<FuzzRequest> = {}) =>
    requests.push({ method: operation.method, path: pathWith(operation, validPath), summary, ...extra });

  const sample = operation.bodySchema
    ? (sampleOf(document, operation.bodySchema) as Record<string, unknown>)
    : undefined;
  const base = sample && context.baseBody ? context.baseBody(sample) : sample;
  const json = (value: unknown) => ({ rawBody: JSON.stringify(value), contentType: 'application/json' });
  add('plausible request', base === undefined ? {} : json(base));

  for (const name of pathParameters) {
    for (const garbage of [...PATH_GARBAGE, seededUuid(random)]) {
      add(`path ${name}=${garbage.slice(0, 40)}`, {
        path: pathWith(operation, { ...validPath, [name]: garbage }),
        ...(base === undefined ? {} : json(base)),
      });
    }
  }

  for (const parameter of operation.parameters.filter(({ in: where }) => where === 'query')) {
    const values = [...QUERY_GARBAGE, `a&${parameter.name}=b&${parameter.name}=c`, `${'x,'.repeat(1500)}x`];
    for (const garbage of values) {
      add(`query ${parameter.name}=${garbage.slice(0, 40)}`, {
        path: pathWith(operation, validPath, `${encodeURIComponent(parameter.name)}=${garbage}`),
      });
    }
  }
  if (operation.parameters.some(({ name, in: where }) => where === 'header' && name === 'Last-Event-ID')) {
    for (const garbage of ['abc', '-1', '999999999999999999999', 'x'.repeat(2000)]) {
      add(`Last-Event-ID ${garbage.slice(0, 40)}`, { headers: { 'last-event-id': garbage } });
    }
  }

  if (base === undefined) {
    return requests;
  }
  for (const [summary, rawBody] of rawBodies(context.bodyLimitBytes)) {
    add(`body: ${summary}`, { rawBody, contentType: 'application/json' });
  }
  add('urlencoded body with NUL', { rawBody: 'body=a%00b&name=%00', contentType: 'application/x-www-form-urlencoded' });
  add('text/plain body', { rawBody: '\u0000garbage', contentType: 'text/plain' });
  add('empty object', json({}));
  for (const required of operation.bodySchema?.required ?? []) {
    add(`missing ${required}`, json(withoutKey(base as Record<string, unknown>, required)));
  }
  const paths = pickPaths(nodePaths(base, 4), random);
  const slots = Math.max(paths.length * ROTATING_PER_FIELD, ROTATING_VALUES.length);
  const mutations: [JsonPath, [string, unknown]][] = paths.flatMap((path) =>
    ALWAYS_VALUES.map((value): [JsonPath, [string, unknown]] => [path, value]),
  );
  for (let slot = 0; slot < slots && paths.length > 0; slot += 1) {
    mutations.push([paths[slot % paths.length], ROTATING_VALUES[slot % ROTATING_VALUES.length]]);
  }
  for (const [path, [label, value]] of mutations) {
    add(`body${describePath(path)} = ${label}`, json(withValueAt(base, path, value)));
  }
  for (const [label, value] of HOSTILE_VALUES.slice(0, 12)) {
    add(`unknown field = ${label}`, json({ ...(base as object), unknownField: value }));
  }
  return requests;
}
