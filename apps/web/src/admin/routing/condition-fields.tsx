import { useEffect, useState } from 'react';
import type { Channel, Priority } from '../../api/types';
import type { FieldProblem } from '../shared/admin-api';
import { CHANNEL_LABELS, CHANNELS } from '../shared/admin-types';
import { CheckGroup, ListField, SelectField, TextField, WholeProblems } from '../shared/fields';
import { setCondition } from './policy-edits';
import { PRIORITIES, SENTIMENTS, type PolicyReferences, type RoutingRule, type Sentiment } from './policy-types';

const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const numberOrText = (text: string): number | string | undefined =>
  text.trim() === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;

/** A rule's `when`: every condition given must hold; a list matches any of its values. */
export function ConditionFields({
  rule,
  problems,
  refs,
  onChange,
}: {
  rule: RoutingRule;
  problems: readonly FieldProblem[];
  refs: PolicyReferences;
  onChange(rule: RoutingRule): void;
}) {
  const when = rule.when ?? {};
  const set = (key: string, value: unknown) => onChange(setCondition(rule, key, value));
  const hours = when.businessHours;
  return (
    <fieldset className="condition-fields">
      <legend>When (all of these hold)</legend>
      <WholeProblems problems={problems} field="when" />
      <div className="form-grid">
        <ListField
          label="Topics"
          field="when.topics"
          problems={problems}
          hint={refs.topics.length ? `Known: ${refs.topics.join(', ')}` : 'No topics defined yet'}
          value={list(when.topics)}
          onChange={(value) => set('topics', value)}
        />
        <TextField
          label="Minimum topic confidence (0 to 1)"
          field="when.minTopicConfidence"
          problems={problems}
          value={when.minTopicConfidence === undefined ? '' : String(when.minTopicConfidence)}
          onChange={(value) => set('minTopicConfidence', numberOrText(value))}
        />
        <ListField
          label="Customer tiers"
          field="when.customerTiers"
          problems={problems}
          value={list(when.customerTiers)}
          onChange={(value) => set('customerTiers', value)}
        />
        <ListField
          label="Languages"
          field="when.languages"
          problems={problems}
          hint="ISO 639-1 codes, e.g. en, es"
          value={list(when.languages)}
          onChange={(value) => set('languages', value)}
        />
        <ListField
          label="Keywords"
          field="when.keywords"
          problems={problems}
          value={list(when.keywords)}
          onChange={(value) => set('keywords', value)}
        />
        <AttributesField
          value={when.customerAttributes}
          problems={problems}
          onChange={(value) => set('customerAttributes', value)}
        />
        <SelectField
          label="Business hours"
          field="when.businessHours"
          problems={problems}
          value={hours?.calendarId ?? ''}
          options={[
            { value: '', label: 'Any time' },
            ...refs.calendars.map((c) => ({ value: c.id, label: c.name })),
            ...(hours?.calendarId && !refs.calendars.some((c) => c.id === hours.calendarId)
              ? [{ value: hours.calendarId, label: `Unknown calendar ${hours.calendarId}` }]
              : []),
          ]}
          onChange={(calendarId) =>
            set('businessHours', calendarId ? { calendarId, open: hours?.open ?? true } : undefined)
          }
        />
        {hours && (
          <SelectField
            label="Business hours are"
            field="when.businessHours.open"
            problems={problems}
            value={hours.open === false ? 'closed' : 'open'}
            options={[
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
            ]}
            onChange={(value) => set('businessHours', { ...hours, open: value === 'open' })}
          />
        )}
        <SelectField
          label="Customer has another open conversation"
          field="when.hasOpenConversation"
          problems={problems}
          value={when.hasOpenConversation === undefined ? '' : when.hasOpenConversation ? 'yes' : 'no'}
          options={[
            { value: '', label: 'Either' },
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          onChange={(value) => set('hasOpenConversation', value === '' ? undefined : value === 'yes')}
        />
      </div>
      <div className="form-grid">
        <CheckGroup<Channel>
          label="Channels"
          field="when.channels"
          problems={problems}
          value={list(when.channels) as Channel[]}
          options={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
          onChange={(value) => set('channels', value)}
        />
        <CheckGroup<Priority>
          label="Priorities"
          field="when.priorities"
          problems={problems}
          value={list(when.priorities) as Priority[]}
          options={PRIORITIES.map((priority) => ({ value: priority, label: priority }))}
          onChange={(value) => set('priorities', value)}
        />
        <CheckGroup<Sentiment>
          label="Sentiments"
          field="when.sentiments"
          problems={problems}
          value={list(when.sentiments) as Sentiment[]}
          options={SENTIMENTS.map((sentiment) => ({ value: sentiment, label: sentiment }))}
          onChange={(value) => set('sentiments', value)}
        />
      </div>
    </fieldset>
  );
}

/** customerAttributes as a small JSON object; text that is not JSON is sent as is, for the API to name. */
function AttributesField({
  value,
  problems,
  onChange,
}: {
  value: unknown;
  problems: readonly FieldProblem[];
  onChange(value: unknown): void;
}) {
  const shown = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (text !== shown && JSON.stringify(text.trim() === '' ? undefined : parse(text)) !== JSON.stringify(value)) {
      setText(shown);
    }
    // Only an outside change (a reload) replaces the text being typed.
  }, [shown]);
  return (
    <TextField
      label="Customer attributes (JSON)"
      field="when.customerAttributes"
      problems={problems}
      placeholder='{"vip": true}'
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(next.trim() === '' ? undefined : parse(next));
      }}
    />
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const CONDITION_FIELDS = [
  'topics',
  'minTopicConfidence',
  'customerTiers',
  'languages',
  'keywords',
  'customerAttributes',
  'businessHours',
  'hasOpenConversation',
  'channels',
  'priorities',
  'sentiments',
];
