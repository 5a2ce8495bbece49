/**
 * `npm test` runs this first: the browser tests need Chromium and CJK fonts (pages are judged by
 * how Chinese renders). Found → nothing to say. Missing and running as root on Debian → installs
 * them with apt-get and says so in one line. Otherwise one line saying what to do, exit 1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// the e2e harness launches CHROMIUM_PATH or Debian's /usr/bin/chromium
const browsers = [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'];
const browser = () => browsers.find((p) => existsSync(p));
const cjkFonts = () => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

const missing = [!browser() && 'Chromium', !cjkFonts() && '中文字体（fonts-noto-cjk）'].filter(Boolean) as string[];
if (missing.length > 0) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) {
    console.error(`测试准备：缺少${missing.join('和')}，端到端测试需要它们：请运行 sudo apt-get install chromium fonts-noto-cjk（或用 CHROMIUM_PATH 指向已有的 Chromium），然后重试 npm test`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const update = run(['update', '-qq']);
  const install = update.status === 0 ? run(['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']) : update;
  if (install.status !== 0 || !browser() || !cjkFonts()) {
    console.error(`测试准备：用 apt-get 安装 chromium 和 fonts-noto-cjk 失败（${(install.stderr || '').trim().split('\n').pop() || `退出码 ${install.status}`}）：请检查软件源后重试`);
    process.exit(1);
  }
  console.log(`测试准备：缺少${missing.join('和')}，已用 apt-get 安装 chromium 和 fonts-noto-cjk`);
}
