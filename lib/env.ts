import { z } from "zod";

// The environment, validated once. Values are read lazily so that `next build` needs no database.
const serverEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. Start the app with `npm start`, which provides one, or set it to a PostgreSQL URL." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL."),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`The environment is not usable:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
