import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Integration files open their own databases; two files at a time fits two cores.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Emails the code under test sends are files here (tests/support/outbox.ts reads them).
          env: {
            MAIL_OUTBOX_DIR: path.resolve(import.meta.dirname, ".data/test-outbox"),
            NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-123",
          },
        },
      },
    ],
  },
});
