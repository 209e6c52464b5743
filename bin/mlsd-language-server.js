#!/usr/bin/env -S node --min-semi-space-size=2 --max-semi-space-size=2

require('../dist/server.js');
