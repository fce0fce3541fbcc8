// kubectl printing cost as the listed objects grow: `get pods -o wide` tables and `get pods -o yaml`
// for 100, 1000 and 5000 running pods (pure printing: objects built by hand, no cluster).
import { performance } from 'node:perf_hooks';
import type { KubeObject } from '../src/api/objects';
import { renderTable } from '../src/kubectl/printers';
import { printGeneric, parseOutputFormat } from '../src/kubectl/printers/output';
import { median, report } from './report';

function pod(i: number): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z', labels: { app: 'web' } },
    spec: { nodeName: `node${i % 100}`, containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '0.1' } } }] },
    status: { phase: 'Running', podIPs: [{ ip: '10.244.0.1' }], conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx:1.27', imageID: '', state: { running: { startedAt: '2025-01-01T00:00:01Z' } } }] },
  };
}

const yaml = parseOutputFormat('yaml');
for (const n of [100, 1000, 5000]) {
  const pods = Array.from({ length: n }, (_, i) => pod(i));
  const time = (f: () => void): number => median([0, 1, 2].map(() => { const t0 = performance.now(); f(); return performance.now() - t0; }));
  report({ name: `kubectl get pods -o wide, ${n} pods`, value: Math.round(time(() => renderTable('Pod', pods, 3_600_000, { wide: true }))), unit: 'ms', goal: 'grows linearly' });
  report({ name: `kubectl get pods -o yaml, ${n} pods`, value: Math.round(time(() => printGeneric(pods, false, yaml))), unit: 'ms', goal: 'grows linearly' });
}
