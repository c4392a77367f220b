import { findKeyword, normaliseKeyword } from '../../../core/routing/keyword-match';

describe('findKeyword', () => {
  it('finds whole words only', () => {
    expect(findKeyword('My account is down', ['down'])).toBe('down');
    expect(findKeyword('I need to download it', ['down'])).toBeNull();
    expect(findKeyword('down-time again', ['down'])).toBe('down');
    expect(findKeyword('refund_request', ['refund'])).toBeNull();
  });

  it('ignores case and folds curly apostrophes and repeated spaces in phrases', () => {
    expect(findKeyword('I CAN’T LOG   IN', ["can't log in"])).toBe("can't log in");
    expect(findKeyword("can't login", ["can't log in"])).toBeNull();
  });

  it('treats letters of any script as word characters', () => {
    expect(findKeyword('Un café, svp', ['café'])).toBe('café');
    expect(findKeyword('Deux cafés', ['café'])).toBeNull();
    // Decomposed é (e + combining accent) is the same keyword.
    expect(findKeyword('Un cafe\u0301 noir', ['café'])).toBe('café');
    expect(findKeyword('Где мой счёт?', ['счёт'])).toBe('счёт');
    expect(findKeyword('Нет счёта', ['счёт'])).toBeNull();
  });

  it('matches keywords in scripts written without spaces anywhere in the text', () => {
    expect(findKeyword('請求書が届きません', ['請求書'])).toBe('請求書');
  });

  it('treats regular-expression characters literally', () => {
    expect(findKeyword('Is c++ supported?', ['c++'])).toBe('c++');
    expect(findKeyword('order (#123)', ['(#123)'])).toBe('(#123)');
    expect(findKeyword('a.b', ['a?b'])).toBeNull();
  });

  it('returns the first keyword of the list that is found', () => {
    expect(findKeyword('refund and cancel', ['cancel', 'refund'])).toBe('cancel');
    expect(findKeyword('nothing here', [' ', 'missing'])).toBeNull();
  });
});

describe('normaliseKeyword', () => {
  it('trims, lowercases, collapses spaces and straightens apostrophes', () => {
    expect(normaliseKeyword('  Can’t   Log In ')).toBe("can't log in");
  });
});
