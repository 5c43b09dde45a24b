"use client";

// Uploads that report their progress, and how their errors and progress are shown.
import { ApiError } from "@/lib/client/api";

export function Errors({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as Error;
  const fields = e instanceof ApiError ? Object.entries(e.fieldErrors) : [];
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      <p>{e.message}</p>
      {fields.length ? (
        <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5 text-xs">
          {fields.map(([k, v]) => (
            <li key={k}>
              <strong>{k}</strong>: {v.join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Sends JSON or a form with XMLHttpRequest, so a large upload reports its progress. */
export function postWithProgress<T>(url: string, body: unknown, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    const form = body instanceof FormData;
    if (!form) xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const data = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return {};
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(new ApiError(xhr.status, data.message ?? `Request failed (${xhr.status})`, data.fieldErrors ?? {}));
    };
    xhr.onerror = () => reject(new ApiError(0, "The upload failed: check your connection."));
    xhr.send(form ? body : JSON.stringify(body));
  });
}

export function Progress({ label, share }: { label: string; share: number }) {
  return (
    <div className="text-xs text-gray-700" data-testid="import-progress">
      {label} {Math.round(share * 100)}%
      <div className="mt-1 h-1.5 w-full rounded bg-gray-200">
        <div className="h-1.5 rounded bg-blue-600" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
