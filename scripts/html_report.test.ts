// Writes an HTML report for a few features (pods, a fault, the harness) with the project's own
// profile, opens it in headless Chromium — the Debian package, never a downloaded browser — and
// checks that each scenario's timeline SVG is drawn: the image decodes, has the timeline's size,
// and paints coloured pixels. (The suite's own reports/cucumber.html is too large to expand whole.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { Browser } from './cdp';

const ROOT = join(__dirname, '..');
const OUT = mkdtempSync(join(tmpdir(), 'kukumber-report-'));
const REPORT = join(OUT, 'cucumber.html');
const MESSAGES = join(OUT, 'messages.ndjson');
const FEATURES = ['features/kubelet/probes.feature', 'features/faults/node-crash.feature', 'features/harness/virtual_time.feature'];

/** Runs the features with the project's profile, writing only the two reports this test reads. */
async function writeReport(): Promise<void> {
  const { runConfiguration } = await loadConfiguration({ file: 'cucumber.js' }, { cwd: ROOT });
  runConfiguration.sources.paths = FEATURES;
  runConfiguration.formats = { stdout: 'summary', files: { [REPORT]: 'html', [MESSAGES]: 'message' }, publish: false, options: {} };
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  const { success } = await runCucumber(runConfiguration, { cwd: ROOT, stdout: sink, stderr: sink });
  assert.ok(success, `the features for the report failed: ${FEATURES.join(' ')}`);
}

function chromium(): string {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch { /* try the next name */ }
  }
  throw new Error('headless Chromium is needed to check the HTML report: install the Debian package `chromium` (apt-get install chromium); .ci/run installs it');
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(v)}`);
    await sleep(200);
  }
}

/** In the page: expand features and the collapsed "N hooks" rows, where the After hook's attachments are. */
const EXPAND = `(() => {
  const closed = [...document.querySelectorAll('[aria-expanded="false"]')];
  // "N hooks" toggles keep their text when open: click each once.
  const hooks = [...document.querySelectorAll('button:not([data-kukumber-opened])')].filter(b => /^\\d+ hooks?$/.test(b.textContent.trim()));
  hooks.forEach(b => b.setAttribute('data-kukumber-opened', ''));
  [...closed, ...hooks].forEach(b => b.click());
  return closed.length + hooks.length;
})()`;

/** In the page: every SVG image, whether it decoded, its size, and how many non-white pixels it paints. */
const IMAGES = `(() => [...document.querySelectorAll('img')].filter(i => i.src.startsWith('data:image/svg+xml')).map(img => {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  let painted = 0;
  if (img.complete && img.naturalWidth > 0) {
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) painted++;
  }
  return { width: img.naturalWidth, height: img.naturalHeight, painted, timeline: atob(img.src.split(',')[1]).includes('class="kukumber-timeline"') };
}))()`;

test('the HTML report draws a timeline picture for every scenario', async () => {
  await writeReport();
  assert.ok(existsSync(REPORT), `${REPORT} was not written`);
  const attached = readFileSync(MESSAGES, 'utf8').split('\n').filter(l => l.includes('"mediaType":"image/svg+xml"')).length;
  assert.ok(attached > 0, 'the message report has no timeline attachments');
  const browser = Browser.launch(chromium());
  try {
    const evaluate = await browser.open(pathToFileURL(REPORT).href);
    await until('the report to render', () => evaluate(`!!document.body && document.body.innerText.includes('Scenarios')`), v => v === true);
    const images = await until('every timeline image to be drawn', async () => {
      await evaluate(EXPAND);
      return evaluate(IMAGES) as Promise<{ width: number; height: number; painted: number; timeline: boolean }[]>;
    }, imgs => imgs.length >= attached && imgs.every(i => i.width > 0));
    assert.equal(images.length, attached, 'one picture per timeline attachment');
    for (const img of images) {
      assert.equal(img.timeline, true, 'the picture is a kukumber timeline');
      assert.equal(img.width, 960);
      assert.ok(img.height >= 100, `height ${img.height}`);
      assert.ok(img.painted > 2_000, `only ${img.painted} pixels painted`);
    }
  } finally {
    await browser.close();
  }
});
