import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import type { BusinessHours, SlaPolicy } from '../shared/admin-types';
import { CheckField, ConfirmButton, FormError, SelectField, TextField } from '../shared/fields';
import { useWrite } from '../shared/use-write';
import { describeSeconds, secondsOrText } from './durations';

const TARGETS = [
  ['firstResponseSeconds', 'First response'],
  ['nextResponseSeconds', 'Next response (after each customer message)'],
  ['resolutionSeconds', 'Resolution'],
] as const;
type Target = (typeof TARGETS)[number][0];

/** Creates or replaces one SLA policy: three targets in seconds, the calendar they count on, what a breach does. */
export function SlaPolicyForm({
  policy,
  calendars,
  onSaved,
  onCancel,
}: {
  policy: SlaPolicy | null;
  calendars: BusinessHours[];
  onSaved(): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(policy?.name ?? '');
  const [targets, setTargets] = useState<Record<Target, string>>({
    firstResponseSeconds: policy ? String(policy.firstResponseSeconds ?? '') : '900',
    nextResponseSeconds: policy ? String(policy.nextResponseSeconds ?? '') : '',
    resolutionSeconds: policy ? String(policy.resolutionSeconds ?? '') : '',
  });
  const [calendar, setCalendar] = useState(policy?.businessHoursId ?? '');
  const [actions, setActions] = useState(
    policy?.breachActions ?? { raisePriority: true, reassign: false, notify: true },
  );
  const save = useWrite();
  const removal = useWrite();

  const submit = async () => {
    const body = {
      name,
      firstResponseSeconds: secondsOrText(targets.firstResponseSeconds),
      nextResponseSeconds: secondsOrText(targets.nextResponseSeconds),
      resolutionSeconds: secondsOrText(targets.resolutionSeconds),
      businessHoursId: calendar || null,
      breachActions: actions,
    };
    const ok = await save.run(() =>
      policy ? adminApi('PUT', `/sla-policies/${policy.id}`, body) : adminApi('POST', '/sla-policies', body),
    );
    if (ok) onSaved();
  };

  return (
    <form
      noValidate
      className="admin-form"
      aria-label={policy ? `Edit SLA policy ${policy.name}` : 'New SLA policy'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={save.error} problems={save.problems} />
      <TextField label="Policy name" field="name" problems={save.problems} value={name} onChange={setName} />
      <div className="form-grid">
        {TARGETS.map(([field, label]) => {
          const seconds = secondsOrText(targets[field]);
          return (
            <TextField
              key={field}
              label={`${label}, seconds`}
              type="number"
              min={1}
              field={field}
              problems={save.problems}
              hint={typeof seconds === 'number' ? describeSeconds(seconds) : 'Empty = no target'}
              value={targets[field]}
              onChange={(value) => setTargets({ ...targets, [field]: value })}
            />
          );
        })}
      </div>
      <SelectField
        label="Counted on"
        field="businessHoursId"
        problems={save.problems}
        value={calendar}
        options={[
          { value: '', label: 'Wall-clock time (every hour counts)' },
          ...calendars.map((c) => ({ value: c.id, label: `Open hours of ${c.name}` })),
        ]}
        onChange={setCalendar}
      />
      <fieldset className="check-group">
        <legend>When a target is missed</legend>
        <CheckField
          label="Raise the priority"
          field="breachActions.raisePriority"
          problems={save.problems}
          checked={actions.raisePriority}
          onChange={(raisePriority) => setActions({ ...actions, raisePriority })}
        />
        <CheckField
          label="Reassign to someone available"
          field="breachActions.reassign"
          problems={save.problems}
          checked={actions.reassign}
          onChange={(reassign) => setActions({ ...actions, reassign })}
        />
        <CheckField
          label="Notify agents"
          field="breachActions.notify"
          problems={save.problems}
          checked={actions.notify}
          onChange={(notify) => setActions({ ...actions, notify })}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {policy ? 'Save SLA policy' : 'Create SLA policy'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {policy && (
          <ConfirmButton
            label="Delete"
            confirmLabel={`Delete ${policy.name}`}
            disabled={removal.busy}
            onConfirm={() =>
              void removal.run(() => adminApi('DELETE', `/sla-policies/${policy.id}`)).then((ok) => ok && onSaved())
            }
          />
        )}
      </div>
      <FormError error={removal.error} />
    </form>
  );
}
