// Copies the browser builds of the front-end libraries into static/vendor,
// so the app serves every script itself (no CDN, works offline).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'static', 'vendor');
const files = {
  'socket.io.min.js': 'node_modules/socket.io-client/dist/socket.io.min.js',
  // Only the browser tests inject axe; no page loads it.
  'axe.min.js': 'node_modules/axe-core/axe.min.js',
};

fs.mkdirSync(target, { recursive: true });
for (const [name, source] of Object.entries(files)) {
  fs.copyFileSync(path.join(root, source), path.join(target, name));
}
console.log(`copied ${Object.keys(files).length} files to static/vendor`);
