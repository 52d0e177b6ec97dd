/** Rows of a matrix grouped by their family, families in the order they first appear (the catalogue's). */
export function groupByFamily<R extends { family: { id: string; title: string } }>(rows: readonly R[]) {
  const groups: { id: string; title: string; rows: R[] }[] = [];
  for (const row of rows) {
    const last = groups.find((g) => g.id === row.family.id);
    if (last) last.rows.push(row);
    else groups.push({ id: row.family.id, title: row.family.title, rows: [row] });
  }
  return groups;
}
