import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/**
 * An activity attempt ends when it is cancelled, even if its code does not listen (a query waiting on a lock, a
 * vendor call that hangs): the worker cancels in-flight attempts when its shutdown grace time is over, and this lets
 * shutdown finish then. The abandoned promise is left to settle on its own; its outcome is ignored.
 */
export const cancellableActivityInterceptor: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute(input, next) {
      const attempt = next(input);
      attempt.catch(() => undefined);
      return Promise.race([attempt, ctx.cancelled]);
    },
  },
});
