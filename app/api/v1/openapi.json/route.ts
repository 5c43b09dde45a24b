// GET /api/v1/openapi.json – the OpenAPI 3.1 document of this API (public)
import { json } from "@/lib/http";
import { openApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/api/route";

export const GET = route({ auth: "public" }, async ({ req }) => json(openApiDocument(new URL(req.url).origin)));
