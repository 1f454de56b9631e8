#!/usr/bin/env node
// The committed, dependency-free bundle (built by `npm run build` from src/adapters/cli/main.ts).
import '../plugins/proagent-devops/dist/cli.mjs';
