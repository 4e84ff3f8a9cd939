import { RefreshButton } from './refresh-button';
import { Alert } from './ui/alert';

/** What a page read on the server could not load (Iamport down), and a way to read it again. */
export function LoadFailed({
  title,
  message,
  retry = '다시 불러오기',
}: {
  /** `채널 목록을 불러오지 못했습니다`. */
  title: string;
  message: string | null;
  retry?: string;
}) {
  return (
    <div className="space-y-2">
      <Alert tone="error" role="alert">
        {title}: {message}
      </Alert>
      <RefreshButton>{retry}</RefreshButton>
    </div>
  );
}
