import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from '../../src/web/views/data-table.js';

interface Line {
  readonly name: string;
  readonly amount: string;
  readonly day: string;
}

const COLUMNS: readonly Column<Line>[] = [
  { header: 'Nom', cell: (line) => line.name, rowHeader: true },
  { header: 'Montant', cell: (line) => line.amount, kind: 'number' },
  { header: 'Date', cell: (line) => line.day, kind: 'date' },
  { header: 'Choisi', cell: () => '✓', kind: 'check' },
];

const LINES: readonly Line[] = [
  { name: 'Café', amount: '1,20 €', day: '01/12/2026' },
  { name: 'Thé <vert>', amount: '2,00 €', day: '02/12/2026' },
];

/** A rendered JSX node's HTML (hono's `toString()` may answer a promise). */
async function html(node: { toString(): string | Promise<string> }): Promise<string> {
  return node.toString();
}

describe('DataTable', () => {
  it('renders one header row and one row per item, cells aligned by their kind', async () => {
    const out = await html(DataTable({ columns: COLUMNS, rows: LINES, id: 'lines', class: 'compact' }));
    expect(out).toBe(
      '<div class="table-wrap"><table class="compact" id="lines"><thead><tr>' +
        '<th scope="col">Nom</th><th scope="col" class="num">Montant</th><th scope="col">Date</th>' +
        '<th scope="col" class="center">Choisi</th></tr></thead><tbody>' +
        '<tr><th scope="row">Café</th><td class="num">1,20 €</td><td class="nowrap">01/12/2026</td>' +
        '<td class="center">✓</td></tr>' +
        '<tr><th scope="row">Thé &lt;vert&gt;</th><td class="num">2,00 €</td><td class="nowrap">02/12/2026</td>' +
        '<td class="center">✓</td></tr></tbody></table></div>',
    );
  });

  it('puts the row attributes on each row', async () => {
    const out = await html(
      DataTable({
        columns: COLUMNS.slice(0, 1),
        rows: LINES,
        rowAttributes: (line) => ({
          class: line.name === 'Café' ? 'selected-row' : undefined,
          'data-name': line.name,
        }),
      }),
    );
    expect(out).toContain('<tr class="selected-row" data-name="Café"><th scope="row">Café</th></tr>');
    expect(out).toContain('<tr data-name="Thé &lt;vert&gt;"><th scope="row">');
  });

  it('shows the empty message instead of the table when there is no row, if it has one', async () => {
    expect(await html(DataTable({ columns: COLUMNS, rows: [], empty: 'Aucune ligne.' }))).toBe(
      'Aucune ligne.',
    );
    // Without one, an empty table keeps its headers (a form's table of zero rows is still a form).
    expect(await html(DataTable({ columns: COLUMNS, rows: [] }))).toContain('<tbody></tbody>');
  });

  it('puts the note above the table, inside its box', async () => {
    const out = await html(DataTable({ columns: COLUMNS, rows: LINES, note: 'À lire.' }));
    expect(out.startsWith('<div class="table-wrap">À lire.<table>')).toBe(true);
  });
});
