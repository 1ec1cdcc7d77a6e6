// Runs once before the whole suite: says loudly which database the suite runs on.
export default function setup(): void {
  const url = process.env.DATABASE_URL ?? '';
  const dialect = url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  console.log(`[taizhang tests] database dialect: ${dialect}`);
}
