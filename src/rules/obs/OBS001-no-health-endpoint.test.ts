import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './OBS001-no-health-endpoint.js';

const dockerfile = (port: string) =>
  `FROM node:20\nWORKDIR /app\nCOPY . .\nEXPOSE ${port}\nCMD ["node", "src/server.js"]\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'express with /health',
      files: {
        'api/Dockerfile': dockerfile('8080'),
        'api/src/server.js':
          "const app = require('express')();\napp.get('/api/products', list);\napp.get('/health', (_req, res) => res.json({ ok: true }));\n",
      },
    },
    {
      name: 'Nest controller, Flask, Go 1.22 pattern, Spring Boot Actuator',
      files: {
        'nest/Dockerfile': dockerfile('3000'),
        'nest/src/app.controller.ts': "@Controller('orders')\nexport class Orders { @Get(':id') one() {} }\n",
        'nest/src/health.controller.ts': "@Controller('health')\nexport class Health { @Get() check() {} }\n",
        'flask/Dockerfile': dockerfile('5000'),
        'flask/app.py': '@app.route("/orders")\ndef orders(): ...\n@app.get("/healthz")\ndef healthz(): ...\n',
        'go/Dockerfile': dockerfile('8080'),
        'go/main.go': 'mux.HandleFunc("GET /orders", orders)\nmux.HandleFunc("GET /livez", live)\n',
        'spring/Dockerfile': dockerfile('8080'),
        'spring/pom.xml': '<artifactId>spring-boot-starter-actuator</artifactId>\n',
        'spring/src/main/java/Orders.java': '@GetMapping("/orders")\npublic List<Order> all() {}\n',
      },
    },
    {
      name: 'no routes (a worker), no EXPOSE, and routes only in tests',
      files: {
        'worker/Dockerfile': dockerfile('9000'),
        'worker/src/main.js': 'queue.process(handle);\n',
        'cli/Dockerfile': 'FROM node:20\nCMD ["node", "cli.js"]\n',
        'cli/server.js': "app.get('/orders', list);\n",
        'web/Dockerfile': dockerfile('80'),
        'web/test/server.test.js': "request(app).get('/orders');\napp.get('/orders', list);\n",
      },
    },
  ],
  invalid: [
    {
      name: 'express routes and no health endpoint; an HTTP client call is not a route',
      files: {
        'api/Dockerfile': dockerfile('8080 22'),
        'api/src/server.js':
          "const app = require('express')();\napp.get('/api/products', list);\napp.post('/api/orders', create);\naxios.get('/api/stock');\n",
      },
      errors: [
        {
          file: 'api/Dockerfile',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 15,
          message:
            'Service `api` exposes 8080, 22 and defines 2 HTTP route(s) (src/server.js) but no /health, /healthz, /livez or /readyz endpoint.',
        },
      ],
    },
    {
      name: 'gin and FastAPI services, nested under a repository-level service',
      files: {
        Dockerfile: dockerfile('80'),
        'index.js': "app.use('/static', serve);\n",
        'svc/go/Dockerfile': dockerfile('8080'),
        'svc/go/main.go': 'r := gin.Default()\nr.GET("/orders", list)\nr.POST("/orders", create)\n',
        'svc/py/Dockerfile': dockerfile('8000'),
        'svc/py/main.py': '@router.get("/items/{id}")\nasync def item(id: int): ...\n',
      },
      errors: [
        {
          file: 'Dockerfile',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 10,
          message: /^Service `service` exposes 80 and defines 1 HTTP route\(s\) \(index\.js\)/,
        },
        {
          file: 'svc/go/Dockerfile',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 12,
          message: /^Service `go` exposes 8080 and defines 2 HTTP route\(s\) \(main\.go\)/,
        },
        {
          file: 'svc/py/Dockerfile',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 12,
          message: /^Service `py` exposes 8000 and defines 1 HTTP route\(s\) \(main\.py\)/,
        },
      ],
    },
  ],
});
