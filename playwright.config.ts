import { defineConfig, devices } from "@playwright/test";
import { appPort, baseURL, dataDir, dbPort, smtpPort } from "./e2e/support/env";

// The app is started the way `npm start` starts it: embedded PostgreSQL in a fresh data directory,
// migrations, seed, production build. scripts/test.mjs passes a fresh E2E_DATA_DIR and free ports.
// Mail goes through a real SMTP server that the global setup starts.

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  // Two workers on two cores: a long journey (sign in, moderate, audit, export) took 30.8 s once in CI.
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-report.json" }]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /mobile\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 360_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(appPort),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EMBEDDED_DB_PORT: String(dbPort),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Advocate tests <no-reply@advocate.test>",
    },
  },
});
