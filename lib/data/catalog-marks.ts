import "server-only";
// Revisiting decisions: the dashboard's "prices changed" marks and the owners' threshold for them.
import { getDb } from "../db";
import { parseInput } from "../validation/errors";
import { isFlipped, isMarked } from "../catalog/reprice";
import { ThresholdSchema } from "../validation/catalog";
import { requireTeamRole } from "../auth/team-access";
import { memberTeamWhere } from "./scope";
import { recordAudit } from "./audit";

/** The columns of a re-pricing that say what moved: read by the marks and the notifications. */
export const COMPARISON_SELECT = {
  monthlyThen: true,
  monthlyNow: true,
  outcomeThen: true,
  outcomeNow: true,
  optionThen: true,
  optionNow: true,
  breakevenThen: true,
  breakevenNow: true,
} as const;

/**
 * "Prices changed" marks for a team's dashboard: for each scenario whose current revision was
 * re-priced at a newer published version, the change and whether it passes the owners' threshold.
 */
export async function repricingMarks(userId: string, teamSlug: string) {
  const team = await teamThreshold(userId, teamSlug);
  if (!team) return { threshold: { percent: null, usd: null }, marks: new Map<string, RepricingMark>() };
  const { threshold } = team;
  const rows = await getDb().scenarioRepricing.findMany({
    where: { scenario: { teamId: team.id }, revision: { currentOf: { isNot: null } } },
    orderBy: [{ catalogVersion: { effectiveDate: "desc" } }, { createdAt: "desc" }],
    select: {
      scenarioId: true,
      revisionId: true,
      ...COMPARISON_SELECT,
      changedPrices: true,
      catalogVersion: { select: { label: true } },
      scenario: { select: { currentRevisionId: true } },
    },
  });
  const marks = new Map<string, RepricingMark>();
  for (const r of rows) {
    if (marks.has(r.scenarioId) || r.scenario.currentRevisionId !== r.revisionId) continue;
    const c = { ...r, outcomeThen: r.outcomeThen as "api", outcomeNow: r.outcomeNow as "api" };
    marks.set(r.scenarioId, {
      ...c,
      catalogLabel: r.catalogVersion.label,
      flipped: isFlipped(c),
      shown: isMarked(c, threshold),
    });
  }
  return { threshold, marks };
}

async function teamThreshold(userId: string, teamSlug: string) {
  const team = await getDb().team.findFirst({
    where: { slug: teamSlug, ...memberTeamWhere(userId) },
    select: { id: true, repriceThresholdPercent: true, repriceThresholdUsd: true },
  });
  return team ? { id: team.id, threshold: { percent: team.repriceThresholdPercent, usd: team.repriceThresholdUsd } } : null;
}

/** The owners' threshold for "prices changed" marks (nulls for a team the user is not in). */
export async function getRepriceThreshold(userId: string, teamSlug: string) {
  return (await teamThreshold(userId, teamSlug))?.threshold ?? { percent: null, usd: null };
}

export type RepricingMark = {
  monthlyThen: number | null;
  monthlyNow: number | null;
  outcomeThen: string;
  outcomeNow: string;
  optionThen: string | null;
  optionNow: string | null;
  breakevenThen: number | null;
  breakevenNow: number | null;
  changedPrices: number;
  catalogLabel: string;
  flipped: boolean;
  shown: boolean;
};

/** The owners' threshold below which no "prices changed" mark is shown. */
export async function setRepriceThreshold(userId: string, teamSlug: string, raw: unknown) {
  return getDb().$transaction(async (tx) => {
    const { teamId } = await requireTeamRole(tx, userId, teamSlug, "team:settings");
    const data = parseInput(ThresholdSchema, raw);
    await tx.team.update({ where: { id: teamId }, data: { repriceThresholdPercent: data.percent, repriceThresholdUsd: data.usd } });
    await recordAudit(tx, { teamId, actorId: userId, action: "team.reprice-threshold", target: `team:${teamId}`, data });
    return data;
  });
}
