import type { LabelledText } from './train-text-classifier';

/**
 * Parses RFC 4180 CSV: comma-separated fields, optionally double-quoted; inside quotes, commas and line breaks are
 * literal and `""` is one quote. Accepts LF or CRLF line ends and a leading byte-order mark; skips blank lines.
 */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') {
      rows.push(row);
    }
    row = [];
    field = '';
  };
  for (; i < content.length; i++) {
    const char = content[i];
    if (quoted) {
      if (char !== '"') {
        field += char;
      } else if (content[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[i + 1] === '\n') {
        i++;
      }
      endRow();
    } else {
      field += char;
    }
  }
  if (quoted) {
    throw new Error('CSV ends inside a quoted field');
  }
  if (field !== '' || row.length > 0) {
    endRow();
  }
  return rows;
}

/** Reads labelled messages from CSV with a header row naming the text and label columns. */
export function labelledTextsFromCsv(
  content: string,
  columns: { text: string; label: string } = { text: 'text', label: 'category' },
): LabelledText[] {
  const [header, ...rows] = parseCsv(content);
  const textColumn = header?.indexOf(columns.text) ?? -1;
  const labelColumn = header?.indexOf(columns.label) ?? -1;
  if (textColumn < 0 || labelColumn < 0) {
    throw new Error(`CSV header must name the columns "${columns.text}" and "${columns.label}"`);
  }
  return rows.map((fields, i) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${i + 2} has ${fields.length} fields; the header has ${header.length}`);
    }
    return { text: fields[textColumn], label: fields[labelColumn] };
  });
}
