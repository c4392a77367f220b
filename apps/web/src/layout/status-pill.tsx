import type { AgentStatus } from '../api/types';
import { useSession } from '../session/session';

const NEXT: Record<AgentStatus, AgentStatus> = { online: 'away', away: 'online', offline: 'online' };

/** The agent's own status, always visible; one click switches between online and away. */
export function StatusPill() {
  const { agent, setStatus } = useSession();
  if (!agent) return null;
  const next = NEXT[agent.status];
  return (
    <button
      type="button"
      className={`status-pill status-${agent.status}`}
      onClick={() => void setStatus(next)}
      title={`You are ${agent.status}. Click to go ${next}.`}
      aria-label={`Status: ${agent.status}. Switch to ${next}`}
    >
      <span className="dot" aria-hidden="true" />
      {agent.status}
    </button>
  );
}
