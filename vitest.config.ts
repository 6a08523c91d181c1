import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "grammar/**/*.test.ts", "compiler/**/*.test.ts", "runtime/**/*.test.ts", "stdlib/**/*.test.ts", "cli/**/*.test.ts", "playground/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
