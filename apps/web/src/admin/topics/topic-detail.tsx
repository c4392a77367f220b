import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { LoadState } from '../shared/admin-page';
import type { TopicDetail } from '../shared/admin-types';
import { ConfirmButton, FormError, TextArea, TextField } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { useWrite } from '../shared/use-write';

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** One topic category: rename or describe it, its example messages (add, remove), delete it. */
export function TopicDetailPanel({
  topicId,
  onChanged,
  onDeleted,
}: {
  topicId: string;
  onChanged(): void;
  onDeleted(): void;
}) {
  const detail = useLoad(() => adminApi<TopicDetail>('GET', `/topics/${topicId}?limit=200`), topicId);
  if (!detail.data) return <LoadState error={detail.error} />;
  return (
    <TopicDetailForms
      key={detail.data.updatedAt + detail.data.exampleCount}
      topic={detail.data}
      onChanged={() => (detail.reload(), onChanged())}
      onDeleted={onDeleted}
    />
  );
}

function TopicDetailForms({
  topic,
  onChanged,
  onDeleted,
}: {
  topic: TopicDetail;
  onChanged(): void;
  onDeleted(): void;
}) {
  const [name, setName] = useState(topic.name);
  const [description, setDescription] = useState(topic.description ?? '');
  const [newExamples, setNewExamples] = useState('');
  const rename = useWrite();
  const adding = useWrite();
  const removal = useWrite();
  return (
    <div className="topic-detail">
      <form
        noValidate
        className="admin-form"
        aria-label={`Edit topic ${topic.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          void rename
            .run(() => adminApi('PATCH', `/topics/${topic.id}`, { name, description: description || null }))
            .then((ok) => ok && onChanged());
        }}
      >
        <FormError error={rename.error} problems={rename.problems} />
        <div className="form-grid">
          <TextField label="Topic name" field="name" problems={rename.problems} value={name} onChange={setName} />
          <TextField
            label="Description"
            field="description"
            problems={rename.problems}
            value={description}
            onChange={setDescription}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={rename.busy}>
            Save topic
          </button>
          <ConfirmButton
            label="Delete topic"
            confirmLabel={`Delete ${topic.name} and its examples`}
            disabled={removal.busy}
            onConfirm={() =>
              void removal.run(() => adminApi('DELETE', `/topics/${topic.id}`)).then((ok) => ok && onDeleted())
            }
          />
        </div>
      </form>
      <form
        noValidate
        className="admin-form"
        aria-label={`Add examples to ${topic.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          void adding
            .run(() => adminApi('POST', `/topics/${topic.id}/examples`, { examples: linesOf(newExamples) }))
            .then((ok) => {
              if (ok) {
                setNewExamples('');
                onChanged();
              }
            });
        }}
      >
        <FormError error={adding.error} problems={adding.problems} />
        <TextArea
          label="New examples, one message per line"
          field="examples"
          problems={adding.problems}
          rows={3}
          value={newExamples}
          onChange={setNewExamples}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={adding.busy}>
            Add examples
          </button>
        </div>
      </form>
      <FormError error={removal.error} />
      <h3>
        Examples ({topic.exampleCount}
        {topic.exampleCount > topic.examples.length ? `, newest ${topic.examples.length} shown` : ''})
      </h3>
      {topic.examples.length === 0 ? (
        <p className="muted">No examples: the classifier cannot learn this topic until it has some.</p>
      ) : (
        <ul className="examples" aria-label={`Examples of ${topic.name}`}>
          {topic.examples.map((example) => (
            <li key={example.id}>
              <span className="example-text">{example.text}</span>
              <span className="muted">
                {example.source === 'agent_retag' ? 'from an agent re-tag' : 'added by an admin'}
              </span>
              <button
                type="button"
                className="link"
                aria-label={`Remove example: ${example.text.slice(0, 60)}`}
                disabled={removal.busy}
                onClick={() =>
                  void removal
                    .run(() => adminApi('DELETE', `/topics/${topic.id}/examples/${example.id}`))
                    .then((ok) => ok && onChanged())
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
