import { Alert, Box, Button, Loader, Stack, Text } from '@mantine/core';
import { IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
// The decoder is served from our own build, never from a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
});

/** A receipt QR carries the six requisites; anything else (a web address, a loyalty card) is not a receipt. */
const looksLikeReceipt = (text: string) => /(^|[?&])fn=\d+/.test(text) && /(^|[?&])i=\d+/.test(text);

type CameraState = 'starting' | 'scanning' | 'denied' | 'absent' | 'failed';

const MESSAGES: Record<'denied' | 'absent' | 'failed', { title: string; text: string }> = {
  denied: {
    title: 'Нет доступа к камере',
    text: 'Вы не разрешили приложению пользоваться камерой. Разрешите доступ в настройках браузера (значок замка рядом с адресом) или загрузите фото чека.',
  },
  absent: {
    title: 'Камера не найдена',
    text: 'На этом устройстве нет камеры или она занята другим приложением. Загрузите фото чека или введите данные вручную.',
  },
  failed: {
    title: 'Камера не запустилась',
    text: 'Попробуйте ещё раз, загрузите фото чека или введите данные вручную.',
  },
};

function cameraError(e: unknown): 'denied' | 'absent' | 'failed' {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return 'absent';
  return 'failed';
}

/** Reads the receipt QR from the rear camera, frame by frame, in the browser; the camera stops on leaving. */
export default function QrScanner({ onResult }: { onResult: (qr: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [wrongCode, setWrongCode] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const done = useRef(onResult);
  done.current = onResult;

  // biome-ignore lint/correctness/useExhaustiveDependencies: «Попробовать ещё раз» bumps `attempt` to restart the camera.
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
      stream = null;
    };

    const scan = async () => {
      const v = video.current;
      if (stopped || !v || !ctx) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        // Large frames are slow to decode; a receipt QR stays readable at 1280 px.
        const scale = Math.min(1, 1280 / Math.max(v.videoWidth, v.videoHeight));
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
        try {
          const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const [hit] = await readBarcodes(image, {
            formats: ['QRCode'],
            tryHarder: true,
            maxNumberOfSymbols: 1,
          });
          if (stopped) return;
          if (hit?.isValid && hit.text) {
            if (looksLikeReceipt(hit.text)) {
              stop();
              done.current(hit.text);
              return;
            }
            setWrongCode(true);
          }
        } catch {
          // A frame that fails to decode is just skipped.
        }
      }
      timer = setTimeout(scan, 250);
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('absent');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } },
          audio: false,
        });
      } catch (e) {
        if (!stopped) setState(cameraError(e));
        return;
      }
      if (stopped) {
        for (const t of stream.getTracks()) t.stop();
        return;
      }
      const v = video.current;
      if (v) {
        v.srcObject = stream;
        await v.play().catch(() => undefined);
      }
      setState('scanning');
      scan();
    })();

    return stop;
  }, [attempt]);

  if (state === 'denied' || state === 'absent' || state === 'failed') {
    const m = MESSAGES[state];
    return (
      <Alert color="orange" icon={<IconCameraOff />} title={m.title} role="alert" data-testid="camera-error">
        <Stack gap="sm">
          <Text fz="md">{m.text}</Text>
          {state !== 'absent' && (
            <Button variant="white" w="fit-content" onClick={() => setAttempt((n) => n + 1)}>
              Попробовать ещё раз
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="sm" data-testid="camera">
      <Box
        pos="relative"
        maw={480}
        w="100%"
        style={{ aspectRatio: '3 / 4', background: '#111', borderRadius: 12, overflow: 'hidden' }}
      >
        <video
          ref={video}
          muted
          playsInline
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
        <Box
          aria-hidden
          pos="absolute"
          style={{
            inset: '20%',
            border: '4px solid rgba(255,255,255,0.9)',
            borderRadius: 16,
            boxShadow: '0 0 0 999px rgba(0,0,0,0.35)',
          }}
        />
        {state === 'starting' && (
          <Stack pos="absolute" inset={0} align="center" justify="center">
            <Loader color="white" />
          </Stack>
        )}
      </Box>
      <Text fz="lg" fw={500} data-testid="camera-hint">
        {wrongCode
          ? 'Это не QR-код чека. Наведите камеру на квадратный код внизу чека.'
          : 'Наведите камеру на QR-код внизу чека и держите телефон неподвижно.'}
      </Text>
    </Stack>
  );
}
