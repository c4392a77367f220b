import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseDeepJson } from '../../../apps/api/src/http/untrusted-input/deep-json.verify';
import { nestsDeeperThan } from '../../../apps/api/src/http/untrusted-input/json-depth.scan';
import { findUntrustedInput } from '../../../apps/api/src/http/untrusted-input/untrusted-value.walk';
import { unstorableText } from '../../../core/platform/db/storable-text';

const limits = { maxDepth: 32, maxArrayItems: 1000 };
const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;

describe('unstorableText', () => {
  it.each([
    ['a\u0000b', 'a NUL byte'],
    ['\uD800', 'an unpaired surrogate'],
    ['x\uDC00y', 'an unpaired surrogate'],
    ['\uDBFF\uDBFF\uDC00', 'an unpaired surrogate'],
    ['end \uD83D', 'an unpaired surrogate'],
  ])('refuses %j', (text, problem) => {
    expect(unstorableText(text)).toBe(problem);
  });

  it.each(['', 'plain', 'emoji 😀 pair \uD83D\uDE00', 'é ü 中文', '\uFFFD'])('accepts %j', (text) => {
    expect(unstorableText(text)).toBeUndefined();
  });
});

describe('findUntrustedInput', () => {
  it('names the field of a NUL byte in a value', () => {
    expect(findUntrustedInput({ reason: 'a\u0000b' }, 'body', limits)).toBe('body.reason contains a NUL byte');
  });

  it('names nested object and array positions', () => {
    const body = { rules: [{ name: 'ok' }, { name: 'ok' }, { name: 'bad\uD800' }] };
    expect(findUntrustedInput(body, 'body', limits)).toBe('body.rules[2].name contains an unpaired surrogate');
  });

  it('reports the first problem in document order', () => {
    expect(findUntrustedInput({ a: ['fine', '\u0000'], b: '\u0000' }, 'body', limits)).toBe(
      'body.a[1] contains a NUL byte',
    );
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(findUntrustedInput({ 'a-b': { 'c d': '\u0000' } }, 'body', limits)).toBe(
      'body["a-b"]["c d"] contains a NUL byte',
    );
  });

  it('refuses a NUL byte or lone surrogate in a key', () => {
    expect(findUntrustedInput({ attributes: { 'pl\u0000an': 1 } }, 'body', limits)).toBe(
      'a key of body.attributes ("pl\\u0000an") contains a NUL byte',
    );
    expect(findUntrustedInput({ ['\uDC00']: 1 }, 'query', limits)).toBe(
      'a key of query ("\\udc00") contains an unpaired surrogate',
    );
  });

  it('checks query strings and repeated query parameters', () => {
    expect(findUntrustedInput({ tag: '\u0000' }, 'query', limits)).toBe('query.tag contains a NUL byte');
    expect(findUntrustedInput({ tag: ['a', '\uD800'] }, 'query', limits)).toBe(
      'query.tag[1] contains an unpaired surrogate',
    );
  });

  it('limits array lengths', () => {
    expect(findUntrustedInput({ list: new Array(1000).fill(1) }, 'body', limits)).toBeUndefined();
    expect(findUntrustedInput({ list: new Array(1001).fill(1) }, 'body', limits)).toBe(
      'body.list has 1001 items; at most 1000 are allowed',
    );
  });

  it('limits nesting depth without recursion, even 100,000 levels deep', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level += 1) {
      deep = { a: deep };
    }
    expect(findUntrustedInput(deep, 'body', limits)).toMatch(/^body(\.a){32} nests deeper than 32 levels$/);
    let allowed: unknown = 'leaf';
    for (let level = 0; level < 32; level += 1) {
      allowed = [allowed];
    }
    expect(findUntrustedInput(allowed, 'body', limits)).toBeUndefined();
  });

  it('accepts ordinary input, numbers, booleans, null and undefined', () => {
    const body = { name: 'Billing 😀', count: 3, on: true, none: null, list: ['a', { b: 'c' }] };
    expect(findUntrustedInput(body, 'body', limits)).toBeUndefined();
    expect(findUntrustedInput(undefined, 'body', limits)).toBeUndefined();
    expect(findUntrustedInput(Buffer.from('a\u0000b'), 'body', limits)).toBeUndefined();
  });
});

describe('nestsDeeperThan', () => {
  it('counts objects and arrays up to the limit', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`, 32)).toBe(true);
    expect(nestsDeeperThan('{"a":[1,{"b":[2]}],"c":{}}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":[2]}],"c":{}}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: 'say \\"[[[[" twice' }), 1)).toBe(false);
  });

  it('scans 20,000+ levels in one pass', () => {
    expect(nestsDeeperThan(nested(50_000), 32)).toBe(true);
    expect(nestsDeeperThan(`{"a":${nested(20_000, '{"b":', '}')}}`, 32)).toBe(true);
  });
});

describe('refuseDeepJson (body-parser verify)', () => {
  const request = {} as IncomingMessage;
  const response = {} as ServerResponse;

  it('throws a 400 body-parser error for a body nested deeper than 32 levels', () => {
    const deep = Buffer.from(`{"a":${nested(20_000)}}`);
    expect(() => refuseDeepJson(request, response, deep, 'utf-8')).toThrow(
      expect.objectContaining({
        status: 400,
        type: 'validation_failed',
        message: 'body nests deeper than 32 levels',
      }),
    );
  });

  it('lets a shallow body through to JSON.parse', () => {
    expect(() => refuseDeepJson(request, response, Buffer.from('{"a":[1,{"b":2}]}'), 'utf-8')).not.toThrow();
  });
});
