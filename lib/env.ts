// Configuration, validated once at start-up. Every variable is documented in README.md.
import { z } from "zod";
import { parseDatabaseUrl } from "./database/connect";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalText.refine(
      (v) => {
        try {
          parseDatabaseUrl(v);
          return true;
        } catch {
          return false;
        }
      },
      { error: "must be postgresql://user:pass@host:port/db, file:<folder> (embedded PGlite) or memory://" },
    ),
    NEXTAUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (npm start creates one in .data/)" })
      .min(32, { error: "must be at least 32 characters long" }),
    NEXTAUTH_URL: z.url({ error: "must be the absolute URL the app is served at, e.g. http://127.0.0.1:3000" }).optional(),
    ADMIN_EMAILS: optionalText,
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    OIDC_ISSUER: z.url({ error: "must be the issuer URL of your OpenID Connect provider" }).optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: optionalText,
    SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\//.test(v), {
      error: "must be smtp://user:pass@host:port or smtps://…",
    }),
    MAIL_FROM: optionalText,
    MAIL_OUTBOX_DIR: optionalText,
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(5, { error: "must be at most 5" })
      .default(1),
    SIGNUP_LIMIT_PER_HOUR: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(100_000, { error: "must be at most 100000" })
      .default(10),
    MEMO_RENDER_THREADS: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(16, { error: "must be at most 16" })
      .default(1),
    MEMO_RENDER_TIMEOUT_SECONDS: z.coerce
      .number({ error: "must be a number" })
      .min(1, { error: "must be at least 1" })
      .max(600, { error: "must be at most 600" })
      .default(60),
  })
  .superRefine((env, ctx) => {
    const pairs: [keyof typeof env, keyof typeof env][] = [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
      ["OIDC_CLIENT_ID", "OIDC_ISSUER"],
    ];
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        ctx.addIssue({ code: "custom", path: [env[a] ? b : a], message: `is required when ${env[a] ? a : b} is set` });
      }
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}

let cached: Env | null = null;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function adminEmails(): Set<string> {
  return new Set(
    (env().ADMIN_EMAILS ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * The address the app is served at, for links in emails. Never taken from a request's Host
 * header: a forged Host would send someone's one-time link to another site.
 */
export function appUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
