import type { EmbeddedPostgres } from './embedded-postgres';
import type { EmbeddedTemporal } from './embedded-temporal';
import type { SupervisedProcess } from './supervised-process';

const SERVICE_STOP_GRACE_MS = 15_000;

/** Everything `npm start` has started so far, stopped in reverse dependency order. */
export class Running {
  postgres?: EmbeddedPostgres;
  temporal?: EmbeddedTemporal;
  readonly services: SupervisedProcess[] = [];
  private stopping?: Promise<void>;

  /**
   * The API and worker first, in parallel (they hold connections to the rest; SIGKILL after a grace period), then
   * Temporal, then PostgreSQL (a fast shutdown, which writes a checkpoint). Idempotent.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all(this.services.map((service) => service.stop(SERVICE_STOP_GRACE_MS)));
      await this.temporal?.stop();
      await this.postgres?.stop();
    })();
    return this.stopping;
  }

  /** Last resort when stopping failed: no process of ours may outlive us. */
  kill(): void {
    this.services.forEach((service) => service.kill());
    this.temporal?.process.kill();
    this.postgres?.process.kill();
  }
}
