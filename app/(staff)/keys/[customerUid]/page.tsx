import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { pageContext, requirePageActor } from '@/lib/auth/session';
import { scopeDetailTo } from '@/lib/billing-keys/scope';
import { getBillingKeyDetail } from '@/lib/billing-keys/detail';
import type { BillingKeyDetail } from '@/lib/model/billing-keys';
import { AppError } from '@/lib/errors';
import { customerUidParamSchema, decodeRouteParam } from '@/lib/validations/key-actions';
import { RefreshButton } from '@/components/refresh-button';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { KeyDetail } from './_components/key-detail';

type Props = { params: Promise<{ customerUid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `빌링키 ${decodeRouteParam((await params).customerUid)}` };
}

export default async function BillingKeyDetailPage({ params }: Props) {
  const raw = decodeRouteParam((await params).customerUid);
  const actor = await requirePageActor(['keys.view', 'keys.view.exact'], `/keys/${encodeURIComponent(raw)}`);
  const parsed = customerUidParamSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const customerUid = parsed.data;

  let detail: BillingKeyDetail;
  try {
    detail = scopeDetailTo(actor, await getBillingKeyDetail(customerUid, await pageContext(actor)));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (!(error instanceof AppError)) throw error;
    return (
      <div className="space-y-4">
        <PageHeader title="빌링키 상세" />
        <p className="font-mono text-sm break-all text-slate-700">{customerUid}</p>
        <Alert tone="error" role="alert" title="이 빌링키를 확인하지 못했습니다.">
          <p>{error.message}</p>
          <p>콘솔에 기록이 없어 Iamport의 답을 기다려야 합니다. 잠시 후 새로 고침하세요.</p>
        </Alert>
        <RefreshButton>다시 확인하기</RefreshButton>
      </div>
    );
  }
  return (
    <KeyDetail
      customerUid={customerUid}
      detail={detail}
      canDelete={can(actor.role, 'keys.delete') || can(actor.role, 'keys.delete.test_only')}
      canList={can(actor.role, 'keys.view')}
    />
  );
}
