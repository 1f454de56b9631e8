const express = require('express');
const app = express();

app.get('/api/products', (req, res) => res.json([]));
app.post('/api/orders', (req, res) => res.status(201).end());

app.listen(8080);
