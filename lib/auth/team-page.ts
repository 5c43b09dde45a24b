import "server-only";
import { notFound } from "next/navigation";
import { requireUserPage } from "./session";
import { getTeamForMember } from "../data/teams";
import { AppError } from "../errors";

/** For pages under /t/[team]: the signed-in member and the team, or the 404 page for anyone else. */
export async function requireTeamPage(slug: string, path = `/t/${slug}`) {
  const user = await requireUserPage(path);
  try {
    const team = await getTeamForMember(user.id, slug);
    return { user, team };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
