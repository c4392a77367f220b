import { useEffect, useState } from 'react';
import { api } from '../api/http';
import { AppShell } from '../layout/app-shell';

interface Article {
  id: string;
  title: string;
  body: string;
  updatedAt?: string;
}

/** A knowledge-base article as the bot cited it; its body is shown as text, paragraph by paragraph. */
export function ArticlePage({ articleId }: { articleId: string }) {
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Article>('GET', `/knowledge/articles/${encodeURIComponent(articleId)}`).then(setArticle, (failure: Error) =>
      setError(failure.message),
    );
  }, [articleId]);
  return (
    <AppShell live>
      <main className="article-page">
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {article && (
          <article>
            <h1>{article.title}</h1>
            {article.body.split(/\n\s*\n/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </article>
        )}
      </main>
    </AppShell>
  );
}
