'use client';

import { useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormSection } from '@/components/ui/card';
import type { ChannelView } from '@/lib/model/billing-keys';
import { isKnownTestCard, TEST_CARD_ON_LIVE_MESSAGE } from '@/lib/gateways/test-cards';
import { digitsOnly, passesLuhn } from '@/lib/card-number';
import { formatCardNumber, formatExpiry } from '@/lib/validations/card';
import { CardTextField } from './card-input';
import type { FormValues } from './form-values';
import { perPgRules } from './per-pg';

interface CardFieldsProps {
  control: Control<FormValues>;
  errors: FieldErrors<FormValues>;
  provider: string | undefined;
  busy: boolean;
  channel: ChannelView | undefined;
  /** The agent's form: minutes without input after which the card fields are wiped, whether that just happened, and 지우기. */
  idleWipe?: { minutes: number; happened: boolean; onWipe: () => void };
  /** The customer's own page (a link): no Iamport field names beside the labels. */
  forCustomer?: boolean;
}

/** The two short secrets: shown as dots (without `type="password"`, which password managers offer to save). */
const SECRET_DIGITS = 'masked-input w-24';

/**
 * The fields whose need depends on the PG, in the form's order; the PG's reason replaces the hint
 * when it requires one. CVC shows only where the PG asks for it (or the server named it).
 */
const PER_PG_FIELDS: {
  name: 'birth' | 'pwd_2digit' | 'cvc';
  domName: string;
  hint?: string;
  secret?: boolean;
  onlyWhenRequired?: boolean;
}[] = [
  { name: 'birth', domName: 'bk-owner', hint: '개인카드는 생년월일 6자리(YYMMDD), 법인카드는 사업자등록번호 10자리.' },
  { name: 'pwd_2digit', domName: 'bk-p2', hint: '법인카드는 보통 생략합니다.', secret: true },
  { name: 'cvc', domName: 'bk-c', secret: true, onlyWhenRequired: true },
];

const minutes = (value: number) => (value >= 1 ? `${Math.round(value)}분` : `${Math.round(value * 60)}초`);

/** Card number, expiry and the per-PG secrets; CVC only where the PG asks for it. */
export function CardFields({
  control,
  errors,
  provider,
  busy,
  channel,
  idleWipe,
  forCustomer = false,
}: CardFieldsProps) {
  const { isRequired, reason } = perPgRules(provider);
  const bound = { control, errors, apiNames: !forCustomer };
  const cardNumber = useWatch({ control, name: 'card_number' });
  const complete = digitsOnly(cardNumber).length >= 14;
  const testCard = complete && isKnownTestCard(cardNumber);
  // A number failing Luhn is no real card: the schema's own message says it is mistyped.
  const realLooking = complete && !testCard && passesLuhn(digitsOnly(cardNumber));
  const warning =
    channel?.sandbox === true && realLooking
      ? '실제 카드처럼 보입니다. 테스트 채널에는 실제 고객 카드를 입력하지 마세요. 테스트 카드번호를 쓰거나 실제 채널을 선택하세요.'
      : complete && channel?.sandbox === false && testCard
        ? TEST_CARD_ON_LIVE_MESSAGE
        : null;
  return (
    <FormSection legend="카드 정보" disabled={busy}>
      {idleWipe ? (
        <>
          <p className="text-xs text-slate-600">
            카드 정보는 저장되지 않습니다. 발급되거나 카드가 거절되면, 또 {minutes(idleWipe.minutes)} 동안 입력이 없으면
            화면에서도 지워집니다.
          </p>
          <p role="status" className="text-sm font-semibold text-amber-900 empty:hidden">
            {idleWipe.happened
              ? `${minutes(idleWipe.minutes)} 동안 입력이 없어 카드 정보를 지웠습니다. 고객에게 다시 받아 입력하세요.`
              : ''}
          </p>
        </>
      ) : (
        <p className="text-xs text-slate-600">카드 정보는 저장되지 않으며 요청이 끝나면 화면에서도 지워집니다.</p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <CardTextField
          {...bound}
          name="card_number"
          domName="bk-card"
          format={formatCardNumber}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          className="tracking-wider"
          hint={
            <>
              숫자만 입력하면 하이픈이 자동으로 들어갑니다.
              {warning && (
                <strong role="alert" className="mt-1 block font-semibold text-orange-800">
                  {warning}
                </strong>
              )}
            </>
          }
        />
        <CardTextField
          {...bound}
          name="expiry"
          domName="bk-exp"
          format={formatExpiry}
          placeholder="YYYY-MM"
          hint="연도-월 (예: 2028-12). 카드의 MM/YY도 붙여 넣을 수 있습니다."
        />
        {PER_PG_FIELDS.filter((field) => !field.onlyWhenRequired || isRequired(field.name) || errors[field.name]).map(
          (field) => (
            <CardTextField
              key={field.name}
              {...bound}
              name={field.name}
              domName={field.domName}
              required={isRequired(field.name)}
              hint={reason(field.name) ?? field.hint}
              className={field.secret ? SECRET_DIGITS : undefined}
            />
          ),
        )}
      </div>
      {idleWipe && (
        <div>
          <Button variant="secondary" size="sm" onClick={idleWipe.onWipe}>
            카드 정보 지우기
          </Button>
        </div>
      )}
    </FormSection>
  );
}
