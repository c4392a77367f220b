import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { AdminPage, LoadState } from '../shared/admin-page';
import { WEEKDAYS, type BusinessHours, type SlaPolicy } from '../shared/admin-types';
import { Section } from '../shared/fields';
import { useLoad } from '../shared/use-load';
import { BusinessHoursForm, periodsText } from './business-hours-form';
import { describeSeconds } from './durations';
import { SlaPolicyForm } from './sla-policy-form';

const actionsText = ({ raisePriority, reassign, notify }: SlaPolicy['breachActions']) =>
  [raisePriority && 'raise priority', reassign && 'reassign', notify && 'notify'].filter(Boolean).join(', ') ||
  'nothing';

const INTRO = 'Targets for first response, next response and resolution; routing rules choose which policy applies.';

/** SLA policies (response and resolution targets; routing rules attach them) and the business hours they count on. */
export function SlaPage() {
  const data = useLoad(() =>
    Promise.all([adminApi<SlaPolicy[]>('GET', '/sla-policies'), adminApi<BusinessHours[]>('GET', '/business-hours')]),
  );
  const [policyOpen, setPolicyOpen] = useState<string | 'new' | null>(null);
  const [calendarOpen, setCalendarOpen] = useState<string | 'new' | null>(null);
  if (!data.data) {
    return (
      <AdminPage title="SLA and business hours" intro={INTRO}>
        <LoadState error={data.error} />
      </AdminPage>
    );
  }
  const [policies, calendars] = data.data;
  const calendarName = new Map(calendars.map((c) => [c.id, c.name]));
  const openPolicy = policies.find((p) => p.id === policyOpen);
  const openCalendar = calendars.find((c) => c.id === calendarOpen);

  return (
    <AdminPage title="SLA and business hours" intro={INTRO}>
      <Section
        title="SLA policies"
        actions={
          <button type="button" className="primary" onClick={() => setPolicyOpen('new')}>
            New SLA policy
          </button>
        }
      >
        {policies.length === 0 ? (
          <p className="muted">No SLA policies yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="admin-table" aria-label="SLA policies">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">First response</th>
                  <th scope="col">Next response</th>
                  <th scope="col">Resolution</th>
                  <th scope="col">Counted on</th>
                  <th scope="col">On breach</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {policies.map((policy) => (
                  <tr key={policy.id}>
                    <th scope="row">{policy.name}</th>
                    <td>{describeSeconds(policy.firstResponseSeconds)}</td>
                    <td>{describeSeconds(policy.nextResponseSeconds)}</td>
                    <td>{describeSeconds(policy.resolutionSeconds)}</td>
                    <td>
                      {policy.businessHoursId
                        ? (calendarName.get(policy.businessHoursId) ?? 'a calendar')
                        : 'wall clock'}
                    </td>
                    <td>{actionsText(policy.breachActions)}</td>
                    <td className="row-actions">
                      <button type="button" aria-label={`Edit ${policy.name}`} onClick={() => setPolicyOpen(policy.id)}>
                        Edit
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {policyOpen && (policyOpen === 'new' || openPolicy) && (
          <SlaPolicyForm
            key={policyOpen}
            policy={openPolicy ?? null}
            calendars={calendars}
            onSaved={() => (setPolicyOpen(null), data.reload())}
            onCancel={() => setPolicyOpen(null)}
          />
        )}
      </Section>
      <Section
        title="Business hours"
        actions={
          <button type="button" className="primary" onClick={() => setCalendarOpen('new')}>
            New calendar
          </button>
        }
      >
        {calendars.length === 0 ? (
          <p className="muted">No calendars: every SLA counts wall-clock time.</p>
        ) : (
          <ul className="card-list" aria-label="Business-hours calendars">
            {calendars.map((calendar) => (
              <li key={calendar.id} className={calendar.id === calendarOpen ? 'selected' : ''}>
                <button
                  type="button"
                  aria-expanded={calendar.id === calendarOpen}
                  onClick={() => setCalendarOpen(calendar.id === calendarOpen ? null : calendar.id)}
                >
                  <span className="cell-title">
                    {calendar.name} <span className="muted">({calendar.timeZone})</span>
                  </span>
                  <span className="muted cell-sub">
                    {WEEKDAYS.filter((day) => calendar.weekly[day]?.length)
                      .map((day) => `${day} ${periodsText(calendar.weekly[day])}`)
                      .join(' · ') || 'never open'}
                    {calendar.holidays.length > 0 && ` · ${calendar.holidays.length} holiday(s)`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {calendarOpen && (calendarOpen === 'new' || openCalendar) && (
          <BusinessHoursForm
            key={calendarOpen}
            calendar={openCalendar ?? null}
            onSaved={() => (setCalendarOpen(null), data.reload())}
            onCancel={() => setCalendarOpen(null)}
          />
        )}
      </Section>
    </AdminPage>
  );
}
