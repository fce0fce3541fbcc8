// What a scenario notes beside the API history: named marks (`When I mark "rollout-start"`) and
// faults with their start and heal instants. Checks read marks to bound always/never; timelines
// draw both. Fault code calls faultStarted/faultHealed; nothing here changes the cluster.
import type { Simulation } from '../sim/simulation';
import type { History } from '../api/history';

export interface Mark {
  name: string;
  atMs: number;
  /** History writes made before the mark: the state at the mark is the state after them. */
  index: number;
}

export interface FaultRecord {
  id: number;
  /** `network partition`, `kubelet stopped`, … */
  name: string;
  /** What it hits: `node/node01`, `replicaset-controller`. */
  target?: string;
  detail?: string;
  startMs: number;
  healMs?: number;
}

export class Annotations {
  /** The state the scenario starts from: after the cluster's own bootstrap writes. */
  readonly start: Mark;
  readonly marks: Mark[] = [];
  readonly faults: FaultRecord[] = [];

  constructor(private readonly sim: Simulation, private readonly history: History) {
    this.start = { name: 'scenario start', atMs: sim.nowMs, index: history.records.length };
  }

  /** Marks the current instant under a name; a name can be used once per scenario. */
  mark(name: string): Mark {
    if (this.marks.some(m => m.name === name)) throw new Error(`mark ${JSON.stringify(name)} is already set; mark names are unique in a scenario`);
    const m = { name, atMs: this.sim.nowMs, index: this.history.records.length };
    this.marks.push(m);
    return m;
  }

  /** The named mark, or an error listing the marks there are. */
  markNamed(name: string): Mark {
    const m = this.marks.find(x => x.name === name);
    if (m) return m;
    const known = this.marks.map(x => JSON.stringify(x.name)).join(', ');
    throw new Error(`no mark ${JSON.stringify(name)} in this scenario (${known ? `marks: ${known}` : 'no marks yet; set one with: When I mark "<name>"'})`);
  }

  faultStarted(name: string, options: { target?: string; detail?: string } = {}): FaultRecord {
    const f: FaultRecord = { id: this.faults.length + 1, name, ...options, startMs: this.sim.nowMs };
    this.faults.push(f);
    return f;
  }

  faultHealed(fault: FaultRecord): void {
    if (fault.healMs === undefined) fault.healMs = this.sim.nowMs;
  }
}
