/** 900 → "15 min", 86400 → "1 d"; null → "no target". */
export function describeSeconds(seconds: number | null): string {
  if (seconds === null) {
    return 'no target';
  }
  if (seconds % 86_400 === 0) {
    return `${seconds / 86_400} d`;
  }
  if (seconds % 3600 === 0) {
    return `${seconds / 3600} h`;
  }
  if (seconds % 60 === 0) {
    return `${seconds / 60} min`;
  }
  return `${seconds} s`;
}

/** A typed number as a number; '' as null (no target); anything else as typed, for the API to refuse by field. */
export const secondsOrText = (text: string): number | string | null =>
  text.trim() === '' ? null : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
