"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";

export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () => api<{ teamSlug: string }>(`/api/v1/invitations/${token}`, { method: "POST", body: {} }),
    onSuccess: (r) => router.push(`/t/${r.teamSlug}`),
  });
  return (
    <div className="space-y-3">
      {accept.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {accept.error.message}
        </p>
      ) : null}
      <button type="button" className="btn-primary w-full" disabled={accept.isPending} onClick={() => accept.mutate()}>
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </button>
    </div>
  );
}
