// The record of faults a scenario declared: what, on what, from when until when. Timelines draw
// these as markers; diagnoses list them. Faults are data; applying them is the wrappers' job.

export interface FaultRecord {
  id: number;
  /** e.g. "api-errors", "watch-delay", "controller-manager-down", "node-crash". */
  kind: string;
  /** What it hits: "kube-controller-manager", "node01", "create Pod", … */
  target: string;
  /** One line for reports: `500 errors on 50% of create Pod requests`. */
  description: string;
  startMs: number;
  /** When it was healed; undefined while active (or for instantaneous faults, equal to startMs). */
  healMs?: number;
}

export class FaultLog {
  readonly records: FaultRecord[] = [];
  private nextId = 1;

  open(kind: string, target: string, description: string, startMs: number): FaultRecord {
    const r: FaultRecord = { id: this.nextId++, kind, target, description, startMs };
    this.records.push(r);
    return r;
  }

  close(record: FaultRecord, atMs: number): void {
    record.healMs ??= atMs;
  }

  active(atMs: number): FaultRecord[] {
    return this.records.filter(r => r.startMs <= atMs && (r.healMs === undefined || r.healMs > atMs));
  }
}
