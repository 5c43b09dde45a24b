import type { Evaluation } from "@/lib/engine";
import { describeBreakeven as showBe, describeUncertainty, VERDICT_MARK } from "@/lib/results/text";

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function DetailsPanels({ evaluation: e }: { evaluation: Evaluation }) {
  const label = (id: string) => e.options.find((o) => o.id === id)?.label ?? id;
  return (
    <div className="grid gap-4 2xl:grid-cols-2">
      <Panel title="Breakeven" testId="breakeven">
        {e.breakeven.length === 0 ? (
          <p className="text-sm text-gray-600">Needs at least one API option and one self-host option that fits.</p>
        ) : null}
        <ul className="space-y-3 text-sm">
          {e.breakeven.map((b) => (
            <li key={b.selfHostId}>
              <p className="font-medium">
                {label(b.selfHostId)} vs {label(b.apiId)}
              </p>
              <p>Fully loaded: {showBe(b.fullyLoaded)}</p>
              <p className="text-gray-600">GPU only (no people, no overhead): {showBe(b.gpuOnly)}</p>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title="Uncertainty and revisit triggers" testId="uncertainty">
        {e.uncertainty ? (
          <p className="text-sm">{describeUncertainty(e.uncertainty)}</p>
        ) : (
          <p className="text-sm text-gray-600">Needs an API option and a self-host option to compare.</p>
        )}
        {e.triggers.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {e.triggers.map((t) => (
              <li key={`${t.input}-${t.direction}`}>{t.text}</li>
            ))}
          </ul>
        ) : null}
      </Panel>
      {e.constraints.length ? (
        <Panel title="Constraints" testId="constraints">
          <ul className="space-y-3 text-sm">
            {e.constraints.map((c) => (
              <li key={c.id}>
                <p className="font-medium">
                  {c.label} {c.hard ? "" : <span className="text-xs font-normal text-gray-500">(soft)</span>}
                </p>
                <ul className="mt-1 space-y-0.5 text-xs">
                  {c.checks.map((k) => (
                    <li
                      key={k.optionId}
                      className={k.verdict === "pass" ? "text-emerald-800" : k.verdict === "fail" ? "text-red-700" : "text-amber-800"}
                    >
                      {VERDICT_MARK[k.verdict]} {label(k.optionId)}: {k.detail}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
    </div>
  );
}
