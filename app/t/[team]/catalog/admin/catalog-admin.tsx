"use client";
// The catalog administration page: drafts, imports, the draft's rows, publishing and re-pricing runs.

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { type DraftRows, type Draft, type Published, today, RunStatus } from "./admin-shared";
import { Errors } from "@/app/components/upload";
import { ImportPanel } from "./import-panel";
import { DraftTables } from "./draft-tables";

export function CatalogAdmin({
  teamSlug,
  drafts,
  published,
  selectedId,
  rows,
}: {
  teamSlug: string;
  drafts: Draft[];
  published: Published[];
  selectedId: string | null;
  rows: DraftRows | null;
}) {
  const selected = drafts.find((d) => d.id === selectedId) ?? null;
  return (
    <div className="space-y-5">
      <NewDraft teamSlug={teamSlug} />
      {drafts.length ? (
        <nav aria-label="Drafts" className="flex flex-wrap gap-2 text-sm">
          {drafts.map((d) => (
            <Link
              key={d.id}
              href={`/t/${teamSlug}/catalog/admin?draft=${d.id}`}
              aria-current={d.id === selectedId ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 ${d.id === selectedId ? "bg-blue-600 text-white" : "bg-white ring-1 ring-gray-200"}`}
            >
              {d.label} (draft)
            </Link>
          ))}
        </nav>
      ) : (
        <p className="text-sm text-gray-600">No drafts. Create one to change prices; published versions never change.</p>
      )}

      {selected && rows ? (
        <>
          <DraftSummary key={selected.id} teamSlug={teamSlug} selected={selected} />
          <ImportPanel key={`import-${selected.id}`} draft={selected} />
          <DraftTables key={`rows-${selected.id}`} rows={rows} draftId={selected.id} />
        </>
      ) : null}

      <PublishedVersions teamSlug={teamSlug} published={published} />
    </div>
  );
}

/** A new draft: a copy of the newest published version. */
function NewDraft({ teamSlug }: { teamSlug: string }) {
  const router = useRouter();
  const [label, setLabel] = useState("");
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [note, setNote] = useState("");
  const create = useMutation({
    mutationFn: () => api<{ id: string }>(`/api/v1/catalog/versions`, { method: "POST", body: { label, effectiveDate, sourceNote: note } }),
    onSuccess: (r) => {
      setLabel("");
      router.push(`/t/${teamSlug}/catalog/admin?draft=${r.id}`);
      router.refresh();
    },
  });
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4" data-testid="new-draft">
      <h2 className="mb-2 text-sm font-semibold">New draft (a copy of the newest published version)</h2>
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <LabelAndDate
          label={{ name: "Label", value: label, onChange: setLabel, placeholder: "2026-12 prices" }}
          date={{ name: "Effective date", value: effectiveDate, onChange: setEffectiveDate }}
        />
        <label className="min-w-[16rem] flex-1">
          <span className="field-label">Note on sources</span>
          <input className="field-input py-1.5" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button className="btn-primary" disabled={create.isPending}>
          Create draft
        </button>
      </form>
      <div className="mt-2">
        <Errors error={create.error} />
      </div>
    </section>
  );
}

/** The selected draft: what it holds, publishing it (final) or discarding it. */
function DraftSummary({ teamSlug, selected }: { teamSlug: string; selected: Draft }) {
  const router = useRouter();
  const [publishLabel, setPublishLabel] = useState(selected.label);
  const [publishDate, setPublishDate] = useState(selected.effectiveDate || today());
  const done = () => {
    router.push(`/t/${teamSlug}/catalog/admin`);
    router.refresh();
  };
  const publish = useMutation({
    mutationFn: () =>
      api<{ runId: string }>(`/api/v1/catalog/versions/${selected.id}/publish`, {
        method: "POST",
        body: { label: publishLabel, effectiveDate: publishDate },
      }),
    onSuccess: done,
  });
  const discard = useMutation({
    mutationFn: () => api(`/api/v1/catalog/versions/${selected.id}`, { method: "DELETE" }),
    onSuccess: done,
  });
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="draft-summary">
      <p>
        <strong>{selected.label}</strong> · effective {selected.effectiveDate} · {selected.counts.apiPrices} API prices,{" "}
        {selected.counts.gpuOffers} GPU offers, {selected.counts.openModels} open models, {selected.counts.benchmarks} benchmarks ·{" "}
        <Link className="text-blue-700 underline" href={`/t/${teamSlug}/catalog?v=${selected.id}`}>
          browse
        </Link>
      </p>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate();
        }}
      >
        <LabelAndDate
          label={{ name: "Publish as", value: publishLabel, onChange: setPublishLabel }}
          date={{ name: "Effective date", aria: "Publish effective date", value: publishDate, onChange: setPublishDate }}
        />
        <button className="btn-primary" disabled={publish.isPending}>
          Publish and re-price every scenario
        </button>
        <button type="button" className="btn-secondary" onClick={() => confirm(`Discard draft "${selected.label}"?`) && discard.mutate()}>
          Discard draft
        </button>
      </form>
      <p className="mt-2 text-xs text-gray-600">
        Publishing is final: the version can no longer change, and every saved scenario is compared with its prices.
      </p>
      <div className="mt-2">
        <Errors error={publish.error ?? discard.error} />
      </div>
    </section>
  );
}

function PublishedVersions({ teamSlug, published }: { teamSlug: string; published: Published[] }) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4 text-sm" data-testid="published-versions">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 className="text-sm font-semibold">Published versions</h2>
        <span className="flex gap-3">
          <Link className="text-xs text-blue-700 underline" href={`/t/${teamSlug}/catalog/feeds`}>
            Price feeds
          </Link>
          <Link className="text-xs text-blue-700 underline" href={`/t/${teamSlug}/catalog/jobs`}>
            Background jobs
          </Link>
        </span>
      </div>
      <ul className="space-y-1">
        {published.map((v) => (
          <li key={v.id}>
            <Link className="text-blue-700 underline" href={`/t/${teamSlug}/catalog?v=${v.id}`}>
              {v.label}
            </Link>{" "}
            <span className="text-gray-600">effective {v.effectiveDate}</span> {v.run ? <RunStatus run={v.run} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type TextState = { name: string; aria?: string; value: string; onChange: (v: string) => void; placeholder?: string };

/** A version's label and effective date, as the new-draft and publish forms both ask for them. */
function LabelAndDate({ label, date }: { label: TextState; date: TextState }) {
  return (
    <>
      <label>
        <span className="field-label">{label.name}</span>
        <input
          className="field-input py-1.5"
          value={label.value}
          onChange={(e) => label.onChange(e.target.value)}
          placeholder={label.placeholder}
          aria-label={label.aria ?? label.name}
        />
      </label>
      <label>
        <span className="field-label">{date.name}</span>
        <input
          type="date"
          className="field-input py-1.5"
          value={date.value}
          onChange={(e) => date.onChange(e.target.value)}
          aria-label={date.aria ?? date.name}
        />
      </label>
    </>
  );
}
