/**
 * What a scanned QR code (or a pasted link) means to 扫码签到: the venue code of this site is the
 * address of its check-in page with a signed token (/checkin?token=…, drawn by QrPanel); anything
 * else is refused with a sentence the member can act on. The token itself is checked by the server.
 *
 * @example checkInTokenOf('https://zx.example.cn/checkin?token=v1.abc', 'https://zx.example.cn') // { token: 'v1.abc' }
 */
export type ScannedCode = { token: string } | { problem: string };

const TRY_VENUE = '请扫描会场屏幕上的签到二维码';

export function checkInTokenOf(text: string, origin: string): ScannedCode {
  const value = text.trim();
  if (!value) return { problem: `没有读到内容，${TRY_VENUE}` };
  // typed by hand: the token alone
  if (/^v\d+\.[\w.-]+$/.test(value)) return { token: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `这个二维码不是签到码，${TRY_VENUE}` };
  }
  if (url.origin !== origin) return { problem: `这个二维码不是本平台的签到码（指向 ${url.host}），${TRY_VENUE}` };
  const token = url.searchParams.get('token');
  if (url.pathname !== '/checkin' || !token) return { problem: `这个二维码是本平台的其他页面，不是签到码，${TRY_VENUE}` };
  return { token };
}

/** The Chinese sentence for a camera that could not be opened (getUserMedia's error names). */
export function cameraProblem(err: unknown): string {
  const name = err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException) ? (err as Error).name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return '没有获得使用摄像头的许可。请在浏览器或手机设置中允许本网站使用摄像头后点“重新打开摄像头”，或用下方的方法签到。';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return '没有找到可以使用的摄像头。请用下方的方法签到。';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return '摄像头无法打开，可能正被其他应用使用。请关闭其他应用后点“重新打开摄像头”，或用下方的方法签到。';
    default:
      return '摄像头无法打开。请用下方的方法签到。';
  }
}
