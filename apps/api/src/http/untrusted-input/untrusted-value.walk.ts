import { unstorableText } from '../../../../../core/platform/db/storable-text';
import type { InputLimits } from './input-limits';

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * Walks every value and key under `root` (without recursion, so no input can overflow the stack) and describes the
 * first thing the API refuses: a string or key with a NUL byte or an unpaired surrogate, an array longer than
 * `maxArrayItems`, or nesting deeper than `maxDepth`. The message names the field, e.g. "body.rules[2].name contains
 * a NUL byte". Returns undefined when the input is acceptable.
 */
export function findUntrustedInput(root: unknown, rootPath: string, limits: InputLimits): string | undefined {
  const pending: Pending[] = [{ value: root, path: rootPath, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const problem = unstorableText(value);
      if (problem) {
        return `${path} contains ${problem}`;
      }
      continue;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) {
      continue; // numbers, booleans, null, and raw bodies (Buffers), which are bytes, not text
    }
    if (depth >= limits.maxDepth) {
      return `${path} nests deeper than ${limits.maxDepth} levels`;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayItems) {
        return `${path} has ${value.length} items; at most ${limits.maxArrayItems} are allowed`;
      }
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      }
      continue;
    }
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index];
      const keyProblem = unstorableText(key);
      if (keyProblem) {
        return `a key of ${path} (${JSON.stringify(key)}) contains ${keyProblem}`;
      }
      pending.push({ value: item, path: fieldPath(path, key), depth: depth + 1 });
    }
  }
  return undefined;
}

function fieldPath(parent: string, key: string): string {
  return PLAIN_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
