import pg from 'pg';

// Credentials come from the environment (injected from the secret manager), never from code.
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
