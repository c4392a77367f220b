// What the API's 4xx bodies say about which field is wrong: a domain error lists details.problems ({ field, message },
// with ruleIndex for routing policies); class-validator joins sentences that start with the property's path
// ("capacity.chat must not be greater than 100; name should not be empty").

export interface FieldProblem {
  /** Field path as the API names it: 'capacity.chat', 'weekly.mon[0].end', 'when.topics[1]'. '' = the whole input. */
  field: string;
  message: string;
  /** Routing policies: the rule the problem is in; null for the document and the fallback. */
  ruleIndex?: number | null;
}

const FIELD_SENTENCE = /^([A-Za-z_][\w.[\]]*) (must|should|each|has|is)\b/;

/** The problems a 4xx body names by field (see the file's head). */
export function problemsOf(body: unknown, message: string): FieldProblem[] {
  const details = body && typeof body === 'object' ? (body as { details?: { problems?: unknown } }).details : undefined;
  if (Array.isArray(details?.problems)) {
    return details.problems
      .filter((p): p is FieldProblem => Boolean(p) && typeof p === 'object' && typeof p.message === 'string')
      .map((p) => ({ field: typeof p.field === 'string' ? p.field : '', message: p.message, ruleIndex: p.ruleIndex }));
  }
  // class-validator joins its sentences with '; ', each starting with the property's path.
  return message.split('; ').flatMap((sentence) => {
    const named = FIELD_SENTENCE.exec(sentence);
    return named ? [{ field: named[1], message: sentence }] : [];
  });
}

/** The problems about `field` or anything inside it ('capacity' covers 'capacity.chat'; 'weekly.mon' 'weekly.mon[0]'). */
export function problemsAt(problems: readonly FieldProblem[], field: string): FieldProblem[] {
  return problems.filter(
    (p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`),
  );
}

/** Problems no field of the form shows, so the form shows them at its top. */
export function problemsElsewhere(problems: readonly FieldProblem[], shown: readonly string[]): FieldProblem[] {
  return problems.filter((p) => !shown.some((field) => problemsAt([p], field).length > 0));
}
