import { toCsv } from '../../../../shared/csv';
import type { FleetColumn, InstanceRow } from '../../../../shared/fleet';

/** A row's value in one column as a spreadsheet should get it: states in the user's words, money as decimals. */
export function csvValue(row: InstanceRow, column: FleetColumn, labels: Record<string, string>): string | number | null {
  const word = (prefix: string, value: string | boolean | null) => (value === null ? null : (labels[`${prefix}.${value}`] ?? String(value)));
  switch (column) {
    case 'provider':
      return word('provider', row.provider);
    case 'account':
      return row.accountName;
    case 'queue':
      return row.queueSize === null ? null : row.queueLimit === null ? row.queueSize : `${row.queueSize}/${row.queueLimit}`;
    case 'whatsapp':
    case 'telegram':
    case 'subscription':
    case 'autoRenew':
      return word(column, row[column]);
    default:
      return row[column];
  }
}

export function fleetCsv(rows: readonly InstanceRow[], columns: readonly { column: FleetColumn; header: string }[], labels: Record<string, string>) {
  return toCsv(
    rows,
    columns.map(({ column, header }) => ({ header, value: (row: InstanceRow) => csvValue(row, column, labels) })),
  );
}
