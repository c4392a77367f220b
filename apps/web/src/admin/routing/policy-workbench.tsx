import { useEffect, useState } from 'react';
import { adminApi, type FieldProblem } from '../shared/admin-api';
import { ConfirmButton, FormError, Section, TextField } from '../shared/fields';
import { useWrite } from '../shared/use-write';
import { DryRunResult } from './dry-run-report';
import { JsonEditor } from './json-editor';
import { normalisedDocument } from './policy-edits';
import { PolicyForm } from './policy-form';
import type { DryRunReport, PolicyDocument, PolicyReferences, PolicyState } from './policy-types';

/**
 * Editing the draft: the rules as a form or as JSON, saved as the draft, checked, dry-run on recent traffic, and
 * published. Every problem the API names (on save, check or publish) is shown on the rule and field it is about.
 * After each write the screen reads the policy back (onChanged), never assuming what the server stored.
 */
export function PolicyWorkbench({
  state,
  refs,
  onChanged,
}: {
  state: PolicyState;
  refs: PolicyReferences;
  onChanged(): void;
}) {
  const base = normalisedDocument(state.draft?.document ?? state.published?.document);
  const [document, setDocument] = useState<PolicyDocument>(base);
  const [note, setNote] = useState(state.draft?.note ?? '');
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [checked, setChecked] = useState<string | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const write = useWrite();
  useEffect(() => {
    // After a refused save, check or publish, bring the first field with a problem into view.
    if (problems.length === 0) return;
    const first = window.document.querySelector(
      '.admin-page [aria-invalid="true"], .admin-page .rule-card.has-problems',
    );
    first?.scrollIntoView({ block: 'center' });
  }, [problems]);
  const dirty = JSON.stringify(document) !== JSON.stringify(base) || (note || null) !== (state.draft?.note ?? null);

  const attempt = async (run: () => Promise<unknown>): Promise<boolean> => {
    setChecked(null);
    let failed: FieldProblem[] = [];
    const ok = await write.run(async () => {
      try {
        await run();
      } catch (error) {
        failed = (error as { problems?: FieldProblem[] }).problems ?? [];
        throw error;
      }
    });
    setProblems(ok ? [] : failed);
    return ok;
  };
  const saveDraft = () => adminApi('PUT', '/routing/policy/draft', { document, note: note || null });

  const save = async () => {
    if (await attempt(saveDraft)) onChanged();
  };
  const check = async () => {
    const ok = await attempt(async () => {
      const result = await adminApi<{ valid: boolean; problems: FieldProblem[] }>('POST', '/routing/policy/validate', {
        document,
      });
      if (!result.valid) {
        const error = new Error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found`);
        throw Object.assign(error, { problems: result.problems });
      }
    });
    if (ok) setChecked('No problems: this policy can be published.');
  };
  const dryRun = async () => {
    setReport(null);
    await attempt(async () =>
      setReport(await adminApi<DryRunReport>('POST', '/routing/policy/dry-run', { document, last: 200 })),
    );
  };
  const publish = async () => {
    const ok = await attempt(async () => {
      if (dirty || !state.draft) await saveDraft();
      await adminApi('POST', '/routing/policy/draft/publish', { note: note || null });
    });
    if (ok) onChanged();
  };
  const discard = async () => {
    if (await attempt(() => adminApi('DELETE', '/routing/policy/draft'))) onChanged();
  };

  const documentProblems = problems.filter((p) => p.ruleIndex == null && !p.field.startsWith('fallback'));
  return (
    <Section
      title={state.draft ? `Draft v${state.draft.version}` : 'New draft'}
      actions={
        <div className="mode-switch" role="group" aria-label="Edit as">
          <button type="button" aria-pressed={mode === 'form'} onClick={() => setMode('form')}>
            Form
          </button>
          <button type="button" aria-pressed={mode === 'json'} onClick={() => setMode('json')}>
            JSON
          </button>
        </div>
      }
    >
      <p className="muted">
        {state.draft
          ? `Based on ${state.draft.basedOnVersion === null ? 'nothing published' : `v${state.draft.basedOnVersion}`}; last saved ${new Date(state.draft.updatedAt).toLocaleString()}${state.draft.updatedBy?.name ? ` by ${state.draft.updatedBy.name}` : ''}.`
          : state.published
            ? `Starts from the published v${state.published.version}; nothing changes for conversations until you publish.`
            : 'No policy is published: every conversation goes to the tenant-wide queue.'}
        {dirty && ' Unsaved changes.'}
      </p>
      <div className="policy-status" aria-live="polite">
        <FormError error={write.error} problems={problems} />
        {documentProblems.map((problem, index) => (
          <p key={index} className="field-error" role="alert">
            {problem.field ? `${problem.field}: ` : ''}
            {problem.message}
          </p>
        ))}
        {checked && <p className="ok-note">{checked}</p>}
      </div>
      {mode === 'form' ? (
        <PolicyForm document={document} problems={problems} refs={refs} onChange={setDocument} />
      ) : (
        <JsonEditor document={document} problems={problems} onChange={setDocument} />
      )}
      <div className="publish-bar">
        <TextField label="Note (why this change)" field="note" problems={problems} value={note} onChange={setNote} />
        <div className="form-actions">
          <button type="button" onClick={() => void save()} disabled={write.busy}>
            Save draft
          </button>
          <button type="button" onClick={() => void check()} disabled={write.busy}>
            Check
          </button>
          <button type="button" onClick={() => void dryRun()} disabled={write.busy}>
            Dry run
          </button>
          <button type="button" className="primary" onClick={() => void publish()} disabled={write.busy}>
            Publish
          </button>
          {state.draft && (
            <ConfirmButton
              label="Discard draft"
              confirmLabel="Discard the draft"
              disabled={write.busy}
              onConfirm={() => void discard()}
            />
          )}
        </div>
      </div>
      {report && <DryRunResult report={report} />}
    </Section>
  );
}
