#!/usr/bin/env node
// The CLI is bundled ahead of time by `npm ci` (the `prepare` script) into
// dist/cli.js, so every start loads one file instead of transpiling sources.
import "../dist/cli.js";
