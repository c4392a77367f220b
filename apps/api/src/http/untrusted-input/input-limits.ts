/** How deep a request body may nest objects and arrays; deeper bodies get 400 before they are parsed. */
export const MAX_INPUT_DEPTH = 32;
/** How many items one array of a body or query string may hold. */
export const MAX_ARRAY_ITEMS = 1000;

export interface InputLimits {
  maxDepth: number;
  maxArrayItems: number;
}

export const INPUT_LIMITS: InputLimits = { maxDepth: MAX_INPUT_DEPTH, maxArrayItems: MAX_ARRAY_ITEMS };
