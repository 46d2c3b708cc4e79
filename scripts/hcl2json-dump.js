#!/usr/bin/env node
// Runs HashiCorp's HCL parser (Go hcl/v2 compiled to wasm, npm @cdktf/hcl2json) over .tf files
// and records what it says: <outdir>/<name>.json on success, <outdir>/<name>.error on rejection.
// Usage: node hcl2json-dump.js <outdir> <file.tf>...
// The package is resolved from $HCL2JSON_DIR (an `npm install --prefix` directory).
'use strict';
const fs = require('fs');
const path = require('path');

const prefix = process.env.HCL2JSON_DIR;
const hcl2json = require(prefix ? path.join(prefix, 'node_modules', '@cdktf', 'hcl2json') : '@cdktf/hcl2json');

async function main() {
  const [outdir, ...files] = process.argv.slice(2);
  fs.mkdirSync(outdir, { recursive: true });
  for (const file of files) {
    const base = path.basename(file);
    const contents = fs.readFileSync(file, 'utf-8');
    let json = null;
    let error = null;
    try {
      json = await hcl2json.parse(base, contents);
    } catch (e) {
      error = String(e && e.message ? e.message : e);
    }
    for (const ext of ['.json', '.error']) {
      fs.rmSync(path.join(outdir, base + ext), { force: true });
    }
    if (error !== null) {
      fs.writeFileSync(path.join(outdir, base + '.error'), error.trim() + '\n');
    } else {
      fs.writeFileSync(path.join(outdir, base + '.json'), JSON.stringify(json, null, 2) + '\n');
    }
  }
}

// The Go runtime inside the wasm module keeps the event loop alive: exit explicitly.
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(2); });
