import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './names.js';

/** Every source file of the server, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('audit action names', () => {
  it('names in Chinese every audit action the server writes by a literal code (a new module adds its subjects and verbs)', () => {
    const root = join(import.meta.dirname, '..', '..');
    const written = new Set<string>();
    for (const file of sources(root)) for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-zA-Z]+\.[a-zA-Z_]+)'/g)) written.add(m[1]);
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((a) => auditActionLabel(a) === a)).toEqual([]);
  });
});
