/** A query parameter given as `a,b` or repeated (`?x=a&x=b`) becomes ['a', 'b']; for @Transform. */
export const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? ([] as unknown[]).concat(value).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    : value;
