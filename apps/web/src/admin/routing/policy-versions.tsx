import type { PolicyVersion } from './policy-types';

/** Published and retired versions, newest first, each with who published it; an older one can be rolled back to. */
export function PolicyVersions({
  versions,
  busy,
  onRollback,
}: {
  versions: PolicyVersion[];
  busy: boolean;
  onRollback(version: number): void;
}) {
  if (versions.length === 0) return <p className="muted">No versions yet.</p>;
  return (
    <div className="table-wrap">
      <table className="admin-table" aria-label="Policy versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">State</th>
            <th scope="col">Published</th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.version}>
              <th scope="row">v{version.version}</th>
              <td>
                {version.status}
                {version.rolledBackFrom !== null && ` (restores v${version.rolledBackFrom})`}
              </td>
              <td>
                {version.publishedAt ? new Date(version.publishedAt).toLocaleString() : '—'}
                {version.publishedBy?.name && ` by ${version.publishedBy.name}`}
              </td>
              <td>{version.note ?? ''}</td>
              <td className="row-actions">
                {version.status === 'retired' && (
                  <button type="button" disabled={busy} onClick={() => onRollback(version.version)}>
                    Roll back to v{version.version}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
