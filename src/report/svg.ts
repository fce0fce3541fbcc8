// Draws a Timeline as SVG: pod lanes coloured by state over a time axis in virtual seconds, event
// markers, fault spans and marks. The output is a pure function of the timeline — same history,
// same bytes — and plain SVG 1.1 with <title> tooltips, readable in any browser or report.
import type { Timeline, Lane, EventMarker } from './timeline';
import { POD_STATES, type PodState } from './pod_states';
import { durationText } from '../check/durations';

export const STATE_COLORS: Record<PodState, string> = {
  Pending: '#c9c9c9', ContainerCreating: '#f1c232', Running: '#6fa8dc', Ready: '#93c47d',
  Available: '#38761d', Terminating: '#e06666', Succeeded: '#b4a7d6', Failed: '#990000',
};

const WIDTH = 960;
const GUTTER = 190;
const RIGHT = 16;
const LANE_H = 16;
const LANE_GAP = 4;
const PLOT_W = WIDTH - GUTTER - RIGHT;
const TICKS_MS = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Fixed-precision coordinates, so the bytes do not depend on float noise. */
const n = (v: number): string => (Math.round(v * 10) / 10).toString();

const truncate = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface SvgOptions { title?: string }

export function renderTimelineSvg(t: Timeline, options: SvgOptions = {}): string {
  const span = Math.max(t.endMs - t.startMs, 1_000);
  const x = (ms: number): number => GUTTER + ((Math.min(Math.max(ms, t.startMs), t.startMs + span) - t.startMs) / span) * PLOT_W;
  const sharedEvents = t.events.filter(e => e.laneUid === undefined);
  const rows = t.lanes.length + (sharedEvents.length ? 1 : 0) + (t.hiddenLanes ? 1 : 0);
  const top = 64;
  const lanesBottom = top + Math.max(rows, 1) * (LANE_H + LANE_GAP);
  const height = lanesBottom + 34;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="kukumber-timeline" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="8" y="16" font-size="13" font-weight="bold">${escapeXml(options.title ?? 'Timeline')}</text>`);
  legend(out);
  grid(out, t, span, x, top - 6, lanesBottom);
  const laneY = new Map<string, number>();
  t.lanes.forEach((lane, i) => {
    const y = top + i * (LANE_H + LANE_GAP);
    laneY.set(lane.uid, y);
    drawLane(out, lane, y, x);
  });
  let row = t.lanes.length;
  if (sharedEvents.length) {
    const y = top + row++ * (LANE_H + LANE_GAP);
    out.push(`<text x="8" y="${n(y + 12)}" fill="#555555">events (other objects)</text>`);
    for (const e of sharedEvents) marker(out, e, x(e.atMs), y);
  }
  if (t.hiddenLanes) out.push(`<text x="8" y="${n(top + row * (LANE_H + LANE_GAP) + 12)}" fill="#555555">… ${t.hiddenLanes} more pods not drawn</text>`);
  if (rows === 0) out.push(`<text x="${GUTTER}" y="${n(top + 12)}" fill="#555555">no pods in this scenario</text>`);
  for (const e of t.events) if (e.laneUid !== undefined) marker(out, e, x(e.atMs), laneY.get(e.laneUid)!);
  faultsAndMarks(out, t, x, top - 6, lanesBottom);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function legend(out: string[]): void {
  let lx = 8;
  for (const s of POD_STATES) {
    out.push(`<rect x="${lx}" y="26" width="10" height="10" fill="${STATE_COLORS[s]}"/><text x="${lx + 13}" y="35">${s}</text>`);
    lx += 22 + s.length * 6.2;
  }
  out.push(`<path d="M ${n(lx)} 26 l 5 9 l 5 -9 z" fill="#cc0000"/><text x="${n(lx + 13)}" y="35">Warning event</text>`);
}

function grid(out: string[], t: Timeline, span: number, x: (ms: number) => number, y0: number, y1: number): void {
  const step = TICKS_MS.find(s => span / s <= 10) ?? TICKS_MS[TICKS_MS.length - 1]!;
  out.push(`<line x1="${GUTTER}" y1="${n(y1 + 2)}" x2="${WIDTH - RIGHT}" y2="${n(y1 + 2)}" stroke="#333333"/>`);
  for (let ms = Math.ceil(t.startMs / step) * step; ms <= t.startMs + span; ms += step) {
    const px = n(x(ms));
    out.push(`<line x1="${px}" y1="${n(y0)}" x2="${px}" y2="${n(y1 + 6)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${px}" y="${n(y1 + 18)}" text-anchor="middle">${durationText(ms)}</text>`);
  }
  out.push(`<text x="${WIDTH - RIGHT}" y="${n(y1 + 30)}" text-anchor="end" fill="#555555">virtual time</text>`);
}

function drawLane(out: string[], lane: Lane, y: number, x: (ms: number) => number): void {
  const label = `${lane.namespace}/${lane.name}${lane.owner ? ` (${lane.owner})` : ''}`;
  out.push(`<text x="8" y="${n(y + 12)}"><title>${escapeXml(label)}</title>${escapeXml(truncate(lane.name, 30))}</text>`);
  for (const s of lane.segments) {
    const x0 = x(s.fromMs);
    const w = Math.max(x(s.toMs) - x0, 1);
    const tip = `${lane.name}: ${s.state} from ${durationText(s.fromMs)} to ${durationText(s.toMs)} (${s.detail})`;
    out.push(`<rect x="${n(x0)}" y="${n(y)}" width="${n(w)}" height="${LANE_H}" fill="${STATE_COLORS[s.state]}"><title>${escapeXml(tip)}</title></rect>`);
  }
}

function marker(out: string[], e: EventMarker, px: number, y: number): void {
  const fill = e.type === 'Warning' ? '#cc0000' : '#444444';
  const tip = `${durationText(e.atMs)} ${e.type} ${e.reason} ${e.object}: ${e.message}`;
  out.push(`<path d="M ${n(px - 4)} ${n(y - 3)} l 4 7 l 4 -7 z" fill="${fill}"><title>${escapeXml(tip)}</title></path>`);
}

/** A solid edge where a fault starts or heals, so both instants read at a glance (and tooltips name them). */
function faultEdge(out: string[], cls: string, px: number, y0: number, y1: number, text: string): void {
  out.push(`<line class="${cls}" x1="${n(px)}" y1="${n(y0)}" x2="${n(px)}" y2="${n(y1)}" stroke="#cc0000" stroke-width="${cls === 'fault-start' ? 2 : 1}"><title>${escapeXml(text)}</title></line>`);
}

function faultsAndMarks(out: string[], t: Timeline, x: (ms: number) => number, y0: number, y1: number): void {
  for (const f of t.faults) {
    const x0 = x(f.startMs);
    const x1 = x(f.healMs ?? t.endMs);
    const tip = `fault: ${f.name}${f.target ? ` on ${f.target}` : ''} from ${durationText(f.startMs)}${f.healMs !== undefined ? ` to ${durationText(f.healMs)}` : ' (not healed)'}${f.detail ? ` — ${f.detail}` : ''}`;
    out.push(`<rect x="${n(x0)}" y="${n(y0)}" width="${n(Math.max(x1 - x0, 1))}" height="${n(y1 - y0)}" fill="#cc0000" fill-opacity="0.12" stroke="#cc0000" stroke-dasharray="2,2"><title>${escapeXml(tip)}</title></rect>`);
    out.push(`<text x="${n(x0 + 2)}" y="${n(y0 - 6)}" fill="#990000" font-size="9">${escapeXml(truncate(f.name, 40))}</text>`);
    faultEdge(out, 'fault-start', x0, y0, y1, `${f.name} starts at ${durationText(f.startMs)}`);
    if (f.healMs !== undefined) faultEdge(out, 'fault-heal', x1, y0, y1, `${f.name} healed at ${durationText(f.healMs)}`);
  }
  for (const m of t.marks) {
    const px = n(x(m.atMs));
    out.push(`<line x1="${px}" y1="${n(y0 - 4)}" x2="${px}" y2="${n(y1)}" stroke="#1155cc" stroke-dasharray="4,3"><title>${escapeXml(`mark "${m.name}" at ${durationText(m.atMs)}`)}</title></line>`);
    out.push(`<text x="${n(Number(px) + 3)}" y="${n(y0 - 6)}" fill="#1155cc" font-size="9">${escapeXml(truncate(m.name, 30))}</text>`);
  }
}
