import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { AdminPage, LoadState } from '../shared/admin-page';
import { CHANNEL_LABELS, type AdminAgent } from '../shared/admin-types';
import { ConfirmButton, FormError, Section } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { useWrite } from '../shared/use-write';
import { bodyOf, draftOf, NEW_AGENT } from './agent-draft';
import { AgentForm } from './agent-form';

/** Agents: who they are, their role, the channels they serve, how many conversations each takes, skills; deactivate. */
export function AgentsPage() {
  const agents = useLoad(() => adminApi<AdminAgent[]>('GET', '/agents'));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const write = useWrite();
  const rowAction = useWrite();
  const selected = agents.data?.find((agent) => agent.id === editing);

  const save = async (body: Record<string, unknown>) => {
    const ok = await write.run(() =>
      editing === 'new' ? adminApi('POST', '/agents', body) : adminApi('PATCH', `/agents/${editing}`, body),
    );
    if (ok) {
      setEditing(null);
      agents.reload();
    }
  };
  const act = async (write: () => Promise<unknown>) => {
    if (await rowAction.run(write)) agents.reload();
  };

  return (
    <AdminPage
      title="Agents"
      intro="Who works the inbox, what they handle and how many conversations each takes at once."
    >
      <Section
        title="All agents"
        actions={
          <button type="button" className="primary" onClick={() => (write.clear(), setEditing('new'))}>
            New agent
          </button>
        }
      >
        <FormError error={rowAction.error} />
        {!agents.data ? (
          <LoadState error={agents.error} />
        ) : (
          <div className="table-wrap">
            <table className="admin-table" aria-label="Agents">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Channels</th>
                  <th scope="col">Capacity (chat / email / SMS)</th>
                  <th scope="col">Skills</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {agents.data.map((agent) => (
                  <tr key={agent.id} className={agent.active ? '' : 'inactive'}>
                    <th scope="row">
                      <span className="cell-title">{agent.name}</span>
                      <span className="muted cell-sub">{agent.email}</span>
                    </th>
                    <td>{agent.role}</td>
                    <td>{agent.active ? agent.status : 'deactivated'}</td>
                    <td>{agent.channels.map((channel) => CHANNEL_LABELS[channel]).join(', ') || 'none'}</td>
                    <td>
                      {agent.capacity.chat} / {agent.capacity.email} / {agent.capacity.sms}
                    </td>
                    <td>{agent.skills.join(', ') || '—'}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        aria-label={`Edit ${agent.name}`}
                        onClick={() => (write.clear(), setEditing(agent.id))}
                      >
                        Edit
                      </button>
                      {agent.active ? (
                        <ConfirmButton
                          label="Deactivate"
                          confirmLabel={`Deactivate ${agent.name}`}
                          disabled={rowAction.busy}
                          onConfirm={() => void act(() => adminApi('DELETE', `/agents/${agent.id}`))}
                        />
                      ) : (
                        <button
                          type="button"
                          disabled={rowAction.busy}
                          onClick={() => void act(() => adminApi('PATCH', `/agents/${agent.id}`, { active: true }))}
                        >
                          Reactivate
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {editing && (editing === 'new' || selected) && (
        <Section title={editing === 'new' ? 'New agent' : `Edit ${selected!.name}`}>
          <AgentForm
            key={editing}
            creating={editing === 'new'}
            initial={selected ? draftOf(selected) : NEW_AGENT}
            busy={write.busy}
            error={write.error}
            problems={write.problems}
            onSubmit={(draft) => void save(bodyOf(draft, selected ? draftOf(selected) : null))}
            onCancel={() => setEditing(null)}
          />
        </Section>
      )}
    </AdminPage>
  );
}
