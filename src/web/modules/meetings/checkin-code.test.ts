import { describe, expect, it } from 'vitest';
import { cameraProblem, checkInTokenOf } from './checkin-code';

const origin = 'https://zx.longgang.gov.cn';

describe('what a scanned code means to 扫码签到', () => {
  it('takes the venue code of this site, and a token typed alone', () => {
    expect(checkInTokenOf(`${origin}/checkin?token=v1.abc.DEF-_1`, origin)).toEqual({ token: 'v1.abc.DEF-_1' });
    expect(checkInTokenOf(`${origin}/checkin?token=${encodeURIComponent('v1.a+b/c=')}`, origin)).toEqual({ token: 'v1.a+b/c=' });
    expect(checkInTokenOf('  v1.abc.def ', origin)).toEqual({ token: 'v1.abc.def' });
  });

  it('refuses anything else with a sentence saying what it is', () => {
    const problem = (text: string) => (checkInTokenOf(text, origin) as { problem: string }).problem;
    expect(problem('')).toContain('没有读到内容');
    expect(problem('你好，世界')).toContain('不是签到码');
    expect(problem('https://evil.example/checkin?token=v1.abc')).toContain('不是本平台的签到码（指向 evil.example）');
    expect(problem(`${origin}/meetings/mine`)).toContain('其他页面');
    expect(problem(`${origin}/checkin`)).toContain('其他页面');
    expect(problem('http://zx.longgang.gov.cn/checkin?token=v1.abc')).toContain('不是本平台');
  });

  it('names the camera’s problem in Chinese', () => {
    const error = (name: string) => Object.assign(new Error('x'), { name });
    expect(cameraProblem(error('NotAllowedError'))).toContain('许可');
    expect(cameraProblem(error('NotFoundError'))).toContain('没有找到');
    expect(cameraProblem(error('NotReadableError'))).toContain('其他应用');
    expect(cameraProblem('odd')).toContain('无法打开');
  });
});
