import { splitSentences } from '../../../core/knowledge/sentences';

describe('splitting prose into sentences', () => {
  it('ends sentences at full stops, question and exclamation marks followed by a capital', () => {
    expect(splitSentences('Forgot it? Click the link. It works!  Then sign in.')).toEqual([
      'Forgot it?',
      'Click the link.',
      'It works!',
      'Then sign in.',
    ]);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(splitSentences('Use e.g. Chrome. Ask Dr. Smith or J. Doe at 3.5 GHz. Done.')).toEqual([
      'Use e.g. Chrome.',
      'Ask Dr. Smith or J. Doe at 3.5 GHz.',
      'Done.',
    ]);
  });

  it('keeps a closing quote or bracket with its sentence', () => {
    expect(splitSentences('Click "Save." Then leave (for now.) Bye.')).toEqual([
      'Click "Save."',
      'Then leave (for now.)',
      'Bye.',
    ]);
  });

  it('treats text without an end mark as one sentence, and nothing as none', () => {
    expect(splitSentences('no punctuation here')).toEqual(['no punctuation here']);
    expect(splitSentences('   ')).toEqual([]);
  });
});
