/**
 * Sums the self time of `.cpuprofile` files (written by `--cpu-prof`) by function and by package, to
 * compare two builds' profiles side by side without opening DevTools. Sampling heap profiles
 * (`.heapprofile`) are summed the same way, by bytes allocated.
 *
 *   node dist/bench/bench/profile-summary.js <file.cpuprofile|folder> [top=40] [package]
 *
 * Prints the share of the profile's time spent in each function's own code (`name url:line`), then the
 * same grouped by package or source folder (`zod`, `decimal.js`, `src/adapters/prestashop`…) and by
 * V8's pseudo-functions (`(garbage collector)`, `(idle)`, `(program)`). With a package (`decimal.js`)
 * or a function name (`round`), also the time spent in it (its own and below it) by the nearest
 * navette function (`src/…`) that called it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface HeapNode {
  readonly id: number;
  readonly callFrame: ProfileNode['callFrame'];
  readonly selfSize: number;
  readonly children: readonly HeapNode[];
}

const target = process.argv[2];
const top = Number(process.argv[3] ?? 40);
const callee = process.argv[4];
if (target === undefined) {
  console.error(
    'usage: node dist/bench/bench/profile-summary.js <file.cpuprofile|file.heapprofile|folder> [top=40] [package|function]',
  );
  process.exit(2);
}

const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((name) => name.endsWith('.cpuprofile') || name.endsWith('.heapprofile'))
      .map((name) => join(target, name))
  : [target];
const heap = files.some((file) => file.endsWith('.heapprofile'));
const unit = heap
  ? { name: 'MB', scale: 1e6, self: 'self size' }
  : { name: 's', scale: 1e6, self: 'self time' };

const byFunction = new Map<string, number>();
const byGroup = new Map<string, number>();
const byCaller = new Map<string, number>();
let total = 0;
for (const file of files) {
  const { nodes, parents, weights } = file.endsWith('.heapprofile') ? readHeap(file) : readCpu(file);
  for (const [id, weight] of weights) {
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) continue;
    total += weight;
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + weight);
    const group = groupOf(frame.functionName, frame.url);
    byGroup.set(group, (byGroup.get(group) ?? 0) + weight);
    if (callee !== undefined) {
      const caller = callerOf(id, nodes, parents, callee);
      if (caller !== undefined) byCaller.set(caller, (byCaller.get(caller) ?? 0) + weight);
    }
  }
}

interface Tree {
  readonly nodes: ReadonlyMap<number, ProfileNode>;
  readonly parents: ReadonlyMap<number, number>;
  /** Each node's weight: microseconds sampled (CPU), bytes allocated (heap). */
  readonly weights: readonly (readonly [number, number])[];
}

function readCpu(file: string): Tree {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return {
    nodes,
    parents,
    weights: profile.samples.map((id, index) => [id, profile.timeDeltas[index] ?? 0] as const),
  };
}

/** A sampling heap profile (`HeapProfiler.stopSampling`'s `profile`): bytes allocated by each frame. */
function readHeap(file: string): Tree {
  const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
  const nodes = new Map<number, ProfileNode>();
  const parents = new Map<number, number>();
  const weights: [number, number][] = [];
  const visit = (node: HeapNode) => {
    nodes.set(node.id, { id: node.id, callFrame: node.callFrame });
    if (node.selfSize > 0) weights.push([node.id, node.selfSize]);
    for (const child of node.children) {
      parents.set(child.id, node.id);
      visit(child);
    }
  };
  visit(head);
  return { nodes, parents, weights };
}

console.log(`${files.length} profile(s), ${(total / unit.scale).toFixed(1)} ${unit.name} sampled`);
print(`by function (${unit.self})`, byFunction, top);
print(`by package or folder (${unit.self})`, byGroup, top);
if (callee !== undefined) print(`${callee} (and below it) by the navette function calling it`, byCaller, top);

/**
 * The nearest navette function above the outermost frame of `callee` (a package or a function name) on
 * the sample's stack; undefined when the sample is not in `callee`.
 */
function callerOf(
  id: number,
  nodes: ReadonlyMap<number, ProfileNode>,
  parents: ReadonlyMap<number, number>,
  callee: string,
): string | undefined {
  let inCallee = false;
  let caller: string | undefined;
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const frame = nodes.get(at)?.callFrame;
    if (frame === undefined) continue;
    if (frame.functionName === callee || groupOf(frame.functionName, frame.url) === callee) {
      inCallee = true;
      caller = undefined;
    } else if (inCallee && caller === undefined && /\/src\//.test(frame.url)) {
      caller = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    }
  }
  return inCallee ? (caller ?? '(no navette caller)') : undefined;
}

function print(title: string, times: ReadonlyMap<string, number>, count: number): void {
  console.log(`\n${title}`);
  for (const [name, weight] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    const amount = heap
      ? `${(weight / 1e6).toFixed(1).padStart(7)} MB`
      : `${(weight / 1e3).toFixed(0).padStart(7)} ms`;
    console.log(`${((100 * weight) / total).toFixed(1).padStart(5)} %  ${amount}  ${name}`);
  }
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const source = sourceStart(url);
  return source >= 0 ? url.slice(source) : url;
}

function groupOf(functionName: string, url: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = url.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return 'node:(built-in)';
  const source = sourceStart(url);
  if (source < 0) return url;
  const parts = url.slice(source).split('/');
  return parts.slice(0, Math.min(3, parts.length - 1)).join('/');
}

/** Where `src/…` (else `bench/…`) starts in a file URL: a build keeps both under `dist/bench/`. */
function sourceStart(url: string): number {
  const source = url.lastIndexOf('/src/');
  if (source >= 0) return source + 1;
  const bench = url.lastIndexOf('/bench/');
  return bench >= 0 ? bench + 1 : -1;
}
