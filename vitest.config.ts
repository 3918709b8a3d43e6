import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Hooks that build shared fixtures (a whole draft, a PDF parse in a worker) do a test's work:
    // same budget, or a loaded machine times them out at vitest's 10 s default.
    hookTimeout: 30_000,
    pool: "forks",
    setupFiles: ["test/support/close-pdf-workers.ts"],
  },
});
