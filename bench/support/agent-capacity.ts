import type { BenchAgent } from './assignment-tenant.seed';

/** Each agent raises their own chat capacity through the REST API (PATCH /agents/me/capacity), 10 at a time. */
export async function raiseChatCapacity(baseUrl: string, agents: BenchAgent[], chat: number): Promise<void> {
  for (let i = 0; i < agents.length; i += 10) {
    await Promise.all(
      agents.slice(i, i + 10).map(async (agent) => {
        const response = await fetch(`${baseUrl}/agents/me/capacity`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ chat }),
        });
        if (response.status !== 200) {
          throw new Error(`PATCH /agents/me/capacity answered ${response.status}: ${await response.text()}`);
        }
      }),
    );
  }
}
