import type { FeatureSettings } from './feature-settings';
import type { SoftmaxModel } from './softmax-regression';
import { TextClassifier } from './text-classifier';
import { TfidfVectorizer, type TermBlock } from './tfidf-vectorizer';

/**
 * Binary model format (little-endian), stored in a bytea column:
 *   "TLTC" | u16 format version | u16 reserved (0) | u32 header length | header JSON (UTF-8)
 *   | word terms | character terms   (each term: varint byte length + UTF-8)
 *   | f32 word idf | f32 character idf | f32 weights (feature-major, features × labels) | f32 bias (labels)
 * Weights and idf are float32 in memory too, so a decoded model predicts exactly what the encoded one did.
 */
const MAGIC = 'TLTC';
export const MODEL_FORMAT_VERSION = 1;

interface ModelHeader {
  labels: string[];
  features: FeatureSettings;
  wordTerms: number;
  charTerms: number;
}

export function encodeModel(classifier: TextClassifier): Buffer {
  const { vectorizer, model, labels } = classifier;
  const header: ModelHeader = {
    labels: [...labels],
    features: vectorizer.settings,
    wordTerms: vectorizer.wordBlock.terms.length,
    charTerms: vectorizer.charBlock.terms.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(12);
  preamble.write(MAGIC, 0, 'ascii');
  preamble.writeUInt16LE(MODEL_FORMAT_VERSION, 4);
  preamble.writeUInt16LE(0, 6);
  preamble.writeUInt32LE(headerBytes.length, 8);
  return Buffer.concat([
    preamble,
    headerBytes,
    encodeTerms(vectorizer.wordBlock.terms),
    encodeTerms(vectorizer.charBlock.terms),
    encodeFloats(vectorizer.wordBlock.idf),
    encodeFloats(vectorizer.charBlock.idf),
    encodeFloats(model.weights),
    encodeFloats(model.bias),
  ]);
}

export function decodeModel(buffer: Buffer): TextClassifier {
  const reader = new ByteReader(buffer);
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== MAGIC) {
    throw new Error('Not a Threadline topic model (missing "TLTC" header)');
  }
  reader.skip(4);
  const version = reader.uint16();
  if (version !== MODEL_FORMAT_VERSION) {
    throw new Error(`Unsupported topic model format version ${version} (this build reads ${MODEL_FORMAT_VERSION})`);
  }
  reader.skip(2);
  const header = parseHeader(reader.utf8(reader.uint32()));
  const wordTerms = reader.terms(header.wordTerms);
  const charTerms = reader.terms(header.charTerms);
  const wordBlock: TermBlock = { terms: wordTerms, idf: reader.floats(header.wordTerms) };
  const charBlock: TermBlock = { terms: charTerms, idf: reader.floats(header.charTerms) };
  const featureCount = header.wordTerms + header.charTerms;
  const classCount = header.labels.length;
  const model: SoftmaxModel = {
    featureCount,
    classCount,
    weights: reader.floats(featureCount * classCount),
    bias: reader.floats(classCount),
  };
  reader.expectEnd();
  return new TextClassifier(header.labels, new TfidfVectorizer(header.features, wordBlock, charBlock), model);
}

function parseHeader(json: string): ModelHeader {
  let header: Partial<ModelHeader>;
  try {
    header = JSON.parse(json) as Partial<ModelHeader>;
  } catch {
    throw new Error('Corrupt topic model: header is not JSON');
  }
  const count = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
  if (
    !Array.isArray(header.labels) ||
    header.labels.length === 0 ||
    !header.labels.every((label) => typeof label === 'string') ||
    typeof header.features !== 'object' ||
    !count(header.wordTerms) ||
    !count(header.charTerms)
  ) {
    throw new Error('Corrupt topic model: header lacks labels, feature settings or vocabulary sizes');
  }
  return header as ModelHeader;
}

function encodeTerms(terms: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const term of terms) {
    const bytes = Buffer.from(term, 'utf8');
    parts.push(encodeVarint(bytes.length), bytes);
  }
  return Buffer.concat(parts);
}

function encodeVarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function encodeFloats(values: Float32Array): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    buffer.writeFloatLE(values[i], i * 4);
  }
  return buffer;
}

/** Sequential reads that fail with a clear message instead of reading past the end. */
class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  skip(bytes: number): void {
    this.need(bytes);
    this.offset += bytes;
  }

  uint16(): number {
    this.need(2);
    const value = this.buffer.readUInt16LE(this.offset);
    this.offset += 2;
    return value;
  }

  uint32(): number {
    this.need(4);
    const value = this.buffer.readUInt32LE(this.offset);
    this.offset += 4;
    return value;
  }

  utf8(bytes: number): string {
    this.need(bytes);
    const text = this.buffer.toString('utf8', this.offset, this.offset + bytes);
    this.offset += bytes;
    return text;
  }

  terms(count: number): string[] {
    const terms = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      terms[i] = this.utf8(this.varint());
    }
    return terms;
  }

  floats(count: number): Float32Array {
    this.need(count * 4);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      values[i] = this.buffer.readFloatLE(this.offset + i * 4);
    }
    this.offset += count * 4;
    return values;
  }

  expectEnd(): void {
    if (this.offset !== this.buffer.length) {
      throw new Error(`Corrupt topic model: ${this.buffer.length - this.offset} unexpected trailing bytes`);
    }
  }

  private varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      this.need(1);
      const byte = this.buffer[this.offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) {
        return value;
      }
    }
    throw new Error('Corrupt topic model: malformed term length');
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.buffer.length) {
      throw new Error('Corrupt topic model: truncated');
    }
  }
}
