import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/app/components/page-header";
import { requireTeamPage } from "@/lib/auth/team-page";
import { listScenarios } from "@/lib/data/scenarios";
import { getScenarioAtRevision } from "@/lib/data/scenario-at-revision";
import { evaluateScenario } from "@/lib/engine";
import { ComparisonView, type ComparisonColumn } from "@/app/components/comparison-view";
import { MemoExport } from "@/app/components/memo-export";
import { MAX_COMPARED as MAX, parseSelection } from "@/lib/validation/memo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare scenarios" };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { team: slug } = await params;
  const query = await searchParams;
  const raw = query.s;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/compare`);
  const named = parseSelection(Array.isArray(raw) ? raw.join(",") : raw);
  // The page shows at most MAX and says so when more were named (the API answers 422 instead).
  const overflow = Math.max(0, named.length - MAX);
  let selection = named.slice(0, MAX);
  // The picker sends a revision per scenario as r_<id>; the shareable form is ?s=id@N,id.
  if (Object.keys(query).some((k) => k.startsWith("r_"))) {
    selection = selection.map((x) => {
      const r = Number(query[`r_${x.id}`]);
      return { id: x.id, revision: Number.isInteger(r) && r > 0 ? r : undefined };
    });
    redirect(`/t/${slug}/compare?s=${selection.map((x) => (x.revision ? `${x.id}@${x.revision}` : x.id)).join(",")}`);
  }
  const found = await Promise.all(selection.map((s) => getScenarioAtRevision(user.id, s.id, { teamSlug: slug, revision: s.revision })));
  const columns: ComparisonColumn[] = found.flatMap((f) =>
    f
      ? [
          {
            key: `${f.id}@${f.revision.number}`,
            label: `${f.name} #${f.revision.number}`,
            input: f.revision.input,
            evaluation: evaluateScenario(f.revision.input),
          },
        ]
      : [],
  );
  const missing = selection.length - columns.length;
  const all = await listScenarios(user.id, slug);
  return (
    <div className="space-y-6">
      <PageHeader backHref={`/t/${team.slug}`} backLabel={team.name} title="Compare scenarios" />
      <Picker scenarios={all} selection={selection} />
      {missing > 0 ? <p className="text-sm text-red-700">{missing} of the requested scenarios were not found in this team.</p> : null}
      {overflow > 0 ? (
        <p role="alert" className="text-sm text-red-700">
          {MAX} scenarios can be compared at a time; the last {overflow} named in the link are not shown.
        </p>
      ) : null}
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

type Listed = Awaited<ReturnType<typeof listScenarios>>[number];

/** Every scenario of the team with a tick and a revision: submitting names the selection. */
function Picker({ scenarios: all, selection }: { scenarios: Listed[]; selection: { id: string; revision?: number }[] }) {
  return (
    <form className="rounded-lg border border-gray-200 bg-white p-4" data-testid="compare-picker">
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-medium">Pick 2 to {MAX} scenarios, each at its latest or an earlier revision</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {all.map((s) => {
            const picked = selection.find((x) => x.id === s.id);
            const latest = s.currentRevision?.number ?? 1;
            return (
              <div key={s.id} className="flex flex-wrap items-center gap-2 text-sm">
                <label className="flex min-w-0 flex-1 items-center gap-2">
                  <input type="checkbox" name="s" value={s.id} defaultChecked={Boolean(picked)} />
                  <span className="truncate">{s.name}</span> <span className="text-xs text-gray-500">{s.status}</span>
                </label>
                <select
                  name={`r_${s.id}`}
                  defaultValue={picked?.revision ?? ""}
                  aria-label={`Revision of ${s.name}`}
                  className="rounded border border-gray-300 px-1.5 py-0.5 text-xs"
                >
                  <option value="">latest (#{latest})</option>
                  {Array.from({ length: latest }, (_, k) => latest - k).map((n) => (
                    <option key={n} value={n}>
                      revision #{n}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary mt-3">
        Compare
      </button>
    </form>
  );
}
