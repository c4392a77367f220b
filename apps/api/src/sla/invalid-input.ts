import { DomainError } from '../../../../core/domain/domain-error';
import type { FieldProblem } from '../../../../core/validation/field-checks';

/** A 400 listing every problem in details.problems; the message names the first, so a plain client still learns why. */
export function invalidInput(what: string, problems: FieldProblem[]): DomainError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const where = first?.field ? `${first.field}: ` : '';
  return new DomainError('validation_failed', `Invalid ${what}: ${where}${first?.message ?? 'rejected'}${more}`, {
    problems,
  });
}
