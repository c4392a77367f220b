import { useState } from 'react';
import type { FieldProblem } from '../shared/admin-api';
import type { Article } from '../shared/admin-types';
import { CheckField, FormError, ListField, TextArea, TextField } from '../shared/fields';

export interface ArticleDraft {
  title: string;
  body: string;
  tags: string[];
  published: boolean;
}

export const NEW_ARTICLE: ArticleDraft = { title: '', body: '', tags: [], published: true };
export const draftOf = ({ title, body, tags, published }: Article): ArticleDraft => ({ title, body, tags, published });

/** An article's title, body (paragraphs become the passages the bot cites), tags and whether the bot may use it. */
export function ArticleForm(props: {
  initial: ArticleDraft;
  creating: boolean;
  busy: boolean;
  error: string | null;
  problems: FieldProblem[];
  onSubmit(draft: ArticleDraft): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const { problems } = props;
  return (
    <form
      noValidate
      className="admin-form"
      aria-label={props.creating ? 'New article' : 'Edit article'}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(draft);
      }}
    >
      <FormError error={props.error} problems={problems} />
      <TextField
        label="Title"
        field="title"
        problems={problems}
        value={draft.title}
        onChange={(title) => setDraft({ ...draft, title })}
      />
      <TextArea
        label="Body"
        field="body"
        rows={12}
        problems={problems}
        hint="Plain text or Markdown; blank lines separate the passages the bot can cite."
        value={draft.body}
        onChange={(body) => setDraft({ ...draft, body })}
      />
      <ListField
        label="Tags"
        field="tags"
        problems={problems}
        value={draft.tags}
        onChange={(tags) => setDraft({ ...draft, tags })}
      />
      <CheckField
        label="Published (the bot answers from published articles only)"
        field="published"
        problems={problems}
        checked={draft.published}
        onChange={(published) => setDraft({ ...draft, published })}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.creating ? 'Create article' : 'Save article'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
