import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import type { AnswerPreview } from '../shared/admin-types';
import { FormError, TextField } from '../shared/fields';
import { useWrite } from '../shared/use-write';

/** "How would the bot answer this question?": POST /knowledge/preview, which runs the answer engine and stores nothing. */
export function AnswerPreviewPanel() {
  const [question, setQuestion] = useState('');
  const [preview, setPreview] = useState<AnswerPreview | null>(null);
  const ask = useWrite();
  return (
    <div className="answer-preview">
      <form
        noValidate
        className="admin-form inline-form"
        aria-label="Preview the bot's answer"
        onSubmit={(event) => {
          event.preventDefault();
          void ask.run(async () =>
            setPreview(await adminApi<AnswerPreview>('POST', '/knowledge/preview', { question })),
          );
        }}
      >
        <TextField
          label="Customer question"
          field="question"
          problems={ask.problems}
          placeholder="How long does express shipping take?"
          value={question}
          onChange={setQuestion}
        />
        <button type="submit" className="primary" disabled={ask.busy}>
          {ask.busy ? 'Asking…' : 'Preview answer'}
        </button>
      </form>
      <FormError error={ask.error} problems={ask.problems} />
      {preview && (
        <div className="preview-result" role="region" aria-label="Preview result" aria-live="polite">
          <p className={`outcome outcome-${preview.outcome}`}>
            {preview.outcome === 'send'
              ? 'The bot would send this answer.'
              : preview.wantsHuman
                ? 'The bot would hand off: the customer asks for a person.'
                : preview.text
                  ? 'The bot would hand off: not confident enough.'
                  : 'The bot would hand off: nothing in the knowledge base answers this.'}{' '}
            <span className="muted">
              Confidence {preview.confidence.toFixed(2)} (sends at {preview.threshold.toFixed(2)} or more) · engine{' '}
              {preview.engine}
            </span>
          </p>
          {preview.text && <p className="preview-text">{preview.text}</p>}
          {preview.citations.length > 0 && (
            <ul className="citations" aria-label="Cited articles">
              {preview.citations.map((citation, index) => (
                <li key={`${citation.articleId}-${index}`}>
                  <a
                    href={`/app/articles/${encodeURIComponent(citation.articleId)}${citation.anchor ? `#${encodeURIComponent(citation.anchor)}` : ''}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {citation.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
