#!/usr/bin/env node
// The `awaitable` command: run, check and verify asyncio programs in the
// course's sandbox, under Node with Pyodide (see src/cli/main.ts).
import '../src/cli/main.ts';
