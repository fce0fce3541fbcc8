// Renders docs/steps.md from the step catalog: how steps read, the parameter types, then every
// step by domain with an example; state checks list each temporal form with its own example.
import { relative } from 'node:path';
import type { ParameterEntry, StepEntry } from '../steps/support/catalog';

const HEADER = `# Step reference

Generated from the step definitions (\`steps/\`) by \`npm run docs:steps\`; \`npm test\` fails when this
file is out of date, when an example here does not match exactly one step, and when a feature uses
an undefined or ambiguous step.

## How steps read

- **Subject first, present tense**: \`replicaset "web" has 3 ready replicas\`, \`configmap "settings" exists\`,
  \`pod "web-0" is gone\`. Objects are written as kubectl names them: \`replicaset "web"\` or \`rs/web\`.
- **Actions** start with \`I\`: \`I apply the manifest:\`, \`I delete pod "web-0"\`, \`I mark "rollout-start"\`.
  An action with \`at T\` is scheduled for virtual instant T (counted from the scenario start).
- **Faults** are scheduled actions too: \`I crash node "node01" from 30s for 2m\` starts at 30s and heals
  2m later; \`at T\` alone never heals (or, for something instantaneous like a restart, happens then);
  \`at some instant between 10s and 1m\` lets the scenario's seed choose, so \`kukumber explore\` can try
  many instants. A runaway (one owner creating objects without end) stops the cluster with a diagnosis.
- **Time** passes only in steps that say so: \`30s pass\` (inclusive of what is due at the end), and the
  qualified checks below that run the cluster (\`within\`, \`for\`, a future \`at\`).
- **Every state check takes a temporal qualifier** as a sentence opener ending in a comma; without
  one it is checked now:

| form | meaning |
|---|---|
| \`<check>\` | holds now |
| \`within D, <check>\` | runs the cluster until the check holds after an event (stopping at once), for at most D; the window includes now + D |
| \`for D, <check>\` | runs the cluster for D; the check holds now and after every write until now + D inclusive |
| \`always, <check>\` / \`always since "<mark>", <check>\` | held in the state after every write recorded since the scenario started / since the mark |
| \`never, <check>\` / \`never since "<mark>", <check>\` | held after no write since the scenario started / since the mark |
| \`at T, <check>\` | held at virtual instant T (read from history when T has passed, else the cluster runs to T) |

- **Counts over history** open with \`since "<mark>",\` when they should not start at the scenario start:
  \`since "rollout-start", deployment "api" had at most 4 pods at once\`.
- **A failing check** prints how to reproduce it (seed and command), what it awaited and over which
  window, what it observed and when (and which write broke a \`for\`/\`always\`/\`never\` claim), why
  the awaited state is still pending when the check can tell, the objects it looked at, and the
  last writes. \`the next check is expected to fail\` turns that text into something to assert.
`;

/** Sections in reading order: set up, act, then check. */
const DOMAIN_ORDER = ['time', 'manifests', 'objects', 'faults', 'workloads', 'runaway', 'events', 'conditions', 'harness'];

const code = (s: string): string => `\`${s.replace(/\|/g, '\\|')}\``;

function parameters(params: ParameterEntry[]): string[] {
  return ['## Parameter types', '', '| type | examples | meaning |', '|---|---|---|',
    ...params.map(p => `| ${code(`{${p.name}}`)} | ${p.examples.map(code).join(', ')} | ${p.doc} |`), '',
    'Built-in types used as well: `{string}` (text in double quotes), `{int}`, `{word}` (no spaces).', ''];
}

function step(s: StepEntry, root: string): string[] {
  const where = `${relative(root, s.file)}:${s.line}`;
  const block = s.block ? `, followed by a ${s.block}` : '';
  return [`### ${s.keyword} ${code(s.expression)}`, '', `${s.doc}`, '', `Example: ${code(`${s.keyword} ${s.example}`)}${block} — defined in ${code(where)}`, ''];
}

function stateCheck(plain: StepEntry, forms: StepEntry[], root: string): string[] {
  return [
    ...step({ ...plain, doc: `${plain.doc} A state check: it takes every temporal qualifier.` }, root).slice(0, -1), '',
    '| with a qualifier | example |', '|---|---|',
    ...forms.map(f => `| ${code(f.expression)} | ${code(`${f.keyword} ${f.example}`)} |`), '',
  ];
}

export function renderStepDocs(steps: StepEntry[], params: ParameterEntry[], root: string): string {
  const out = [HEADER, ...parameters(params)];
  const known = DOMAIN_ORDER.filter(d => steps.some(s => s.domain === d));
  const domains = [...known, ...new Set(steps.map(s => s.domain).filter(d => !DOMAIN_ORDER.includes(d)))];
  for (const domain of domains) {
    out.push(`## ${domain}`, '');
    const inDomain = steps.filter(s => s.domain === domain);
    for (const s of inDomain) {
      if (s.phrase !== undefined) continue;
      const forms = inDomain.filter(f => f.phrase === s.expression);
      out.push(...(forms.length ? stateCheck(s, forms, root) : step(s, root)));
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
