import express from 'express';
import client from 'prom-client';
import { pool } from './db.js';

const app = express();
const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

// Liveness: the process is up. Readiness: its dependencies answer.
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/ready', async (_req, res) => {
  try {
    await pool.query('select 1');
    res.json({ status: 'ready' });
  } catch {
    res.status(503).json({ status: 'not ready' });
  }
});
app.get('/metrics', async (_req, res) => {
  res.set('Content-Type', registry.contentType);
  res.end(await registry.metrics());
});

app.get('/api/products', async (_req, res) => {
  const { rows } = await pool.query('select id, name, price from products order by id limit 100');
  res.json(rows);
});

app.post('/api/orders', express.json(), async (req, res) => {
  const { rows } = await pool.query('insert into orders (items) values ($1) returning id', [req.body.items]);
  res.status(201).json({ id: rows[0].id });
});

app.listen(Number(process.env.PORT ?? 8080));
