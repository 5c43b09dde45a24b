import "server-only";
// Team API tokens: created by owners with read or write access, shown once, stored as a SHA-256
// hash, revocable, last use recorded. A token acts as its creator, limited to its team and to
// its access (lib/auth/request-scope.ts), and is rate-limited with counters in the database.
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../db";
import { requireTeamRole } from "../auth/team-access";
import { meetsRole, type TeamRole } from "../auth/roles";
import { setTokenScope } from "../auth/request-scope";
import { AppError } from "../errors";
import { parseInput } from "../validation/errors";
import { CreateTokenSchema } from "../validation/tokens";
import { recordAudit } from "./audit";
import { hitRateLimit } from "./rate-limit";

const TOKEN_PREFIX = "bk_";
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

const ACCESS_ROLE: Record<"read" | "write", TeamRole> = { read: "viewer", write: "editor" };

export async function createApiToken(userId: string, teamSlug: string, raw: unknown) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return getDb().$transaction(async (tx) => {
    const team = await requireTeamRole(tx, userId, teamSlug, "member:manage");
    const data = parseInput(CreateTokenSchema, raw);
    const role = ACCESS_ROLE[data.access];
    if (!meetsRole(team.role, role)) throw new AppError("forbidden", "A token cannot have more access than its creator.");
    const created = await tx.apiToken.create({
      data: { teamId: team.teamId, createdById: userId, name: data.name, tokenHash: hashApiToken(token), role },
    });
    await recordAudit(tx, {
      teamId: team.teamId,
      actorId: userId,
      action: "token.created",
      target: `token:${created.id}`,
      data: { name: data.name, access: data.access },
    });
    return { id: created.id, name: created.name, access: data.access, token, createdAt: created.createdAt };
  });
}

export async function listApiTokens(userId: string, teamSlug: string) {
  const { teamId } = await requireTeamRole(getDb(), userId, teamSlug, "member:manage");
  const rows = await getDb().apiToken.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map(({ role, ...r }) => ({ ...r, access: role === "viewer" ? "read" : "write" }));
}

export async function revokeApiToken(userId: string, teamSlug: string, tokenId: string) {
  await getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "member:manage");
    const done = await tx.apiToken.updateMany({ where: { id: tokenId, teamId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count === 0) throw new AppError("not_found", "Token not found or already revoked");
    await recordAudit(tx, { teamId, actorId: userId, action: "token.revoked", target: `token:${tokenId}` });
  });
}

/** Requests per minute allowed to one token; API_RATE_LIMIT_PER_MINUTE overrides (read per call). */
export function rateLimitPerMinute(): number {
  const n = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : 120;
}

/**
 * Authenticates a bearer token: its creator (still active) is the acting user, limited to the
 * token's team and access for the rest of the request. 401 for an unknown or revoked token.
 */
export async function authenticateApiToken(token: string) {
  const row = token.startsWith(TOKEN_PREFIX)
    ? await getDb().apiToken.findUnique({
        where: { tokenHash: hashApiToken(token) },
        select: {
          id: true,
          teamId: true,
          role: true,
          revokedAt: true,
          createdBy: { select: { id: true, email: true, name: true, disabled: true, sessionVersion: true } },
        },
      })
    : null;
  if (!row || row.revokedAt || !row.createdBy || row.createdBy.disabled)
    throw new AppError("unauthenticated", "Invalid or revoked API token.");
  setTokenScope({ tokenId: row.id, teamId: row.teamId, maxRole: row.role as TeamRole });
  await hitRateLimit(`token:${row.id}`, rateLimitPerMinute(), 60_000);
  await getDb().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  const { disabled: _d, ...user } = row.createdBy;
  return user;
}
