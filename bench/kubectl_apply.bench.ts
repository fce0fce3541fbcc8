// kubectl apply through the simulated kubectl: a 200-document manifest created, then re-applied
// with every object changed (three-way strategic merge per object), then once more unchanged;
// and a doctest-style transcript of 1000 kubectl commands. Reports ms per object / per command.
import { performance } from 'node:perf_hooks';
import { createTranscriptCluster } from '../src/kubectl/transcript/cluster_options';
import { runKubectl } from '../src/kubectl/kubectl';
import { runTranscript } from '../src/kubectl/transcript/run';
import { median, report } from './report';

const OBJECTS = 200;

function manifest(image: string): string {
  return Array.from({ length: OBJECTS }, (_, i) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web-${i}
  template:
    metadata:
      labels:
        app: web-${i}
    spec:
      containers:
      - name: app
        image: ${image}
        env:
        - name: INDEX
          value: "${i}"
        ports:
        - containerPort: 80
`).join('---\n');
}

function applyRound(): [number, number, number] {
  const cluster = createTranscriptCluster();
  const times: number[] = [];
  for (const image of ['nginx:1.27', 'nginx:1.28', 'nginx:1.28']) {
    const t0 = performance.now();
    const r = runKubectl(['apply', '-f', '-'], { cluster, cwd: '.', stdin: manifest(image) });
    times.push(performance.now() - t0);
    if (r.exitCode !== 0) throw new Error(r.stderr);
  }
  return times as [number, number, number];
}

const runs = Array.from({ length: 5 }, applyRound);
report({ name: 'kubectl apply: create, per object', value: +(median(runs.map(r => r[0])) / OBJECTS).toFixed(3), unit: 'ms', goal: 'informational' });
report({ name: 'kubectl apply: three-way patch, per object', value: +(median(runs.map(r => r[1])) / OBJECTS).toFixed(3), unit: 'ms', goal: 'informational' });
report({ name: 'kubectl apply: unchanged, per object', value: +(median(runs.map(r => r[2])) / OBJECTS).toFixed(3), unit: 'ms', goal: 'informational' });

const COMMANDS = 1000;
const transcript = Array.from({ length: COMMANDS / 2 }, (_, i) => `$ kubectl label node node0${(i % 3) + 1} round=r${i} --overwrite\n$ kubectl scale rs web-${i % OBJECTS} --replicas=${i % 5}\n`).join('');
const times = Array.from({ length: 5 }, () => {
  const cluster = createTranscriptCluster();
  runKubectl(['apply', '-f', '-'], { cluster, cwd: '.', stdin: manifest('nginx:1.27') });
  const t0 = performance.now();
  runTranscript(cluster, transcript, { cwd: '.' });
  return performance.now() - t0;
});
report({ name: 'transcript: kubectl label/scale, per command', value: +(median(times) / COMMANDS).toFixed(3), unit: 'ms', goal: 'informational' });
