import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Input, Space, Typography } from 'antd';
import { CameraOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import jsQR from 'jsqr';
import { PageCard } from '../../../app/ui/PageCard';
import { cameraProblem, checkInTokenOf } from '../checkin-code';

/** Frames are read at this width at most: enough for a code filling part of the view, cheap on a phone. */
const READ_WIDTH = 640;
/** How often a frame is read (ms). */
const EVERY = 200;

/** The QR code in an image (a camera frame or a photo), drawn onto the canvas at most READ_WIDTH wide. */
function readCode(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number): string | undefined {
  const scale = Math.min(1, READ_WIDTH / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data || undefined;
}

/**
 * 扫码签到 from the member's phone: the rear camera reads the venue QR code shown on the screen and
 * the member goes on to the check-in page it names (CheckInPage, which checks them in). When the
 * camera is refused or missing, a photo taken with the phone's own camera or the link typed in does
 * the same; staff can also check a member in on the meeting's page.
 */
export default function ScanCheckInPage() {
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const photo = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState<'starting' | 'on' | 'off'>('starting');
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [typed, setTyped] = useState('');
  const [attempt, setAttempt] = useState(0);

  /** A code was read: a check-in code of this site goes on to check in, anything else is named. */
  const found = useCallback(
    (text: string) => {
      const code = checkInTokenOf(text, window.location.origin);
      if ('token' in code) {
        navigate(`/checkin?token=${encodeURIComponent(code.token)}`, { replace: true });
        return true;
      }
      setNotice(code.problem);
      return false;
    },
    [navigate],
  );

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    setCamera('starting');
    setProblem(undefined);
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setCamera('off');
        setProblem(window.isSecureContext ? '这个浏览器不能使用摄像头。请用下方的方法签到。' : '当前连接不是安全连接（HTTPS），浏览器不允许网页使用摄像头。请用下方的方法签到。');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (err) {
        if (stopped) return;
        setCamera('off');
        setProblem(cameraProblem(err));
        return;
      }
      const v = video.current;
      if (stopped || !v) return stream.getTracks().forEach((t) => t.stop());
      v.srcObject = stream;
      await v.play().catch(() => undefined);
      setCamera('on');
      let last = '';
      const tick = () => {
        if (stopped) return;
        if (v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth && canvas.current) {
          const text = readCode(canvas.current, v, v.videoWidth, v.videoHeight);
          // the same wrong code held in view is said once, not five times a second
          if (text && text !== last) {
            last = text;
            if (found(text)) return;
          }
        }
        timer = setTimeout(tick, EVERY);
      };
      tick();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [attempt, found]);

  /** The link (or token) pasted by hand. */
  const submitTyped = () => (typed.trim() ? found(typed) : setNotice('请先粘贴签到链接。'));

  const readPhoto = async (file: File | undefined) => {
    if (!file || !canvas.current) return;
    setNotice(undefined);
    try {
      const bitmap = await createImageBitmap(file);
      const text = readCode(canvas.current, bitmap, bitmap.width, bitmap.height);
      bitmap.close();
      if (text) found(text);
      else setNotice('照片中没有识别到二维码，请对准会场屏幕上的签到二维码重新拍摄。');
    } catch {
      setNotice('无法读取这张照片，请重新拍摄。');
    }
  };

  return (
    <PageCard title="扫码签到">
      <Flex vertical gap={16} style={{ maxWidth: 480, margin: '0 auto' }}>
        <div style={{ position: 'relative', width: '100%', aspectRatio: '1', background: '#1f1f1f', borderRadius: 8, overflow: 'hidden', display: camera === 'off' ? 'none' : 'block' }}>
          <video ref={video} muted playsInline aria-label="摄像头画面" data-testid="scan-video" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          {/* where to hold the code */}
          <div aria-hidden style={{ position: 'absolute', inset: '15%', border: '3px solid rgba(255,255,255,0.9)', borderRadius: 12, boxShadow: '0 0 0 2000px rgba(0,0,0,0.25)' }} />
        </div>
        <canvas ref={canvas} hidden />
        <div role="status" aria-live="polite">
          {camera === 'starting' && <Typography.Text>正在打开摄像头…</Typography.Text>}
          {camera === 'on' && <Typography.Text data-testid="scan-hint">请将摄像头对准会场屏幕上的签到二维码，识别后自动签到。</Typography.Text>}
          {notice && <Alert type="warning" showIcon title={notice} data-testid="scan-notice" style={{ marginTop: 8 }} />}
        </div>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title="无法使用摄像头"
            description={
              <Flex vertical align="start" gap={8}>
                <span data-testid="scan-problem">{problem}</span>
                <Button icon={<ReloadOutlined />} onClick={() => setAttempt((n) => n + 1)}>重新打开摄像头</Button>
              </Flex>
            }
          />
        )}
        <section aria-labelledby="scan-manual">
          <Typography.Title level={2} id="scan-manual" style={{ fontSize: 16, marginTop: 0 }}>无法扫码时</Typography.Title>
          <input ref={photo} type="file" accept="image/*" capture="environment" hidden onChange={(e) => { void readPhoto(e.target.files?.[0]); e.target.value = ''; }} data-testid="scan-photo" />
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button icon={<CameraOutlined />} onClick={() => photo.current?.click()} block>拍照识别签到码</Button>
            <label htmlFor="scan-link">或粘贴签到链接：</label>
            <Space.Compact style={{ width: '100%' }}>
              <Input id="scan-link" value={typed} onChange={(e) => setTyped(e.target.value)} onPressEnter={submitTyped} placeholder="例如 https://…/checkin?token=…" />
              <Button type="primary" onClick={submitTyped}>签到</Button>
            </Space.Compact>
            <Typography.Text type="secondary">也可以请会场工作人员在会议页面为您代为签到。</Typography.Text>
          </Space>
        </section>
      </Flex>
    </PageCard>
  );
}
