#!/usr/bin/env node
require('../dist/mcp.js');
