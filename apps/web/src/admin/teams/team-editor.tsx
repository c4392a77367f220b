import { useState } from 'react';
import type { Channel } from '../../api/types';
import { adminApi } from '../shared/admin-api';
import { CHANNEL_LABELS, CHANNELS, type AdminAgent, type AssignmentStrategy, type Team } from '../shared/admin-types';
import { CheckGroup, ConfirmButton, FormError, SelectField, TextField } from '../shared/fields';
import { useWrite } from '../shared/use-write';
import { STRATEGIES } from './strategies';

const numberOrText = (text: string): number | string => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);

/** One team: its name, how its queue is assigned (with the strategy's own settings), and its members. */
export function TeamEditor({
  team,
  agents,
  onChanged,
  onDeleted,
}: {
  team: Team;
  agents: AdminAgent[];
  onChanged(): void;
  onDeleted(): void;
}) {
  const [name, setName] = useState(team.name);
  const [strategy, setStrategy] = useState<AssignmentStrategy>(team.assignmentStrategy);
  const [relax, setRelax] = useState(String(team.skillRelaxAfterSeconds));
  const [weights, setWeights] = useState<Record<Channel, string>>({
    chat: String(team.capacityWeights.chat),
    email: String(team.capacityWeights.email),
    sms: String(team.capacityWeights.sms),
  });
  const [members, setMembers] = useState<string[]>(team.memberIds);
  const settings = useWrite();
  const membership = useWrite();
  const removal = useWrite();

  const saveSettings = async () => {
    const body = {
      name,
      assignmentStrategy: strategy,
      ...(strategy === 'skill' ? { skillRelaxAfterSeconds: numberOrText(relax) } : {}),
      ...(strategy === 'capacity' || strategy === 'skill' || strategy === 'channel'
        ? { capacityWeights: Object.fromEntries(CHANNELS.map((c) => [c, numberOrText(weights[c])])) }
        : {}),
    };
    if (await settings.run(() => adminApi('PATCH', `/teams/${team.id}`, body))) onChanged();
  };
  const saveMembers = async () => {
    if (await membership.run(() => adminApi('PUT', `/teams/${team.id}/members`, { agentIds: members }))) onChanged();
  };
  const explains = STRATEGIES.find((s) => s.value === strategy)?.explains;

  return (
    <div className="team-editor">
      <form
        noValidate
        className="admin-form"
        aria-label={`Settings of ${team.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          void saveSettings();
        }}
      >
        <FormError error={settings.error} problems={settings.problems} />
        <div className="form-grid">
          <TextField label="Team name" field="name" problems={settings.problems} value={name} onChange={setName} />
          <SelectField<AssignmentStrategy>
            label="Assignment strategy"
            field="assignmentStrategy"
            problems={settings.problems}
            value={strategy}
            options={STRATEGIES}
            hint={explains}
            onChange={setStrategy}
          />
          {strategy === 'skill' && (
            <TextField
              label="Relax optional skills after (seconds)"
              type="number"
              min={0}
              field="skillRelaxAfterSeconds"
              problems={settings.problems}
              value={relax}
              onChange={setRelax}
            />
          )}
        </div>
        {strategy !== 'round_robin' && (
          <fieldset className="capacity">
            <legend>Load weights in the tie-break, per channel</legend>
            {CHANNELS.map((channel) => (
              <TextField
                key={channel}
                label={`${CHANNEL_LABELS[channel]} weight`}
                type="number"
                step="any"
                min={0}
                max={100}
                field={`capacityWeights.${channel}`}
                problems={settings.problems}
                value={weights[channel]}
                onChange={(v) => setWeights({ ...weights, [channel]: v })}
              />
            ))}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={settings.busy}>
            Save team
          </button>
          <ConfirmButton
            label="Delete team"
            confirmLabel={`Delete ${team.name}`}
            disabled={removal.busy}
            onConfirm={() =>
              void removal.run(() => adminApi('DELETE', `/teams/${team.id}`)).then((ok) => ok && onDeleted())
            }
          />
        </div>
        <FormError error={removal.error} />
      </form>
      <form
        noValidate
        className="admin-form"
        aria-label={`Members of ${team.name}`}
        onSubmit={(event) => {
          event.preventDefault();
          void saveMembers();
        }}
      >
        <FormError error={membership.error} problems={membership.problems} />
        <CheckGroup
          label={`Members (${members.length})`}
          field="agentIds"
          problems={membership.problems}
          value={members}
          options={agents
            .filter((agent) => agent.active || members.includes(agent.id))
            .map((agent) => ({ value: agent.id, label: `${agent.name} (${agent.role})` }))}
          onChange={setMembers}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={membership.busy}>
            Save members
          </button>
        </div>
      </form>
    </div>
  );
}
