import { parseArticle } from '../../../core/knowledge/article-blocks';
import { selectPassage } from '../../../core/knowledge/passage-selector';

/** A stand-in for the TF-IDF cosine: the share of the query's words found in the text. */
const overlapWith = (query: string) => {
  const words = query.toLowerCase().match(/\w+/g) ?? [];
  return (text: string) => {
    const present = new Set(text.toLowerCase().match(/\w+/g) ?? []);
    return words.filter((word) => present.has(word)).length / words.length;
  };
};

const GUIDE = `Spreadsheets can be embedded in any page.

## Embedding a sheet

Paste the sheet's share link into the page editor. The sheet appears after saving.

To size it by hand:

\`\`\`js
sheet.setCellSpacing(0);
var goToSheetClick = () => sheet.focus();
\`\`\`

## Removing a sheet

Select the sheet and press Delete. Undo restores it within 10 minutes.

- Deleted sheets stay in the trash for 30 days.
- Only owners can empty the trash.`;

describe('parsing an article into sections and blocks', () => {
  it('gives headings anchors and keeps code fences and lists as single blocks', () => {
    const sections = parseArticle(GUIDE);

    expect(sections.map((section) => section.anchor)).toEqual([null, 'embedding-a-sheet', 'removing-a-sheet']);
    expect(sections[1].blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'code']);
    expect(sections[1].blocks[2].text).toContain('var goToSheetClick');
    expect(sections[2].blocks.map((block) => block.kind)).toEqual(['paragraph', 'list']);
  });

  it('makes repeated headings unique', () => {
    const sections = parseArticle('# Setup\n\nOne.\n\n# Setup\n\nTwo.');
    expect(sections.map((section) => section.anchor)).toEqual(['setup', 'setup-1']);
  });

  it('separates a list from the lead-in line right above it', () => {
    const [section] = parseArticle('You need:\n- a hub\n- the app');
    expect(section.blocks).toEqual([
      { kind: 'paragraph', text: 'You need:' },
      { kind: 'list', text: '- a hub\n- the app' },
    ]);
  });
});

describe('choosing the passage that answers', () => {
  it('takes the lead of the section that matches, with its anchor', () => {
    const passage = selectPassage('Sheets', GUIDE, overlapWith('how do I delete a sheet and undo it'));

    expect(passage.anchor).toBe('removing-a-sheet');
    expect(passage.text.startsWith('Select the sheet and press Delete.')).toBe(true);
  });

  it('keeps a code block whole after a lead-in that ends with a colon, never starting mid-code', () => {
    const passage = selectPassage('Sheets', GUIDE, overlapWith('embedding sheet share link size by hand'));

    expect(passage.anchor).toBe('embedding-a-sheet');
    expect(passage.text).toContain('Paste the sheet');
    expect(passage.text).toContain('```js\nsheet.setCellSpacing(0);\nvar goToSheetClick = () => sheet.focus();\n```');
    expect(passage.text.startsWith('sheet.setCellSpacing')).toBe(false);
  });

  it('keeps a list whole when the lead is short', () => {
    const body = 'You need:\n\n- a Brightbox hub\n- the app, version 3 or later\n- a 2.4 GHz Wi-Fi network';
    const passage = selectPassage('Requirements', body, overlapWith('what do I need'));

    expect(passage.text).toBe(
      `You need:\n\n- a Brightbox hub\n- the app, version 3 or later\n- a 2.4 GHz Wi-Fi network`,
    );
  });

  it('ends at a sentence boundary when a paragraph is longer than the target', () => {
    const long = Array.from({ length: 20 }, (_, i) => `Sentence number ${i + 1} says something useful.`).join(' ');
    const passage = selectPassage('Long', long, overlapWith('sentence'));

    expect(passage.text.length).toBeLessThanOrEqual(460);
    expect(passage.text.endsWith('useful.')).toBe(true);
    expect(passage.text.startsWith('Sentence number 1 ')).toBe(true);
  });

  it('prefers the lead unless a later paragraph matches far better', () => {
    const lead =
      'Orders ship within 2 business days from our warehouse, and standard delivery takes 3 to 5 business days after that, free over 50 euros in the EU.';
    const body = `${lead}\n\nWe also ship to Norway and Switzerland, customs included.`;
    expect(selectPassage('Shipping', body, overlapWith('orders ship')).text).toBe(lead);
    expect(selectPassage('Shipping', body, overlapWith('norway switzerland customs')).text).toBe(
      'We also ship to Norway and Switzerland, customs included.',
    );
  });

  it('leaves out bracketed asides after the answer', () => {
    const body = 'Wash your hands often. [[Would you like to know more about hygiene?]]';
    expect(selectPassage('Hygiene', body, overlapWith('wash hands')).text).toBe('Wash your hands often.');
  });

  it('answers with the title when the body is empty', () => {
    expect(selectPassage('Opening hours', '', overlapWith('hours'))).toEqual({
      text: 'Opening hours',
      anchor: null,
      heading: null,
    });
  });
});
