import { aTenantWithAdmin } from './factories';
import { useTestStack, type TestStackOptions } from './test-stack';

/**
 * What admin-route test files share: a stack for the describe block (without a worker unless asked for) and a fresh
 * tenant with an admin, whose token the routes take, on demand.
 */
export function useAdminStack(options: TestStackOptions = {}) {
  const stack = useTestStack({ worker: false, ...options });
  return { stack, aTenantWithAdmin: () => aTenantWithAdmin(stack.dataSource) };
}
