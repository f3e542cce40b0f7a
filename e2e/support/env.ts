import path from "node:path";

// Shared by playwright.config.ts, the global setup and the specs. scripts/test.mjs chooses free ports.
export const appPort = Number(process.env.E2E_PORT ?? 3107);
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const dbPort = Number(process.env.E2E_DB_PORT ?? 54339);
export const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".tmp/e2e-data");
export const MAIL_DIR = path.resolve(".tmp/e2e-mail");
export const baseURL = `http://127.0.0.1:${appPort}`;
