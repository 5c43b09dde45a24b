// GET /api/v1/catalog/history?kind=api&provider=…&model=…  |  ?kind=gpu&provider=…&gpuType=… – a price across published versions
import { z } from "zod";
import { json } from "@/lib/http";
import { priceHistory } from "@/lib/data/catalog";
import { parseInput } from "@/lib/validation/errors";
import { HistoryQuerySchema } from "@/lib/validation/catalog";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "user" }, async ({ req }) => {
  const q = parseInput(HistoryQuerySchema, Object.fromEntries(new URL(req.url).searchParams) as z.input<typeof HistoryQuerySchema>);
  return json({ history: await priceHistory(q) });
});
