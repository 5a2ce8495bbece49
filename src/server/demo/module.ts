import { defineModule } from '../platform/modules/manifest.js';
import { seedScaleCommand } from './scale/cli.js';
import { seedDemo } from './seed.js';

/** 演示数据: the demo committee and the province-scale test data. */
export const demoModule = defineModule({
  name: 'demo',
  label: '演示数据',
  cli: {
    'seed-demo': {
      usage: 'seed-demo — 载入演示数据（仅空库）',
      run: async (db) => console.log((await seedDemo(db)) ? '已载入演示数据' : '数据库非空，未载入演示数据'),
    },
    'seed-scale': seedScaleCommand,
  },
});
