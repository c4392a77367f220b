// One write from a form: busy while it runs, and the API's refusal kept as a message and its problems by field.
import { useCallback, useState } from 'react';
import { AdminApiError, type FieldProblem } from './admin-api';

export interface Write {
  busy: boolean;
  error: string | null;
  problems: FieldProblem[];
  /** Runs the write; resolves true when it succeeded. */
  run(write: () => Promise<unknown>): Promise<boolean>;
  clear(): void;
}

export function useWrite(): Write {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const clear = useCallback(() => {
    setError(null);
    setProblems([]);
  }, []);
  const run = useCallback(async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      await write();
      return true;
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setProblems(reason instanceof AdminApiError ? reason.problems : []);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, problems, run, clear };
}
