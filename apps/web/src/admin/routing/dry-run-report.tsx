import type { DryRunReport, RoutingDestination } from './policy-types';

const where = (d: RoutingDestination) =>
  `${d.teamName ?? (d.teamId ? 'a deleted team' : 'tenant-wide queue')}, ${d.priority}${d.slaPolicyName ? `, SLA ${d.slaPolicyName}` : ''} (${d.rule})`;

/** What the dry run found: how many recent conversations the edited policy would route differently, and how. */
export function DryRunResult({ report }: { report: DryRunReport }) {
  return (
    <div className="dry-run" role="region" aria-label="Dry-run result">
      <p>
        <strong>
          {report.changed} of {report.evaluated} recent conversation{report.evaluated === 1 ? '' : 's'} would be routed
          differently
        </strong>{' '}
        <span className="muted">
          ({report.unchanged} unchanged; compared with{' '}
          {report.policies.currentVersion === null
            ? 'no published policy'
            : `published v${report.policies.currentVersion}`}
          {report.sample.truncated ? '; the newest were sampled' : ''})
        </span>
      </p>
      {report.transitions.length > 0 && (
        <div className="table-wrap">
          <table className="admin-table" aria-label="Routing changes">
            <thead>
              <tr>
                <th scope="col">Conversations</th>
                <th scope="col">Now</th>
                <th scope="col">With this policy</th>
              </tr>
            </thead>
            <tbody>
              {report.transitions.map((transition, index) => (
                <tr key={index}>
                  <td>{transition.count}</td>
                  <td>{where(transition.from)}</td>
                  <td>{where(transition.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.changes.length > 0 && (
        <>
          <h3>First conversations that would change</h3>
          <ul className="dry-run-changes">
            {report.changes.slice(0, 10).map((change) => (
              <li key={change.conversationId}>
                <a
                  href={`/app/conversations/${encodeURIComponent(change.conversationId)}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  Conversation of {new Date(change.createdAt).toLocaleString()}
                </a>{' '}
                <span className="muted">({change.differences.join(', ')} would differ)</span>
              </li>
            ))}
          </ul>
          {(report.changesTruncated || report.changes.length > 10) && (
            <p className="muted">More changed conversations are not listed.</p>
          )}
        </>
      )}
      <h3>Rule hits</h3>
      <ul className="rule-hits">
        {report.ruleHits.draft.map((hit) => (
          <li key={`${hit.ruleIndex}`}>
            {hit.ruleName}
            {hit.enabled ? '' : ' (disabled)'}: {hit.count}
          </li>
        ))}
      </ul>
    </div>
  );
}
