import { CancellationScope, sleep } from '@temporalio/workflow';

/**
 * One durable timer for whatever deadline comes first. A deadline that moves later (every message pushes the
 * inactivity clock back) keeps the running timer, which rings early and is re-armed then; only an earlier deadline
 * replaces it. So an ordinary message costs no timer commands at all.
 */
export class LazyAlarm {
  rang = false;
  private at: number | undefined;
  private scope: CancellationScope | undefined;

  ensureBy(at: number): void {
    if (this.at !== undefined && this.at <= at) {
      return;
    }
    this.scope?.cancel();
    const scope = new CancellationScope();
    this.scope = scope;
    this.at = at;
    scope
      .run(() => sleep(Math.max(1, at - Date.now())))
      .then(
        () => {
          if (this.scope === scope) {
            this.scope = undefined;
            this.at = undefined;
            this.rang = true;
          }
        },
        () => undefined, // replaced by an earlier deadline
      );
  }
}
