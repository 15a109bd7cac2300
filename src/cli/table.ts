import { cleanText } from '../domain/truncate.js';

/**
 * A plain text table for terminals: columns padded to their widest cell, numbers right-aligned. Cells
 * hold shop data: control characters (ESC, BEL…) are removed, so that a name cannot drive the terminal.
 */
export function renderTable(
  headers: readonly string[],
  dirtyRows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string {
  const rows = dirtyRows.map((row) => row.map(cleanText));
  const widths = headers.map((header, column) =>
    Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const padding = ' '.repeat(Math.max(0, (widths[column] ?? 0) - width(cell)));
        return rightAligned.includes(column) ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((size) => '─'.repeat(size))), ...rows.map(line)].join('\n');
}

/** Terminal width of a text: code points, not UTF-16 units (accents and emoji count once). */
function width(text: string): number {
  return [...text].length;
}
