// tsc compiles code only: the packed lookups under src/generated/ are copied beside the compiled
// modules so that the installed package finds them at the same relative path.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'src', 'generated');
const to = join(root, 'dist', 'generated');
mkdirSync(to, { recursive: true });
for (const f of readdirSync(from)) if (f.endsWith('.json')) cpSync(join(from, f), join(to, f));
