import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { AdminPage, LoadState } from '../shared/admin-page';
import type { Article } from '../shared/admin-types';
import { ConfirmButton, FormError, Section } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { useWrite } from '../shared/use-write';
import { AnswerPreviewPanel } from './answer-preview';
import { ArticleForm, draftOf, NEW_ARTICLE, type ArticleDraft } from './article-form';

/** The knowledge base the bot answers from: articles to write, edit and delete, and a preview of the bot's answer. */
export function KnowledgePage() {
  const articles = useLoad(() => adminApi<Article[]>('GET', '/knowledge/articles'));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const write = useWrite();
  const removal = useWrite();
  const selected = articles.data?.find((article) => article.id === editing);

  const save = async (draft: ArticleDraft) => {
    const ok = await write.run(() =>
      editing === 'new'
        ? adminApi('POST', '/knowledge/articles', draft)
        : adminApi('PATCH', `/knowledge/articles/${editing}`, draft),
    );
    if (ok) {
      setEditing(null);
      articles.reload();
    }
  };

  return (
    <AdminPage title="Knowledge base" intro="The articles the bot answers customers from, with their citations.">
      <Section title="How would the bot answer this question?">
        <AnswerPreviewPanel />
      </Section>
      <Section
        title="Articles"
        actions={
          <button type="button" className="primary" onClick={() => (write.clear(), setEditing('new'))}>
            New article
          </button>
        }
      >
        <FormError error={removal.error} />
        {!articles.data ? (
          <LoadState error={articles.error} />
        ) : articles.data.length === 0 ? (
          <p className="muted">No articles yet: the bot hands every question to an agent.</p>
        ) : (
          <div className="table-wrap">
            <table className="admin-table" aria-label="Articles">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Tags</th>
                  <th scope="col">State</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {articles.data.map((article) => (
                  <tr key={article.id}>
                    <th scope="row">
                      <a href={`/app/articles/${encodeURIComponent(article.id)}`} target="_blank" rel="noreferrer">
                        {article.title}
                      </a>
                      <span className="muted cell-sub">{article.body.slice(0, 120)}</span>
                    </th>
                    <td>{article.tags.join(', ') || '—'}</td>
                    <td>{article.published ? 'Published' : 'Draft'}</td>
                    <td>{new Date(article.updatedAt).toLocaleString()}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        aria-label={`Edit ${article.title}`}
                        onClick={() => (write.clear(), setEditing(article.id))}
                      >
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Delete article"
                        disabled={removal.busy}
                        onConfirm={() =>
                          void removal
                            .run(() => adminApi('DELETE', `/knowledge/articles/${article.id}`))
                            .then((ok) => ok && articles.reload())
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {editing && (editing === 'new' || selected) && (
        <Section title={editing === 'new' ? 'New article' : 'Edit article'}>
          <ArticleForm
            key={editing}
            creating={editing === 'new'}
            initial={selected ? draftOf(selected) : NEW_ARTICLE}
            busy={write.busy}
            error={write.error}
            problems={write.problems}
            onSubmit={(draft) => void save(draft)}
            onCancel={() => setEditing(null)}
          />
        </Section>
      )}
    </AdminPage>
  );
}
