// Exit 0 when the test PostgreSQL answers at KENDALI_TEST_DATABASE_URL, 2 when nothing listens,
// 3 when it refuses the credentials, 1 otherwise. Used by scripts/test-ci.sh.
import pg from 'pg';

const url = process.env.KENDALI_TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
  process.exit(0);
} catch (e) {
  const code = e?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === '57P03') process.exit(2);
  if (code === '28P01' || code === '28000') process.exit(3);
  console.error(`pg-check: ${e?.message ?? e}`);
  process.exit(1);
}
