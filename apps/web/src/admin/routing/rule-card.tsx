import { problemsElsewhere, type FieldProblem } from '../shared/admin-api';
import { CheckField, TextField } from '../shared/fields';
import { ACTION_FIELDS, ActionFields } from './action-fields';
import { CONDITION_FIELDS, ConditionFields } from './condition-fields';
import type { PolicyReferences, RoutingRule } from './policy-types';

const SHOWN_FIELDS = [
  'name',
  'enabled',
  'when',
  'then',
  ...CONDITION_FIELDS.map((field) => `when.${field}`),
  ...ACTION_FIELDS.map((field) => `then.${field}`),
];

/**
 * One rule of the policy: its name, whether it is on, its conditions and actions. The API's problems with this rule
 * (ruleIndex = index) appear under the field they name; any the form has no field for appear at the top of the card.
 */
export function RuleCard({
  rule,
  index,
  count,
  problems,
  refs,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RoutingRule;
  index: number;
  count: number;
  problems: readonly FieldProblem[];
  refs: PolicyReferences;
  onChange(rule: RoutingRule): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const mine = problems.filter((p) => p.ruleIndex === index);
  const elsewhere = problemsElsewhere(mine, SHOWN_FIELDS);
  const label = `Rule ${index + 1}: ${rule.name || 'unnamed'}`;
  return (
    <fieldset
      className={`rule-card${mine.length ? ' has-problems' : ''}${rule.enabled === false ? ' disabled-rule' : ''}`}
    >
      <legend>{label}</legend>
      {mine.length > 0 && (
        <p className="rule-problem-count" role="alert">
          {mine.length} problem{mine.length === 1 ? '' : 's'} in this rule
        </p>
      )}
      {elsewhere.map((problem, i) => (
        <p key={i} className="field-error" role="alert">
          {problem.field ? `${problem.field}: ` : ''}
          {problem.message}
        </p>
      ))}
      <div className="rule-head">
        <TextField
          label="Rule name"
          field="name"
          problems={mine}
          value={rule.name ?? ''}
          onChange={(name) => onChange({ ...rule, name })}
        />
        <CheckField
          label="Enabled"
          field="enabled"
          problems={mine}
          checked={rule.enabled !== false}
          onChange={(enabled) => onChange({ ...rule, enabled })}
        />
        <div className="rule-moves">
          <button type="button" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move ${label} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="danger" aria-label={`Remove ${label}`} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <ConditionFields rule={rule} problems={mine} refs={refs} onChange={onChange} />
      <ActionFields
        action={rule.then ?? {}}
        prefix="then"
        problems={mine}
        refs={refs}
        onChange={(then) => onChange({ ...rule, then })}
      />
    </fieldset>
  );
}
