/** A page's query string as Next hands it to a server page. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The message for the `?notice=` code a redirect left (login, security settings); none for an unknown code. */
export function noticeFrom(params: Awaited<PageSearchParams>, notices: Record<string, string>): string | undefined {
  return typeof params.notice === 'string' ? notices[params.notice] : undefined;
}
