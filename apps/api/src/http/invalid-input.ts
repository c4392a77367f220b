import { DomainError } from '../../../../core/platform/errors/domain-error';
import type { FieldProblem } from '../../../../core/platform/validation/field-checks';

/** A 400 listing every problem in details.problems; the message names the first, so a plain client still learns why. */
export function invalidInput(what: string, problems: FieldProblem[]): DomainError {
  return rejectedInput(`Invalid ${what}`, problems, (problem) => problem.field);
}

/** As invalidInput, under any headline, for problems whose place `pathOf` spells out (e.g. 'rules[2].then.teamId'). */
export function rejectedInput<P extends { message: string }>(
  headline: string,
  problems: P[],
  pathOf: (problem: P) => string,
): DomainError {
  const [first] = problems;
  const path = first ? pathOf(first) : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new DomainError(
    'validation_failed',
    `${headline}: ${path ? `${path}: ` : ''}${first?.message ?? 'rejected'}${more}`,
    {
      problems,
    },
  );
}
