import { ScrollX } from "./scroll-x";

export type Column = { header: React.ReactNode; align?: "left" | "right"; key?: string };

/**
 * The app's table: a labelled region that scrolls sideways when it must (with a cue), a grey
 * header row, divided body rows. Rows are the caller's, since every table's cells differ.
 */
export function DataTable({
  label,
  columns,
  testId,
  dense = false,
  className = "rounded-lg border border-gray-200 bg-white",
  children,
}: {
  label: string;
  columns: Column[];
  testId?: string;
  dense?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <ScrollX label={label} className={className}>
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="bg-gray-50 text-left text-xs uppercase tracking-wide text-gray-500">
          <tr>
            {columns.map((c, i) => (
              <th
                key={c.key ?? i}
                scope="col"
                className={`px-3 ${dense ? "py-1.5" : "py-2"} font-medium ${c.align === "right" ? "text-right" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </ScrollX>
  );
}

/** A body cell: `num` right-aligns figures of equal width (columns of numbers); `dense` matches a dense table. */
export function Cell({
  num = false,
  dense = false,
  className,
  children,
}: {
  num?: boolean;
  dense?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <td className={`px-3 ${dense ? "py-1.5" : "py-2"}${num ? " text-right tabular-nums" : ""}${className ? ` ${className}` : ""}`}>
      {children}
    </td>
  );
}
