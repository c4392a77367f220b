import { detectLanguage, MIN_LETTERS } from '../../../core/triage/language-detector';

describe('language of a support message', () => {
  it.each([
    ['en', 'Where is my order?'],
    ['en', 'How do I reset my password?'],
    ['en', 'The app keeps crashing when I open it'],
    ['es', 'Hola, no puedo entrar en mi cuenta'],
    ['es', '¿Dónde está mi pedido?'],
    ['es', 'Quiero un reembolso de mi último pedido'],
    ['fr', 'Bonjour, je ne peux pas me connecter à mon compte'],
    ['fr', "Mon colis n'est pas arrivé"],
    ['fr', 'Je veux un remboursement pour ma dernière commande'],
    ['de', 'Hallo, ich kann mich nicht bei meinem Konto anmelden'],
    ['de', 'Mein Paket ist nicht angekommen'],
    ['de', 'Ich möchte eine Rückerstattung für meine letzte Bestellung'],
  ])('detects %s in "%s"', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(['hi', 'ok thanks', 'merci', 'refund pls', 'Order #12345 / 2024-05-01', '👍👍👍', '', '   '])(
    'does not guess from too few letters: "%s"',
    (text) => {
      expect(detectLanguage(text)).toBeNull();
    },
  );

  it(`needs ${MIN_LETTERS} letters, not characters: digits and punctuation do not count`, () => {
    expect(detectLanguage('Danke!!! 1234567890 ???')).toBeNull();
  });

  it('says nothing rather than a wrong language when the detector hesitates', () => {
    // tinyld ranks Italian first for this English sentence, but barely ahead of English.
    expect(detectLanguage('Hello, I cannot log into my account')).toBeNull();
  });
});
