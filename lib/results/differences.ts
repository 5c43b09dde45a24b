// What differs between two scenario inputs, in the editor's words and units ("Output tokens per
// request: 250 → 400 tokens"), grouped by section. Options and constraints are matched by id, not
// position, so reordering or adding one does not make every later field look changed. Used by
// the revision diff, the comparison, its memo and the save-conflict view (in the browser: no engine).
import { formatFieldNumber } from "../format/numbers";
import { CONSTRAINT_TITLES, inputLabel } from "./input-labels";

type Leaf = string | number | boolean | null | string[] | undefined;
type Segment = string | number;
/** One input field: its path with elements named by id, where it sits in the raw input, its value. */
type Field = { key: string; raw: Segment[]; value: Leaf };

export type Difference = {
  /** Path with options and constraints named by id: the same field in any revision or scenario. */
  key: string;
  section: string;
  label: string;
  from: string;
  to: string;
  /** An option or constraint present on one side only. */
  kind: "changed" | "added" | "removed";
};

// Bookkeeping fields that say nothing a reader needs: ids, a constraint's kind (shown as its rule).
const HIDDEN = /^(apiOptions|selfHostOptions|hybridOptions|routingOptions|constraints)\.[^.]+\.(id|kind)$/;

function isPlainList(v: unknown[]): boolean {
  return v.every((x) => x === null || typeof x !== "object");
}

// Lists of records (options, constraints, measurements): an empty one has no fields, so a list
// that gains its first element shows as that element added.
const RECORD_LIST = /^(apiOptions|selfHostOptions|hybridOptions|routingOptions|constraints)$|\.benchmarks$/;

function walk(value: unknown, key: string, raw: Segment[], out: Map<string, Field>) {
  if (Array.isArray(value) && value.length === 0 && RECORD_LIST.test(key)) return;
  if (Array.isArray(value) && isPlainList(value)) {
    out.set(key, { key, raw, value: value.map(String) });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const id = item && typeof item === "object" && "id" in item ? String((item as { id: unknown }).id) : String(i + 1);
      walk(item, `${key}.${id}`, [...raw, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k, [...raw, k], out);
  } else {
    out.set(key, { key, raw, value: value as Leaf });
  }
}

/** Every field of an input keyed by its id-named path. */
export function inputFields(input: unknown): Map<string, Field> {
  const out = new Map<string, Field>();
  walk(input, "", [], out);
  return out;
}

/** The option or constraint a key belongs to ("apiOptions.gpt-4o"), or null for a top-level field. */
export function elementOf(key: string): string | null {
  const m = /^(apiOptions|selfHostOptions|hybridOptions|routingOptions|constraints)\.([^.]+)/.exec(key);
  return m ? `${m[1]}.${m[2]}` : null;
}

function elementLabel(input: unknown, element: string): string {
  const [list, id] = element.split(".");
  const items = ((input as Record<string, unknown> | null)?.[list] ?? []) as { id?: string; label?: string; kind?: string }[];
  const item = items.find((x) => String(x.id) === id);
  if (!item) return id;
  if (list === "constraints") return item.kind === "custom" && item.label ? item.label : (CONSTRAINT_TITLES[item.kind ?? ""] ?? id);
  return item.label ?? id;
}

function sectionOf(key: string, a: unknown, b: unknown): string {
  const element = elementOf(key);
  if (element) {
    const name = elementLabel(b, element) === element.split(".")[1] ? elementLabel(a, element) : elementLabel(b, element);
    if (element.startsWith("apiOptions.")) return `API option “${name}”`;
    if (element.startsWith("selfHostOptions.")) return `Self-host option “${name}”`;
    if (element.startsWith("hybridOptions.")) return `Hybrid option “${name}”`;
    if (element.startsWith("routingOptions.")) return `Routing option “${name}”`;
    return "Constraints";
  }
  if (key.startsWith("workload.") || key.startsWith("people.")) return "Workload";
  if (key.startsWith("settings.")) return "Decision rules";
  return "Scenario";
}

function labelOf(key: string, a: unknown, b: unknown): string {
  const generic = key.replace(/\.benchmarks\.[^.]+/, ".benchmarks.*");
  const element = elementOf(key);
  if (element?.startsWith("constraints.")) {
    const rule = elementLabel(b, element) === element.split(".")[1] ? elementLabel(a, element) : elementLabel(b, element);
    const verdict = /\.verdicts\.([^.]+)$/.exec(key);
    if (verdict) return `${rule}: verdict for ${optionName(verdict[1], a, b)}`;
    return `${rule}: ${inputLabel(generic).label.toLowerCase()}`;
  }
  return inputLabel(generic).label;
}

function optionName(id: string, a: unknown, b: unknown): string {
  for (const input of [b, a])
    for (const list of ["apiOptions", "selfHostOptions"]) {
      const name = elementLabel(input, `${list}.${id}`);
      if (name !== id) return name;
    }
  return id;
}

/** A value as a reader wants it: units, percent, yes/no, "not set" for an empty optional figure. */
export function showValue(key: string, value: Leaf): string {
  if (value === undefined) return "default";
  if (value === null) return "not set";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (typeof value === "string") return value;
  const { unit, percent } = inputLabel(
    key.replace(/^(apiOptions|selfHostOptions|hybridOptions|routingOptions|constraints)\.[^.]+/, "$1.*"),
  );
  if (percent) return `${formatFieldNumber(Math.round(value * 10000) / 100)}%`;
  if (unit.startsWith("$")) return `$${formatFieldNumber(value)}${unit.slice(1)}`;
  if (unit.startsWith("US$")) return `$${formatFieldNumber(value)}${unit.slice(3)}`;
  return unit ? `${formatFieldNumber(value)} ${unit}` : formatFieldNumber(value);
}

const same = (x: Leaf, y: Leaf) => JSON.stringify(x) === JSON.stringify(y);

/**
 * The differences from `a` to `b`, section by section in the editor's order. An option or
 * constraint on one side only is one difference ("added", "removed"), not a line per field.
 */
export function differences(a: unknown, b: unknown): Difference[] {
  const fa = inputFields(a);
  const fb = inputFields(b);
  const elementsA = new Set([...fa.keys()].map(elementOf).filter(Boolean));
  const elementsB = new Set([...fb.keys()].map(elementOf).filter(Boolean));
  const out: Difference[] = [];
  const seen = new Set<string>();
  for (const key of [...fa.keys(), ...fb.keys()]) {
    if (seen.has(key)) continue;
    seen.add(key);
    const element = elementOf(key);
    if (element && elementsA.has(element) !== elementsB.has(element)) {
      if (seen.has(element)) continue;
      seen.add(element);
      const added = elementsB.has(element);
      const what = element.startsWith("constraints.")
        ? "Constraint"
        : element.startsWith("apiOptions.")
          ? "API option"
          : element.startsWith("hybridOptions.")
            ? "Hybrid option"
            : element.startsWith("routingOptions.")
              ? "Routing option"
              : "Self-host option";
      out.push({
        key: element,
        section: element.startsWith("constraints.") ? "Constraints" : "Options",
        label: `${what} “${elementLabel(added ? b : a, element)}”`,
        from: added ? "not included" : "included",
        to: added ? "added" : "removed",
        kind: added ? "added" : "removed",
      });
      continue;
    }
    if (HIDDEN.test(key)) continue;
    const x = fa.get(key)?.value;
    const y = fb.get(key)?.value;
    if (same(x, y)) continue;
    out.push({
      key,
      section: sectionOf(key, a, b),
      label: labelOf(key, a, b),
      from: showValue(key, x),
      to: showValue(key, y),
      kind: "changed",
    });
  }
  return sortBySection(out);
}

// Sections in the editor's order: the scenario, its workload, options, decision rules, constraints.
function sectionRank(section: string): number {
  if (section === "Scenario") return 0;
  if (section === "Workload") return 1;
  if (section === "Options") return 2;
  if (section.startsWith("API option")) return 3;
  if (section.startsWith("Self-host option")) return 4;
  return section === "Decision rules" ? 5 : 6;
}

/** A stable sort by section rank: within a section, rows keep their order. */
function sortBySection<T extends { section: string }>(rows: T[]): T[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((p, q) => sectionRank(p.row.section) - sectionRank(q.row.section) || p.i - q.i)
    .map((p) => p.row);
}

/** Differences gathered under their section titles, in order. */
export function bySection(diffs: Difference[]): { section: string; items: Difference[] }[] {
  const groups: { section: string; items: Difference[] }[] = [];
  for (const d of diffs) {
    const last = groups.at(-1);
    if (last && last.section === d.section) last.items.push(d);
    else groups.push({ section: d.section, items: [d] });
  }
  return groups;
}

function setAt(target: Record<string | number, unknown>, path: Segment[], value: unknown) {
  let node = target;
  for (const [i, seg] of path.slice(0, -1).entries()) {
    if (node[seg] == null) node[seg] = typeof path[i + 1] === "number" ? [] : {};
    node = node[seg] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

/**
 * `base` with one difference taken from `other`: the field set to other's value, or the option
 * or constraint added or removed. The base is not changed; a copy is returned.
 */
export function applyDifference<T>(base: T, other: unknown, diff: Difference): T {
  const out = structuredClone(base) as Record<string, unknown>;
  const element = diff.kind === "changed" ? elementOf(diff.key) : diff.key;
  if (diff.kind !== "changed") {
    const [list, id] = diff.key.split(".");
    const items = ((out[list] as { id: string }[] | undefined) ?? []).filter((x) => String(x.id) !== id);
    if (diff.kind === "added") items.push(((other as Record<string, { id: string }[]>)[list] ?? []).find((x) => String(x.id) === id)!);
    out[list] = items;
    return out as T;
  }
  const theirs = inputFields(other).get(diff.key);
  const mine = inputFields(base).get(diff.key);
  let path = mine?.raw ?? theirs?.raw;
  if (!path) return out as T;
  // A field the base leaves out: the other side's path, with the element's position in the base.
  if (!mine && element) {
    const [list, id] = element.split(".");
    const index = ((out[list] as { id: string }[] | undefined) ?? []).findIndex((x) => String(x.id) === id);
    if (index < 0) return out as T;
    path = [list, index, ...path.slice(2)];
  }
  setAt(out as Record<string | number, unknown>, path, theirs?.value);
  return out as T;
}

export type ComparisonRow = { key: string; section: string; label: string; values: string[]; differs: boolean };

/**
 * Every input of several scenarios side by side, in words and units, with options and
 * constraints lined up by id; `onlyDiffering` keeps the rows where any column differs.
 */
export function comparisonRows(inputs: unknown[], onlyDiffering: boolean): ComparisonRow[] {
  const fields = inputs.map(inputFields);
  const first = inputs[0];
  const rows = new Map<string, ComparisonRow>();
  inputs.forEach((other, i) => {
    const diffs = differences(first, other);
    const shown = onlyDiffering
      ? diffs
      : [...new Set([...fields[0].keys(), ...fields[i].keys()])]
          .filter((key) => !HIDDEN.test(key))
          .map(
            (key) => diffs.find((d) => d.key === key) ?? { key, section: sectionOf(key, first, other), label: labelOf(key, first, other) },
          );
    for (const d of shown)
      if (!rows.has(d.key)) rows.set(d.key, { key: d.key, section: d.section, label: d.label, values: [], differs: false });
  });
  for (const row of rows.values()) {
    const isElement = elementOf(row.key) === row.key;
    row.values = fields.map((f) =>
      isElement
        ? [...f.keys()].some((k) => k.startsWith(`${row.key}.`))
          ? "included"
          : "not included"
        : showValue(row.key, f.get(row.key)?.value),
    );
    row.differs = row.values.some((v) => v !== row.values[0]);
  }
  return sortBySection([...rows.values()]);
}

/**
 * A three-way merge: `theirs` with the changes from `base` to `mine` that `keep` accepts applied
 * on top (by default all of them; where both sides changed a field, a kept change of mine wins).
 */
export function mergeChanges<T>(base: unknown, mine: unknown, theirs: T, keep: (d: Difference) => boolean = () => true): T {
  return differences(base, mine)
    .filter(keep)
    .reduce((merged, d) => applyDifference(merged, mine, d), theirs);
}
