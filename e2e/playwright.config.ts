import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// E2E_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Every run starts on an empty database, so tests never see data left by an earlier run. The workers load
// this file too: only the runner makes the directory, and the workers inherit its name.
const dataDir = process.env.REMED_E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'remed-e2e-'));
process.env.REMED_E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: path.join(root, 'e2e/tests'),
  outputDir: path.join(root, 'e2e/test-results'),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: path.join(root, 'e2e/report'), open: 'never' }]],
  use: {
    baseURL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node apps/server/bin/remed.js start --demo',
    cwd: root,
    // Every test signs in through the form; the per-minute login limit is for attackers, not for this suite.
    // The fixtures register clinics and people for every test, each from an address of its own (X-Forwarded-For,
    // trusted from the loopback as from the service's proxy), so the per-address limits count one person each.
    // The QR time budget is generous: browser tests share the machine with other test runs.
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOGIN_RATE_PER_MINUTE: '1000',
      TRUST_PROXY: 'loopback',
      QR_TIMEOUT_SECONDS: '60',
    },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
