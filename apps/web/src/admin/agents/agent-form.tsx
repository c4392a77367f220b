import { useState } from 'react';
import type { FieldProblem } from '../shared/admin-api';
import { CHANNEL_LABELS, CHANNELS } from '../shared/admin-types';
import { CheckGroup, FormError, ListField, SelectField, TextField } from '../shared/fields';
import type { AgentDraft, Role, Status } from './agent-draft';

const ROLES: { value: Role; label: string }[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'admin', label: 'Admin' },
];
const STATUSES: { value: Status; label: string }[] = [
  { value: 'online', label: 'Online' },
  { value: 'away', label: 'Away' },
  { value: 'offline', label: 'Offline' },
];

/** Creates or edits one agent: identity, role, status, channels served, capacity per channel and skills. */
export function AgentForm(props: {
  initial: AgentDraft;
  creating: boolean;
  busy: boolean;
  error: string | null;
  problems: FieldProblem[];
  onSubmit(draft: AgentDraft): void;
  onCancel?(): void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const set = <K extends keyof AgentDraft>(key: K, value: AgentDraft[K]) => setDraft({ ...draft, [key]: value });
  const { problems } = props;
  return (
    <form
      noValidate
      className="admin-form"
      aria-label={props.creating ? 'New agent' : `Edit ${props.initial.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(draft);
      }}
    >
      <FormError error={props.error} problems={problems} />
      <div className="form-grid">
        <TextField label="Name" field="name" problems={problems} value={draft.name} onChange={(v) => set('name', v)} />
        <TextField
          label="Email"
          type="email"
          field="email"
          problems={problems}
          value={draft.email}
          onChange={(v) => set('email', v)}
        />
        <SelectField
          label="Role"
          field="role"
          problems={problems}
          value={draft.role}
          options={ROLES}
          onChange={(v) => set('role', v)}
        />
        <SelectField
          label="Status"
          field="status"
          problems={problems}
          value={draft.status}
          options={STATUSES}
          onChange={(v) => set('status', v)}
        />
        <TextField
          label={props.creating ? 'Password' : 'New password (optional)'}
          type="password"
          field="password"
          problems={problems}
          value={draft.password}
          autoComplete="new-password"
          hint="At least 8 characters"
          onChange={(v) => set('password', v)}
        />
      </div>
      <CheckGroup
        label="Channels served"
        field="channels"
        problems={problems}
        value={draft.channels}
        options={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
        onChange={(v) => set('channels', v)}
      />
      <fieldset className="capacity">
        <legend>Capacity: conversations at once, per channel</legend>
        {CHANNELS.map((channel) => (
          <TextField
            key={channel}
            label={`${CHANNEL_LABELS[channel]} capacity`}
            type="number"
            min={0}
            max={100}
            field={`capacity.${channel}`}
            problems={problems}
            value={draft.capacity[channel]}
            onChange={(v) => set('capacity', { ...draft.capacity, [channel]: v })}
          />
        ))}
      </fieldset>
      <ListField
        label="Skills"
        field="skills"
        problems={problems}
        value={draft.skills}
        onChange={(v) => set('skills', v)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.creating ? 'Create agent' : 'Save agent'}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
