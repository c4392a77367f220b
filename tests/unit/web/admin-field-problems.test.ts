import { problemsAt, problemsElsewhere, problemsOf } from '../../../apps/web/src/admin/shared/field-problems';

describe("the admin forms' reading of the API's 4xx bodies", () => {
  it('takes the problems a domain error lists, with the rule they are in', () => {
    const body = {
      statusCode: 400,
      error: 'validation_failed',
      message: "Invalid routing policy: rules[0].when.topics[0]: Unknown topic 'biling'",
      details: {
        problems: [
          { ruleIndex: 0, field: 'when.topics[0]', message: "Unknown topic 'biling'" },
          { ruleIndex: null, field: 'fallback.priority', message: "Unknown priority 'asap'" },
          'not a problem',
        ],
      },
    };
    expect(problemsOf(body, body.message)).toEqual([
      { ruleIndex: 0, field: 'when.topics[0]', message: "Unknown topic 'biling'" },
      { ruleIndex: null, field: 'fallback.priority', message: "Unknown priority 'asap'" },
    ]);
  });

  it("names the field of each of class-validator's sentences, and none for a sentence about no field", () => {
    const message =
      'capacity.chat must not be greater than 100; email must be an email; property store should not exist';
    expect(problemsOf({ statusCode: 400, message }, message)).toEqual([
      { field: 'capacity.chat', message: 'capacity.chat must not be greater than 100' },
      { field: 'email', message: 'email must be an email' },
    ]);
    expect(
      problemsOf({ statusCode: 409, message: 'An agent with that email exists' }, 'An agent with that email exists'),
    ).toEqual([]);
  });

  it('gives a field the problems about it or inside it, and not those of a field that merely starts alike', () => {
    const problems = [
      { field: 'weekly.mon[0].end', message: 'a' },
      { field: 'weekly.monday', message: 'b' },
      { field: 'capacity', message: 'c' },
      { field: 'capacityWeights.chat', message: 'd' },
    ];
    expect(problemsAt(problems, 'weekly.mon').map((p) => p.message)).toEqual(['a']);
    expect(problemsAt(problems, 'capacity').map((p) => p.message)).toEqual(['c']);
    expect(problemsElsewhere(problems, ['weekly.mon', 'capacity']).map((p) => p.message)).toEqual(['b', 'd']);
  });
});
