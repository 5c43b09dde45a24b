// Flattens nested plain data into "a.b.0.c" → value, for side-by-side tables and diffs.
export type Flat = Record<string, string | number | boolean | null>;

export function flatten(value: unknown, prefix = "", out: Flat = {}): Flat {
  if (value === null || typeof value !== "object") {
    out[prefix] = (value ?? null) as string | number | boolean | null;
    return out;
  }
  if (Array.isArray(value) && value.length === 0) {
    out[prefix] = "—";
    return out;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Rows of every path in any column, with whether the columns differ. */
export function sideBySide(
  columns: Flat[],
): { path: string; values: (string | number | boolean | null | undefined)[]; differs: boolean }[] {
  const paths = [...new Set(columns.flatMap((c) => Object.keys(c)))].sort();
  return paths.map((path) => {
    const values = columns.map((c) => c[path]);
    return { path, values, differs: values.some((v) => JSON.stringify(v) !== JSON.stringify(values[0])) };
  });
}
