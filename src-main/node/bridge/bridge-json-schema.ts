// The JSON Schema of bridge files, generated from the zod schema so the two never disagree.
// `node src-main/node/bridge/bridge-json-schema.ts --write` refreshes bridges/bridge.schema.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../desk/paths.ts';
import { BridgeFile } from './bridge-schema.ts';

export function bridgeJsonSchema(): string {
  const schema = z.toJSONSchema(BridgeFile, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Civic Workbench bridge file', $id: 'https://civic-workbench.local/bridge.schema.json' }, null, 2)}\n`;
}

if (
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '') &&
  process.argv.includes('--write')
) {
  writeFileSync(join(projectRoot(), 'bridges', 'bridge.schema.json'), bridgeJsonSchema());
  console.log('wrote bridges/bridge.schema.json');
}
