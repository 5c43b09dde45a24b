import Link from "next/link";

/** A back link to where the page belongs, then its title. */
export function PageHeader({ backHref, backLabel, title }: { backHref: string; backLabel: string; title: string }) {
  return (
    <div>
      <Link href={backHref} className="text-sm text-blue-700 hover:underline">
        ← {backLabel}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
    </div>
  );
}
