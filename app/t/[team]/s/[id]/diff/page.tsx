import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-page";
import { getScenarioAtRevision } from "@/lib/data/scenario-at-revision";
import { evaluateScenario } from "@/lib/engine";
import { ComparisonView } from "@/app/components/comparison-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare revisions" };

export default async function RevisionDiff({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { team: slug, id } = await params;
  const q = await searchParams;
  const { user, team } = await requireTeamPage(slug, `/t/${slug}/s/${id}/diff`);
  const a = await getScenarioAtRevision(user.id, id, { teamSlug: slug, revision: Number(q.a) || undefined });
  const b = await getScenarioAtRevision(user.id, id, { teamSlug: slug, revision: Number(q.b) || undefined });
  if (!a || !b) notFound();
  return (
    <div className="space-y-6">
      <Link href={`/t/${team.slug}/s/${id}`} className="text-sm text-blue-700 hover:underline">
        ← {a.name}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">
        Revision {a.revision.number} against revision {b.revision.number}
      </h1>
      <ComparisonView
        columns={[a, b].map((x) => ({
          key: String(x.revision.number),
          label: `#${x.revision.number}${x.revision.message ? ` “${x.revision.message}”` : ""}`,
          input: x.revision.input,
          evaluation: evaluateScenario(x.revision.input),
        }))}
      />
    </div>
  );
}
