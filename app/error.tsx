"use client";
// Shown when a page fails on the server — most often because the database is briefly away
// (a restart, a fail-over). The details stay in the server log; the digest ties them together.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition } from "react";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The failure was on the server: fetch the page again, then leave the error state.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-gray-900">This page could not be loaded</h1>
        <p className="mt-2 text-sm text-gray-700">
          Something failed on our side while preparing it. If the database is restarting, this passes within seconds: nothing you saved is
          lost.
        </p>
        <div className="mt-5 flex gap-3">
          <button
            type="button"
            onClick={retry}
            className="rounded-md bg-blue-600 px-3 py-2 text-sm font-medium text-white hover:bg-blue-700"
          >
            Try again
          </button>
          <Link href="/" className="rounded-md border border-gray-300 px-3 py-2 text-sm text-gray-800 hover:bg-gray-50">
            Go to your workspace
          </Link>
        </div>
        {error.digest && <p className="mt-4 text-xs text-gray-600">Reference for the server log: {error.digest}</p>}
      </div>
    </main>
  );
}
