import { adminApi } from '../shared/admin-api';
import { AdminPage, LoadState } from '../shared/admin-page';
import type { BusinessHours, SlaPolicy, Team, Topic } from '../shared/admin-types';
import { FormError, Section } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { useWrite } from '../shared/use-write';
import { PolicyVersions } from './policy-versions';
import { PolicyWorkbench } from './policy-workbench';
import type { PolicyReferences, PolicyState, PolicyVersion } from './policy-types';

async function loadRouting() {
  const [state, versions, teams, slaPolicies, calendars, topics] = await Promise.all([
    adminApi<PolicyState>('GET', '/routing/policy'),
    adminApi<PolicyVersion[]>('GET', '/routing/policy/versions?limit=50'),
    adminApi<Team[]>('GET', '/teams'),
    adminApi<SlaPolicy[]>('GET', '/sla-policies'),
    adminApi<BusinessHours[]>('GET', '/business-hours'),
    adminApi<Topic[]>('GET', '/topics'),
  ]);
  const refs: PolicyReferences = {
    teams: teams.map(({ id, name }) => ({ id, name })),
    slaPolicies: slaPolicies.map(({ id, name }) => ({ id, name })),
    calendars: calendars.map(({ id, name }) => ({ id, name })),
    topics: topics.map((topic) => topic.name),
  };
  return { state, versions, refs };
}

const INTRO =
  "Rules tried in order decide a new conversation's team, priority, SLA, tags and skills; the first match wins.";

/** Routing policies: the draft being edited, what it would change, publishing it, and earlier versions to go back to. */
export function RoutingPage() {
  const data = useLoad(loadRouting);
  const rollback = useWrite();
  if (!data.data) {
    return (
      <AdminPage title="Routing policy" intro={INTRO}>
        <LoadState error={data.error} />
      </AdminPage>
    );
  }
  const { state, versions, refs } = data.data;
  const published = state.published;
  return (
    <AdminPage title="Routing policy" intro={INTRO}>
      <p className="published-line">
        {published
          ? `Published: v${published.version}, ${new Date(published.publishedAt).toLocaleString()}${published.publishedBy?.name ? ` by ${published.publishedBy.name}` : ''}${published.note ? `: ${published.note}` : ''}`
          : 'Nothing published yet.'}
      </p>
      <PolicyWorkbench
        key={`${state.draft?.version ?? 'none'}:${state.draft?.updatedAt ?? ''}:${published?.version ?? 'none'}`}
        state={state}
        refs={refs}
        onChanged={data.reload}
      />
      <Section title="Versions">
        <FormError error={rollback.error} />
        <PolicyVersions
          versions={versions.filter((version) => version.status !== 'draft')}
          busy={rollback.busy}
          onRollback={(version) =>
            void rollback
              .run(() => adminApi('POST', '/routing/policy/rollback', { version }))
              .then((ok) => ok && data.reload())
          }
        />
      </Section>
    </AdminPage>
  );
}
