// Browser-side JSON calls to /api/v1 with problem-style errors.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.message ?? `Request failed (${res.status})`, data.fieldErrors ?? {});
  return data as T;
}

export const queryKeys = {
  comments: (scenarioId: string) => ["scenario", scenarioId, "comments"] as const,
  revisions: (scenarioId: string) => ["scenario", scenarioId, "revisions"] as const,
};
