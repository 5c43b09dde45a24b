import type { Metadata } from "next";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { getScenarioAtRevision, listScenarios } from "@/lib/data/scenarios";
import { evaluateScenario } from "@/lib/engine/evaluate";
import { ComparisonView, type ComparisonColumn } from "@/app/components/comparison-view";
import { MemoExport } from "@/app/components/memo-export";
import { MAX_COMPARED as MAX, parseSelection } from "@/lib/validation/memo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare scenarios" };

export default async function ComparePage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ s?: string | string[] }> }) {
  const { team: slug } = await params;
  const raw = (await searchParams).s;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/compare`);
  const selection = parseSelection(Array.isArray(raw) ? raw.join(",") : raw);
  const found = await Promise.all(selection.map((s) => getScenarioAtRevision(user.id, slug, s.id, s.revision)));
  const columns: ComparisonColumn[] = found.flatMap((f) =>
    f ? [{ key: `${f.id}@${f.revision.number}`, label: `${f.name} #${f.revision.number}`, input: f.revision.input, evaluation: evaluateScenario(f.revision.input) }] : [],
  );
  const missing = selection.length - columns.length;
  const all = await listScenarios(user.id, slug);
  return (
    <div className="space-y-6">
      <PageHeader backHref={`/t/${team.slug}`} backLabel={team.name} title="Compare scenarios" />
      <form className="rounded-lg border border-gray-200 bg-white p-4" data-testid="compare-picker">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Pick 2 to {MAX} scenarios (add @N to an id in the URL for revision N)</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {all.map((s) => (
              <label key={s.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="s" value={s.id} defaultChecked={selection.some((x) => x.id === s.id)} />
                {s.name} <span className="text-xs text-gray-500">{s.status}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary mt-3">
          Compare
        </button>
      </form>
      {missing > 0 ? <p className="text-sm text-red-700">{missing} of the requested scenarios were not found in this team.</p> : null}
      {columns.length >= 2 ? (
        <>
          <MemoExport
            action={`/api/v1/teams/${team.slug}/compare/memo`}
            hidden={{ s: columns.map((c) => c.key).join(",") }}
            note="One memo with a summary of every scenario compared here and a section for each, at the revisions shown."
          />
          <ComparisonView columns={columns} />
        </>
      ) : (
        <p className="text-sm text-gray-600">Choose at least two scenarios.</p>
      )}
    </div>
  );
}
