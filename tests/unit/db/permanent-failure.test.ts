import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { classifyPermanentFailure } from '../../../core/platform/db/permanent-failure';
import { hasUnstorableText, toStorableJson, toStorableText } from '../../../core/platform/db/storable-text';
import { DomainError } from '../../../core/platform/errors/domain-error';

/** A pg error as the driver raises it: SQLSTATE in `code`. */
function pgError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

const queryFailed = (driverError: Error) => new QueryFailedError('INSERT …', [], driverError);

describe('classifying errors that escape an activity', () => {
  it.each([
    ['a NUL byte in text', '22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['an unpaired surrogate in jsonb', '22P02', 'invalid input syntax for type json'],
    ['a NUL escape in jsonb', '22P05', 'unsupported Unicode escape sequence'],
    ['a check constraint', '23514', 'new row for relation "messages" violates check constraint "x"'],
    ['a unique violation nobody handled', '23505', 'duplicate key value violates unique constraint "y"'],
    ['an index row too large', '54000', 'index row size 3000 exceeds btree version 4 maximum 2704'],
  ])('%s is permanent, raw or wrapped by TypeORM', (_, code, message) => {
    for (const error of [pgError(code, message), queryFailed(pgError(code, message))]) {
      const permanent = classifyPermanentFailure(error);
      expect(permanent).toEqual({ sqlState: code, message: expect.stringContaining(message) });
      expect(permanent?.message).toContain(`SQLSTATE ${code}`);
    }
  });

  it('finds the database error behind a cause', () => {
    const error = new Error('could not store the message', { cause: queryFailed(pgError('22021', 'bad byte')) });
    expect(classifyPermanentFailure(error)?.sqlState).toBe('22021');
  });

  it.each([
    ['a serialization failure', pgError('40001', 'could not serialize access')],
    ['a deadlock', pgError('40P01', 'deadlock detected')],
    ['a lost connection', pgError('08006', 'connection failure')],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    ['a query cancelled by timeout', queryFailed(pgError('57014', 'canceling statement due to statement timeout'))],
    ['a refused TCP connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a broken pipe', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['a plain error', new Error('vendor timed out')],
    ['a domain error other than validation', new DomainError('not_found', 'No conversation x')],
  ])('%s is retryable', (_, error) => {
    expect(classifyPermanentFailure(error)).toBeUndefined();
  });

  it('treats a failed validation as permanent', () => {
    expect(classifyPermanentFailure(new DomainError('validation_failed', 'A re-tag needs a topic'))).toEqual({
      sqlState: null,
      message: 'A re-tag needs a topic',
    });
  });

  it('keeps its message storable and short', () => {
    const permanent = classifyPermanentFailure(pgError('22P02', `bad ${'x'.repeat(600)}\u0000 \ud83d\ude00`));
    expect(permanent!.message.length).toBeLessThanOrEqual(500);
    expect(hasUnstorableText(permanent!.message)).toBe(false);
  });
});

describe('storable text', () => {
  it('replaces NUL bytes and unpaired surrogates, and keeps pairs', () => {
    expect(toStorableText('a\u0000b')).toBe('a\uFFFDb');
    expect(toStorableText('x\ud800y\udc00z')).toBe('x\uFFFDy\uFFFDz');
    expect(toStorableText('end\ud83d')).toBe('end\uFFFD');
    expect(toStorableText('emoji \ud83d\ude00 ok')).toBe('emoji \ud83d\ude00 ok');
    expect(hasUnstorableText('emoji \ud83d\ude00 ok')).toBe(false);
    expect(hasUnstorableText('a\u0000')).toBe(true);
  });

  it('cleans every string of a JSON value, keys included', () => {
    expect(toStorableJson({ 'k\u0000': ['v\ud800', 1, null, { deep: 'ok' }] })).toEqual({
      'k\uFFFD': ['v\uFFFD', 1, null, { deep: 'ok' }],
    });
  });
});
