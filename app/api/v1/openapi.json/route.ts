// GET /api/v1/openapi.json – the OpenAPI 3.1 document of this API (public)
import { handle, json } from "@/lib/http";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = handle(async (req: Request) => json(openApiDocument(new URL(req.url).origin)));
