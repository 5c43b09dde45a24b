// Projection over the horizon with monthly growth: each option's monthly and cumulative cost,
// self-host re-sized every month, and the month where the best self-host option overtakes the
// best API option.
export type ProjectionPoint = { month: number; requestsPerMonth: number; monthly: Record<string, number>; cumulative: Record<string, number> };
export type Projection = {
  points: ProjectionPoint[];
  /** First month whose monthly self-host cost is at or below the API's; null if never. */
  monthlyCrossoverMonth: number | null;
  /** First month whose cumulative self-host cost is at or below the API's; null if never. */
  cumulativeCrossoverMonth: number | null;
};

export function project(
  requestsPerMonth: number,
  growth: number,
  months: number,
  costAt: Record<string, (requests: number) => number>,
  pair: { selfId: string; apiId: string } | null,
): Projection {
  const ids = Object.keys(costAt);
  const running: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  const points: ProjectionPoint[] = [];
  let monthlyCrossoverMonth: number | null = null;
  let cumulativeCrossoverMonth: number | null = null;
  for (let month = 1; month <= months; month++) {
    const volume = requestsPerMonth * Math.pow(1 + growth, month - 1);
    const monthly: Record<string, number> = {};
    for (const id of ids) {
      monthly[id] = costAt[id](volume);
      running[id] += monthly[id];
    }
    points.push({ month, requestsPerMonth: volume, monthly, cumulative: { ...running } });
    if (pair) {
      if (monthlyCrossoverMonth === null && monthly[pair.selfId] <= monthly[pair.apiId]) monthlyCrossoverMonth = month;
      if (cumulativeCrossoverMonth === null && running[pair.selfId] <= running[pair.apiId]) cumulativeCrossoverMonth = month;
    }
  }
  return { points, monthlyCrossoverMonth, cumulativeCrossoverMonth };
}
