import Link from "next/link";
import { requireTeamPage } from "@/lib/auth/team-page";
import { listTeamsForUser } from "@/lib/data/teams";
import { SignOutButton } from "@/app/components/sign-out-button";

export const dynamic = "force-dynamic";

export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team } = await requireTeamPage(slug);
  const teams = await listTeamsForUser(user.id);
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={`/t/${team.slug}`} className="text-lg font-semibold tracking-tight">
            Break<span className="text-blue-600">even</span>
          </Link>
          <nav
            aria-label="Teams"
            className="order-last flex w-full min-w-0 flex-wrap items-center gap-2 text-sm sm:order-none sm:w-auto sm:flex-1"
          >
            {teams.map((t) => (
              <Link
                key={t.id}
                href={`/t/${t.slug}`}
                aria-current={t.id === team.id ? "page" : undefined}
                className={`truncate rounded-md px-2 py-1 ${t.id === team.id ? "bg-blue-50 font-medium text-blue-800" : "text-gray-600 hover:bg-gray-100"}`}
              >
                {t.name}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm sm:ml-0">
            <Link href={`/t/${team.slug}/catalog`} className="text-gray-700 hover:underline">
              Price catalog
            </Link>
            <Link href={`/t/${team.slug}/settings`} className="text-gray-700 hover:underline">
              Team settings
            </Link>
            <span className="hidden text-gray-600 sm:inline" data-testid="current-user">
              {user.name}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
