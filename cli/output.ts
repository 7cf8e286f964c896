/** Output helpers: data to stdout (JSON with --json), progress and logs to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A plain aligned table for terminals. */
export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  const cells = rows.map((row) =>
    columns.map((c) => (row[c] === undefined || row[c] === null ? '' : String(row[c]))),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  println(columns.map((c, i) => c.toUpperCase().padEnd(widths[i]!)).join('  '));
  for (const r of cells)
    println(
      r
        .map((v, i) => v.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}
