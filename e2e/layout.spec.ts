import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { CARDS } from './cards';
import { expectNoAxeViolations, openNavMenu } from './helpers';
import { E2E } from './ports';

/**
 * Screens that fit (docs/frontend.md): every page at 390, 1280 and 1440 px is no wider than the
 * window (a wide table scrolls inside its own frame), and axe finds nothing at 390 px either.
 * With LAYOUT_SCREENSHOTS=<dir> each page is also saved there at 1440 and 390 px, for a person to
 * look at (no card number is ever typed here: keys are seeded through the API).
 */
const WIDTHS = [390, 1280, 1440] as const;
const SHOTS = process.env.LAYOUT_SCREENSHOTS;

/** 80 characters, the longest customer_uid there is: it must wrap or be cut, never widen the page. */
const LONG_UID = `layout_${'x'.repeat(60)}_${Date.now().toString(36)}`.slice(0, 80);
let runIds: string[] = [];
let linkId = '';

test.beforeAll(async () => {
  const admin = await playwrightRequest.newContext({
    baseURL: E2E.sandboxAppUrl,
    storageState: E2E.storageState('admin'),
  });
  const issued = await admin.post('/api/billing-keys', {
    data: {
      customer_uid: LONG_UID,
      pg: 'nice.nictest04m',
      card_number: CARDS.kbCheck,
      expiry: '2030-12',
      customer_name: '홍길동',
      customer_tel: '010-1234-5678',
      customer_email: 'a.very.long.customer.email.address@example.com',
    },
  });
  expect(issued.status(), await issued.text()).toBe(201);
  // Two finished QA runs, so the runner shows a matrix and the comparison has two to compare.
  runIds = [];
  for (let i = 0; i < 2; i++) {
    const started = await admin.post('/api/qa/runs', {
      data: {
        channelKeys: [
          'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1001',
          'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1003',
        ],
        scenarios: ['success', 'declined'],
      },
    });
    expect(started.status(), await started.text()).toBe(202);
    const id = ((await started.json()) as { run: { id: string } }).run.id;
    await expect
      .poll(
        async () => ((await (await admin.get(`/api/qa/runs/${id}`)).json()) as { run: { status: string } }).run.status,
        {
          timeout: 30_000,
        },
      )
      .toBe('completed');
    runIds.push(id);
  }
  // A card-registration link for a long customer_uid, so its detail page has the longest values.
  const link = await admin.post('/api/links', {
    data: { customer_uid: `${LONG_UID.slice(0, 70)}_link`, pg: 'nice.nictest04m', customer_name: '홍길동' },
  });
  expect(link.status(), await link.text()).toBe(201);
  linkId = ((await link.json()) as { link: { id: string } }).link.id;
  await admin.dispose();
});

interface Screen {
  name: string;
  /** The benchmark's empty page has nothing for axe to judge (not even a heading, on purpose). */
  skipAxe?: boolean;
  path: () => string;
  /** Something on the page that says it has loaded. */
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

const SCREENS: Screen[] = [
  {
    name: 'keys-new',
    path: () => '/keys/new',
    // The channel list loads after the page; its long option texts are what could widen it.
    ready: async (page) => {
      await expect(page.getByRole('combobox', { name: /^발급 채널/ })).toHaveValue(/channel/);
    },
  },
  {
    name: 'keys',
    path: () => '/keys',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /빌링키 목록/ })).toBeVisible();
    },
  },
  {
    name: 'keys-detail',
    path: () => `/keys/${encodeURIComponent(LONG_UID)}`,
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'Iamport 실시간 상태' })).toContainText('Iamport와 일치');
    },
  },
  { name: 'keys-not-found', path: () => '/keys/layout_no_such_key', ready: heading('빌링키를 찾을 수 없습니다') },
  { name: 'attempts', path: () => '/attempts', ready: heading('발급 시도') },
  { name: 'reconcile', path: () => '/reconcile', ready: heading('Iamport 대조') },
  {
    name: 'audit',
    path: () => '/audit',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /감사 기록/ })).toBeVisible();
    },
  },
  {
    name: 'qa',
    path: () => `/qa?run=${runIds[0]}`,
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'QA 결과 매트릭스' })).toBeVisible();
    },
  },
  {
    name: 'qa-compare',
    path: () => `/qa/compare?a=${runIds[0]}&b=${runIds[1]}`,
    ready: async (page) => {
      await expect(page.getByRole('region', { name: '실행 B 매트릭스' })).toBeVisible();
    },
  },
  {
    name: 'links',
    path: () => '/links',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /카드 등록 링크 목록/ })).toBeVisible();
    },
  },
  {
    name: 'links-new',
    path: () => '/links/new',
    ready: async (page) => {
      await expect(page.getByRole('combobox', { name: /^발급 채널/ })).toHaveValue(/channel/);
    },
  },
  {
    name: 'links-detail',
    path: () => `/links/${linkId}`,
    ready: async (page) => {
      await expect(page.getByRole('region', { name: '링크 상태' })).toContainText('고객이 아직 열지 않았습니다.');
    },
  },
  { name: 'settings-links', path: () => '/settings/links', ready: heading('카드 등록 링크 설정') },
  { name: 'settings-channels', path: () => '/settings/channels', ready: heading('채널 설정') },
  { name: 'settings-staff', path: () => '/settings/staff', ready: heading('직원 관리') },
  { name: 'settings-security', path: () => '/settings/security', ready: heading('보안 설정') },
  { name: 'access-denied', path: () => '/access-denied', ready: heading('이 화면을 볼 권한이 없습니다') },
  { name: 'not-found', path: () => '/no-such-page', ready: heading('페이지를 찾을 수 없습니다') },
  { name: 'bench-empty', path: () => '/bench/empty', ready: async () => {}, skipAxe: true },
];

/** The document is no wider than the window: nothing makes the page scroll sideways. */
async function expectFits(page: Page, where: string) {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The widest element that sticks out, to say what to fix.
    let widest = '';
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && !element.closest('.table-frame, [data-scrolls]')) {
        widest = `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 80)} (${Math.round(box.right)}px)`;
        break;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest };
  });
  expect(
    scrollWidth,
    `${where}: document ${scrollWidth}px wide in a ${innerWidth}px window; ${widest}`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** The page from the top, at most 2,000 px of it (long lists go on much further, the same). */
async function screenshot(page: Page, name: string, width: number) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: join(SHOTS, `${name}-${width}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 2_000) },
  });
}

test.describe('screens that fit, as an admin', () => {
  for (const screen of SCREENS) {
    test(`[LAYOUT] ${screen.name} fits 390, 1280 and 1440 px without sideways scrolling`, async ({ page }) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(screen.path());
        await screen.ready(page);
        await page.waitForLoadState('networkidle');
        await expectFits(page, `${screen.name} at ${width}px`);
        if (width !== 1280) await screenshot(page, screen.name, width);
      }
      // The phone layout (cards, folded filters) has no axe violations either.
      if (screen.skipAxe) return;
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(screen.path());
      await screen.ready(page);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('the header, as an admin', () => {
  test('[LAYOUT] the header is one row at 390, 1280 and 1440 px, with every link an admin has', async ({ page }) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/keys');
      const header = page.getByRole('banner');
      await expect(header.getByRole('link', { name: '빌링키 콘솔' })).toBeVisible();
      // One row: every link, button and badge in it shares a line with every other one.
      const { height, rows } = await header.evaluate((element) => {
        const boxes = [...element.querySelectorAll<HTMLElement>('a, button, span')]
          .filter((item) => item.offsetParent !== null && item.getClientRects().length > 0)
          .map((item) => item.getBoundingClientRect())
          .filter((box) => box.width > 1 && box.height > 1);
        const lowestTop = Math.max(...boxes.map((box) => box.top));
        const highestBottom = Math.min(...boxes.map((box) => box.bottom));
        return { height: element.getBoundingClientRect().height, rows: lowestTop < highestBottom ? 1 : 2 };
      });
      expect(rows, `${width}px: the header is ${Math.round(height)}px high and wraps`).toBe(1);
      expect(height, `${width}px: header height`).toBeLessThanOrEqual(64);
    }
  });
});

test.describe('the header menus, as an admin', () => {
  test('[LAYOUT] 관리 opens by keyboard, its links are links, and the page shown is marked', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/keys');
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await expect(nav.getByRole('link', { name: '빌링키 목록' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: '빌링키 발급' })).not.toHaveAttribute('aria-current', 'page');
    const trigger = nav.getByRole('button', { name: '관리', exact: true });
    // Hydrated, so the keys below reach the menu's handlers rather than the server's HTML.
    await page.waitForLoadState('networkidle');
    await trigger.focus();
    await page.keyboard.press('Enter');
    const menu = nav.getByRole('menu', { name: '관리' });
    await expect(menu.getByRole('menuitem')).toHaveText(['감사 기록', 'QA 실행', '채널 설정', '링크 설정']);
    await expect(menu.getByRole('menuitem', { name: '감사 기록' })).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: '감사 기록' })).toHaveAttribute('href', '/audit');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(trigger).toBeFocused();
    await page.keyboard.press('Space');
    await expect(menu.getByRole('menuitem', { name: '감사 기록' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'QA 실행' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: '채널 설정' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/settings\/channels$/);
    await expect(page.getByRole('heading', { level: 1, name: '채널 설정' })).toBeVisible();
    const opened = await openNavMenu(page, '관리');
    await expect(opened.getByRole('menuitem', { name: '채널 설정' })).toHaveAttribute('aria-current', 'page');
    await expect(opened.getByRole('menuitem', { name: '링크 설정' })).not.toHaveAttribute('aria-current', 'page');
  });

  test('[LAYOUT] on a phone one 메뉴 button holds every link, 관리 as a named group', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/links');
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await expect(nav.getByRole('link')).toHaveCount(0);
    const menu = await openNavMenu(page, '메뉴');
    await expect(menu.getByRole('menuitem')).toHaveText([
      '빌링키 발급',
      '빌링키 목록',
      '발급 시도',
      '등록 링크',
      'Iamport 대조',
      '감사 기록',
      'QA 실행',
      '채널 설정',
      '링크 설정',
      '직원 관리',
      '보안 설정',
      '로그아웃',
    ]);
    await expect(menu.getByRole('group', { name: '관리', exact: true }).getByRole('menuitem')).toHaveCount(4);
    // The account lives in the menu on a phone, so the header stays one row.
    const account = menu.getByRole('group', { name: /^내 계정/ });
    await expect(account).toHaveAccessibleName(/관리자/);
    await expect(account.getByRole('menuitem')).toHaveText(['직원 관리', '보안 설정', '로그아웃']);
    await expect(page.getByRole('group', { name: '내 계정', exact: true })).toBeHidden();
    await expect(menu.getByRole('menuitem', { name: '등록 링크' })).toHaveAttribute('aria-current', 'page');
    await expectFits(page, 'the open phone menu');
    await expectNoAxeViolations(page);
    await menu.getByRole('menuitem', { name: 'Iamport 대조' }).click();
    await expect(page).toHaveURL(/\/reconcile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Iamport 대조' })).toBeVisible();
  });
});

test.describe('screens that fit, signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('[LAYOUT] login fits 390, 1280 and 1440 px without sideways scrolling', async ({ page }) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/login');
      await heading('로그인')(page);
      await expectFits(page, `login at ${width}px`);
      if (width !== 1280) await screenshot(page, 'login', width);
    }
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoAxeViolations(page);
  });
});

test.describe('the issue form on a phone', () => {
  test.use({ storageState: E2E.storageState('agent') });

  test('[LAYOUT] the sticky TEST/LIVE marker never covers the field being filled', async ({ page }) => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto('/keys/new');
      const marker = page.getByRole('status', { name: '발급 채널 표시' });
      await expect(marker).toContainText('TEST 테스트 채널');
      const fields = page.getByRole('form', { name: '빌링키 발급' }).locator('input:visible, select:visible');
      const count = await fields.count();
      expect(count).toBeGreaterThan(8);
      for (let i = 0; i < count; i++) {
        const field = fields.nth(i);
        await field.focus();
        const [box, cover] = await Promise.all([field.boundingBox(), marker.boundingBox()]);
        expect(box && cover, 'both on screen').toBeTruthy();
        const overlaps =
          box!.x < cover!.x + cover!.width &&
          cover!.x < box!.x + box!.width &&
          box!.y < cover!.y + cover!.height &&
          cover!.y < box!.y + box!.height;
        expect(overlaps, `${width}px: field ${i} (${await field.getAttribute('id')}) under the marker`).toBe(false);
      }
    }
  });
});
