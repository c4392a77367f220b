import { defineSignal, setHandler } from '@temporalio/workflow';

/** Bench-only: bundled on its own, never part of workflows/index.ts. */
export const pokeSignal = defineSignal<[string]>('poke');

/** The baseline's do-nothing workflow: takes the signal it was started with and completes. */
export async function benchNoopWorkflow(): Promise<void> {
  setHandler(pokeSignal, () => undefined);
}
