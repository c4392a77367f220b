import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { AdminPage, LoadState } from '../shared/admin-page';
import type { Classifier, Topic } from '../shared/admin-types';
import { FormError, Section, TextArea, TextField } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { useWrite } from '../shared/use-write';
import { ClassifierPanel } from './classifier-panel';
import { TopicDetailPanel } from './topic-detail';

/** Topic categories the classifier tags conversations with, their example messages, and the classifier itself. */
export function TopicsPage() {
  const topics = useLoad(() => adminApi<Topic[]>('GET', '/topics'));
  const classifier = useLoad(() => adminApi<Classifier>('GET', '/topics/classifier'));
  const [openId, setOpenId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [examples, setExamples] = useState('');
  const creation = useWrite();
  const reloadAll = () => (topics.reload(), classifier.reload());

  return (
    <AdminPage title="Topics" intro="Categories a conversation is tagged with, learned from example messages.">
      <Section title="Classifier">
        {classifier.data ? (
          <ClassifierPanel classifier={classifier.data} onChanged={reloadAll} />
        ) : (
          <LoadState error={classifier.error} />
        )}
      </Section>
      <Section title="Categories">
        {!topics.data ? (
          <LoadState error={topics.error} />
        ) : topics.data.length === 0 ? (
          <p className="muted">No topics yet.</p>
        ) : (
          <ul className="card-list" aria-label="Topics">
            {topics.data.map((topic) => (
              <li key={topic.id} className={topic.id === openId ? 'selected' : ''}>
                <button
                  type="button"
                  aria-expanded={topic.id === openId}
                  onClick={() => setOpenId(topic.id === openId ? null : topic.id)}
                >
                  <span className="cell-title">{topic.name}</span>
                  <span className="muted cell-sub">
                    {topic.exampleCount} example{topic.exampleCount === 1 ? '' : 's'}
                    {topic.description ? ` · ${topic.description}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {openId && (
        <Section title="Topic">
          <TopicDetailPanel
            key={openId}
            topicId={openId}
            onChanged={reloadAll}
            onDeleted={() => (setOpenId(null), reloadAll())}
          />
        </Section>
      )}
      <Section title="New topic">
        <form
          noValidate
          className="admin-form"
          aria-label="New topic"
          onSubmit={(event) => {
            event.preventDefault();
            const lines = examples
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean);
            void creation
              .run(() =>
                adminApi('POST', '/topics', { name, ...(description ? { description } : {}), examples: lines }),
              )
              .then((ok) => {
                if (ok) {
                  setName('');
                  setDescription('');
                  setExamples('');
                  reloadAll();
                }
              });
          }}
        >
          <FormError error={creation.error} problems={creation.problems} />
          <div className="form-grid">
            <TextField label="Name" field="name" problems={creation.problems} value={name} onChange={setName} />
            <TextField
              label="Description"
              field="description"
              problems={creation.problems}
              value={description}
              onChange={setDescription}
            />
          </div>
          <TextArea
            label="Examples, one message per line"
            field="examples"
            problems={creation.problems}
            rows={3}
            value={examples}
            onChange={setExamples}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={creation.busy}>
              Create topic
            </button>
          </div>
        </form>
      </Section>
    </AdminPage>
  );
}
