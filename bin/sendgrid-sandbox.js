#!/usr/bin/env node
require('../dist/sandbox.js');
