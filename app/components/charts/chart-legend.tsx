// A chart legend that wraps onto more lines instead of cutting names off (Tremor's own legend
// keeps one line, which clips long scenario and option names on a phone).
const SWATCH: Record<string, string> = {
  blue: "bg-blue-500",
  emerald: "bg-emerald-500",
  amber: "bg-amber-500",
  rose: "bg-rose-500",
  violet: "bg-violet-500",
  cyan: "bg-cyan-500",
  slate: "bg-slate-500",
  indigo: "bg-indigo-500",
  sky: "bg-sky-500",
  orange: "bg-orange-500",
};

export function ChartLegend({ labels, colors }: { labels: string[]; colors: string[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700">
      {labels.map((label, i) => (
        <li key={label} className="flex min-w-0 items-center gap-1.5">
          <span className={`inline-block h-2.5 w-2.5 shrink-0 rounded-sm ${SWATCH[colors[i % colors.length]] ?? "bg-gray-400"}`} />
          <span className="min-w-0 break-words">{label}</span>
        </li>
      ))}
    </ul>
  );
}
