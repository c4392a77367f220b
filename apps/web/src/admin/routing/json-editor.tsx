import { useEffect, useId, useState } from 'react';
import type { FieldProblem } from '../shared/admin-api';
import type { PolicyDocument } from './policy-types';

const pathOf = (p: FieldProblem) =>
  p.ruleIndex == null
    ? p.field || '(document)'
    : p.field
      ? `rules[${p.ruleIndex}].${p.field}`
      : `rules[${p.ruleIndex}]`;

/** The policy as JSON, for pasting or bulk edits; text that does not parse stays here and is not sent. */
export function JsonEditor({
  document,
  problems,
  onChange,
}: {
  document: PolicyDocument;
  problems: readonly FieldProblem[];
  onChange(document: PolicyDocument): void;
}) {
  const id = useId();
  const pretty = JSON.stringify(document, null, 2);
  const [text, setText] = useState(pretty);
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    const same = sameDocument(text, document);
    if (!same && !parseError) setText(pretty);
    // Only an outside change of the document replaces the text being typed.
  }, [pretty]);
  return (
    <div className="json-editor">
      <label htmlFor={id}>Policy document (JSON)</label>
      <textarea
        id={id}
        rows={24}
        spellCheck={false}
        value={text}
        aria-invalid={Boolean(parseError) || problems.length > 0 || undefined}
        aria-describedby={`${id}-problems`}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const parsed: unknown = JSON.parse(event.target.value);
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
              throw new Error('The policy must be a JSON object');
            setParseError(null);
            onChange(parsed as PolicyDocument);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      <div id={`${id}-problems`}>
        {parseError && (
          <p className="field-error" role="alert">
            Not valid JSON: {parseError}
          </p>
        )}
        {problems.length > 0 && (
          <ul className="json-problems" aria-label="Problems in the policy">
            {problems.map((problem, index) => (
              <li key={index} className="field-error">
                <code>{pathOf(problem)}</code> {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function sameDocument(text: string, document: PolicyDocument): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(document);
  } catch {
    return false;
  }
}
