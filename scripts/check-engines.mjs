// Lists installed packages whose `engines.node` does not accept the running Node.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const semver = createRequire(import.meta.url)('semver');
const bad = [];
function visit(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) { visit(join(dir, name)); continue; }
    const pkgDir = join(dir, name);
    const file = join(pkgDir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      const range = pkg.engines?.node;
      if (range && !semver.satisfies(process.version, range, { includePrerelease: true })) bad.push(`${pkg.name}@${pkg.version} needs node ${range}`);
    }
    visit(join(pkgDir, 'node_modules'));
  }
}
visit('node_modules');
console.log(bad.length ? bad.join('\n') : `all installed packages accept node ${process.version}`);
process.exitCode = bad.length ? 1 : 0;
