import type { ConversationDetail } from '../api/types';
import { ChannelIcon } from '../inbox/channel-icon';
import { customerName } from '../inbox/customer-name';
import { navigate } from '../router';

/** Who the customer is: identities on every channel, attributes such as tier and VIP, and their other conversations. */
export function CustomerPanel({ detail }: { detail: ConversationDetail }) {
  const { customer, history, conversation } = detail;
  const attributes = Object.entries(customer.attributes ?? {});
  return (
    <aside className="customer-panel" aria-label="Customer">
      <h2>{customerName(customer)}</h2>
      <h3>Identities</h3>
      <ul className="identities">
        {customer.identities.map((identity) => (
          <li key={`${identity.channel}:${identity.address}`}>
            <ChannelIcon channel={identity.channel} /> {identity.address}{' '}
            <span className={`badge ${identity.verified ? 'verified' : 'unverified'}`}>
              {identity.verified ? 'verified' : 'unverified'}
            </span>
          </li>
        ))}
        {!customer.identities.length && <li className="muted">None yet (anonymous chat visitor)</li>}
      </ul>
      <h3>Attributes</h3>
      {attributes.length ? (
        <dl className="attributes">
          {attributes.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No attributes</p>
      )}
      <h3>Conversations</h3>
      <ul className="other-conversations">
        {[...history.conversations].reverse().map((other) => (
          <li key={other.id}>
            {other.id === conversation.id ? (
              <span aria-current="true">
                <ChannelIcon channel={other.channel} /> {other.subject ?? other.channel} · {other.status} (this one)
              </span>
            ) : (
              <a
                href={`/app/conversations/${other.id}`}
                onClick={(event) => (event.preventDefault(), navigate(`/conversations/${other.id}`))}
              >
                <ChannelIcon channel={other.channel} /> {other.subject ?? other.channel} · {other.status} ·{' '}
                {new Date(other.createdAt).toLocaleDateString()}
              </a>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
