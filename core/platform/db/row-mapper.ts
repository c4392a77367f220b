/** `first_response_at` → `firstResponseAt`, at the type level. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** What an entity hydrated from a row of `Row` holds: each snake_case column as its camelCase property. */
export type PropertiesOfRow<Row> = { [Column in keyof Row & string as CamelCase<Column>]: Row[Column] };

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * Builds the mapper from rows read by hand-written SQL to the entity TypeORM would hydrate from the same row (values
 * as pg parses them). `columns` is the statement's column list (`id, tenant_id, …`); the compiler checks that the
 * entity has every column's property with the row's type.
 */
export function rowMapper<Row extends object, Entity extends PropertiesOfRow<Row>>(
  type: new () => Entity,
  columns: string,
): (row: Row) => Entity {
  const pairs = columns.split(',').map((column) => [column.trim(), camelCase(column.trim())] as const);
  return (row) => {
    const entity = new type() as Record<string, unknown>;
    const values = row as Record<string, unknown>;
    for (const [column, property] of pairs) {
      entity[property] = values[column];
    }
    return entity as Entity;
  };
}
