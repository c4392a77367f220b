import { ADMIN_ROUTES } from './admin/admin-routes';
import { ArticlePage } from './articles/article-page';
import { InboxPage } from './inbox/inbox-page';
import { AppShell } from './layout/app-shell';
import { usePath } from './router';
import { SignIn } from './session/sign-in';
import { useSession } from './session/session';

/** Signed out: the sign-in form. Signed in: the inbox, a conversation, a cited article, or an admin screen. */
export function App() {
  const { agent, loading } = useSession();
  const path = usePath();
  if (loading) return <p className="muted centered">Loading…</p>;
  if (!agent) return <SignIn />;
  const conversation = /^\/conversations\/([0-9a-f-]{36})$/i.exec(path);
  const article = /^\/articles\/([^/]+)$/.exec(path);
  if (article) return <ArticlePage articleId={decodeURIComponent(article[1])} />;
  const admin = agent.role === 'admin' ? ADMIN_ROUTES.find((route) => route.path === path) : undefined;
  if (admin) return <AppShell live>{admin.element()}</AppShell>;
  return <InboxPage openId={conversation ? conversation[1] : null} />;
}
