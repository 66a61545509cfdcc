// The web service's whole build: one page into dist/.
const { mkdirSync, writeFileSync } = require('node:fs');
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', '<h1>web: built with node ' + process.versions.node + '</h1>\n');
