import {
  decodeModel,
  encodeModel,
  MODEL_FORMAT_VERSION,
  trainTextClassifier,
  type LabelledText,
} from '../../../core/triage/classifier';
import topics from '../../fixtures/classifier/support-topics.json';

const probes = [...topics.heldOut.map((example) => example.text), '', 'Émoji 🎉 and ünïcödé: “my invoice’s wrong”'];

describe('topic model codec', () => {
  const emojiExample: LabelledText = { text: 'party 🎉🎉 time', label: 'general' };
  const classifier = trainTextClassifier([...topics.train, emojiExample]);

  it('round-trips to a model that makes identical predictions', () => {
    const decoded = decodeModel(encodeModel(classifier));
    expect(decoded.labels).toEqual(classifier.labels);
    expect(decoded.vectorizer.settings).toEqual(classifier.vectorizer.settings);
    expect(decoded.vectorizer.charBlock.terms).toEqual(classifier.vectorizer.charBlock.terms);
    expect(probes.map((text) => decoded.predict(text))).toEqual(probes.map((text) => classifier.predict(text)));
  });

  it('encodes the same model to the same bytes', () => {
    const bytes = encodeModel(classifier);
    expect(encodeModel(decodeModel(bytes)).equals(bytes)).toBe(true);
  });

  it('starts with a magic number and the format version', () => {
    const bytes = encodeModel(classifier);
    expect(bytes.toString('ascii', 0, 4)).toBe('TLTC');
    expect(bytes.readUInt16LE(4)).toBe(MODEL_FORMAT_VERSION);
  });

  it('rejects bytes that are not a model, a newer format, or a truncated model', () => {
    const bytes = encodeModel(classifier);
    expect(() => decodeModel(Buffer.from('not a model at all'))).toThrow(/Not a Threadline topic model/);
    const newer = Buffer.from(bytes);
    newer.writeUInt16LE(MODEL_FORMAT_VERSION + 1, 4);
    expect(() => decodeModel(newer)).toThrow(/Unsupported topic model format version/);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
    expect(() => decodeModel(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/trailing bytes/);
  });
});
