"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

export function CreateTeam() {
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => api<{ slug: string }>("/api/v1/teams", { method: "POST", body: { name } }),
    onSuccess: (t) => router.push(`/t/${t.slug}`),
  });
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold">Create another team</h2>
      <form
        className="flex flex-wrap items-start gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="min-w-[14rem] flex-1 text-sm">
          <span className="sr-only">Team name</span>
          <input
            className="field-input mt-0"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            placeholder="Team name"
            aria-label="Team name"
          />
          {create.isError ? (
            <span className="field-error block">{(create.error as ApiError).fieldErrors?.name?.join(" ") ?? create.error.message}</span>
          ) : null}
        </label>
        <button type="submit" className="btn-secondary" disabled={create.isPending}>
          Create team
        </button>
      </form>
    </section>
  );
}
