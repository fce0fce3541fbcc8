// What other parts of kukumber call to show objects the way kubectl does: tables, pod STATUS,
// the generic -o formats, durations and kubectl's error wording.
import type { KubeObject, Pod } from '../../api/objects';
import { buildTable } from './tables';
import { printTable, type TablePrintOptions } from './table';
import { tabulate, TABLE_WRITER } from './tabwriter';

export { humanDuration, shortHumanDuration, translateTimestampSince } from './duration';
export { podTableCells, printPodStatus, type PodCells } from './pod_status';
export { buildTable } from './tables';
export { printGeneric, parseOutputFormat, resourceName, OutputError, type OutputFormat } from './output';
export { marshalYaml } from './yaml';
export { marshalJson, marshalJsonIndent } from './json';
export { toWire } from './wire';
export { apiErrorMessage, checkErrText, renderError } from '../errors';
export { compileJsonPath, executeJsonPath } from './jsonpath';
export { canonicalQuantity } from './quantity_string';

/** `kubectl get <kind>` as printed for these objects at nowMs (headers included; "" when empty). */
export function renderTable(kind: string, objects: readonly KubeObject[], nowMs: number, options: TablePrintOptions = {}): string {
  return tabulate(printTable(buildTable(kind, objects, nowMs), options), TABLE_WRITER);
}

export type { Pod };
