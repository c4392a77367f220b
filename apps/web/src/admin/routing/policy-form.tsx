import type { FieldProblem } from '../shared/admin-api';
import { ActionFields } from './action-fields';
import { addRule, moveRule, removeRule, replaceRule } from './policy-edits';
import type { PolicyDocument, PolicyReferences } from './policy-types';
import { RuleCard } from './rule-card';

/** The policy as a form: the rules in the order they are tried, then the fallback. */
export function PolicyForm({
  document,
  problems,
  refs,
  onChange,
}: {
  document: PolicyDocument;
  problems: readonly FieldProblem[];
  refs: PolicyReferences;
  onChange(document: PolicyDocument): void;
}) {
  const fallbackProblems = problems.filter((p) => p.ruleIndex == null && p.field.startsWith('fallback'));
  return (
    <div className="policy-form">
      {document.rules.length === 0 && <p className="muted">No rules: every conversation takes the fallback.</p>}
      <ol className="rules" aria-label="Rules, tried in order">
        {document.rules.map((rule, index) => (
          <li key={index}>
            <RuleCard
              rule={rule}
              index={index}
              count={document.rules.length}
              problems={problems}
              refs={refs}
              onChange={(next) => onChange(replaceRule(document, index, next))}
              onMove={(by) => onChange(moveRule(document, index, by))}
              onRemove={() => onChange(removeRule(document, index))}
            />
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange(addRule(document))}>
        Add rule
      </button>
      <ActionFields
        action={document.fallback ?? {}}
        prefix="fallback"
        problems={fallbackProblems}
        refs={refs}
        onChange={(fallback) => onChange({ ...document, fallback })}
      />
    </div>
  );
}
