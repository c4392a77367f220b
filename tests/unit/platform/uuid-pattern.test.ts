import { ASSIGNEE_FILTER } from '../../../apps/api/src/inbox/dto/list-conversations.query';
import { isUuid } from '../../../core/platform/ids';

describe('the one UUID pattern', () => {
  const id = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';

  it('accepts a whole UUID in either case and nothing around it', () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toLowerCase())).toBe(true);
    for (const value of [`${id}x`, ` ${id}`, id.slice(1), id.replace(/-/g, ''), 'g'.repeat(36), 42, null]) {
      expect({ value, uuid: isUuid(value) }).toEqual({ value, uuid: false });
    }
  });

  it('lets the inbox assignee filter take the keywords or an agent id, anchored at both ends', () => {
    for (const value of ['me', 'UNASSIGNED', 'any', id, id.toLowerCase()]) {
      expect({ value, ok: ASSIGNEE_FILTER.test(value) }).toEqual({ value, ok: true });
    }
    for (const value of ['someone', '', 'me ', `me|${id}`, `${id}0`, `any${id}`]) {
      expect({ value, ok: ASSIGNEE_FILTER.test(value) }).toEqual({ value, ok: false });
    }
  });
});
