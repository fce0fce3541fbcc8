// The Table the API server returns for `kubectl get`: one printer per kind, and the default
// NAME / AGE table (printObjectMeta) for kinds without one.
import type { KubeObject } from '../../api/objects';
import { CORE_PRINTERS } from './columns_core';
import { WORKLOAD_PRINTERS, age, ageColumn, nameColumn, type KindPrinter } from './columns_workloads';
import type { Table } from './table';

const DEFAULT_PRINTER: KindPrinter = { columns: [nameColumn, ageColumn], row: (o, nowMs) => [o.metadata.name!, age(o, nowMs)] };

export const TABLE_PRINTERS: Record<string, KindPrinter> = { ...WORKLOAD_PRINTERS, ...CORE_PRINTERS };

export function printerFor(kind: string): KindPrinter {
  return TABLE_PRINTERS[kind] ?? DEFAULT_PRINTER;
}

/** The server-side Table of objects of one kind at instant nowMs. */
export function buildTable(kind: string, objects: readonly KubeObject[], nowMs: number): Table {
  const p = printerFor(kind);
  return { columns: p.columns, rows: objects.map(o => ({ cells: p.row(o, nowMs), object: o })) };
}
