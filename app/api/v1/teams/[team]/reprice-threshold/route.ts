// PUT /api/v1/teams/[team]/reprice-threshold – owners set the % and/or $ change below which no "prices changed" mark is shown
import { json } from "@/lib/http";
import { setRepriceThreshold } from "@/lib/data/catalog-marks";
import { route } from "@/lib/api/route";

export const PUT = route({ auth: "user", params: ["team"] }, async ({ params, user, body }) => {
  return json(await setRepriceThreshold(user.id, params.team, body));
});
