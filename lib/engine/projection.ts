// Projection over the horizon with monthly growth: each option's monthly and cumulative cost,
// self-host re-sized every month, and the month where the best self-host option overtakes the
// best API option. Column-oriented (one array per option) to keep evaluations light.
export type Projection = {
  /** Requests in month 1, 2, … N. */
  requestsPerMonth: number[];
  monthly: Record<string, number[]>;
  cumulative: Record<string, number[]>;
  /** First month (1-based) whose monthly self-host cost is at or below the API's; null if never. */
  monthlyCrossoverMonth: number | null;
  /** First month whose cumulative self-host cost is at or below the API's; null if never. */
  cumulativeCrossoverMonth: number | null;
};

export function project(
  requestsPerMonth: number,
  growth: number,
  months: number,
  ids: string[],
  /** An option's monthly cost at each of the given volumes. */
  costsAt: (id: string, volumes: number[]) => number[],
  pair: { selfId: string; apiId: string } | null,
): Projection {
  const volumes = new Array<number>(months);
  const monthly: Record<string, number[]> = {};
  const cumulative: Record<string, number[]> = {};
  for (let m = 0; m < months; m++) volumes[m] = requestsPerMonth * Math.pow(1 + growth, m);
  for (const id of ids) {
    const mo = costsAt(id, volumes);
    const cu = new Array<number>(months);
    let running = 0;
    for (let m = 0; m < months; m++) {
      running += mo[m];
      cu[m] = running;
    }
    monthly[id] = mo;
    cumulative[id] = cu;
  }
  let monthlyCrossoverMonth: number | null = null;
  let cumulativeCrossoverMonth: number | null = null;
  if (pair) {
    for (let m = 0; m < months; m++) {
      if (monthlyCrossoverMonth === null && monthly[pair.selfId][m] <= monthly[pair.apiId][m]) monthlyCrossoverMonth = m + 1;
      if (cumulativeCrossoverMonth === null && cumulative[pair.selfId][m] <= cumulative[pair.apiId][m]) cumulativeCrossoverMonth = m + 1;
    }
  }
  return { requestsPerMonth: volumes, monthly, cumulative, monthlyCrossoverMonth, cumulativeCrossoverMonth };
}
