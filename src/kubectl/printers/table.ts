// Server-side tables and how kubectl prints them (cli-runtime printers/tableprinter.go): the
// server builds a Table with every column (priority 1 = `-o wide` only); kubectl adds NAMESPACE
// (`-A`), prefixes names with the kind when several kinds are printed, appends -L label columns
// and LABELS (`--show-labels`), upper-cases headers, cuts string cells at a newline ("…") and
// prints nothing at all for a table without rows.
import type { KubeObject } from '../../api/objects';
import { formatLabels } from './labels';

export type Cell = string | number | boolean | null;

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'number';
  /** "name" marks the column that gets the kind prefix (`replicaset.apps/web`). */
  format?: 'name';
  /** 1 = shown only with -o wide. */
  priority?: 0 | 1;
}

export interface TableRow { cells: Cell[]; object: KubeObject }

export interface Table { columns: ColumnDefinition[]; rows: TableRow[] }

export interface TablePrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** -L keys: one column per key, headed by the key's last path segment. */
  columnLabels?: string[];
  /** "pod", "replicaset.apps": prefixes the name column when several kinds are printed. */
  kindPrefix?: string;
}

/** decorateTable: NAMESPACE first, kind-prefixed names, label columns last. */
export function decorateTable(table: Table, o: TablePrintOptions): Table {
  const nameColumn = o.kindPrefix ? table.columns.findIndex(c => c.format === 'name' && c.type === 'string') : -1;
  const labelKeys = o.columnLabels ?? [];
  const columns: ColumnDefinition[] = [
    ...(o.withNamespace ? [{ name: 'Namespace', type: 'string' } as ColumnDefinition] : []),
    ...table.columns,
    ...labelKeys.map(k => ({ name: k.split('/').pop()!, type: 'string' } as ColumnDefinition)),
    ...(o.showLabels ? [{ name: 'Labels', type: 'string' } as ColumnDefinition] : []),
  ];
  const rows = table.rows.map(row => {
    const cells = [...row.cells];
    if (nameColumn >= 0) cells[nameColumn] = `${o.kindPrefix}/${String(cells[nameColumn])}`;
    const labels = row.object.metadata?.labels ?? {};
    return {
      object: row.object,
      cells: [
        ...(o.withNamespace ? [row.object.metadata?.namespace ?? ''] : []),
        ...cells,
        ...labelKeys.map(k => labels[k] ?? ''),
        ...(o.showLabels ? [formatLabels(labels)] : []),
      ],
    };
  });
  return { columns, rows };
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const nl = cell.indexOf('\n');
  return nl >= 0 ? `${cell.slice(0, nl)}...` : cell;
}

/** printTable: tab-separated lines (to be laid out by the table tabwriter); "" when there are no rows. */
export function printTable(table: Table, o: TablePrintOptions): string {
  if (table.rows.length === 0) return '';
  const decorated = decorateTable(table, o);
  const visible = decorated.columns.map(c => o.wide || !c.priority);
  let out = '';
  if (!o.noHeaders) out += `${decorated.columns.filter((_, i) => visible[i]).map(c => c.name.toUpperCase()).join('\t')}\n`;
  for (const row of decorated.rows) {
    out += `${row.cells.filter((_, i) => i < decorated.columns.length && visible[i]).map(cellText).join('\t')}\n`;
  }
  return out;
}
