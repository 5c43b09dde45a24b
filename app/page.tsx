import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listTeamsForUser } from "@/lib/data/teams";

export const dynamic = "force-dynamic";

// The landing route: the user's first team, or the sign-in page.
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const [team] = await listTeamsForUser(user.id);
  if (!team) redirect("/signin?error=NoTeam");
  redirect(`/t/${team.slug}`);
}
