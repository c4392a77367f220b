import type { DataSource } from 'typeorm';
import { ExtractiveAnswerEngine } from '../../core/knowledge/answer/extractive-answer.engine';
import { KbArticleRepository } from '../../core/knowledge/kb-article.repository';
import { KnowledgeSearchRepository } from '../../core/knowledge/knowledge-search.repository';
import { TenantRepository } from '../../core/tenants/tenant.repository';
import { chunkArticle } from '../../core/knowledge/chunk-article';

const ARTICLES: { title: string; body: string }[] = [
  {
    title: 'Resetting your password',
    body: 'To reset your password, open Settings, choose Security and click "Reset password". We email you a link that works for one hour.',
  },
  {
    title: 'Refund policy',
    body: 'Refunds are issued to the original payment method within 14 days of a return. Digital purchases can be refunded within 30 days if unused.',
  },
  {
    title: 'Shipping times',
    body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives in 1 to 2 business days and costs 12 dollars.',
  },
  {
    title: 'Changing your subscription plan',
    body: 'You can upgrade or downgrade your subscription plan from the Billing page. Upgrades apply immediately; downgrades apply at the next renewal.',
  },
  {
    title: 'Exporting your data',
    body: 'Administrators can export all workspace data as CSV from Settings, then Data export. Large exports are emailed as a download link.',
  },
  {
    title: 'Two-factor authentication',
    body: 'Enable two-factor authentication under Security settings with any authenticator app. Backup codes let you sign in if you lose your phone.',
  },
];

const QUESTIONS = [
  'How do I reset my password?',
  'When will my refund be issued after a return?',
  'How long does standard shipping take?',
  'How much does express shipping cost?',
  'Can I downgrade my subscription plan?',
  'How do I export workspace data as CSV?',
  'How do I enable two-factor authentication?',
  'What if I lose my phone with two-factor authentication backup codes?',
  'Can digital purchases be refunded?',
  'Does the password reset link expire?',
  'When do subscription plan upgrades apply?',
  'Are large data exports emailed?',
];

export interface BenchTenant {
  tenantId: string;
  widgetKey: string;
  /** Questions the bot answers (confidence at or above the hand-off threshold), so no conversation escalates. */
  questions: string[];
}

/** A tenant with six knowledge-base articles, and the questions of QUESTIONS the offline engine answers. */
export async function seedBenchTenant(dataSource: DataSource, threshold: number): Promise<BenchTenant> {
  const { tenant } = await new TenantRepository(dataSource).ensure('bench', 'Bench Inc.');
  for (const article of ARTICLES) {
    await dataSource.transaction(async (manager) => {
      const articles = new KbArticleRepository(manager);
      const row = await articles.create(tenant.id, { ...article, tags: [], published: true });
      await articles.replaceChunks(tenant.id, row.id, chunkArticle(article.title, article.body));
    });
  }
  const engine = new ExtractiveAnswerEngine(new KnowledgeSearchRepository(dataSource));
  const questions: string[] = [];
  for (const question of QUESTIONS) {
    const answer = await engine.answer({ tenantId: tenant.id, question });
    if (!answer.wantsHuman && answer.text !== '' && answer.confidence >= threshold) {
      questions.push(question);
    }
  }
  if (questions.length === 0) {
    throw new Error('The bench knowledge base answers none of its questions; the bot would escalate every message');
  }
  return { tenantId: tenant.id, widgetKey: tenant.widgetKey, questions };
}
