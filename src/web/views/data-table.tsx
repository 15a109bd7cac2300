import type { Child } from 'hono/jsx';

/**
 * How a column's cells read, which sets their alignment (styles.ts: `.num`, `.nowrap`, `.center`):
 * numbers right-aligned in tabular figures, dates kept on one line, checkboxes centred. Text by default.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'check';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => Child;
  readonly kind?: ColumnKind;
  /** The cell names its row (`<th scope="row">`), as a state's name does for the inputs beside it. */
  readonly rowHeader?: boolean;
}

// Headers never wrap (styles.ts), so a date's header needs no class of its own.
const HEADER_CLASS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  number: 'num',
  date: undefined,
  check: 'center',
};
const CELL_CLASS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  number: 'num',
  date: 'nowrap',
  check: 'center',
};

/** Attributes of a row's `<tr>`: the data-* that scripts and tests find it by, a highlight class. */
export type RowAttributes = Readonly<Record<string, string | undefined>>;

/**
 * A table of the web's pages: a header row, one row per item, in a box that scrolls sideways on a
 * narrow screen rather than pushing the page wider.
 */
export function DataTable<Row>(props: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  id?: string;
  class?: string;
  rowAttributes?: (row: Row) => RowAttributes;
  /** Shown instead of the table when there is no row. */
  empty?: Child;
  /** A line above the table, inside its box. */
  note?: Child;
}) {
  const { columns, rowAttributes } = props;
  if (props.rows.length === 0 && props.empty !== undefined) return <>{props.empty}</>;
  return (
    <div class="table-wrap">
      {props.note}
      <table class={props.class} id={props.id}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" class={HEADER_CLASS[column.kind ?? 'text']}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr {...rowAttributes?.(row)}>
              {columns.map((column) => {
                const className = CELL_CLASS[column.kind ?? 'text'];
                return column.rowHeader === true ? (
                  <th scope="row" class={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td class={className}>{column.cell(row)}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
