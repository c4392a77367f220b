/** The workflow's deterministic clock (Temporal replays Date.now()) as an ISO string. */
export const nowIso = (): string => new Date(Date.now()).toISOString();
