import 'server-only';
import { AppError } from '@/lib/errors';
import { IamportError, type IamportFailure } from './errors';

/** Maps the client's typed errors onto the app's error contract, in words for the phone agent. */
export function toAppError(error: unknown, operation: 'issue' | 'read' | 'delete'): unknown {
  if (!(error instanceof IamportError)) return error;
  const failure = error as IamportFailure;
  switch (failure.kind) {
    case 'rejected':
      return new AppError(
        'card_rejected',
        operation === 'issue'
          ? '카드사 또는 PG가 빌링키 발급을 거절했습니다. 아래 Iamport 메시지를 고객에게 확인하세요.'
          : 'Iamport가 요청을 거절했습니다.',
        { iamportMessage: failure.iamportMessage, pgCode: failure.pgCode, iamportCode: failure.iamportCode },
      );
    case 'not_found':
      return new AppError('not_found', 'Iamport에 해당 고객 결제수단 ID로 등록된 빌링키가 없습니다.', {
        iamportMessage: failure.iamportMessage,
      });
    case 'unauthorized':
      return new AppError(
        'upstream_unauthorized',
        'Iamport 인증에 실패했습니다. 관리자에게 API 키와 시크릿 설정을 확인해 달라고 요청하세요.',
      );
    case 'timeout':
      return operation === 'issue'
        ? new AppError(
            'outcome_unknown',
            `Iamport가 ${Math.round(failure.timeoutMs / 1000)}초 안에 답하지 않았습니다. 빌링키가 발급되었을 수도 있습니다. 다시 발급하기 전에 고객 결제수단 ID로 조회하세요.`,
          )
        : new AppError('upstream_unavailable', 'Iamport가 제시간에 답하지 않았습니다. 잠시 후 다시 시도하세요.');
    case 'unavailable':
      if (operation === 'issue' && failure.outcomeUnknown) {
        return new AppError(
          'outcome_unknown',
          '요청은 Iamport에 전달되었을 수 있지만 답을 받지 못했습니다(연결 끊김 또는 잘못된 응답). 빌링키가 발급되었을 수도 있습니다. 콘솔이 Iamport 조회로 결과를 확인해 기록합니다. 다시 발급하기 전에 고객 결제수단 ID로 조회하세요.',
        );
      }
      return new AppError(
        'upstream_unavailable',
        operation === 'issue'
          ? 'Iamport에 연결하지 못해 요청을 보내지 못했습니다. 빌링키는 발급되지 않았습니다. 잠시 후 다시 시도하세요.'
          : 'Iamport에 연결할 수 없거나 잘못된 응답을 받았습니다. 잠시 후 다시 시도하세요.',
      );
    default:
      return error;
  }
}
