// Creates a fresh, empty PostgreSQL database on the server of TEST_DATABASE_URL and prints its URL.
// Used by the Playwright servers so each test run gets a database of its own. Usage:
//   node scripts/fresh-test-db.mjs <label>
import pg from 'pg';

const server = process.env.TEST_DATABASE_URL;
if (!server) {
  console.error('TEST_DATABASE_URL is not set');
  process.exit(2);
}
const label = (process.argv[2] ?? 'run').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
const name = `bk_e2e_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const client = new pg.Client({ connectionString: server });
await client.connect();
await client.query(`create database ${name}`);
await client.end();
const url = new URL(server);
url.pathname = `/${name}`;
process.stdout.write(url.toString());
