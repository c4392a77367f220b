import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { AdminPage, LoadState } from '../shared/admin-page';
import type { AdminAgent, AssignmentStrategy, Team } from '../shared/admin-types';
import { FormError, Section, SelectField, TextField } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { useWrite } from '../shared/use-write';
import { STRATEGIES, strategyLabel } from './strategies';
import { TeamEditor } from './team-editor';

const INTRO = 'Each team has a queue; its strategy decides who gets the next conversation.';

/** Teams, how each team's queue is assigned and who is in it; and the strategy for conversations in no team. */
export function TeamsPage() {
  const data = useLoad(() =>
    Promise.all([
      adminApi<Team[]>('GET', '/teams'),
      adminApi<AdminAgent[]>('GET', '/agents'),
      adminApi<{ defaultStrategy: AssignmentStrategy }>('GET', '/assignment/settings'),
    ]),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const creation = useWrite();
  const defaults = useWrite();

  if (!data.data) {
    return (
      <AdminPage title="Teams" intro={INTRO}>
        <LoadState error={data.error} />
      </AdminPage>
    );
  }
  const [teams, agents, settings] = data.data;
  const open = teams.find((team) => team.id === openId);
  const nameOf = new Map(agents.map((agent) => [agent.id, agent.name]));

  return (
    <AdminPage title="Teams" intro={INTRO}>
      <Section title="Teams">
        {teams.length === 0 ? (
          <p className="muted">No teams yet.</p>
        ) : (
          <ul className="card-list" aria-label="Teams">
            {teams.map((team) => (
              <li key={team.id} className={team.id === openId ? 'selected' : ''}>
                <button
                  type="button"
                  aria-expanded={team.id === openId}
                  onClick={() => setOpenId(team.id === openId ? null : team.id)}
                >
                  <span className="cell-title">{team.name}</span>
                  <span className="muted cell-sub">
                    {strategyLabel(team.assignmentStrategy)} · {team.memberIds.length} member
                    {team.memberIds.length === 1 ? '' : 's'}
                    {team.memberIds.length > 0 &&
                      `: ${team.memberIds.map((id) => nameOf.get(id) ?? 'unknown').join(', ')}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          noValidate
          className="admin-form inline-form"
          aria-label="New team"
          onSubmit={(event) => {
            event.preventDefault();
            void creation
              .run(() => adminApi('POST', '/teams', { name: newName }))
              .then((ok) => {
                if (ok) {
                  setNewName('');
                  data.reload();
                }
              });
          }}
        >
          <TextField
            label="New team name"
            field="name"
            problems={creation.problems}
            value={newName}
            onChange={setNewName}
          />
          <button type="submit" className="primary" disabled={creation.busy}>
            Create team
          </button>
          <FormError error={creation.error} problems={creation.problems} />
        </form>
      </Section>
      {open && (
        <Section title={`Team: ${open.name}`}>
          <TeamEditor
            key={`${open.id}:${JSON.stringify(open)}`}
            team={open}
            agents={agents}
            onChanged={data.reload}
            onDeleted={() => (setOpenId(null), data.reload())}
          />
        </Section>
      )}
      <Section title="Conversations in no team">
        <form className="admin-form inline-form" aria-label="Tenant-wide queue">
          <SelectField
            label="Tenant-wide queue strategy"
            field="defaultStrategy"
            problems={defaults.problems}
            value={settings.defaultStrategy}
            options={STRATEGIES}
            hint={STRATEGIES.find((s) => s.value === settings.defaultStrategy)?.explains}
            onChange={(defaultStrategy) =>
              void defaults
                .run(() => adminApi('PUT', '/assignment/settings', { defaultStrategy }))
                .then((ok) => ok && data.reload())
            }
          />
          <FormError error={defaults.error} problems={defaults.problems} />
        </form>
      </Section>
    </AdminPage>
  );
}
