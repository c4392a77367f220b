import type { Priority } from '../../api/types';
import type { FieldProblem } from '../shared/admin-api';
import { ListField, SelectField, WholeProblems } from '../shared/fields';
import { setAction } from './policy-edits';
import { PRIORITIES, type PolicyReferences, type RoutingAction } from './policy-types';

/** Options for an id the tenant has, plus the current value when it names nothing (so the problem can be seen). */
function idOptions(items: { id: string; name: string }[], current: unknown, none: string, what: string) {
  const options = [{ value: '', label: none }, ...items.map((item) => ({ value: item.id, label: item.name }))];
  if (typeof current === 'string' && current && !items.some((item) => item.id === current)) {
    options.push({ value: current, label: `Unknown ${what} ${current}` });
  }
  return options;
}

/** A rule's `then` or the fallback: where the conversation goes and what it gets. `prefix` is 'then' or 'fallback'. */
export function ActionFields({
  action,
  prefix,
  problems,
  refs,
  onChange,
}: {
  action: RoutingAction;
  prefix: 'then' | 'fallback';
  problems: readonly FieldProblem[];
  refs: PolicyReferences;
  onChange(action: RoutingAction): void;
}) {
  const set = (key: keyof RoutingAction & string, value: unknown) => onChange(setAction(action, key, value));
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return (
    <fieldset className="action-fields">
      <legend>{prefix === 'then' ? 'Then' : 'Otherwise (no rule matched)'}</legend>
      <WholeProblems problems={problems} field={prefix} />
      <div className="form-grid">
        <SelectField
          label="Team"
          field={`${prefix}.teamId`}
          problems={problems}
          value={typeof action.teamId === 'string' ? action.teamId : ''}
          options={idOptions(refs.teams, action.teamId, 'Tenant-wide queue', 'team')}
          onChange={(value) => set('teamId', value || undefined)}
        />
        <SelectField<Priority | ''>
          label="Priority"
          field={`${prefix}.priority`}
          problems={problems}
          value={(action.priority as Priority | undefined) ?? ''}
          options={[
            { value: '', label: "Keep triage's priority" },
            ...PRIORITIES.map((priority) => ({ value: priority, label: priority })),
          ]}
          onChange={(value) => set('priority', value || undefined)}
        />
        <SelectField
          label="SLA policy"
          field={`${prefix}.slaPolicyId`}
          problems={problems}
          value={typeof action.slaPolicyId === 'string' ? action.slaPolicyId : ''}
          options={idOptions(refs.slaPolicies, action.slaPolicyId, 'None', 'SLA policy')}
          onChange={(value) => set('slaPolicyId', value || undefined)}
        />
        <ListField
          label="Add tags"
          field={`${prefix}.addTags`}
          problems={problems}
          value={list(action.addTags)}
          onChange={(value) => set('addTags', value)}
        />
        <ListField
          label="Required skills"
          field={`${prefix}.requiredSkills`}
          problems={problems}
          value={list(action.requiredSkills)}
          onChange={(value) => set('requiredSkills', value)}
        />
        <ListField
          label="Optional skills"
          field={`${prefix}.optionalSkills`}
          problems={problems}
          value={list(action.optionalSkills)}
          onChange={(value) => set('optionalSkills', value)}
        />
      </div>
    </fieldset>
  );
}

export const ACTION_FIELDS = ['teamId', 'priority', 'slaPolicyId', 'addTags', 'requiredSkills', 'optionalSkills'];
