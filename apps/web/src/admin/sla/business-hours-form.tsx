import { useState } from 'react';
import { adminApi } from '../shared/admin-api';
import { WEEKDAYS, type BusinessHours, type Weekday } from '../shared/admin-types';
import { ConfirmButton, FormError, ListField, TextField } from '../shared/fields';
import { useWrite } from '../shared/use-write';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** "09:00-12:30, 13:30-17:00" for a day's periods; '' for closed. */
export const periodsText = (periods: { start: string; end: string }[] | undefined) =>
  (periods ?? []).map((p) => `${p.start}-${p.end}`).join(', ');

/** The periods typed for a day, as the API wants them; text it cannot split is sent as is, for the API to name. */
function periodsOf(text: string): { start: string; end: string }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–]\s*/);
      return { start, end };
    });
}

const BLANK_WEEK = Object.fromEntries(
  WEEKDAYS.map((day) => [day, ['sat', 'sun'].includes(day) ? '' : '09:00-17:00']),
) as Record<Weekday, string>;

/** Creates or replaces a business-hours calendar: its time zone, opening periods per weekday and holidays. */
export function BusinessHoursForm({
  calendar,
  onSaved,
  onCancel,
}: {
  calendar: BusinessHours | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [week, setWeek] = useState<Record<Weekday, string>>(
    calendar
      ? (Object.fromEntries(WEEKDAYS.map((day) => [day, periodsText(calendar.weekly[day])])) as Record<Weekday, string>)
      : BLANK_WEEK,
  );
  const [holidays, setHolidays] = useState<string[]>(calendar?.holidays ?? []);
  const save = useWrite();
  const removal = useWrite();

  const submit = async () => {
    const weekly = Object.fromEntries(
      WEEKDAYS.filter((day) => week[day].trim() !== '').map((day) => [day, periodsOf(week[day])]),
    );
    const body = { name, timeZone, weekly, holidays };
    const ok = await save.run(() =>
      calendar ? adminApi('PUT', `/business-hours/${calendar.id}`, body) : adminApi('POST', '/business-hours', body),
    );
    if (ok) onSaved();
  };

  return (
    <form
      noValidate
      className="admin-form"
      aria-label={calendar ? `Edit calendar ${calendar.name}` : 'New business-hours calendar'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={save.error} problems={save.problems} />
      <div className="form-grid">
        <TextField label="Calendar name" field="name" problems={save.problems} value={name} onChange={setName} />
        <TextField
          label="Time zone"
          field="timeZone"
          problems={save.problems}
          hint="IANA name, e.g. Europe/London"
          value={timeZone}
          onChange={setTimeZone}
        />
      </div>
      <fieldset className="week">
        <legend>Opening hours (24h, e.g. 09:00-12:30, 13:30-17:00; empty = closed)</legend>
        {WEEKDAYS.map((day) => (
          <TextField
            key={day}
            label={DAY_NAMES[day]}
            field={`weekly.${day}`}
            problems={save.problems}
            value={week[day]}
            onChange={(value) => setWeek({ ...week, [day]: value })}
          />
        ))}
      </fieldset>
      <ListField
        label="Holidays (closed all day)"
        field="holidays"
        problems={save.problems}
        hint="Local dates, e.g. 2026-12-25, 2026-12-26"
        value={holidays}
        onChange={setHolidays}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {calendar ? 'Save calendar' : 'Create calendar'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {calendar && (
          <ConfirmButton
            label="Delete"
            confirmLabel={`Delete ${calendar.name}`}
            disabled={removal.busy}
            onConfirm={() =>
              void removal.run(() => adminApi('DELETE', `/business-hours/${calendar.id}`)).then((ok) => ok && onSaved())
            }
          />
        )}
      </div>
      <FormError error={removal.error} />
    </form>
  );
}
