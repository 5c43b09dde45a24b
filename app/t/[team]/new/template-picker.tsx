"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/client/api";

export function TemplatePicker({ teamSlug, templates }: { teamSlug: string; templates: { id: string; title: string; blurb: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (template: string) =>
      api<{ id: string }>(`/api/v1/teams/${teamSlug}/scenarios`, {
        method: "POST",
        body: { template, ...(name.trim() ? { name: name.trim() } : {}) },
      }),
    onSuccess: (r) => router.push(`/t/${teamSlug}/s/${r.id}`),
  });
  return (
    <div className="space-y-4">
      <label className="block max-w-md text-sm">
        <span className="field-label">Name (optional)</span>
        <input
          className="field-input"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          placeholder="Defaults to the template's name"
        />
      </label>
      {create.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {create.error.message}
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {templates.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              disabled={create.isPending}
              onClick={() => create.mutate(t.id)}
              className="h-full w-full rounded-lg border border-gray-200 bg-white p-4 text-left hover:border-blue-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:opacity-60"
            >
              <span className="block font-medium">{t.title}</span>
              <span className="mt-1 block text-sm text-gray-600">{t.blurb}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
