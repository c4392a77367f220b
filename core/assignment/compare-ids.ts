/** Code-unit order, not locale order: the same ids sort the same way on every machine and in every workflow. */
export function compareIds(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
